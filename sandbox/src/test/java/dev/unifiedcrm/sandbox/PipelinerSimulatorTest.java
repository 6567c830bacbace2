package dev.unifiedcrm.sandbox;

import static dev.unifiedcrm.sandbox.SandboxHttp.basic;
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

class PipelinerSimulatorTest {

    private static final String DOCUMENTED_LEAD = "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90";
    private static final String PROTECTED_LEAD = "b71e0c55-2d94-4f3a-8e61-0a9f7c3d2b14";

    private ProviderSimulators simulators;
    private DemoAccount account;
    private String auth;

    @BeforeEach
    void start() {
        simulators = ProviderSimulators.start("127.0.0.1");
        account = simulators.demoAccounts().get(1);
        auth = basic(account.credentials().get("username"), account.credentials().get("password"));
    }

    @AfterEach
    void stop() {
        simulators.close();
    }

    private URI lead(String id) {
        return SandboxHttp.lead(account, "/entities/Leads/", id);
    }

    @Test
    void deletesLeadWith200AndItsId() {
        HttpResponse<String> response = send("DELETE", lead(DOCUMENTED_LEAD), "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(json("{\"success\":true,\"data\":\"" + DOCUMENTED_LEAD + "\"}"));
    }

    @Test
    void acceptsTheValidationLevelQueryParameter() {
        URI uri = URI.create(lead(DOCUMENTED_LEAD) + "?validation-level=6");

        assertThat(send("DELETE", uri, "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @Test
    void deletingTwiceAnswers404WithTheErrorBody() {
        send("DELETE", lead(DOCUMENTED_LEAD), "Authorization", auth);

        HttpResponse<String> second = send("DELETE", lead(DOCUMENTED_LEAD), "Authorization", auth);

        assertThat(second.statusCode()).isEqualTo(404);
        assertErrorBody(json(second), 404);
    }

    @Test
    void aDeletedLeadIsStillServedMarkedAsDeleted() {
        send("DELETE", lead(DOCUMENTED_LEAD), "Authorization", auth);

        HttpResponse<String> fetch = send("GET", lead(DOCUMENTED_LEAD), "Authorization", auth);

        assertThat(fetch.statusCode()).isEqualTo(200);
        JsonNode lead = json(fetch).get("data");
        assertThat(lead.get("id").asText()).isEqualTo(DOCUMENTED_LEAD);
        assertThat(lead.get("is_deleted").asBoolean()).isTrue();
        assertThat(lead.get("revision").asLong()).isEqualTo(1835);
    }

    @Test
    void fetchWrapsTheDocumentedLead() {
        HttpResponse<String> response = send("GET", lead(DOCUMENTED_LEAD), "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode lead = body.get("data");
        assertThat(lead.get("id").asText()).isEqualTo(DOCUMENTED_LEAD);
        assertThat(lead.get("is_deleted").asBoolean()).isFalse();
        assertThat(lead.get("created").asText()).isEqualTo("2024-03-05 10:45:21.004512+00:00");
        assertThat(lead.get("quick_email").asText()).isEqualTo("jane.doe@acme.example");
        assertThat(lead.get("primary_account").asText()).endsWith("/Accounts/0bc376a4-c579-413a-9221-e86e4a134766");
        assertThat(lead.get("cf_budget").asInt()).isEqualTo(50000);
    }

    @Test
    void findsLeadsWhateverTheCaseOfTheirUuid() {
        HttpResponse<String> response = send("GET", lead(DOCUMENTED_LEAD.toUpperCase()), "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("data").get("id").asText()).isEqualTo(DOCUMENTED_LEAD);
    }

    @Test
    void refusesMissingAuthWith401AndBasicChallenge() {
        HttpResponse<String> response = send("DELETE", lead(DOCUMENTED_LEAD));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"restapi\"");
        assertErrorBody(json(response), 401);
    }

    @Test
    void refusesWrongPasswordWith401() {
        String wrong = basic(account.credentials().get("username"), "not-the-password");

        HttpResponse<String> response = send("GET", lead(DOCUMENTED_LEAD), "Authorization", wrong);

        assertThat(response.statusCode()).isEqualTo(401);
        assertErrorBody(json(response), 401);
    }

    @Test
    void refusesAnotherSpaceWith401() {
        URI otherSpace = URI.create(account.baseUrl().toString().replace("/spaces/sandbox", "/spaces/other")
                + "/entities/Leads/" + DOCUMENTED_LEAD);

        assertThat(send("GET", otherSpace, "Authorization", auth).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesToDeleteAProtectedLeadWith422() {
        HttpResponse<String> response = send("DELETE", lead(PROTECTED_LEAD), "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json(response);
        assertErrorBody(body, 422);
        assertThat(body.get("name").asText()).isEqualTo("ERROR_ENTITY_VALIDATION");
        assertThat(body.get("entity_id").asText()).isEqualTo(PROTECTED_LEAD);
        assertThat(send("GET", lead(PROTECTED_LEAD), "Authorization", auth).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "not-a-uuid", "1-2-3-4-5", "8c4d1f7e3b2a4d9e9f102a6b5c7d8e90",
            "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e9z"})
    void malformedIdsAnswer404(String id) {
        HttpResponse<String> response = send("DELETE", lead(id), "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(404);
        assertErrorBody(json(response), 404);
    }

    @Test
    void unknownPathsAnswer404InPipelinerFormat() {
        HttpResponse<String> response = send("GET", URI.create(account.baseUrl() + "/entities/Nope/1"),
                "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(404);
        assertErrorBody(json(response), 404);
    }

    private static void assertErrorBody(JsonNode body, int status) {
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("http_status").asInt()).isEqualTo(status);
        assertThat(body.get("code").isInt()).isTrue();
        assertThat(body.get("name").asText()).startsWith("ERROR_");
        assertThat(body.get("message").asText()).isNotBlank();
    }
}
