package dev.unifiedcrm.sandbox;

import static dev.unifiedcrm.sandbox.SandboxHttp.basic;
import static dev.unifiedcrm.sandbox.SandboxHttp.json;
import static dev.unifiedcrm.sandbox.SandboxHttp.post;
import static dev.unifiedcrm.sandbox.SandboxHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipedriveSimulatorTest {

    private static final String TOKEN = "pd-demo-token";
    private static final String EXAMPLE = "adf21080-0e10-11eb-879b-05d71fb426ec";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String CLIENT = basic("sandbox-client", "sandbox-secret");
    private static final String TRIGGER = "00000000-0000-4000-8000-00000000";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private SimulatorServer server;

    @BeforeEach
    void start() {
        PipedriveSimulator pipedrive = new PipedriveSimulator(TOKEN, new RandomValues(new SecureRandom()), clock);
        assertThat(pipedrive.seededLeadIds()).containsExactly(EXAMPLE, "1f0c3e20-db5a-11ee-a1b2-3d4e5f607182",
                "2a7d9b40-db5a-11ee-a1b2-3d4e5f607182", "3c8e0f60-db5a-11ee-a1b2-3d4e5f607182",
                "4d9f1a80-db5a-11ee-a1b2-3d4e5f607182");
        assertThat(pipedrive.credentials()).containsOnlyKeys("api_token");
        server = SimulatorServer.start("127.0.0.1", Map.of("/pipedrive", pipedrive));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI lead(String id) {
        return server.uri("/pipedrive/api/v1/leads/" + id);
    }

    private URI token() {
        return server.uri("/pipedrive/oauth/token");
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return post(token(), "grant_type=refresh_token&refresh_token=" + refreshToken,
                "Authorization", CLIENT, "Content-Type", FORM, "Accept", "application/json");
    }

    @Test
    void fetchAnswersTheDocumentedExampleByteForByte() throws IOException {
        HttpResponse<String> response = send("GET", lead(EXAMPLE), "x-api-token", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try (InputStream example = getClass().getResourceAsStream("/pipedrive/lead.json")) {
            assertThat(response.body()).isEqualTo(mapper.writeValueAsString(mapper.readTree(example)));
        }
    }

    @Test
    void theSeedsCoverAnArchivedLeadOneWithoutOrganizationAndOneWithoutCustomFields() {
        assertThat(json(send("GET", lead("2a7d9b40-db5a-11ee-a1b2-3d4e5f607182"), "x-api-token", TOKEN))
                .at("/data/is_archived").asBoolean()).isTrue();
        assertThat(json(send("GET", lead("3c8e0f60-db5a-11ee-a1b2-3d4e5f607182"), "x-api-token", TOKEN))
                .at("/data/organization_id").isNull()).isTrue();
        JsonNode plain = json(send("GET", lead("4d9f1a80-db5a-11ee-a1b2-3d4e5f607182"), "x-api-token", TOKEN)).get("data");
        assertThat(plain.properties()).extracting(Map.Entry::getKey).noneMatch(key -> key.matches("[0-9a-f]{40}.*"));
    }

    @Test
    void deleteAnswersTheEnvelopeWithTheIdAndTheLeadIsGoneForGood() {
        HttpResponse<String> deleted = send("DELETE", lead(EXAMPLE), "x-api-token", TOKEN);

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"success\":true,\"data\":{\"id\":\"" + EXAMPLE + "\"}}");
        for (String method : new String[] {"DELETE", "GET"}) {
            HttpResponse<String> again = send(method, lead(EXAMPLE), "x-api-token", TOKEN);
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(again.body()).isEqualTo("{\"success\":false,\"error\":\"Lead not found\","
                    + "\"error_info\":\"Please check developers.pipedrive.com\",\"data\":null,\"additional_data\":null}");
        }
    }

    @Test
    void idsMatchExactlySoAnUpperCaseIdIsUnknown() {
        assertThat(send("GET", lead(EXAMPLE.toUpperCase()), "x-api-token", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void aWrongTokenOrOneInTheQueryGetsTheGateways401() {
        for (HttpResponse<String> response : List.of(
                send("DELETE", lead(EXAMPLE), "x-api-token", "wrong"),
                send("DELETE", URI.create(lead(EXAMPLE) + "?api_token=" + TOKEN)),
                send("DELETE", lead(EXAMPLE), "Authorization", "Bearer " + TOKEN))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("x-401-by-gw")).contains("true");
            assertThat(response.body()).isEqualTo("{\"success\":false,\"error\":\"unauthorized access\",\"errorCode\":401,"
                    + "\"error_info\":\"Please check developers.pipedrive.com\"}");
        }
        assertThat(send("GET", lead(EXAMPLE), "x-api-token", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void theRefreshGrantRotatesTheRefreshTokenAndTheUsedOneIsRefusedAfterwards() {
        HttpResponse<String> first = refresh("sandbox-refresh-token-0");

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode body = json(first);
        assertThat(body.get("refresh_token").asText()).isEqualTo("sandbox-refresh-token-1");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("api_domain").asText()).isEqualTo("http://127.0.0.1:" + server.uri("").getPort());
        String accessToken = body.get("access_token").asText();
        assertThat(send("GET", lead(EXAMPLE), "Authorization", "Bearer " + accessToken).statusCode()).isEqualTo(200);

        HttpResponse<String> reused = refresh("sandbox-refresh-token-0");
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).isEqualTo(
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid grant: refresh_token is invalid\"}");
        assertThat(json(refresh("sandbox-refresh-token-1")).get("refresh_token").asText())
                .isEqualTo("sandbox-refresh-token-2");
    }

    @Test
    void anIssuedTokenExpiresAfterItsLifetime() {
        String accessToken = json(refresh("sandbox-refresh-token-0")).get("access_token").asText();
        clock.advance(Duration.ofSeconds(3600));

        HttpResponse<String> response = send("GET", lead(EXAMPLE), "Authorization", "Bearer " + accessToken);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("x-401-by-gw")).contains("true");
    }

    @Test
    void theClientAuthenticatesWithBasicOnly() {
        HttpResponse<String> inBody = post(token(), "grant_type=refresh_token&refresh_token=sandbox-refresh-token-0"
                + "&client_id=sandbox-client&client_secret=sandbox-secret", "Content-Type", FORM);
        HttpResponse<String> wrong = post(token(), "grant_type=refresh_token&refresh_token=sandbox-refresh-token-0",
                "Authorization", basic("sandbox-client", "nope"), "Content-Type", FORM);

        for (HttpResponse<String> response : List.of(inBody, wrong)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo(
                    "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client: client is invalid\"}");
        }
        assertThat(refresh("sandbox-refresh-token-0").statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenEndpointWantsARefreshGrantInAForm() {
        assertThat(post(token(), "{}", "Authorization", CLIENT, "Content-Type", "application/json").statusCode())
                .isEqualTo(400);
        assertThat(json(post(token(), "grant_type=authorization_code&code=x", "Authorization", CLIENT,
                "Content-Type", FORM)).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @ParameterizedTest
    @CsvSource({
            "0402, 402, Company account is not open",
            "0403, 403, You do not have permission to delete leads",
            "0422, 422, Lead is not in a valid state",
            "0500, 500, Internal server error",
            "0503, 503, Internal server error"})
    void errorTriggersAnswerPipedrivesEnvelopeForDeleteAndGet(String suffix, int status, String error) {
        for (String method : new String[] {"DELETE", "GET"}) {
            HttpResponse<String> response = send(method, lead(TRIGGER + suffix), "x-api-token", TOKEN);
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(json(response).get("success").asBoolean()).isFalse();
            assertThat(json(response).get("error").asText()).isEqualTo(error);
            assertThat(json(response).get("error_info").asText()).isEqualTo("Please check developers.pipedrive.com");
        }
    }

    @Test
    void the401TriggerAnswersTheGateway401EvenToAGoodToken() {
        HttpResponse<String> response = send("DELETE", lead(TRIGGER + "0401"), "x-api-token", TOKEN);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("x-401-by-gw")).contains("true");
    }

    @Test
    void theCloudflareTriggerIsAnHtml403() {
        HttpResponse<String> response = send("GET", lead(TRIGGER + "1403"), "x-api-token", TOKEN);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("Cloudflare");
    }

    @Test
    void theDailyBudget429SaysNoTokenIsLeft() {
        HttpResponse<String> response = send("DELETE", lead(TRIGGER + "0429"), "x-api-token", TOKEN);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("x-daily-ratelimit-token-remaining")).contains("0");
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void theBurst429HasRetryAfterAShortResetAndDailyTokensLeft() {
        HttpResponse<String> response = send("DELETE", lead(TRIGGER + "1429"), "x-api-token", TOKEN);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.headers().firstValue("x-ratelimit-reset")).contains("1");
        assertThat(Long.parseLong(response.headers().firstValue("x-daily-ratelimit-token-remaining").orElseThrow()))
                .isPositive();
    }

    @Test
    void failuresInsideA200() {
        HttpResponse<String> unknown = send("DELETE", lead(TRIGGER + "1200"), "x-api-token", TOKEN);
        HttpResponse<String> denied = send("GET", lead(TRIGGER + "2200"), "x-api-token", TOKEN);

        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("{\"success\":false,\"error\":\"Unknown failure\"}");
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(denied.body()).isEqualTo("{\"success\":false,\"error\":\"Permission denied\",\"errorCode\":403}");
    }

    @Test
    void rateLimitHeadersCountTheBurstWindowAndTheDailyTokenBudget() {
        HttpResponse<String> delete = send("DELETE", lead("1f0c3e20-db5a-11ee-a1b2-3d4e5f607182"), "x-api-token", TOKEN);
        HttpResponse<String> get = send("GET", lead(EXAMPLE), "x-api-token", TOKEN);

        assertThat(delete.headers().firstValue("x-ratelimit-limit")).contains("20");
        assertThat(delete.headers().firstValue("x-ratelimit-remaining")).contains("19");
        assertThat(delete.headers().firstValue("x-ratelimit-reset")).contains("2");
        assertThat(delete.headers().firstValue("x-daily-ratelimit-token-limit")).contains("30000");
        assertThat(delete.headers().firstValue("x-daily-ratelimit-token-remaining")).contains("29994");
        assertThat(get.headers().firstValue("x-ratelimit-remaining")).contains("18");
        assertThat(get.headers().firstValue("x-daily-ratelimit-token-remaining")).contains("29992");
        clock.advance(Duration.ofSeconds(2));
        assertThat(send("GET", lead(EXAMPLE), "x-api-token", TOKEN).headers().firstValue("x-ratelimit-remaining"))
                .contains("19");
    }
}
