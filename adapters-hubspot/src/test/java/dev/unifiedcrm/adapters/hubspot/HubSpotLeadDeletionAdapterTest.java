package dev.unifiedcrm.adapters.hubspot;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.DeletedLead;
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
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.contract.LeadDeletionPortContract;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

class HubSpotLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String TOKEN = "pat-na1-2b7c4e1f-9a3d-4c8e-b5f6-0d1e2f3a4b5c";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("3d6f0a8e-2b1c-4e7f-9a5d-8c4b2e1f0a77").orElseThrow();
    private static final String CORRELATION_ID = "6b1f4c2e-8d3a-4e5b-9c7d-1a2b3c4d5e6f";
    // Feign writes the lists' commas as %2C, which HubSpot reads as the same comma-separated list.
    private static final String STANDARD_PROPERTIES = String.join("%2C", HubSpotProperties.STANDARD);

    // ---- the contract's hooks ----

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new HubSpotAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return account(baseUrl, Map.of());
    }

    private static IntegratedAccount account(URI baseUrl, Map<String, String> context) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("hubspot"), context, Optional.ofNullable(baseUrl),
                Pacing.providerDefault(), Credentials.of(Map.of("access_token", TOKEN)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse("9007199254740993", LeadIdFormat.POSITIVE_INT64);
    }

    @Override
    protected String leadPath(String encodedLeadId) {
        return "/crm/objects/2026-03/leads/" + encodedLeadId;
    }

    @Override
    protected String expectedAuthorization() {
        return "Bearer " + TOKEN;
    }

    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return aResponse().withStatus(204);
    }

    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        return hubSpotError(status, "VALIDATION_ERROR", message);
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(Answers.resource("lead.json").replace("38475629104", id.value()));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        return false;
    }

    // ---- what reaches HubSpot ----

    @Test
    void theDeleteSendsExactlyTheBearerTokenAcceptAndUserAgentToTheDateVersionedLeadsPath() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/crm/objects/2026-03/leads/9007199254740993");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        var names = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(request.getAllHeaderKeys());
        // What OkHttp adds on its own (Host, Connection, Accept-Encoding) carries no account data.
        assertThat(names).containsExactlyInAnyOrder(
                "Accept", "Accept-Encoding", "Authorization", "Connection", "Host", "User-Agent");
        assertThat(request.getBody()).isEmpty();
    }

    @Test
    void theConfiguredDateVersionIsThePathsVersionSegment() {
        String path = API_ROOT + "/crm/objects/2026-09/leads/" + leadId().value();
        provider.stubFor(delete(urlPathEqualTo(path)).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(new ProviderCall(account(baseUrl(), Map.of("api_version", "2026-09")), leadId(),
                List.of(), TIMEOUT));

        assertThat(onlyRequest().getUrl()).isEqualTo(path);
    }

    @Test
    void theFetchNamesTheStandardPropertiesTheAssociationsAndNoArchivedLeadsInOneExactQuery() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        adapter.lookup().fetch(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo(fullLeadPath() + "?properties=" + STANDARD_PROPERTIES
                + "&associations=contacts%2Ccompanies&archived=false");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(request.getBody()).isEmpty();
    }

    @Test
    void theAccountsCustomPropertiesFollowTheStandardOnesAndBecomeCustomFields() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(new ProviderCall(
                account(baseUrl(), Map.of("custom_properties", "budget_eur,trade_show_name")), leadId(), List.of(), TIMEOUT));

        assertThat(onlyRequest().getUrl()).isEqualTo(fullLeadPath() + "?properties=" + STANDARD_PROPERTIES
                + "%2Cbudget_eur%2Ctrade_show_name&associations=contacts%2Ccompanies&archived=false");
        assertThat(fetched.lead().customFields()).containsExactly(entry("budget_eur", "50000"));
    }

    @Test
    void theFetchTakesNoPassThroughQuery() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        adapter.lookup().fetch(call(List.of(new dev.unifiedcrm.domain.QueryParameter("archived", "true")), TIMEOUT));

        assertThat(onlyRequest().getUrl()).endsWith("&archived=false").doesNotContain("archived=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "0", "-5", "38475629104x", "9223372036854775808", "0038475629104"})
    void anIdNotInHubSpotsFormatNeverReachesHubSpot(String id) {
        var call = new ProviderCall(account(baseUrl()), LeadId.parse(id, LeadIdFormat.matching("(?s).+", "any text")), List.of(), TIMEOUT);

        catchThrowableOfType(InvalidLeadIdException.class, () -> adapter.deletion().delete(call));
        catchThrowableOfType(InvalidLeadIdException.class, () -> adapter.lookup().fetch(call));

        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    // ---- success ----

    @Test
    void a204ForALeadThatMayNotExistIsTheNormalSuccessWithTheIdSent() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo("9007199254740993");
        assertThat(deleted.answer().status()).isEqualTo(204);
        assertThat(deleted.answer().contentType()).isNull();
        assertThat(deleted.answer().parsedBody()).isEqualTo(new RemoteBody.Empty());
    }

    @Test
    void hubSpotsOwnRateLimitHeadersBecomeTheAnswersRateLimitFigures() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())
                .withHeader("X-HubSpot-RateLimit-Max", "100").withHeader("X-HubSpot-RateLimit-Remaining", "93")
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")
                .withHeader("X-HubSpot-RateLimit-Daily", "250000").withHeader("X-HubSpot-RateLimit-Daily-Remaining", "249000")));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.answer().rateLimit())
                .containsExactly(entry("ratelimit-limit", "100"), entry("ratelimit-remaining", "93"));
        assertThat(deleted.answer().header("x-hubspot-ratelimit-max")).contains("100");
    }

    @Test
    void aRejectionCarriesTheRateLimitFiguresToo() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(rateLimited("TEN_SECONDLY_ROLLING",
                "You have reached your ten_secondly_rolling limit.").withHeader("X-HubSpot-RateLimit-Max", "100")
                .withHeader("X-HubSpot-RateLimit-Remaining", "0")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerAnswer().rateLimit())
                .containsExactly(entry("ratelimit-limit", "100"), entry("ratelimit-remaining", "0"));
    }

    // ---- HubSpot's error table ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400|VALIDATION_ERROR|Leads are not available on this portal.",
            "401|EXPIRED_AUTHENTICATION|The OAuth token used to make this call expired 0 second(s) ago.",
            "401|INVALID_AUTHENTICATION|Authentication credentials not found.",
            "403|MISSING_SCOPES|This app hasn't been granted all required scopes to make this call.",
            "414|VALIDATION_ERROR|URI too long",
            "423|LOCKED|Record is locked",
            "500|INTERNAL_ERROR|internal error",
            "502|INTERNAL_ERROR|bad gateway",
            "503|INTERNAL_ERROR|internal error",
            "504|INTERNAL_ERROR|gateway timeout"})
    void eachErrorOfTheTableIsARejectionWithHubSpotsMessageCategoryAndCorrelationId(int status, String category,
                                                                                    String message) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(hubSpotError(status, category, message)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.providerMessage()).contains(message);
        assertThat(rejection.providerErrorCode()).contains(category);
        assertThat(rejection.providerRequestId()).contains(CORRELATION_ID);
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.getMessage()).doesNotContain(TOKEN);
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anUnroutedPathsHtmlPageIsA404KeptAsTextWithASentenceForAMessage() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><title>Error 404 Not Found</title></html>")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerAnswer().parsedBody())
                .isEqualTo(new RemoteBody.Text("<html><title>Error 404 Not Found</title></html>"));
        assertThat(rejection.providerMessage()).contains("HubSpot answered 404 without an error message");
    }

    @Test
    void aCloudflare52xPageIsAServerErrorRejection() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(521)
                .withHeader("Content-Type", "text/html").withBody("<html>Web server is down</html>")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(521);
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Text.class);
    }

    @Test
    void withoutAMessageTheFirstErrorsMessageIsShown() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"errors\":[{\"message\":\"Property values were not valid\",\"code\":\"INVALID\"}]}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerMessage()).contains("Property values were not valid");
    }

    @Test
    void aDailyQuota429IsSpentForTheDayAndNeverToBeRetried() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                rateLimited("DAILY", "You have reached your daily limit.").withHeader("Retry-After", "1")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.quotaExhausted()).isTrue();
        assertThat(rejection.providerErrorCode()).contains("RATE_LIMIT");
        assertThat(rejection.providerAnswer().header("retry-after")).contains("1");
    }

    @Test
    void aDailyRemainingOfZeroIsASpentQuotaWhateverTheBodySays() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                aResponse().withStatus(429).withHeader("X-HubSpot-RateLimit-Daily-Remaining", "0")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.quotaExhausted()).isTrue();
    }

    @Test
    void aTenSecondWindow429IsNotASpentQuota() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                rateLimited("TEN_SECONDLY_ROLLING", "You have reached your ten_secondly_rolling limit.")
                        .withHeader("Retry-After", "1")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerMessage()).contains("You have reached your ten_secondly_rolling limit.");
    }

    // ---- fetch ----

    @Test
    void theFetchedLeadIsMappedWithTheWholeBodyAsRemoteData() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(call());

        assertThat(fetched.lead().id()).isEqualTo("9007199254740993");
        assertThat(fetched.lead().title()).isEqualTo("Acme Corp - packaging line upgrade");
        assertThat(fetched.lead().contact().id()).isEqualTo("75301");
        assertThat(fetched.lead().account().id()).isEqualTo("9001234");
        assertThat(fetched.lead().createdAt()).isEqualTo(Instant.parse("2026-03-05T10:45:21.004Z"));
        assertThat(fetched.lead().customFields()).isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) fetched.lead().remoteData();
        assertThat(remote).containsKeys("id", "properties", "associations", "archived");
    }

    @Test
    void aMissingLeadsFetchIsA404WithHubSpotsMessageEvenWithoutACategory() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"resource not found\",\"correlationId\":\"" + CORRELATION_ID + "\"}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).contains("resource not found");
        assertThat(rejection.providerErrorCode()).isEmpty();
        assertThat(rejection.providerRequestId()).contains(CORRELATION_ID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "201|{\"id\":\"1\",\"properties\":{}}",
            "204|",
            "200|[]",
            "200|{\"properties\":{}}",
            "200|{\"id\":1,\"properties\":{}}",
            "200|{\"id\":\"1\"}",
            "200|{\"id\":\"1\",\"properties\":[]}"})
    void aFetchAnswerThatIsNotA200WithALeadObjectIsABreach(int status, String body) {
        var answer = aResponse().withStatus(status);
        if (body != null) {
            answer = answer.withHeader("Content-Type", "application/json").withBody(body);
        }
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(answer));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(status);
        assertThat(breach.getMessage()).startsWith("HubSpot answered " + status + " to a lead fetch");
    }

    // ---- helpers ----

    private static ResponseDefinitionBuilder hubSpotError(int status, String category, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", "error");
        body.put("message", message);
        body.put("correlationId", CORRELATION_ID);
        body.put("category", category);
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(json(body));
    }

    private static ResponseDefinitionBuilder rateLimited(String policy, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", "error");
        body.put("message", message);
        body.put("errorType", "RATE_LIMIT");
        body.put("correlationId", CORRELATION_ID);
        body.put("policyName", policy);
        return aResponse().withStatus(429).withHeader("Content-Type", "application/json;charset=utf-8").withBody(json(body));
    }

    private static String json(Object value) {
        try {
            return Answers.JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
