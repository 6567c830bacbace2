package dev.unifiedcrm.sandbox;

import static dev.unifiedcrm.sandbox.SandboxHttp.json;
import static dev.unifiedcrm.sandbox.SandboxHttp.post;
import static dev.unifiedcrm.sandbox.SandboxHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HubSpotSimulatorTest {

    private static final String STANDARD = "hs_lead_name,hs_lead_type,hs_lead_label,hs_lead_source,hs_pipeline,"
            + "hs_pipeline_stage,hubspot_owner_id,hs_associated_contact_firstname,hs_associated_contact_lastname,"
            + "hs_associated_contact_email,hs_associated_company_name,hs_associated_company_domain,"
            + "hs_last_activity_date,hs_createdate,hs_lastmodifieddate,hs_object_id";
    private static final String EXAMPLE_QUERY = "?properties=" + STANDARD.replace(",", "%2C")
            + "%2Cbudget_eur%2Ctrade_show_name&associations=contacts%2Ccompanies&archived=false";
    private static final String STATIC = "Bearer " + HubSpotSimulator.STATIC_TOKEN;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String GOOD_GRANT = "grant_type=refresh_token&client_id=sandbox-client"
            + "&client_secret=sandbox-secret&refresh_token=sandbox-refresh-token";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-10T12:00:00Z"));
    private SimulatorServer server;

    @BeforeEach
    void start() {
        HubSpotSimulator hubspot = new HubSpotSimulator(new RandomValues(new SecureRandom()), clock);
        assertThat(hubspot.seededLeadIds())
                .containsExactly("38475629104", "38475629105", "38475629106", "38475629107", "38475629108");
        server = SimulatorServer.start("127.0.0.1", Map.of("/hubspot", hubspot));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI lead(String id, String query) {
        return server.uri("/hubspot/crm/objects/2026-03/leads/" + id + query);
    }

    private URI token() {
        return server.uri("/hubspot/oauth/2026-03/token");
    }

    @Test
    void fetchAnswersTheDocumentedExampleByteForByte() throws IOException {
        HttpResponse<String> response = send("GET", lead("38475629104", EXAMPLE_QUERY), "Authorization", STATIC);

        assertThat(response.statusCode()).isEqualTo(200);
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream example = getClass().getResourceAsStream("/hubspot/lead.json")) {
            assertThat(response.body()).isEqualTo(mapper.writeValueAsString(mapper.readTree(example)));
        }
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void fetchAnswersOnlyTheKnownPropertiesAskedForAndOnlyTheAssociationsAskedFor() {
        HttpResponse<String> response = send("GET",
                lead("38475629105", "?properties=hs_lead_name,no_such_property,hs_pipeline_stage&associations=companies"),
                "Authorization", STATIC);

        JsonNode body = json(response);
        assertThat(body.get("id").asText()).isEqualTo("38475629105");
        assertThat(body.get("properties").properties()).extracting(Map.Entry::getKey)
                .containsExactly("hs_lead_name", "hs_pipeline_stage");
        assertThat(body.at("/properties/hs_lead_name").asText()).isEqualTo("Globex - warehouse robots");
        assertThat(body.get("associations").has("contacts")).isFalse();
        assertThat(body.at("/associations/companies/results/0/type").asText()).isEqualTo("lead_to_primary_company");
    }

    @Test
    void unsetPropertiesComeBackAsNull() {
        JsonNode body = json(send("GET", lead("38475629106", "?properties=budget_eur,trade_show_name"),
                "Authorization", STATIC));

        assertThat(body.at("/properties/budget_eur").asText()).isEqualTo("8000");
        assertThat(body.at("/properties/trade_show_name").isNull()).isTrue();
        assertThat(body.has("associations")).isFalse();
    }

    @Test
    void deleteAnswers204WithoutBodyOrContentTypeAndRemovesTheLead() {
        HttpResponse<String> deleted = send("DELETE", lead("38475629104", ""), "Authorization", STATIC);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(deleted.headers().firstValue("Content-Type")).isEmpty();
        HttpResponse<String> fetched = send("GET", lead("38475629104", "?properties=hs_lead_name"), "Authorization", STATIC);
        assertThat(fetched.statusCode()).isEqualTo(404);
        assertThat(json(fetched).get("message").asText()).isEqualTo("resource not found");
        assertThat(json(fetched).get("correlationId").asText()).matches("[0-9a-f-]{36}");
        assertThat(json(fetched).has("category")).isFalse();
    }

    @Test
    void deletingAMissingOrAlreadyDeletedLeadAlsoAnswers204() {
        assertThat(send("DELETE", lead("123", ""), "Authorization", STATIC).statusCode()).isEqualTo(204);
        send("DELETE", lead("38475629105", ""), "Authorization", STATIC);
        assertThat(send("DELETE", lead("38475629105", ""), "Authorization", STATIC).statusCode()).isEqualTo(204);
    }

    @Test
    void archivedTrueFindsNothing() {
        assertThat(send("GET", lead("38475629107", "?archived=true"), "Authorization", STATIC).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theRefreshGrantGivesAThirtyMinuteTokenAndTheSameRefreshToken() {
        HttpResponse<String> response = post(token(), GOOD_GRANT, "Content-Type", FORM, "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("expires_in").asLong()).isEqualTo(1800);
        assertThat(body.get("refresh_token").asText()).isEqualTo("sandbox-refresh-token");
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        String accessToken = body.get("access_token").asText();

        HttpResponse<String> fetched = send("GET", lead("38475629108", "?properties=hs_lead_name"),
                "Authorization", "Bearer " + accessToken);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("X-HubSpot-RateLimit-Max")).contains("100");
        assertThat(fetched.headers().firstValue("X-HubSpot-RateLimit-Daily")).isEmpty();
    }

    @Test
    void anIssuedTokenExpiresAfterItsLifetime() {
        String accessToken = json(post(token(), GOOD_GRANT, "Content-Type", FORM)).get("access_token").asText();
        clock.advance(Duration.ofSeconds(1805));

        HttpResponse<String> response = send("DELETE", lead("38475629104", ""), "Authorization", "Bearer " + accessToken);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("category").asText()).isEqualTo("EXPIRED_AUTHENTICATION");
        assertThat(json(response).get("message").asText())
                .isEqualTo("The OAuth token used to make this call expired 5 second(s) ago.");
    }

    @Test
    void anUnknownOrMissingTokenIsInvalidAuthentication() {
        for (String[] headers : new String[][] {{"Authorization", "Bearer nope"}, {"Accept", "application/json"}}) {
            HttpResponse<String> response = send("DELETE", lead("38475629104", ""), headers);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("category").asText()).isEqualTo("INVALID_AUTHENTICATION");
        }
        assertThat(send("GET", lead("38475629104", ""), "Authorization", STATIC).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "grant_type=refresh_token&client_id=sandbox-client&client_secret=sandbox-secret&refresh_token=old"
                    + "| invalid_grant | BAD_REFRESH_TOKEN",
            "grant_type=refresh_token&client_id=other&client_secret=sandbox-secret&refresh_token=sandbox-refresh-token"
                    + "| invalid_client | BAD_CLIENT_ID",
            "grant_type=refresh_token&refresh_token=sandbox-refresh-token | invalid_client | BAD_CLIENT_ID",
            "grant_type=authorization_code&client_id=sandbox-client&client_secret=sandbox-secret&code=x"
                    + "| unsupported_grant_type | BAD_GRANT_TYPE"})
    void aRefusedGrantIsA400WithOAuthAndHubSpotFields(String form, String error, String status) {
        HttpResponse<String> response = post(token(), form, "Content-Type", FORM);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo(error);
        assertThat(json(response).get("status").asText()).isEqualTo(status);
        assertThat(json(response).get("message").asText()).isNotBlank();
    }

    @Test
    void theTokenEndpointWantsAForm() {
        assertThat(post(token(), "{\"grant_type\":\"refresh_token\"}", "Content-Type", "application/json").statusCode())
                .isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource({
            "9000000000000000400, 400, VALIDATION_ERROR, Leads are not available on this portal.",
            "9000000000000000401, 401, EXPIRED_AUTHENTICATION, The OAuth token used to make this call expired 0 second(s) ago.",
            "9000000000000000403, 403, MISSING_SCOPES, This app hasn't been granted all required scopes to make this call.",
            "9000000000000000423, 423, LOCKED, Record is locked",
            "9000000000000000500, 500, INTERNAL_ERROR, internal error",
            "9000000000000000503, 503, INTERNAL_ERROR, internal error"})
    void errorTriggersAnswerHubSpotsErrorForDeleteAndGet(String id, int status, String category, String message) {
        for (String method : new String[] {"DELETE", "GET"}) {
            HttpResponse<String> response = send(method, lead(id, ""), "Authorization", STATIC);
            assertThat(response.statusCode()).isEqualTo(status);
            assertThat(json(response).get("category").asText()).isEqualTo(category);
            assertThat(json(response).get("message").asText()).isEqualTo(message);
            assertThat(json(response).get("correlationId").asText()).isNotBlank();
        }
    }

    @Test
    void the404TriggerIsAnHtmlPage() {
        HttpResponse<String> response = send("DELETE", lead("9000000000000000404", ""), "Authorization", STATIC);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("<title>Error 404 Not Found</title>");
    }

    @Test
    void theDaily429SaysNoDailyRequestIsLeft() {
        HttpResponse<String> response = send("DELETE", lead("9000000000000000429", ""), "Authorization", STATIC);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).get("policyName").asText()).isEqualTo("DAILY");
        assertThat(json(response).get("errorType").asText()).isEqualTo("RATE_LIMIT");
        assertThat(response.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining")).contains("0");
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void theTenSecond429HasRetryAfterAndDailyRequestsLeft() {
        HttpResponse<String> response = send("GET", lead("9000000000000001429", ""), "Authorization", STATIC);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(json(response).get("policyName").asText()).isEqualTo("TEN_SECONDLY_ROLLING");
        assertThat(json(response).get("message").asText()).isEqualTo("You have reached your ten_secondly_rolling limit.");
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(Long.parseLong(response.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining").orElseThrow()))
                .isPositive();
    }

    @Test
    void theTenSecondWindowCountsDownAndRefills() {
        HttpResponse<String> first = send("DELETE", lead("1", ""), "Authorization", STATIC);
        HttpResponse<String> second = send("DELETE", lead("2", ""), "Authorization", STATIC);

        assertThat(first.headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains("99");
        assertThat(second.headers().firstValue("X-HubSpot-RateLimit-Remaining")).contains("98");
        assertThat(second.headers().firstValue("X-HubSpot-RateLimit-Interval-Milliseconds")).contains("10000");
        assertThat(second.headers().firstValue("X-HubSpot-RateLimit-Daily")).contains("250000");
        assertThat(second.headers().firstValue("X-HubSpot-RateLimit-Daily-Remaining")).contains("249998");
        clock.advance(Duration.ofSeconds(10));
        assertThat(send("DELETE", lead("3", ""), "Authorization", STATIC).headers()
                .firstValue("X-HubSpot-RateLimit-Remaining")).contains("99");
    }

    @Test
    void anUnroutedPathOrAnOtherVersionIsAnHtml404() {
        assertThat(send("DELETE", server.uri("/hubspot/crm/v3/objects/leads/1"), "Authorization", STATIC).body())
                .contains("Error 404 Not Found");
        assertThat(send("DELETE", server.uri("/hubspot/crm/objects/2026-04/leads/1"), "Authorization", STATIC)
                .statusCode()).isEqualTo(404);
    }
}
