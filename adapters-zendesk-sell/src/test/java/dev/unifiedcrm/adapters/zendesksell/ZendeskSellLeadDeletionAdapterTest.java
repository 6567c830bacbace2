package dev.unifiedcrm.adapters.zendesksell;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.contract.LeadDeletionPortContract;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ZendeskSellLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String TOKEN = "sell-pat-6f1d2c9e0b7a4d3f";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01").orElseThrow();
    private static final String LOGREF = "8d2c1f4a-2b3e-4c5d-9e6f-7a8b9c0d1e2f";

    // ---- the contract's hooks ----

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new ZendeskSellAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return account(baseUrl, TOKEN);
    }

    private static IntegratedAccount account(URI baseUrl, String token) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("zendesk_sell"), Map.of(), Optional.ofNullable(baseUrl),
                Pacing.providerDefault(), Credentials.of(Map.of("access_token", token)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse("9007199254740993", LeadIdFormat.POSITIVE_INT64);
    }

    @Override
    protected String leadPath(String encodedLeadId) {
        return "/leads/" + encodedLeadId;
    }

    @Override
    protected String expectedAuthorization() {
        return "Bearer " + TOKEN;
    }

    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return aResponse().withStatus(204).withHeader("X-Request-Id", LOGREF);
    }

    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        return sellError(status, "some_code", "Some Message", jsonString(message));
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(documentedLead().replace("\"id\": 1,", "\"id\": " + id.value() + ","));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        return false;
    }

    // ---- what reaches Sell ----

    @Test
    void sendsExactlyTheBearerTokenAcceptAndUserAgentAndNoOtherCustomHeader() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/leads/9007199254740993");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sell-pat-6f1d2c9e0b7a4d3f");
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(request.header("Authorization").values()).hasSize(1);
        assertThat(request.header("Accept").values()).hasSize(1);
        var names = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(request.getAllHeaderKeys());
        // What OkHttp adds on its own (Host, Connection, Accept-Encoding) carries no account data.
        assertThat(names).containsExactlyInAnyOrder(
                "Accept", "Accept-Encoding", "Authorization", "Connection", "Host", "User-Agent");
        assertThat(request.getBody()).isEmpty();
    }

    @Test
    void aTokenHoldingTemplateAndEscapeCharactersIsSentVerbatim() {
        String oddToken = "a{b}c%7Bd%e+f/g=h&i";
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(new ProviderCall(account(baseUrl(), oddToken), leadId(), List.of(), TIMEOUT));

        provider.verify(1, deleteRequestedFor(urlPathEqualTo(fullLeadPath()))
                .withHeader("Authorization", equalTo("Bearer " + oddToken)));
    }

    @Test
    void aBaseUrlWithATrailingSlashStillGivesOneSlashBeforeLeads() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));
        URI withSlash = URI.create(baseUrl() + "/");

        adapter.deletion().delete(new ProviderCall(account(withSlash), leadId(), List.of(), TIMEOUT));

        assertThat(onlyRequest().getUrl()).isEqualTo(fullLeadPath());
    }

    @Test
    void aRemoteQueryWithInterleavedRepeatsKeepsEachNamesValuesInOrder() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call(List.of(
                new QueryParameter("a", "1"), new QueryParameter("b", "x"), new QueryParameter("a", "2")), TIMEOUT));

        assertThat(decodeForm(URI.create(onlyRequest().getUrl()).getRawQuery())).containsExactly(
                new QueryParameter("a", "1"), new QueryParameter("a", "2"), new QueryParameter("b", "x"));
    }

    // ---- success ----

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void anyTwoHundredIsASuccessThatEchoesTheIdSent(int status) {
        var answer = aResponse().withStatus(status);
        if (status != 204) {
            answer = answer.withHeader("Content-Type", "application/json").withBody("{\"data\":{\"id\":1}}");
        }
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(answer));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo("9007199254740993");
        assertThat(deleted.answer().status()).isEqualTo(status);
        provider.verify(1, deleteRequestedFor(urlPathEqualTo(fullLeadPath())));
    }

    @Test
    void aNoContentAnswerHasNoBodyAndNoContentType() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.answer().status()).isEqualTo(204);
        assertThat(deleted.answer().contentType()).isNull();
        assertThat(deleted.answer().body()).isEmpty();
        assertThat(deleted.answer().parsedBody()).isEqualTo(new RemoteBody.Empty());
        assertThat(deleted.answer().header("x-request-id")).contains(LOGREF);
    }

    // ---- Sell's error envelope ----

    @Test
    void theMessageIsTheErrorsDetailsAndTheCodeAndLogrefAreKept() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                sellError(404, "not_found", "Not Found", "\"Requested lead was not found.\"")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).contains("Requested lead was not found.");
        assertThat(rejection.providerErrorCode()).contains("not_found");
        assertThat(rejection.providerRequestId()).contains(LOGREF);
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.getMessage()).isEqualTo("provider answered 404: Requested lead was not found.");
        assertThat(rejection.providerAnswer().contentType()).isEqualTo("application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"   \"", "17"})
    void withoutUsableDetailsTheMessageIsTheErrorsMessage(String details) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                sellError(401, "unauthorized", "Required access token is missing, malformed, expired, or invalid.", details)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerMessage()).contains("Required access token is missing, malformed, expired, or invalid.");
        assertThat(rejection.providerErrorCode()).contains("unauthorized");
        assertThat(rejection.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void anIncorrectPathIsA404WithSellsDetails() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                sellError(404, "incorrect_path", "Incorrect Path", "\"The requested path does not exist.\"")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerErrorCode()).contains("incorrect_path");
        assertThat(rejection.providerMessage()).contains("The requested path does not exist.");
    }

    @Test
    void anIncorrectPayloadIsA422WithSellsDetails() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                sellError(422, "incorrect_payload", "Unprocessable Entity", "\"The payload is not valid.\"")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(422);
        assertThat(rejection.providerErrorCode()).contains("incorrect_payload");
        assertThat(rejection.providerMessage()).contains("The payload is not valid.");
    }

    @Test
    void aResourceErrorIsA422WithTheFirstErrorsMessageAndEveryErrorKept() {
        // Resource errors name the field and give a short message, sometimes without details.
        String body = "{\"errors\":["
                + "{\"error\":{\"resource\":\"lead\",\"field\":\"last_name\",\"code\":\"blank\",\"message\":\"can't be blank\"},"
                + "\"meta\":{\"type\":\"error\"}},"
                + "{\"error\":{\"resource\":\"lead\",\"field\":\"email\",\"code\":\"invalid\",\"message\":\"is invalid\"},"
                + "\"meta\":{\"type\":\"error\"}}],"
                + "\"meta\":{\"type\":\"errors\",\"http_status\":\"422 Unprocessable Entity\",\"logref\":\"" + LOGREF + "\"}}";
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody(body)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(422);
        assertThat(rejection.providerErrorCode()).contains("blank");
        assertThat(rejection.providerMessage()).contains("can't be blank");
        assertThat(rejection.providerRequestId()).contains(LOGREF);
        assertThat(rejection.providerAnswer().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownPassThroughParameterGetsSellsInvalidParamAsA400() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                sellError(400, "invalid_param", "Bad Request", "\"Unknown parameter: cascade.\"")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(
                call(List.of(new QueryParameter("cascade", "true")), TIMEOUT)));

        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.providerErrorCode()).contains("invalid_param");
        assertThat(rejection.providerMessage()).contains("Unknown parameter: cascade.");
        assertThat(URI.create(onlyRequest().getUrl()).getRawQuery()).isEqualTo("cascade=true");
    }

    @Test
    void aRateLimitAnswerIsA429RejectionWithSellsCodeAndNoSpentQuota() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                sellError(429, "rate_limit_exceeded", "Rate limit exceeded", "null")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.providerErrorCode()).contains("rate_limit_exceeded");
        assertThat(rejection.providerMessage()).contains("Rate limit exceeded");
        assertThat(rejection.quotaExhausted()).isFalse();
        provider.verify(1, deleteRequestedFor(urlPathEqualTo(fullLeadPath())));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 503})
    void aServerErrorIsARejectionKeepingItsStatus(int status) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                sellError(status, status == 500 ? "server_error" : "temporarily_unavailable", "Server Error", "null")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.delivery()).isEqualTo(Delivery.ANSWERED);
        assertThat(rejection.providerErrorCode()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"error\":\"invalid_user_agent\"}", "{\"errors\":[]}", "{\"errors\":\"nope\"}", "{\"errors\":[null]}",
            "{\"errors\":[{\"error\":[1]}],\"meta\":\"x\"}", "[\"errors\"]", "null", "42"})
    void jsonThatIsNotTheEnvelopeStillGivesARejectionWithoutAMessage(String body) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(body)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.providerMessage()).isEmpty();
        assertThat(rejection.providerErrorCode()).isEmpty();
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Json.class);
        assertThat(rejection.getMessage()).isEqualTo("provider answered 400");
    }

    @Test
    void aNonJsonErrorBodyIsKeptAsTextWithoutAMessageAndTheHeaderGivesTheRequestId() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withHeader("X-Request-Id", "edge-1")
                .withBody("<html><body>Bad Gateway</body></html>")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(502);
        assertThat(rejection.providerMessage()).isEmpty();
        assertThat(rejection.providerRequestId()).contains("edge-1");
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text("<html><body>Bad Gateway</body></html>"));
    }

    @Test
    void anEmptyErrorBodyIsARejectionWithAnEmptyBody() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(404)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Empty());
        assertThat(rejection.providerMessage()).isEmpty();
    }

    @Test
    void aDeeplyNestedErrorBodyIsKeptAsTextNotACrash() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(deep)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text(deep));
    }

    @Test
    void aHugeErrorBodyWithAContentLengthIsNotRead() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"errors\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.BODY_TOO_LARGE);
        assertThat(breach.status()).isEqualTo(500);
        assertThat(breach.providerAnswer().body()).isEmpty();
        assertThat(breach.providerAnswer().contentType()).isEqualTo("application/json");
    }

    @Test
    void aRedirectWithAHugeBodyIsStillReportedAsARedirect() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://example.invalid/").withBody("x".repeat(2 * 1024 * 1024))));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.providerAnswer().header("location")).contains("https://example.invalid/");
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    // ---- fetch ----

    @Test
    void fetchesTheLeadMappedWithTheDataObjectAsRemoteData() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(call());

        assertThat(fetched.lead().id()).isEqualTo("9007199254740993");
        assertThat(fetched.lead().firstName()).isEqualTo("Mark");
        assertThat(fetched.lead().createdAt()).isEqualTo(Instant.parse("2014-08-27T16:32:56Z"));
        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) fetched.lead().remoteData();
        assertThat(remote).containsEntry("id", 9007199254740993L).containsEntry("organization_name", "Design Services Company")
                .doesNotContainKey("meta");
        assertThat(fetched.answer().status()).isEqualTo(200);
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo(fullLeadPath());
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "not json", "{}", "{\"data\":null}", "{\"data\":[]}", "{\"data\":{}}", "{\"data\":{\"id\":\"\"}}",
            "{\"data\":{\"id\":1,\"address\":\"somewhere\"}}", "{\"data\":{\"id\":1,\"custom_fields\":[1]}}",
            "{\"data\":{\"id\":1,\"created_at\":\"yesterday\"}}", "{\"data\":{\"id\":1,\"updated_at\":\"2014-08-27 16:32:56\"}}"})
    void aFetchAnswerThatIsNotASellLeadIsABreachNotACrash(String body) {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(200);
        assertThat(breach.getMessage()).startsWith("Zendesk Sell answered 200 to a lead fetch");
    }

    @Test
    void aFetchErrorUsesSellsEnvelope() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(
                sellError(403, "insufficient_scope", "Forbidden", "\"The token lacks the leads scope.\"")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.providerMessage()).contains("The token lacks the leads scope.");
        assertThat(rejection.providerErrorCode()).contains("insufficient_scope");
    }

    @Test
    void aFetchRedirectIsNotFollowed() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(
                aResponse().withStatus(302).withHeader("Location", "https://example.invalid/login")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    // ---- no answer ----

    @Test
    void anUnknownHostWasNotSent() {
        var account = account(URI.create("https://sell.unified-crm-test.invalid/v2"));

        ProviderUnreachable failure = catchThrowableOfType(ProviderUnreachable.class,
                () -> adapter.deletion().delete(new ProviderCall(account, leadId(), List.of(), TIMEOUT)));

        assertThat(failure.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(failure.getMessage()).contains("Zendesk Sell").doesNotContain(TOKEN);
    }

    // ---- helpers ----

    private static ResponseDefinitionBuilder sellError(int status, String code, String message, String detailsJson) {
        String body = "{\"errors\":[{\"error\":{\"resource\":\"lead\",\"field\":null,\"code\":\"" + code + "\","
                + "\"message\":" + jsonString(message) + ",\"details\":" + detailsJson + "},\"meta\":{\"type\":\"error\"}}],"
                + "\"meta\":{\"type\":\"errors\",\"http_status\":\"" + status + " Whatever\",\"logref\":\"" + LOGREF + "\"}}";
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", LOGREF).withBody(body);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String documentedLead() {
        try (InputStream in = ZendeskSellLeadDeletionAdapterTest.class.getResourceAsStream("/zendesk-sell/lead.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
