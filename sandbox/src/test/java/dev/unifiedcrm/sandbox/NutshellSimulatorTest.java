package dev.unifiedcrm.sandbox;

import static dev.unifiedcrm.sandbox.SandboxHttp.basic;
import static dev.unifiedcrm.sandbox.SandboxHttp.json;
import static dev.unifiedcrm.sandbox.SandboxHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NutshellSimulatorTest {

    private NutshellSimulator simulator;
    private SimulatorServer server;
    private String auth;

    @BeforeEach
    void start() {
        simulator = new NutshellSimulator("key-" + System.nanoTime());
        server = SimulatorServer.start("127.0.0.1", Map.of("/nutshell", simulator));
        auth = basic(simulator.credentials().get("username"), simulator.credentials().get("api_key"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI lead(String id) {
        return server.uri("/nutshell" + NutshellSimulator.ROOT + "/leads/" + id);
    }

    @Test
    void seedsFiveLeadsWhoseNumbersAreNotTheirIds() {
        assertThat(simulator.seededLeadIds())
                .containsExactly("1001-leads", "1002-leads", "1003-leads", "1004-leads", "1005-leads");
        for (String id : simulator.seededLeadIds()) {
            JsonNode lead = json(send("GET", lead(id), "Authorization", auth)).at("/leads/0");
            assertThat(lead.get("id").asText()).isEqualTo(id);
            assertThat(lead.get("number").asText()).isNotEqualTo(id.replace("-leads", ""));
        }
    }

    @Test
    void fetchServesTheExampleEnvelope() {
        HttpResponse<String> response = send("GET", lead("1003-leads"), "Authorization", auth, "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.at("/meta/instanceId").asText()).isEqualTo("54321");
        assertThat(body.at("/links/leads.owner/type").asText()).isEqualTo("owners");
        assertThat(body.at("/leads/0/description").asText()).isEqualTo("Acme Corp packaging line upgrade");
        assertThat(body.at("/leads/0/links/owner").asText()).isEqualTo("5-users");
        assertThat(body.at("/leads/0/createdTime/timestamp").asLong()).isEqualTo(1709635521L);
        assertThat(body.at("/leads/0/deletedTime").isNull()).isTrue();
        assertThat(body.at("/contacts/0/id").asText()).isEqualTo("12-contacts");
        assertThat(body.at("/accounts/0/id").asText()).isEqualTo("7-accounts");
    }

    @Test
    void acceptsTheBareNumber() {
        assertThat(json(send("GET", lead("1003"), "Authorization", auth)).at("/leads/0/id").asText())
                .isEqualTo("1003-leads");
    }

    @Test
    void deleteAnswersTheLeadThenTheLeadIsGoneInBothForms() {
        HttpResponse<String> deleted = send("DELETE", lead("1002"), "Authorization", auth);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).at("/leads/0/id").asText()).isEqualTo("1002-leads");
        assertNotFoundPage(send("GET", lead("1002-leads"), "Authorization", auth));
        assertNotFoundPage(send("DELETE", lead("1002-leads"), "Authorization", auth));
        assertNotFoundPage(send("DELETE", lead("1002"), "Authorization", auth));
        assertThat(send("GET", lead("1001-leads"), "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999-leads", "7-contacts", "Lead-1045", "01003", "1003-Leads"})
    void unknownLeadsAnswerTheHtmlNotFoundPage(String id) {
        assertNotFoundPage(send("DELETE", lead(id), "Authorization", auth));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1001,1002", "1001-leads%2C1002-leads"})
    void anIdHoldingACommaIs400(String id) {
        HttpResponse<String> response = send("DELETE", lead(id), "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(send("GET", lead("1001-leads"), "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic ZGVtb0BzYW5kYm94LmV4YW1wbGU6d3Jvbmc=", "Bearer abc"})
    void otherCredentialsGetTheHtmlUnauthorizedPage(String header) {
        HttpResponse<String> response = header.isEmpty()
                ? send("DELETE", lead("1001-leads"))
                : send("DELETE", lead("1001-leads"), "Authorization", header);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/html;charset=utf-8");
        assertThat(response.body()).contains("<title>An Error Occurred: Unauthorized</title>");
        assertThat(send("GET", lead("1001-leads"), "Authorization", auth).statusCode())
                .as("nothing was deleted").isEqualTo(200);
    }

    @Test
    void aRightKeyForAnotherUserIsRefused() {
        HttpResponse<String> response = send("GET", lead("1001-leads"),
                "Authorization", basic("other@sandbox.example", simulator.credentials().get("api_key")));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static void assertNotFoundPage(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("<title>An Error Occurred: Not Found</title>",
                "The server returned a \"404 Not Found\".");
    }
}
