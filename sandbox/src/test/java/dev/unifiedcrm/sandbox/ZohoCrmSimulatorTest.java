package dev.unifiedcrm.sandbox;

import static dev.unifiedcrm.sandbox.SandboxHttp.json;
import static dev.unifiedcrm.sandbox.SandboxHttp.send;
import static dev.unifiedcrm.sandbox.SandboxHttp.sendBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZohoCrmSimulatorTest {

    private static final String LEAD = "7328395000000691001";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T10:00:00Z"));

    private ZohoCrmSimulator simulator;
    private SimulatorServer server;

    @BeforeEach
    void start() {
        RandomValues random = new RandomValues(new SecureRandom());
        simulator = new ZohoCrmSimulator("1000.CLIENT" + random.hex(4), random.hex(16), "1000." + random.hex(16), random, clock);
        server = SimulatorServer.start("127.0.0.1", Map.of("/zoho_crm", simulator));
        simulator.apiDomain(server.uri(""));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI lead(String id) {
        return server.uri("/zoho_crm" + ZohoCrmSimulator.API_ROOT + "/Leads/" + id);
    }

    private HttpResponse<String> grant(String clientId, String clientSecret, String refreshToken) {
        return sendBody("POST", server.uri("/zoho_crm" + ZohoCrmSimulator.TOKEN_PATH),
                "grant_type=refresh_token&client_id=" + clientId + "&client_secret=" + clientSecret
                        + "&refresh_token=" + refreshToken,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
    }

    private String accessToken() {
        Map<String, String> credentials = simulator.credentials();
        return json(grant(credentials.get("client_id"), credentials.get("client_secret"), credentials.get("refresh_token")))
                .get("access_token").asText();
    }

    @Test
    void theRefreshGrantGivesAnHourLongToken() {
        Map<String, String> credentials = simulator.credentials();
        HttpResponse<String> response = grant(credentials.get("client_id"), credentials.get("client_secret"),
                credentials.get("refresh_token"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("access_token").asText()).startsWith("1000.");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("api_domain").asText()).startsWith("http://127.0.0.1:");
        assertThat(body.has("refresh_token")).as("Zoho does not rotate refresh tokens").isFalse();
    }

    @Test
    void refusedGrantsAre200WithAnOAuthError() {
        Map<String, String> credentials = simulator.credentials();

        HttpResponse<String> badRefresh = grant(credentials.get("client_id"), credentials.get("client_secret"), "1000.revoked");
        HttpResponse<String> badClient = grant("1000.OTHER", credentials.get("client_secret"), credentials.get("refresh_token"));
        HttpResponse<String> badSecret = grant(credentials.get("client_id"), "nope", credentials.get("refresh_token"));

        assertThat(badRefresh.statusCode()).isEqualTo(200);
        assertThat(json(badRefresh).get("error").asText()).isEqualTo("invalid_code");
        assertThat(badClient.statusCode()).isEqualTo(200);
        assertThat(json(badClient).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(badSecret).get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void fetchesThenDeletesIntoTheRecycleBin() {
        String auth = "Zoho-oauthtoken " + accessToken();

        HttpResponse<String> fetched = send("GET", lead(LEAD), "Authorization", auth);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(json(fetched).at("/data/0/Designation").asText()).isEqualTo("Head of Procurement");
        assertThat(json(fetched).at("/data/0/Created_Time").asText()).isEqualTo("2024-03-05T16:15:21+05:30");

        HttpResponse<String> deleted = send("DELETE", lead(LEAD), "Authorization", auth);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).at("/data/0/status").asText()).isEqualTo("success");
        assertThat(json(deleted).at("/data/0/details/id").asText()).isEqualTo(LEAD);

        HttpResponse<String> again = send("DELETE", lead(LEAD), "Authorization", auth);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).at("/data/0/code").asText()).isEqualTo("INVALID_DATA");
        assertThat(json(again).at("/data/0/status").asText()).isEqualTo("error");
        assertThat(json(again).at("/data/0/details/id").asText()).isEqualTo(LEAD);

        HttpResponse<String> gone = send("GET", lead(LEAD), "Authorization", auth);
        assertThat(gone.statusCode()).isEqualTo(204);
        assertThat(gone.body()).isEmpty();
    }

    @Test
    void unknownLeadsAreAnErrorItemOrA204() {
        String auth = "Zoho-oauthtoken " + accessToken();

        assertThat(json(send("DELETE", lead("1"), "Authorization", auth)).at("/data/0/code").asText()).isEqualTo("INVALID_DATA");
        assertThat(send("GET", lead("1"), "Authorization", auth).statusCode()).isEqualTo(204);
    }

    @Test
    void missingUnknownOrExpiredTokensAre401InvalidToken() {
        String token = accessToken();

        assertInvalidToken(send("DELETE", lead(LEAD)));
        assertInvalidToken(send("DELETE", lead(LEAD), "Authorization", "Zoho-oauthtoken 1000.unknown"));
        assertInvalidToken(send("DELETE", lead(LEAD), "Authorization", "Bearer " + token));

        clock.advance(Duration.ofHours(1));
        assertInvalidToken(send("DELETE", lead(LEAD), "Authorization", "Zoho-oauthtoken " + token));
        assertThat(send("GET", lead(LEAD), "Authorization", "Zoho-oauthtoken " + accessToken()).statusCode())
                .as("nothing was deleted").isEqualTo(200);
    }

    @Test
    void seedsFiveLeadsWith19DigitIds() {
        assertThat(simulator.seededLeadIds()).containsExactly("7328395000000691001", "7328395000000691017",
                "7328395000000691033", "7328395000000691049", "7328395000000691065");
    }

    private static void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = json(response);
        assertThat(body.get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(body.get("status").asText()).isEqualTo("error");
    }
}
