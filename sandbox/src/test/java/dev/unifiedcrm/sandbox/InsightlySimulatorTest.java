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

class InsightlySimulatorTest {

    private ProviderSimulators simulators;
    private DemoAccount account;
    private String auth;

    @BeforeEach
    void start() {
        simulators = ProviderSimulators.start("127.0.0.1");
        account = simulators.demoAccounts().get(0);
        auth = basic(account.credentials().get("api_key"), "");
    }

    @AfterEach
    void stop() {
        simulators.close();
    }

    private URI lead(String id) {
        return SandboxHttp.lead(account, "/Leads/", id);
    }

    @Test
    void deletesLeadWith202AndNoBody() {
        HttpResponse<String> response = send("DELETE", lead("71234567"), "Authorization", auth);

        // As recorded from Insightly: 202, Content-Length 0, no Content-Type.
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Length")).hasValue("0");
        assertThat(response.headers().firstValue("Content-Type")).isEmpty();
    }

    @Test
    void deletingTwiceAnswers404WithMessage() {
        send("DELETE", lead("71234567"), "Authorization", auth);

        HttpResponse<String> second = send("DELETE", lead("71234567"), "Authorization", auth);
        HttpResponse<String> fetch = send("GET", lead("71234567"), "Authorization", auth);

        // As recorded from Insightly: a plain-text 404 naming the id.
        assertThat(second.statusCode()).isEqualTo(404);
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(second.body()).isEqualTo("No Lead with ID = 71234567");
        assertThat(fetch.statusCode()).isEqualTo(404);
        assertThat(fetch.body()).isEqualTo("No Lead with ID = 71234567");
    }

    @Test
    void fetchReturnsTheBareDocumentedLead() {
        HttpResponse<String> response = send("GET", lead("71234567"), "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode lead = json(response);
        assertThat(lead.get("LEAD_ID").asLong()).isEqualTo(71234567L);
        assertThat(lead.get("FIRST_NAME").asText()).isEqualTo("Jane");
        assertThat(lead.get("ORGANISATION_NAME").asText()).isEqualTo("Acme Corp");
        assertThat(lead.get("ADDRESS_STREET").asText()).isEqualTo("1 Market St\nSuite 300");
        assertThat(lead.get("DATE_CREATED_UTC").asText()).isEqualTo("2024-03-05 10:45:21");
        assertThat(lead.get("FAX").isNull()).isTrue();
        assertThat(lead.get("CUSTOMFIELDS").get(0).get("FIELD_NAME").asText()).isEqualTo("Budget__c");
        assertThat(lead.get("TAGS").get(0).get("TAG_NAME").asText()).isEqualTo("trade-show");
        assertThat(lead.has("data")).isFalse();
    }

    @Test
    void everySeededLeadCanBeFetchedWithTheDocumentedKeys() {
        for (String id : account.seededLeadIds()) {
            JsonNode lead = json(send("GET", lead(id), "Authorization", auth));
            assertThat(lead.get("LEAD_ID").asText()).isEqualTo(id);
            assertThat(lead.has("EMAIL")).isTrue();
            assertThat(lead.has("EMAIL_ADDRESS")).as("v2 names must not appear").isFalse();
        }
    }

    @Test
    void refusesMissingAuthWith401Message() {
        HttpResponse<String> response = send("DELETE", lead("71234567"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("Message").asText()).isNotBlank();
        assertThat(send("GET", lead("71234567"), "Authorization", auth).statusCode())
                .as("a refused delete deletes nothing").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong-key:", "KEY:not-empty", "Bearer KEY"})
    void refusesWrongCredentialsWith401(String spelling) {
        String key = account.credentials().get("api_key");
        String header = spelling.startsWith("Bearer")
                ? spelling.replace("KEY", key)
                : basic(spelling.substring(0, spelling.indexOf(':')).replace("KEY", key),
                        spelling.substring(spelling.indexOf(':') + 1));

        HttpResponse<String> response = send("GET", lead("71234567"), "Authorization", header);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).has("Message")).isTrue();
    }

    @Test
    void everyAnswerCarriesADailyQuotaThatCountsDown() {
        HttpResponse<String> first = send("GET", lead("71234567"), "Authorization", auth);
        HttpResponse<String> second = send("GET", lead("1"), "Authorization", auth);
        HttpResponse<String> refused = send("GET", lead("71234567"));

        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("1000");
        int afterFirst = Integer.parseInt(first.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        int afterSecond = Integer.parseInt(second.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertThat(afterFirst).isEqualTo(999);
        assertThat(afterSecond).isEqualTo(afterFirst - 1);
        assertThat(refused.headers().firstValue("X-RateLimit-Limit")).hasValue("1000");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    }

    @Test
    void answers429OnceTheDailyQuotaIsSpent() {
        InsightlySimulator simulator = new InsightlySimulator("key", 2);
        String key = basic("key", "");
        IncomingRequest get = new IncomingRequest("GET", "/v3.1/Leads/71234567",
                name -> name.equals("Authorization") ? key : null);

        assertThat(simulator.handle(get).status()).isEqualTo(200);
        Reply last = simulator.handle(get);
        Reply spent = simulator.handle(get);

        assertThat(last.status()).isEqualTo(200);
        assertThat(last.headers()).containsEntry("X-RateLimit-Remaining", "0");
        assertThat(spent.status()).isEqualTo(429);
        assertThat(spent.headers()).containsEntry("X-RateLimit-Limit", "2").containsEntry("X-RateLimit-Remaining", "0");
        assertThat(json(new String(spent.body(), java.nio.charset.StandardCharsets.UTF_8)).has("Message")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-71234567", "%2B71234567", "71234567.0", "7123456712345671234567"})
    void malformedIdsAnswer404(String id) {
        HttpResponse<String> response = send("DELETE", lead(id), "Authorization", auth);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("No Lead with ID = " + id);
    }

    @Test
    void unknownPathsAndMethodsAnswerInInsightlyFormat() {
        HttpResponse<String> unknown = send("GET", URI.create(account.baseUrl() + "/Nope/1"), "Authorization", auth);
        HttpResponse<String> put = send("PUT", lead("71234567"), "Authorization", auth);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).has("Message")).isTrue();
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(json(put).has("Message")).isTrue();
    }
}
