package dev.unifiedcrm.sandbox;

import static dev.unifiedcrm.sandbox.SandboxHttp.json;
import static dev.unifiedcrm.sandbox.SandboxHttp.post;
import static dev.unifiedcrm.sandbox.SandboxHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceSimulatorTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private SalesforceSimulator salesforce;
    private SimulatorServer server;

    @BeforeEach
    void start() {
        RandomValues random = new RandomValues(new SecureRandom());
        salesforce = new SalesforceSimulator("/salesforce", random.hex(16), random.hex(24), random, clock);
        server = SimulatorServer.start("127.0.0.1", Map.of("/salesforce", salesforce));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theClientCredentialsGrantAnswersATokenWithoutExpiresIn() {
        HttpResponse<String> response = tokenRequest(clientCredentials(salesforce.credentials().get("client_secret")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("access_token").asText()).startsWith("00DHs000000Xyz1!").hasSizeGreaterThan(40);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("scope").asText()).isEqualTo("api");
        assertThat(body.get("instance_url").asText()).isEqualTo(server.uri("/salesforce").toString());
        assertThat(body.get("id").asText()).startsWith("https://login.salesforce.com/id/00D");
        assertThat(body.get("issued_at").asText()).isEqualTo(Long.toString(clock.instant().toEpochMilli()));
        assertThat(body.has("expires_in")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).isEmpty();
    }

    @Test
    void everyTokenIsNew() {
        String first = token();
        String second = token();

        assertThat(second).isNotEqualTo(first);
        assertThat(send("GET", lead("00QHs00000Lk3pRMAR"), "Authorization", "Bearer " + first).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsAnInvalidClient() {
        HttpResponse<String> response = tokenRequest(clientCredentials("wrong"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(response).get("error_description").asText()).isEqualTo("invalid client credentials");
    }

    @Test
    void aWrongClientIdIsAnInvalidClient() {
        String form = "grant_type=client_credentials&client_id=someone-else&client_secret="
                + encode(salesforce.credentials().get("client_secret"));

        assertThat(json(tokenRequest(form)).get("error").asText()).isEqualTo("invalid_client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "refresh_token", "urn:ietf:params:oauth:grant-type:jwt-bearer", ""})
    void anotherGrantIsUnsupported(String grant) {
        Map<String, String> credentials = salesforce.credentials();
        String form = "grant_type=" + encode(grant) + "&client_id=" + encode(credentials.get("client_id"))
                + "&client_secret=" + encode(credentials.get("client_secret"));

        HttpResponse<String> response = tokenRequest(form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(json(response).get("error_description").asText()).isEqualTo("grant type not supported");
    }

    @Test
    void theTokenRequestMustBeAForm() {
        HttpResponse<String> response = post(server.uri("/salesforce/services/oauth2/token"),
                clientCredentials(salesforce.credentials().get("client_secret")), "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void aRepeatedFieldMakesAMalformedForm() {
        String form = clientCredentials(salesforce.credentials().get("client_secret")) + "&client_id=x";

        assertThat(json(tokenRequest(form)).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void fetchAnswersTheBareLeadWithUsageCounted() {
        String auth = "Bearer " + token();

        HttpResponse<String> first = send("GET", lead("00QHs00000Lk3pRMAR"), "Authorization", auth);
        HttpResponse<String> second = send("GET", lead("00QHs00000Lk4aBMAR"), "Authorization", auth);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = json(first);
        assertThat(body.at("/attributes/type").asText()).isEqualTo("Lead");
        assertThat(body.get("Id").asText()).isEqualTo("00QHs00000Lk3pRMAR");
        assertThat(body.get("FirstName").asText()).isEqualTo("Jane");
        assertThat(body.get("CreatedDate").asText()).isEqualTo("2024-03-05T10:45:21.000+0000");
        assertThat(body.get("External_Ref__c").asText()).isEqualTo("123456789012345678");
        assertThat(first.headers().firstValue("Sforce-Limit-Info")).contains("api-usage=1/15000");
        assertThat(second.headers().firstValue("Sforce-Limit-Info")).contains("api-usage=2/15000");
        assertThat(json(second).get("ConvertedDate").isNull()).isTrue();
        assertThat(json(second).get("Budget__c").isNull()).isTrue();
    }

    @Test
    void aFifteenCharacterIdFindsItsSeedCaseSensitively() {
        String auth = "Bearer " + token();

        assertThat(json(send("GET", lead("00QHs00000Lk3pR"), "Authorization", auth)).get("Id").asText())
                .isEqualTo("00QHs00000Lk3pRMAR");
        HttpResponse<String> otherCase = send("GET", lead("00QHs00000LK3PR"), "Authorization", auth);
        assertThat(otherCase.statusCode()).isEqualTo(404);
        assertThat(json(otherCase).at("/0/errorCode").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void deleteAnswers204ThenTheLeadIsInTheRecycleBin() {
        String auth = "Bearer " + token();

        HttpResponse<String> deleted = send("DELETE", lead("00QHs00000Lk3pR"), "Authorization", auth);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.headers().firstValue("Content-Type")).isEmpty();
        assertThat(deleted.headers().firstValue("Sforce-Limit-Info")).contains("api-usage=1/15000");
        for (String method : List.of("DELETE", "GET")) {
            HttpResponse<String> again = send(method, lead("00QHs00000Lk3pRMAR"), "Authorization", auth);
            assertThat(again.statusCode()).as(method).isEqualTo(404);
            JsonNode error = json(again).get(0);
            assertThat(error.get("errorCode").asText()).isEqualTo("ENTITY_IS_DELETED");
            assertThat(error.get("message").asText()).isEqualTo("entity is deleted");
            assertThat(error.get("fields").isArray()).isTrue();
        }
    }

    @Test
    void theLockedLeadRefusesItsDeleteButCanBeRead() {
        String auth = "Bearer " + token();

        HttpResponse<String> refused = send("DELETE", lead(SalesforceSimulator.LOCKED_LEAD_ID), "Authorization", auth);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/0/errorCode").asText()).isEqualTo("ENTITY_IS_LOCKED");
        assertThat(json(refused).at("/0/message").asText())
                .isEqualTo("This record is locked. If you need to edit it, contact your admin.");
        assertThat(send("GET", lead(SalesforceSimulator.LOCKED_LEAD_ID), "Authorization", auth).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00QHs00000Zz9ZzMAJ", "003Hs00000Mn2XeIAJ", "abc", "00QHs00000Lk3pRMA"})
    void unknownIdsAnswerNotFound(String id) {
        HttpResponse<String> response = send("DELETE", lead(id), "Authorization", "Bearer " + token());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/0/errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(json(response).at("/0/message").asText()).isEqualTo("The requested resource does not exist");
    }

    @Test
    void otherPathsAnswerNotFoundAsAnArray() {
        String auth = "Bearer " + token();

        for (String path : List.of("/services/data/v63.0/sobjects/Lead/00QHs00000Lk3pRMAR",
                "/services/data/v64.0/sobjects/Contact/003Hs00000Mn2XeIAJ", "/services/oauth2/revoke")) {
            HttpResponse<String> response = send("GET", server.uri("/salesforce" + path), "Authorization", auth);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).at("/0/errorCode").asText()).isEqualTo("NOT_FOUND");
        }
        assertThat(send("GET", server.uri("/salesforce/services/oauth2/token"), "Authorization", auth).statusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherMethodOnALeadIs405() {
        HttpResponse<String> response = send("PUT", lead("00QHs00000Lk3pRMAR"), "Authorization", "Bearer " + token());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).at("/0/errorCode").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer unknown", "Basic dXNlcjpwYXNz"})
    void aMissingOrUnknownTokenIsAnInvalidSession(String header) {
        HttpResponse<String> response = header.isEmpty()
                ? send("DELETE", lead("00QHs00000Lk3pRMAR"))
                : send("DELETE", lead("00QHs00000Lk3pRMAR"), "Authorization", header);

        assertInvalidSession(response);
        assertThat(response.headers().firstValue("Sforce-Limit-Info")).isPresent();
        assertThat(send("GET", lead("00QHs00000Lk3pRMAR"), "Authorization", "Bearer " + token()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aTokenExpiresFifteenMinutesAfterIssue() {
        String auth = "Bearer " + token();
        clock.advance(SalesforceSimulator.TOKEN_LIFETIME.minusSeconds(1));
        assertThat(send("GET", lead("00QHs00000Lk3pRMAR"), "Authorization", auth).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));

        assertInvalidSession(send("DELETE", lead("00QHs00000Lk3pRMAR"), "Authorization", auth));
        assertThat(send("DELETE", lead("00QHs00000Lk3pRMAR"), "Authorization", "Bearer " + token()).statusCode())
                .isEqualTo(204);
    }

    @Test
    void concurrentDeletesOfOneLeadSucceedExactlyOnce() throws Exception {
        String auth = "Bearer " + token();
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Integer> call = () -> {
                    go.await();
                    return send("DELETE", lead("00QHs00000Mb7QxMAJ"), "Authorization", auth).statusCode();
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 204).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 404).hasSize(callers - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSeedsAreTheFiveLeadsWithTheExampleFirst() {
        assertThat(salesforce.seededLeadIds()).containsExactly("00QHs00000Lk3pRMAR", "00QHs00000Lk4aBMAR",
                "00QHs00000Mb7QxMAJ", "00QHs00000Nc2ZyMAJ", "00QHs00000Pd9KwMAJ");
        String auth = "Bearer " + token();
        for (String id : salesforce.seededLeadIds().subList(1, 5)) {
            JsonNode lead = json(send("GET", lead(id), "Authorization", auth));
            assertThat(lead.get("Id").asText()).isEqualTo(id);
            assertThat(lead.at("/attributes/url").asText()).endsWith("/sobjects/Lead/" + id);
            assertThat(lead.get("IsConverted").asBoolean()).isFalse();
            assertThat(lead.get("FirstName").asText()).isNotEqualTo("Jane");
            assertThat(lead.get("Product_Interest__c").isNull()).isTrue();
        }
    }

    private static void assertInvalidSession(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = json(response).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
        assertThat(error.get("message").asText()).isEqualTo("Session expired or invalid");
    }

    private URI lead(String id) {
        return server.uri("/salesforce/services/data/v64.0/sobjects/Lead/" + id);
    }

    private String token() {
        HttpResponse<String> response = tokenRequest(clientCredentials(salesforce.credentials().get("client_secret")));
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    private HttpResponse<String> tokenRequest(String form) {
        return post(server.uri("/salesforce/services/oauth2/token"), form,
                "Content-Type", FORM, "Accept", "application/json");
    }

    private String clientCredentials(String secret) {
        return "grant_type=client_credentials&client_id=" + encode(salesforce.credentials().get("client_id"))
                + "&client_secret=" + encode(secret);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
