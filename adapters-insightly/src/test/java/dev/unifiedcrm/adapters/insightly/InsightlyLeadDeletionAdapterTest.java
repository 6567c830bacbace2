package dev.unifiedcrm.adapters.insightly;

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
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.contract.LeadDeletionPortContract;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InsightlyLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String API_KEY = "3f1c2b7e-insightly-key-9d0a";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();

    // ---- the contract's hooks ----

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new InsightlyAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("insightly"), Map.of("pod", "na1"), Optional.of(baseUrl),
                Pacing.providerDefault(), Credentials.of(Map.of("api_key", API_KEY)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse("71234567", LeadIdFormat.POSITIVE_INT64);
    }

    @Override
    protected String leadPath(String encodedLeadId) {
        return "/Leads/" + encodedLeadId;
    }

    @Override
    protected String expectedAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Insightly accepts a delete with 202 and no body. */
    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return aResponse().withStatus(202);
    }

    /** Insightly's small error object; with a {@code Name} for some statuses, as seen in the wild. */
    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        String body = status == 404 || status == 500
                ? "{\"Name\":\"ErrorName" + status + "\",\"Message\":" + jsonString(message) + "}"
                : "{\"Message\":" + jsonString(message) + "}";
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(documentedLead().replace("71234567", id.value()));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        return false;
    }

    // ---- what reaches Insightly ----

    @Test
    void theBasicHeaderCarriesTheApiKeyAsUserNameWithAnEmptyPassword() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call());

        String authorization = onlyRequest().getHeader("Authorization");
        assertThat(authorization).startsWith("Basic ");
        String decoded = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo(API_KEY + ":");
    }

    @Test
    void theDeleteCarriesExactlyTheseHeadersAndNoBody() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo(API_ROOT + "/Leads/71234567");
        assertThat(headersOf(request)).containsOnly(
                Map.entry("accept", "application/json"),
                Map.entry("accept-encoding", "gzip"),
                Map.entry("authorization", expectedAuthorization()),
                Map.entry("connection", "keep-alive"),
                Map.entry("host", "localhost:" + provider.getPort()),
                Map.entry("user-agent", USER_AGENT));
        assertThat(request.getBody()).isEmpty();
    }

    @Test
    void theFetchIsAGetOfTheLeadWithTheSameHeadersAndNoQuery() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        adapter.lookup().fetch(call(List.of(new QueryParameter("ignored", "for a fetch")), TIMEOUT));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().getName()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo(API_ROOT + "/Leads/71234567");
        assertThat(headersOf(request)).containsOnly(
                Map.entry("accept", "application/json"),
                Map.entry("accept-encoding", "gzip"),
                Map.entry("authorization", expectedAuthorization()),
                Map.entry("connection", "keep-alive"),
                Map.entry("host", "localhost:" + provider.getPort()),
                Map.entry("user-agent", USER_AGENT));
    }

    @Test
    void aUserAgentHoldingBracesIsSentAsIs() {
        adapter = adapterProvider().create(new AdapterSettings(Duration.ofSeconds(2), "unified-crm/{version}", AdapterSettings.ONE_MIB));
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call());

        assertThat(onlyRequest().getHeader("User-Agent")).isEqualTo("unified-crm/{version}");
    }

    @Test
    void aBaseUrlWithATrailingSlashAndUserInformationKeepsItsPathAndSendsNoUserInformation() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));
        URI withUserInfo = URI.create("http://someone:secret@localhost:" + provider.getPort() + API_ROOT + "/");

        adapter.deletion().delete(new ProviderCall(account(withUserInfo), leadId(), List.of(), TIMEOUT));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo(API_ROOT + "/Leads/71234567");
        assertThat(request.getHeader("Authorization")).isEqualTo(expectedAuthorization());
    }

    @Test
    void theLargestPositiveInt64IsSentAsGiven() {
        LeadId largest = LeadId.parse("9223372036854775807", adapterProvider().leadIdFormat());
        provider.stubFor(delete(urlPathEqualTo(API_ROOT + "/Leads/9223372036854775807")).willReturn(deleteSuccess(largest)));

        DeletedLead deleted = adapter.deletion().delete(new ProviderCall(account(baseUrl()), largest, List.of(), TIMEOUT));

        assertThat(deleted.id()).isEqualTo("9223372036854775807");
    }

    // ---- successes ----

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void everyTwoHundredIsADeleteOfTheIdSent(int status) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(status)));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo("71234567");
        assertThat(deleted.answer().status()).isEqualTo(status);
        assertThat(deleted.answer().parsedBody()).isEqualTo(RemoteBody.empty());
        assertThat(deleted.answer().body()).isEmpty();
        assertThat(deleted.answer().contentType()).isNull();
    }

    @Test
    void aJsonSuccessBodyIsKeptAsItCameButDoesNotDecideTheId() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"LEAD_ID\":999,\"ratio\":0.10}")));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo("71234567");
        assertThat(deleted.answer().contentType()).isEqualTo("application/json");
        assertThat(deleted.answer().body()).asString(StandardCharsets.UTF_8).isEqualTo("{\"LEAD_ID\":999,\"ratio\":0.10}");
        assertThat(deleted.answer().parsedBody()).isEqualTo(new RemoteBody.Json(
                Map.of("LEAD_ID", 999, "ratio", new java.math.BigDecimal("0.10"))));
    }

    @Test
    void theRateLimitHeadersComeWithASuccess() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())
                .withHeader("X-RateLimit-Limit", "10000").withHeader("X-RateLimit-Remaining", "9876")));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.answer().headers()).containsEntry("x-ratelimit-limit", List.of("10000"))
                .containsEntry("x-ratelimit-remaining", List.of("9876"));
    }

    // ---- Insightly's errors ----

    @Test
    void theMessageAndNameOfAnErrorObjectBecomeMessageAndCode() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"Name\":\"Forbidden\",\"Message\":\"You do not have permission to delete this Lead\"}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.providerMessage()).contains("You do not have permission to delete this Lead");
        assertThat(rejection.providerErrorCode()).contains("Forbidden");
        assertThat(rejection.providerRequestId()).isEmpty();
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.getMessage()).isEqualTo("provider answered 403: You do not have permission to delete this Lead");
    }

    @Test
    void theRecordedTextNotFoundGivesItsTextAsTheMessage() {
        // As recorded from Insightly: reason phrase "Lead Not Found", text/plain, no JSON.
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(404)
                .withStatusMessage("Lead Not Found").withHeader("Content-Type", "text/plain")
                .withBody("No Lead with ID = 830626")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).contains("No Lead with ID = 830626");
        assertThat(rejection.providerErrorCode()).isEmpty();
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text("No Lead with ID = 830626"));
    }

    @Test
    void aJsonNotFoundGivesItsMessage() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"No Lead with ID = 830626\"}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerMessage()).contains("No Lead with ID = 830626");
    }

    @Test
    void theRecordedEmptyAcceptedWithoutContentTypeIsADelete() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Length", "0")));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo("71234567");
        assertThat(deleted.answer().status()).isEqualTo(202);
        assertThat(deleted.answer().contentType()).isNull();
        assertThat(deleted.answer().parsedBody()).isEqualTo(RemoteBody.empty());
    }

    @Test
    void aSpentQuotaHeaderOnAnotherStatusSaysNothingAboutTheQuota() {
        // Every Insightly answer carries X-RateLimit-Remaining: only a 429 with 0 means the quota is spent.
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/plain").withHeader("X-RateLimit-Remaining", "0")
                .withBody("No Lead with ID = 71234567")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerMessage()).contains("No Lead with ID = 71234567");
    }

    @Test
    void aPlainTextErrorIsTheMessage() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "text/plain").withBody("API access is disabled for this user\n")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerMessage()).contains("API access is disabled for this user");
        assertThat(rejection.providerErrorCode()).isEmpty();
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text("API access is disabled for this user\n"));
    }

    @Test
    void anHtmlErrorPageOrAnEmptyBodyGivesNoProviderMessage() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));
        ProviderRejection html = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));
        provider.resetAll();
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(500)));
        ProviderRejection empty = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(html.providerMessage()).isEmpty();
        assertThat(html.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Text.class);
        assertThat(empty.providerMessage()).isEmpty();
        assertThat(empty.providerAnswer().parsedBody()).isEqualTo(RemoteBody.empty());
        assertThat(empty.getMessage()).isEqualTo("provider answered 500");
    }

    @Test
    void aJsonErrorWithoutAMessageGivesNoProviderMessageButKeepsTheTree() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"errors\":[1,2]}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerMessage()).isEmpty();
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("errors", List.of(1, 2))));
    }

    @Test
    void aSpentDailyQuotaIsMarkedAndSaysNoRetryCanHelp() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(errorAnswer(429, "API daily limit exceeded")
                .withHeader("X-RateLimit-Limit", "1000").withHeader("X-RateLimit-Remaining", "0")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.quotaExhausted()).isTrue();
        assertThat(rejection.providerMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("API daily limit exceeded")
                .contains("daily API quota of 1000 requests is spent")
                .contains("no retry can succeed before the quota resets"));
        assertThat(rejection.providerAnswer().header("x-ratelimit-limit")).contains("1000");
        assertThat(rejection.providerAnswer().header("x-ratelimit-remaining")).contains("0");
    }

    @Test
    void aSpentQuotaWithoutABodyStillSaysSo() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Remaining", "0")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.quotaExhausted()).isTrue();
        assertThat(rejection.providerMessage()).contains(
                "the Insightly account's daily API quota is spent; no retry can succeed before the quota resets");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "250", "", "unknown"})
    void aPerSecondLimitIsNotASpentQuota(String remaining) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(errorAnswer(429, "Too many requests")
                .withHeader("X-RateLimit-Remaining", remaining)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerMessage()).contains("Too many requests");
    }

    // ---- fetch ----

    @Test
    void aFetchedLeadIsMappedAndItsRemoteDataIsTheObjectAsItCame() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())
                .withHeader("X-RateLimit-Remaining", "77")));

        FetchedLead fetched = adapter.lookup().fetch(call());

        assertThat(fetched.lead().firstName()).isEqualTo("Jane");
        assertThat(fetched.lead().createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(fetched.lead().customFields()).containsEntry("Budget__c", 50000);
        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) fetched.lead().remoteData();
        assertThat(remote).containsEntry("LEAD_ID", 71234567).containsEntry("FAX", null).containsKey("TAGS");
        assertThat(remote.keySet()).startsWith("LEAD_ID", "SALUTATION", "FIRST_NAME");
        assertThat(fetched.answer().header("x-ratelimit-remaining")).contains("77");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "null", "\"a string\"", "{\"FIRST_NAME\":\"no id\"}", "{\"LEAD_ID\":\"\"}",
            "{\"LEAD_ID\":{\"nested\":1}}", "{\"LEAD_ID\":71234567,\"DATE_CREATED_UTC\":\"yesterday\"}",
            "{\"LEAD_ID\":71234567,\"CUSTOMFIELDS\":\"not a list\"}", "{\"LEAD_ID\":71234567} trailing"})
    void aFetchAnswerThatIsNotAReadableLeadIsABreachWithAClearMessage(String body) {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(200);
        assertThat(breach.getMessage()).startsWith("Insightly answered the fetch").doesNotContain("Exception");
        assertThat(breach.providerAnswer().body()).asString(StandardCharsets.UTF_8).isEqualTo(body);
    }

    @Test
    void aFetchAnsweredWithAnotherLeadIsABreach() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(LeadId.parse("42", LeadIdFormat.POSITIVE_INT64))));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.getMessage()).contains("71234567").contains("42");
    }

    @Test
    void aHugeFetchAnswerIsABreachNotACrash() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"LEAD_ID\":71234567,\"LEAD_DESCRIPTION\":\"" + "x".repeat(AdapterSettings.ONE_MIB) + "\"}")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.BODY_TOO_LARGE);
        assertThat(breach.providerAnswer().body()).isEmpty();
        assertThat(breach.providerAnswer().contentType()).isEqualTo("application/json");
        assertThat(breach.getMessage()).contains("1048576 bytes");
    }

    @Test
    void aFetchErrorIsDecodedLikeADeleteError() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(errorAnswer(404, "Lead not found")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.providerMessage()).contains("Lead not found");
        assertThat(rejection.providerErrorCode()).contains("ErrorName404");
        provider.verify(1, getRequestedFor(urlPathEqualTo(fullLeadPath())));
    }

    // ---- no answer ----

    @Test
    void aDeadlineShorterThanTheConnectTimeoutBoundsTheWholeExchange() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId()).withFixedDelay(1_500)));

        ProviderTimeout timeout = catchThrowableOfType(ProviderTimeout.class,
                () -> adapter.deletion().delete(call(List.of(), Duration.ofMillis(300))));

        assertThat(timeout.delivery()).isEqualTo(Delivery.MAYBE_DELIVERED);
        assertThat(timeout.getMessage()).isEqualTo("Insightly gave no complete answer within 300 ms; the delete may have reached it");
    }

    @Test
    void anUnknownHostWasNotSentAndItsMessageHoldsNoUrl() {
        var account = account(URI.create("https://no-such-host.invalid/v3.1"));

        var failure = catchThrowableOfType(dev.unifiedcrm.domain.ProviderFailure.class,
                () -> adapter.deletion().delete(new ProviderCall(account, leadId(), List.of(), TIMEOUT)));

        assertThat(failure.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(failure.getMessage()).doesNotContain("no-such-host", "http", API_KEY);
    }

    // ---- helpers ----

    private static Map<String, String> headersOf(LoggedRequest request) {
        return request.getHeaders().all().stream().collect(Collectors.toMap(
                header -> header.key().toLowerCase(java.util.Locale.ROOT), HttpHeader::firstValue, (a, b) -> a, TreeMap::new));
    }

    static String documentedLead() {
        try (InputStream in = InsightlyLeadDeletionAdapterTest.class.getResourceAsStream("/insightly/lead.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
