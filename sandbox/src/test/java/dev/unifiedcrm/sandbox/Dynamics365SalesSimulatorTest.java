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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Dynamics365SalesSimulatorTest {

    private static final String EXAMPLE_ID = "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34";
    private static final String PREFER =
            "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname\"";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private Dynamics365SalesSimulator dynamics;
    private SimulatorServer server;
    private String tenant;

    @BeforeEach
    void start() {
        RandomValues random = new RandomValues(new SecureRandom());
        tenant = random.uuid();
        dynamics = new Dynamics365SalesSimulator(tenant, random.uuid(), random.hex(20), random, clock);
        server = SimulatorServer.start("127.0.0.1", Map.of("/dynamics_365_sales", dynamics));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theClientCredentialsGrantAnswersATokenWithItsLifetime() {
        HttpResponse<String> response = tokenRequest(form(secret(), scope()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
        assertThat(body.get("ext_expires_in").asInt()).isEqualTo(3599);
        assertThat(body.get("access_token").asText()).startsWith("eyJ0eXAi").hasSizeGreaterThan(60);
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(dynamics.credentials()).containsOnlyKeys("tenant_id", "client_id", "client_secret")
                .containsEntry("tenant_id", tenant);
    }

    @Test
    void aWrongSecretIsAnInvalidClient() {
        HttpResponse<String> response = tokenRequest(form("wrong", scope()));

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_client");
        assertThat(body.get("error_description").asText()).isEqualTo("AADSTS7000215: Invalid client secret provided.");
        assertThat(body.get("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(body.get("trace_id").asText()).isNotBlank();
        assertThat(body.get("correlation_id").asText()).isNotBlank();
        assertThat(body.get("timestamp").asText()).isEqualTo("2026-12-06 10:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://contoso.crm.dynamics.com/.default", "", "api://other/.default"})
    void anotherScopeIsInvalid(String scope) {
        HttpResponse<String> response = tokenRequest(form(secret(), scope));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_scope");
        assertThat(json(response).get("error_description").asText())
                .isEqualTo("AADSTS70011: The provided value for the input parameter 'scope' is not valid.");
        assertThat(json(response).get("error_codes").get(0).asInt()).isEqualTo(70011);
    }

    @Test
    void anUnknownAppIsAnUnauthorizedClient() {
        String form = "client_id=" + encode("c8e4a1b2-3d4f-4e5a-9b6c-7d8e9f0a1b2c") + "&scope=" + encode(scope())
                + "&client_secret=" + encode(secret()) + "&grant_type=client_credentials";

        HttpResponse<String> response = tokenRequest(form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("unauthorized_client");
    }

    @Test
    void anotherGrantIsUnsupported() {
        HttpResponse<String> response = tokenRequest(form(secret(), scope()).replace("client_credentials", "password"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void anotherTenantIsNotFound() {
        HttpResponse<String> response = post(server.uri("/dynamics_365_sales/contoso.onmicrosoft.com/oauth2/v2.0/token"),
                form(secret(), scope()), "Content-Type", "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
        assertThat(json(response).get("error_description").asText()).contains("contoso.onmicrosoft.com");
    }

    @Test
    void theTokenRequestMustBeAForm() {
        HttpResponse<String> response = post(tokenUri(), form(secret(), scope()), "Content-Type", "text/plain");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void fetchWithPreferAnswersTheRowWithLabelsAndLookupTables() {
        HttpResponse<String> response = send("GET", lead(EXAMPLE_ID), "Authorization", auth(), "Prefer", PREFER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode row = json(response);
        assertThat(row.get("leadid").asText()).isEqualTo(EXAMPLE_ID);
        assertThat(row.get("@odata.etag").asText()).isEqualTo("W/\"4850431\"");
        assertThat(row.get("statuscode@OData.Community.Display.V1.FormattedValue").asText()).isEqualTo("Qualified");
        assertThat(row.get("_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").asText()).isEqualTo("account");
        assertThat(response.body()).contains("\"cr8a3_weightedscore\":12345678.1234567891,",
                "\"revenue\":12500000.0000,", "\"budgetamount\":50000.0000,");
    }

    @Test
    void fetchWithoutPreferHasNoAnnotationsButKeepsODataKeys() {
        JsonNode row = json(send("GET", lead(EXAMPLE_ID), "Authorization", auth()));

        List<String> names = new ArrayList<>();
        for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(names).filteredOn(name -> name.contains("@")).containsExactly("@odata.context", "@odata.etag");
        assertThat(row.get("statuscode").asInt()).isEqualTo(3);
    }

    @Test
    void anUpperCaseKeyFindsTheLead() {
        HttpResponse<String> response = send("GET", lead(EXAMPLE_ID.toUpperCase()), "Authorization", auth());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void deleteAnswers204ThenTheRowIsGone() {
        String auth = auth();

        HttpResponse<String> deleted = send("DELETE", lead(EXAMPLE_ID), "Authorization", auth);

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        for (String method : List.of("DELETE", "GET")) {
            HttpResponse<String> again = send(method, lead(EXAMPLE_ID), "Authorization", auth);
            assertThat(again.statusCode()).as(method).isEqualTo(404);
            assertThat(json(again).at("/error/code").asText()).isEqualTo("0x80040217");
            assertThat(json(again).at("/error/message").asText())
                    .isEqualTo("Entity 'lead' With Id = " + EXAMPLE_ID + " Does Not Exist");
        }
    }

    @Test
    void aPluginRefusesOneLeadsDelete() {
        String auth = auth();

        HttpResponse<String> refused = send("DELETE", lead(Dynamics365SalesSimulator.PLUGIN_REFUSED_LEAD_ID),
                "Authorization", auth);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("0x80040265");
        assertThat(json(refused).at("/error/message").asText())
                .isEqualTo("This lead is linked to an active quote and cannot be deleted.");
        assertThat(send("GET", lead(Dynamics365SalesSimulator.PLUGIN_REFUSED_LEAD_ID), "Authorization", auth)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anUnseededIdDoesNotExist() {
        HttpResponse<String> response = send("DELETE", lead("00000000-0000-0000-0000-000000000001"),
                "Authorization", auth());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("0x80040217");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34'", "%7B3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34%7D",
            "1-2-3-4-5", "abc", ""})
    void aKeyThatIsNotAnUnquotedGuidIsAQuerySyntaxError(String key) {
        HttpResponse<String> response = send("DELETE", lead(key), "Authorization", auth());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("0x8006088a");
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Bad Request - Error in query syntax.");
    }

    @Test
    void otherEntitySetsAreNotFound() {
        HttpResponse<String> response = send("GET",
                server.uri("/dynamics_365_sales/api/data/v9.2/contacts(1d2e3f40-7b6a-4c5d-8e9f-0a1b2c3d4e5f)"),
                "Authorization", auth());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Resource not found for the segment 'contacts'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer unknown", "Basic dXNlcjpwYXNz"})
    void aMissingOrUnknownTokenIs401WithoutBody(String header) {
        HttpResponse<String> response = header.isEmpty()
                ? send("DELETE", lead(EXAMPLE_ID))
                : send("DELETE", lead(EXAMPLE_ID), "Authorization", header);

        assertUnauthorized(response);
        assertThat(send("GET", lead(EXAMPLE_ID), "Authorization", auth()).statusCode()).isEqualTo(200);
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String auth = auth();
        clock.advance(Duration.ofSeconds(3598));
        assertThat(send("GET", lead(EXAMPLE_ID), "Authorization", auth).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));

        assertUnauthorized(send("GET", lead(EXAMPLE_ID), "Authorization", auth));
    }

    @Test
    void theSeedsAreTheFiveLeadsWithTheExampleFirst() {
        assertThat(dynamics.seededLeadIds()).containsExactly(EXAMPLE_ID, "7a1e4c90-2d3b-4f5a-8e6d-1c2b3a4f5e60",
                "b5d2e8f1-6c7a-4b9e-a0d3-2f4e6a8c0b12", "c0e3a7b4-9f1d-4e2c-b6a8-3d5f7b9e1a24",
                "e2f4b6d8-1a3c-4e5f-9b7d-4c6e8a0b2d36");
        String auth = auth();
        for (String id : dynamics.seededLeadIds().subList(1, 5)) {
            JsonNode row = json(send("GET", lead(id), "Authorization", auth, "Prefer", PREFER));
            assertThat(row.get("leadid").asText()).isEqualTo(id);
            assertThat(row.get("statecode").asInt()).isZero();
            assertThat(row.get("firstname").asText()).isNotEqualTo("Jane");
            assertThat(row.get("cr8a3_externalref").isNull()).isTrue();
            assertThat(row.get("_parentcontactid_value").isNull()).isTrue();
        }
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer authorization_uri=https://login.microsoftonline.com/" + tenant + "/oauth2/authorize");
    }

    private URI lead(String key) {
        return server.uri("/dynamics_365_sales/api/data/v9.2/leads(" + key + ")");
    }

    private URI tokenUri() {
        return server.uri("/dynamics_365_sales" + dynamics.tokenPath());
    }

    private String scope() {
        return server.uri("/.default").toString();
    }

    private String secret() {
        return dynamics.credentials().get("client_secret");
    }

    private String auth() {
        HttpResponse<String> response = tokenRequest(form(secret(), scope()));
        assertThat(response.statusCode()).isEqualTo(200);
        return "Bearer " + json(response).get("access_token").asText();
    }

    private HttpResponse<String> tokenRequest(String form) {
        return post(tokenUri(), form, "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
    }

    private String form(String secret, String scope) {
        return "client_id=" + encode(dynamics.credentials().get("client_id")) + "&scope=" + encode(scope)
                + "&client_secret=" + encode(secret) + "&grant_type=client_credentials";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
