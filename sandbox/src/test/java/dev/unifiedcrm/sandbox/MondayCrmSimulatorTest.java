package dev.unifiedcrm.sandbox;

import static dev.unifiedcrm.sandbox.SandboxHttp.json;
import static dev.unifiedcrm.sandbox.SandboxHttp.send;
import static dev.unifiedcrm.sandbox.SandboxHttp.sendBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MondayCrmSimulatorTest {

    private static final String CHECK = "query ($ids: [ID!]) { items (ids: $ids) { id state board { id } } }";
    private static final String DELETE = "mutation ($id: ID!) { delete_item (item_id: $id) { id } }";

    private MondayCrmSimulator simulator;
    private SimulatorServer server;
    private String token;

    @BeforeEach
    void start() {
        simulator = new MondayCrmSimulator("tok" + System.nanoTime(), new RandomValues(new SecureRandom()));
        server = SimulatorServer.start("127.0.0.1", Map.of("/monday_crm", simulator));
        token = simulator.credentials().get("api_token");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI endpoint() {
        return server.uri("/monday_crm" + MondayCrmSimulator.ROOT);
    }

    private HttpResponse<String> post(String document, String variables, String... extraHeaders) {
        String body = "{\"query\":\"" + document + "\",\"variables\":" + variables + "}";
        String[] headers = new String[4 + extraHeaders.length];
        headers[0] = "Authorization";
        headers[1] = token;
        headers[2] = "Content-Type";
        headers[3] = "application/json";
        System.arraycopy(extraHeaders, 0, headers, 4, extraHeaders.length);
        return sendBody("POST", endpoint(), body, headers);
    }

    @Test
    void seedsFiveLeadsOnTheLeadsBoardAndOneItemElsewhere() {
        assertThat(simulator.seededLeadIds())
                .containsExactly("18273395993", "18273396001", "18273396015", "18273396027", "18273396042");
        assertThat(simulator.seededItemIds()).contains("18273397000");
    }

    @Test
    void theQueryReturnsKnownItemsWithEveryFieldAndLeavesOutUnknownIds() {
        HttpResponse<String> response = post(CHECK, "{\"ids\":[\"18273395993\",\"1\",\"18273397000\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = json(response).at("/data/items");
        assertThat(items).hasSize(2);
        assertThat(items.at("/0/id").asText()).isEqualTo("18273395993");
        assertThat(items.at("/0/name").asText()).isEqualTo("Jane Doe");
        assertThat(items.at("/0/state").asText()).isEqualTo("active");
        assertThat(items.at("/0/board/id").asText()).isEqualTo(MondayCrmSimulator.LEADS_BOARD);
        assertThat(items.at("/0/column_values/0/label").asText()).isEqualTo("Contacted");
        assertThat(items.at("/0/column_values/5/persons_and_teams/0/id").asText()).isEqualTo("45641210");
        assertThat(items.at("/1/board/id").asText()).isEqualTo(MondayCrmSimulator.OTHER_BOARD);
        assertThat(json(response).at("/extensions/request_id").asText()).isNotBlank();
    }

    @Test
    void theMutationDeletesOnceThenAnswersItemNotFoundInsideA200() {
        HttpResponse<String> deleted = post(DELETE, "{\"id\":\"18273396001\"}");

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).at("/data/delete_item/id").asText()).isEqualTo("18273396001");
        assertThat(json(post(CHECK, "{\"ids\":[\"18273396001\"]}")).at("/data/items/0/state").asText())
                .isEqualTo("deleted");

        HttpResponse<String> again = post(DELETE, "{\"id\":\"18273396001\"}");

        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode body = json(again);
        assertThat(body.at("/data/delete_item").isNull()).isTrue();
        assertThat(body.at("/errors/0/message").asText()).isEqualTo("Item not found");
        assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("InvalidItemIdException");
        assertThat(body.at("/errors/0/extensions/status_code").asInt()).isEqualTo(200);
    }

    @Test
    void anUnknownItemIsItemNotFound() {
        JsonNode body = json(post(DELETE, "{\"id\":\"999\"}"));

        assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("InvalidItemIdException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer ", "wrong"})
    void anythingButTheRawTokenIs401NotAuthenticated(String prefixOrToken) {
        String header = prefixOrToken.equals("wrong") ? "wrong" : prefixOrToken + token;
        HttpResponse<String> response = prefixOrToken.isEmpty()
                ? sendBody("POST", endpoint(), "{\"query\":\"" + DELETE + "\",\"variables\":{\"id\":\"18273395993\"}}")
                : sendBody("POST", endpoint(), "{\"query\":\"" + DELETE + "\",\"variables\":{\"id\":\"18273395993\"}}",
                        "Authorization", header);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).at("/errors/0/extensions/code").asText()).isEqualTo("NOT_AUTHENTICATED");
        assertThat(json(post(CHECK, "{\"ids\":[\"18273395993\"]}")).at("/data/items/0/state").asText())
                .as("nothing was deleted").isEqualTo("active");
    }

    @Test
    void echoesTheApiVersionSentElseTheDefault() {
        assertThat(post(CHECK, "{\"ids\":[]}", "API-Version", "2026-07").headers().firstValue("Api-Version"))
                .contains("2026-07");
        assertThat(post(CHECK, "{\"ids\":[]}").headers().firstValue("Api-Version")).contains("2026-10");
    }

    @Test
    void otherDocumentsAndMethodsAreErrors() {
        HttpResponse<String> other = post("query { me { id } }", "{}");

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(json(other).at("/errors/0/extensions/code").asText()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(send("GET", endpoint(), "Authorization", token).statusCode()).isEqualTo(405);
    }
}
