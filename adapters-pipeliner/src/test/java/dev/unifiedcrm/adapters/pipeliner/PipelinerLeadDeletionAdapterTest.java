package dev.unifiedcrm.adapters.pipeliner;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.contract.LeadDeletionPortContract;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PipelinerLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String LEAD_ID = "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90";
    private static final String USERNAME = "api-app-7f3a";
    private static final String PASSWORD = "s3cr3t-Pa55:word";
    private static final String JSON = "application/json";

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new PipelinerAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return account(baseUrl, USERNAME, PASSWORD);
    }

    private static IntegratedAccount account(URI baseUrl, String username, String password) {
        return new IntegratedAccount(
                IntegratedAccountId.parse("9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23").orElseThrow(),
                new Integration("pipeliner"),
                Map.of("space_id", "my_space"),
                Optional.of(baseUrl),
                Pacing.providerDefault(),
                Credentials.of(Map.of("username", username, "password", password)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse(LEAD_ID, LeadIdFormat.UUID);
    }

    @Override
    protected String leadPath(String encodedLeadId) {
        return "/entities/Leads/" + encodedLeadId;
    }

    @Override
    protected String expectedAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return json(200, "{\"success\": true, \"data\": \"" + jsonText(id.value()) + "\"}");
    }

    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        return json(status, "{\"success\": false, \"http_status\": " + status + ", \"code\": 40" + status
                + ", \"name\": \"ERROR_TEST_" + status + "\", \"message\": \"" + jsonText(message) + "\"}");
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return json(200, resource("lead.json").replace(LEAD_ID, id.value()));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        return true;
    }

    // ---- what reaches Pipeliner ----

    @Test
    void sendsExactlyTheExpectedHeadersAndNoBody() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo(API_ROOT + "/entities/Leads/" + LEAD_ID);
        Map<String, List<String>> headers = request.getHeaders().all().stream()
                .collect(Collectors.toMap(h -> h.key().toLowerCase(java.util.Locale.ROOT), HttpHeader::values,
                        (a, b) -> a, LinkedHashMap::new));
        assertThat(headers.keySet()).containsExactlyInAnyOrder(
                "authorization", "accept", "user-agent", "host", "connection", "accept-encoding");
        assertThat(headers.get("accept")).containsExactly(JSON);
        assertThat(headers.get("user-agent")).containsExactly(USER_AGENT);
        assertThat(headers.get("host")).containsExactly(URI.create(provider.baseUrl()).getAuthority());
        assertThat(headers.get("authorization")).hasSize(1);
        assertThat(request.getBody()).isEmpty();
    }

    @Test
    void authenticatesWithBasicUserNameAndPassword() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call());

        String authorization = onlyRequest().getHeader("Authorization");
        assertThat(authorization).startsWith("Basic ");
        String decoded = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(USERNAME + ":" + PASSWORD);
    }

    @Test
    void servesEveryAccountWithItsOwnRootAndCredentials() {
        provider.stubFor(delete(urlPathEqualTo("/space-a/entities/Leads/" + LEAD_ID)).willReturn(deleteSuccess(leadId())));
        provider.stubFor(delete(urlPathEqualTo("/space-b/entities/Leads/" + LEAD_ID)).willReturn(deleteSuccess(leadId())));
        var first = account(URI.create(provider.baseUrl() + "/space-a"), "user-a", "pass-a");
        var second = account(URI.create(provider.baseUrl() + "/space-b/"), "user-b", "pass-b");

        adapter.deletion().delete(new ProviderCall(first, leadId(), List.of(), TIMEOUT));
        adapter.deletion().delete(new ProviderCall(second, leadId(), List.of(), TIMEOUT));

        provider.verify(1, deleteRequestedFor(urlEqualTo("/space-a/entities/Leads/" + LEAD_ID))
                .withHeader("Authorization", equalTo(basic("user-a:pass-a"))));
        provider.verify(1, deleteRequestedFor(urlEqualTo("/space-b/entities/Leads/" + LEAD_ID))
                .withHeader("Authorization", equalTo(basic("user-b:pass-b"))));
    }

    @Test
    void passesValidationLevelThroughAsTheOnlyQueryParameter() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call(List.of(new QueryParameter("validation-level", "2")), TIMEOUT));

        provider.verify(1, deleteRequestedFor(urlEqualTo(fullLeadPath() + "?validation-level=2"))
                .withQueryParam("validation-level", equalTo("2"))
                .withHeader("Authorization", equalTo(expectedAuthorization())));
    }

    @Test
    void fetchSendsNoQueryEvenWhenTheCallCarriesOne() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        adapter.lookup().fetch(call(List.of(new QueryParameter("validation-level", "2")), TIMEOUT));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo(fullLeadPath());
        assertThat(request.getHeader("Authorization")).isEqualTo(expectedAuthorization());
        assertThat(request.getHeader("Accept")).isEqualTo(JSON);
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5", "8c4d1f7e3b2a4d9e9f102a6b5c7d8e90", "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e9",
            "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90/../x", " 8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90", "71234567", ""})
    void anIdThatIsNotAUuidNeverReachesThePipeliner(String notAUuid) {
        var format = adapterProvider().leadIdFormat();

        assertThatThrownBy(() -> adapter.deletion().delete(
                new ProviderCall(account(baseUrl()), LeadId.parse(notAUuid, format), List.of(), TIMEOUT)))
                .isInstanceOf(InvalidLeadIdException.class)
                .hasMessageContaining("UUID");
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void anUpperCaseUuidIsSentLowerCase() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        LeadId parsed = LeadId.parse(LEAD_ID.toUpperCase(java.util.Locale.ROOT), adapterProvider().leadIdFormat());
        adapter.deletion().delete(new ProviderCall(account(baseUrl()), parsed, List.of(), TIMEOUT));

        assertThat(onlyRequest().getUrl()).isEqualTo(API_ROOT + "/entities/Leads/" + LEAD_ID);
    }

    // ---- success answers ----

    @Test
    void theDeletedIdIsTheDataOfTheAnswerAndTheAnswerIsKeptWhole() {
        String answerId = "0bc376a4-c579-413a-9221-e86e4a134766";
        String body = "{\"success\": true, \"data\": \"" + answerId + "\"}";
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(json(200, body)));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo(answerId);
        assertThat(deleted.answer().status()).isEqualTo(200);
        assertThat(deleted.answer().contentType()).isEqualTo(JSON);
        assertThat(deleted.answer().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(deleted.answer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("success", true, "data", answerId)));
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 202})
    void anyTwoHundredWithTheDocumentedBodyIsASuccess(int status) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                json(status, "{\"success\": true, \"data\": \"" + LEAD_ID + "\"}")));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo(LEAD_ID);
    }

    @Test
    void aSuccessThatSaysSuccessFalseIsABreachCarryingTheFullAnswer() {
        String body = "{\"success\": false, \"http_status\": 200, \"code\": 1, \"name\": \"ERROR_X\", \"message\": \"not deleted\"}";
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(json(200, body).withHeader("X-Trace", "t-1")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.delivery()).isEqualTo(Delivery.ANSWERED);
        assertThat(breach.status()).isEqualTo(200);
        assertThat(breach.providerAnswer().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(breach.providerAnswer().contentType()).isEqualTo(JSON);
        assertThat(breach.providerAnswer().header("x-trace")).contains("t-1");
        assertThat(breach.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Json.class);
        assertThat(breach.getMessage()).contains("\"success\": false").contains("not deleted");
    }

    @Test
    void aSuccessBodyThatIsNotJsonIsABreachKeptAsText() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>ok</html>")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text("<html>ok</html>"));
        assertThat(breach.providerAnswer().contentType()).isEqualTo("text/html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"success\": true}", "{\"success\": true, \"data\": \"\"}", "{\"success\": true, \"data\": 42}",
            "{\"success\": \"true\", \"data\": \"8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90\"}", "{\"data\": \"8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90\"}",
            "[\"8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90\"]", "null", "true", "{\"success\": true, \"data\": \"x\"} trailing"})
    void aSuccessOfAnotherShapeIsABreach(String body) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(json(200, body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.providerAnswer().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNoContentSuccessIsABreach() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(204)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(204);
        assertThat(breach.providerAnswer().parsedBody()).isEqualTo(RemoteBody.empty());
        assertThat(breach.providerAnswer().contentType()).isNull();
    }

    @Test
    void aSuccessBodyOverTheLimitWithADeclaredLengthKeepsStatusAndHeadersOnly() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                json(200, "{\"success\": true, \"data\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}").withHeader("Retry-After", "9")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.BODY_TOO_LARGE);
        assertThat(breach.providerAnswer().body()).isEmpty();
        assertThat(breach.providerAnswer().parsedBody()).isEqualTo(RemoteBody.empty());
        assertThat(breach.providerAnswer().header("retry-after")).contains("9");
        assertThat(breach.providerAnswer().contentType()).isEqualTo(JSON);
    }

    // ---- error answers ----

    @Test
    void aValidationErrorGivesPipelinersMessageAndErrorName() {
        String body = "{\"code\":40000,\"name\":\"ERROR_ENTITY_VALIDATION\",\"message\":\"[owner_id] Relation doesn't exist!\","
                + "\"entity_id\":\"0bc376a4-c579-413a-9221-e86e4a134766\",\"entity_name\":\"Lead\",\"entity_errors\":[],"
                + "\"field_errors\":[{\"field_id\":\"owner_id\",\"errors\":[{\"code\":1,\"message\":\"x\"}]}],"
                + "\"http_status\":422,\"success\":false}";
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(json(422, body)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(422);
        assertThat(rejection.providerMessage()).contains("[owner_id] Relation doesn't exist!");
        assertThat(rejection.providerErrorCode()).contains("ERROR_ENTITY_VALIDATION");
        assertThat(rejection.providerRequestId()).isEmpty();
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.getMessage()).isEqualTo("provider answered 422: [owner_id] Relation doesn't exist!");
        assertThat(rejection.providerAnswer().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOfSatisfying(RemoteBody.Json.class,
                json -> assertThat(asMap(json.value())).containsKeys("field_errors", "entity_id"));
    }

    @Test
    void aNotFoundGivesTheErrorName() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(json(404,
                "{\"success\": false, \"http_status\": 404, \"code\": 404, \"name\": \"ERROR_ENTITY_NOT_FOUND\", \"message\": \"Entity not found\"}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).contains("Entity not found");
        assertThat(rejection.providerErrorCode()).contains("ERROR_ENTITY_NOT_FOUND");
    }

    @Test
    void anUnauthorizedWithoutAnErrorBodyHasNoProviderMessageAndKeepsItsChallenge() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Basic realm=\"restapi\"")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerMessage()).isEmpty();
        assertThat(rejection.providerErrorCode()).isEmpty();
        assertThat(rejection.providerAnswer().header("www-authenticate")).contains("Basic realm=\"restapi\"");
        assertThat(rejection.getMessage()).doesNotContain(PASSWORD).doesNotContain(USERNAME);
    }

    @Test
    void aTooManyRequestsKeepsRetryAfterAndTheMessage() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                errorAnswer(429, "Too many requests").withHeader("Retry-After", "17")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.providerAnswer().header("Retry-After")).contains("17");
        assertThat(rejection.providerMessage()).contains("Too many requests");
        provider.verify(1, deleteRequestedFor(urlPathEqualTo(fullLeadPath())));
    }

    // ---- fetch ----

    @Test
    void fetchMapsTheLeadInsideTheEnvelope() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(call());

        assertThat(fetched.lead().status()).isEqualTo("open");
        assertThat(fetched.lead().customFields()).containsExactly(Map.entry("cf_budget", 50000));
        assertThat(asMap(fetched.lead().remoteData())).containsEntry("id", LEAD_ID).doesNotContainKey("success");
        assertThat(fetched.answer().parsedBody()).isInstanceOfSatisfying(RemoteBody.Json.class,
                json -> assertThat(asMap(json.value())).containsEntry("success", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"success\": false, \"message\": \"no\"}", "{\"success\": true, \"data\": \"8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90\"}",
            "{\"success\": true, \"data\": {\"name\": \"no id\"}}", "{\"success\": true, \"data\": {\"id\": {\"nested\": 1}}}",
            "{\"success\": true, \"data\": {\"id\": \"8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90\", \"created\": \"yesterday\"}}",
            "{\"success\": true, \"data\": {\"id\": \"8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90\", \"status\": \"open\"}}", "not json"})
    void aFetchAnswerThatIsNotAReadableLeadIsABreach(String body) {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(json(200, body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.providerAnswer().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSoftDeletedLeadIsNotFoundWithAMessageThatSaysItWasAlreadyDeleted() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(json(200,
                "{\"success\": true, \"data\": {\"id\": \"" + LEAD_ID + "\", \"is_deleted\": true, \"name\": \"Acme\"}}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).hasValueSatisfying(message ->
                assertThat(message).contains("lead " + LEAD_ID, "already deleted"));
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOfSatisfying(RemoteBody.Json.class,
                json -> assertThat(asMap(asMap(json.value()).get("data"))).containsEntry("is_deleted", true));
        provider.verify(1, getRequestedFor(urlPathEqualTo(fullLeadPath())));
    }

    @Test
    void aLeadNotMarkedDeletedIsFetched() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(json(200,
                "{\"success\": true, \"data\": {\"id\": \"" + LEAD_ID + "\", \"is_deleted\": false}}")));

        assertThat(adapter.lookup().fetch(call()).lead().id()).isEqualTo(LEAD_ID);
    }

    @Test
    void aFetchErrorGivesPipelinersMessage() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(errorAnswer(403, "Access denied to this lead")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.providerMessage()).contains("Access denied to this lead");
        assertThat(rejection.providerErrorCode()).contains("ERROR_TEST_403");
    }

    // ---- no answer ----

    @Test
    void anUnknownHostWasNotSent() {
        var account = account(URI.create("https://pipeliner-adapter-test.invalid/api"));

        ProviderUnreachable failure = catchThrowableOfType(ProviderUnreachable.class,
                () -> adapter.deletion().delete(new ProviderCall(account, leadId(), List.of(), TIMEOUT)));

        assertThat(failure.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(failure.getMessage()).contains("host name could not be resolved");
    }

    @Test
    void failureMessagesWithoutAnAnswerHoldNoCredential() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId()).withFixedDelay(2_000)));

        ProviderTimeout timeout = catchThrowableOfType(ProviderTimeout.class,
                () -> adapter.deletion().delete(call(List.of(), java.time.Duration.ofMillis(200))));

        assertThat(timeout.getMessage()).doesNotContain(PASSWORD).doesNotContain(USERNAME).doesNotContain("Basic");
        assertThat(timeout.getMessage()).contains("Pipeliner");
    }

    // ---- helpers ----

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        assertThat(json).isInstanceOf(Map.class);
        return (Map<String, Object>) json;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body);
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String jsonText(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String resource(String name) {
        try (var in = PipelinerLeadDeletionAdapterTest.class.getResourceAsStream("/pipeliner/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
