package dev.unifiedcrm.sandbox;

import static dev.unifiedcrm.sandbox.SandboxHttp.json;
import static dev.unifiedcrm.sandbox.SandboxHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZendeskSellSimulatorTest {

    private ProviderSimulators simulators;
    private DemoAccount account;
    private String auth;

    @BeforeEach
    void start() {
        simulators = ProviderSimulators.start("127.0.0.1");
        account = simulators.demoAccounts().get(2);
        auth = "Bearer " + account.credentials().get("access_token");
    }

    @AfterEach
    void stop() {
        simulators.close();
    }

    private URI lead(String id) {
        return SandboxHttp.lead(account, "/leads/", id);
    }

    @Test
    void deletesLeadWith204AndNoBody() {
        HttpResponse<String> response = send("DELETE", lead("1"), "Authorization", auth, "User-Agent", "test/1.0");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void deletingTwiceAnswers404NotFoundWithLogref() {
        send("DELETE", lead("1"), "Authorization", auth);

        HttpResponse<String> second = send("DELETE", lead("1"), "Authorization", auth);

        assertThat(second.statusCode()).isEqualTo(404);
        JsonNode body = json(second);
        assertEnvelope(body, "not_found", "404 Not Found");
        assertThat(body.at("/errors/0/error/resource").asText()).isEqualTo("lead");
        assertThat(body.at("/meta/logref").asText())
                .isEqualTo(second.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(send("GET", lead("1"), "Authorization", auth).statusCode()).isEqualTo(404);
    }

    @Test
    void fetchWrapsTheDocumentedLead() {
        HttpResponse<String> response = send("GET", lead("1"), "Authorization", auth, "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.at("/meta/type").asText()).isEqualTo("lead");
        JsonNode lead = body.get("data");
        assertThat(lead.get("id").asLong()).isEqualTo(1L);
        assertThat(lead.get("first_name").asText()).isEqualTo("Mark");
        assertThat(lead.at("/address/postal_code").asText()).isEqualTo("02601");
        assertThat(lead.at("/custom_fields/known_via").asText()).isEqualTo("Tom");
        assertThat(lead.get("created_at").asText()).isEqualTo("2014-08-27T16:32:56Z");
    }

    @Test
    void refusesMissingTokenWith401Unauthorized() {
        HttpResponse<String> response = send("DELETE", lead("1"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertEnvelope(json(response), "unauthorized", "401 Unauthorized");
        assertThat(send("GET", lead("1"), "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong", "Basic dXNlcjpwYXNz", "Bearer"})
    void refusesWrongTokenWith401Unauthorized(String header) {
        HttpResponse<String> response = send("GET", lead("1"), "Authorization", header);

        assertThat(response.statusCode()).isEqualTo(401);
        assertEnvelope(json(response), "unauthorized", "401 Unauthorized");
    }

    @Test
    void refusesRequestWithoutUserAgentWith400() {
        String answer = SandboxHttp.raw(account.baseUrl(), "DELETE " + account.baseUrl().getPath() + "/leads/1 HTTP/1.1\r\n"
                + "Host: " + account.baseUrl().getAuthority() + "\r\n"
                + "Authorization: " + auth);

        assertThat(SandboxHttp.statusOf(answer)).isEqualTo(400);
        assertEnvelope(json(SandboxHttp.bodyOf(answer)), "invalid_user_agent", "400 Bad Request");
        assertThat(send("GET", lead("1"), "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.0", "99999999999999999999"})
    void malformedIdsAnswer404NotFound(String id) {
        HttpResponse<String> response = send("DELETE", lead(id), "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(404);
        assertEnvelope(json(response), "not_found", "404 Not Found");
    }

    @Test
    void anUnknownPathAnswers404IncorrectPath() {
        HttpResponse<String> response = send("GET", URI.create(account.baseUrl() + "/leeds/1"),
                "Authorization", auth, "User-Agent", "test/1.0");

        assertThat(response.statusCode()).isEqualTo(404);
        assertEnvelope(json(response), "incorrect_path", "404 Not Found");
    }

    @Test
    void anUnknownQueryParameterAnswers400InvalidParamAndDeletesNothing() {
        HttpResponse<String> response = send("DELETE", URI.create(lead("1") + "?cascade%5Bx%5D=true&other=1"),
                "Authorization", auth, "User-Agent", "test/1.0");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertEnvelope(body, "invalid_param", "400 Bad Request");
        assertThat(body.at("/errors/0/error/details").asText()).startsWith("Unknown parameter: cascade[x].");
        assertThat(send("GET", lead("1"), "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @Test
    void requestsJettyRefusesStillGetTheErrorEnvelope() {
        String answer = SandboxHttp.raw(account.baseUrl(), "GET " + account.baseUrl().getPath() + "/leads/1 HTTP/1.1\r\n"
                + "Host: " + account.baseUrl().getAuthority() + "\r\n"
                + "X-Padding: " + "x".repeat(20_000));

        assertThat(SandboxHttp.statusOf(answer)).isEqualTo(431);
        assertThat(json(SandboxHttp.bodyOf(answer)).at("/meta/type").asText()).isEqualTo("errors");
    }

    private static void assertEnvelope(JsonNode body, String code, String httpStatus) {
        assertThat(body.at("/errors/0/error/code").asText()).isEqualTo(code);
        assertThat(body.at("/errors/0/error/message").asText()).isNotBlank();
        assertThat(body.at("/errors/0/meta/type").asText()).isEqualTo("error");
        assertThat(body.at("/meta/type").asText()).isEqualTo("errors");
        assertThat(body.at("/meta/http_status").asText()).isEqualTo(httpStatus);
        assertThat(body.at("/meta/logref").asText()).isNotBlank();
    }
}
