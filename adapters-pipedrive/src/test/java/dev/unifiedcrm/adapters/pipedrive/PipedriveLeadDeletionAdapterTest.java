package dev.unifiedcrm.adapters.pipedrive;

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
import java.math.BigDecimal;
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

class PipedriveLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String TOKEN = "6f1d2c9e0b7a4d3f8e5a1b2c3d4e5f60718293a4";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("5b2c9e14-7a3d-4f6b-8c1e-0d9a8b7c6e5f").orElseThrow();
    private static final String LEAD = "adf21080-0e10-11eb-879b-05d71fb426ec";
    private static final String CORRELATION_ID = "b8a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d";

    // ---- the contract's hooks ----

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new PipedriveAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("pipedrive"), Map.of("company_domain", "acme"),
                Optional.ofNullable(baseUrl), Pacing.providerDefault(), Credentials.of(Map.of("api_token", TOKEN)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse(LEAD, LeadIdFormat.UUID);
    }

    @Override
    protected String leadPath(String encodedLeadId) {
        return "/leads/" + encodedLeadId;
    }

    @Override
    protected String expectedAuthorization() {
        return TOKEN;
    }

    @Override
    protected String authorizationHeader() {
        // A personal API token travels in its own header, never as the api_token query parameter.
        return "x-api-token";
    }

    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"data\":{\"id\":\"" + id.value() + "\"}}");
    }

    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        return pipedriveError(status, message);
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Answers.resource("lead.json").replace(LEAD, id.value()));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        return true;
    }

    // ---- what reaches Pipedrive ----

    @Test
    void theDeleteSendsTheTokenInTheXApiTokenHeaderAndNeverInTheQuery() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/leads/" + LEAD);
        assertThat(request.getHeader("x-api-token")).isEqualTo(TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        var names = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(request.getAllHeaderKeys());
        assertThat(names).containsExactlyInAnyOrder(
                "Accept", "Accept-Encoding", "x-api-token", "Connection", "Host", "User-Agent");
        assertThat(request.getBody()).isEmpty();
    }

    @Test
    void anUpperCaseIdIsSentLowerCase() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(new ProviderCall(account(baseUrl()), LeadId.parse(LEAD.toUpperCase(), LeadIdFormat.UUID),
                List.of(), TIMEOUT));

        assertThat(onlyRequest().getUrl()).isEqualTo("/api-root/v9/leads/" + LEAD);
    }

    @Test
    void theFetchIsAPlainGetWithTheSameHeadersAndNoQuery() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        adapter.lookup().fetch(call(List.of(new dev.unifiedcrm.domain.QueryParameter("a", "1")), TIMEOUT));

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/leads/" + LEAD);
        assertThat(request.getHeader("x-api-token")).isEqualTo(TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.containsHeader("Authorization")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"adf21080-0e10-11eb-879b-05d71fb426e", "adf210800e1011eb879b05d71fb426ec", "1-2-3-4-5", "38475629104"})
    void anIdNotAUuidNeverReachesPipedrive(String id) {
        var call = new ProviderCall(account(baseUrl()), LeadId.parse(id, LeadIdFormat.matching("(?s).+", "any text")),
                List.of(), TIMEOUT);

        catchThrowableOfType(InvalidLeadIdException.class, () -> adapter.deletion().delete(call));
        catchThrowableOfType(InvalidLeadIdException.class, () -> adapter.lookup().fetch(call));

        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    // ---- success ----

    @Test
    void theDeletedIdIsTheAnswersDataId() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":true,\"data\":{\"id\":\"" + LEAD + "\"}}")));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo(LEAD);
        assertThat(deleted.answer().status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"success\":true}", "{\"success\":true,\"data\":null}", "{\"success\":true,\"data\":{\"id\":7}}"})
    void withoutAStringDataIdTheDeletedIdIsTheIdSent(String body) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo(LEAD);
    }

    // ---- failures inside a 2xx ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "403|Permission denied",
            "404|Lead not found",
            "500|Internal server error"})
    void aSuccessFalseWithAnErrorCodeIsTheFailureItNamesKeepingTheTwoHundred(int code, String message) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-correlation-id", CORRELATION_ID)
                .withBody("{\"success\":false,\"error\":\"" + message + "\",\"errorCode\":" + code + "}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(code);
        assertThat(rejection.reportedInBody()).isTrue();
        assertThat(rejection.providerAnswer().status()).isEqualTo(200);
        assertThat(rejection.providerMessage()).contains(message);
        assertThat(rejection.providerRequestId()).contains(CORRELATION_ID);
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"success\":false,\"error\":\"Unknown failure\"}", "{\"success\":false,\"errorCode\":200}",
            "{\"success\":false,\"errorCode\":\"403\"}", "{\"success\":false,\"errorCode\":403.5}", "{\"success\":\"true\"}",
            "{\"data\":{}}", "[]", "not json"})
    void anyOtherTwoHundredBodyIsABreach(String body) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(200);
        assertThat(breach.getMessage()).startsWith("Pipedrive answered 200");
    }

    @Test
    void aFetchAnsweredWithAReportedFailureIsThatFailure() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":\"Permission denied\",\"errorCode\":403}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.reportedInBody()).isTrue();
    }

    // ---- Pipedrive's error table ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400|Bad request",
            "401|unauthorized access",
            "402|Company account is not open",
            "403|You do not have permission to delete leads",
            "404|Lead not found",
            "405|Method not allowed",
            "410|Gone",
            "415|Unsupported media type",
            "422|Lead is not in a valid state",
            "500|Internal server error",
            "501|Not implemented",
            "503|Internal server error"})
    void eachErrorOfTheTableIsARejectionWithPipedrivesMessage(int status, String message) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(pipedriveError(status, message)
                .withHeader("x-correlation-id", CORRELATION_ID)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.reportedInBody()).isFalse();
        assertThat(rejection.providerMessage()).contains(message);
        assertThat(rejection.providerRequestId()).contains(CORRELATION_ID);
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.getMessage()).doesNotContain(TOKEN);
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @Test
    void withoutAnErrorTheErrorInfoIsTheMessage() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error_info\":\"Please check developers.pipedrive.com\"}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerMessage()).contains("Please check developers.pipedrive.com");
    }

    @Test
    void aCloudflareBlockPageIsA403KeptAsText() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody("<html><title>Attention Required! | Cloudflare</title></html>")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Text.class);
        assertThat(rejection.providerMessage()).contains("Pipedrive answered 403 without an error message");
    }

    @Test
    void aSpentDailyBudgetIs429ThatNoRetryCanHelp() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(pipedriveError(429, "Too many requests")
                .withHeader("x-daily-ratelimit-token-remaining", "0").withHeader("Retry-After", "1")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.quotaExhausted()).isTrue();
    }

    @Test
    void aBurst429WithDailyTokensLeftIsNotASpentBudget() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(pipedriveError(429, "Too many requests")
                .withHeader("x-daily-ratelimit-token-remaining", "29000").withHeader("Retry-After", "1")
                .withHeader("x-ratelimit-limit", "20").withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", "1")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerAnswer().header("x-ratelimit-limit")).contains("20");
    }

    // ---- fetch ----

    @Test
    void theFetchedLeadIsMappedWithTheDataObjectAsRemoteData() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(call());

        assertThat(fetched.lead().id()).isEqualTo(LEAD);
        assertThat(fetched.lead().title()).isEqualTo("Acme Corp - packaging line upgrade");
        assertThat(fetched.lead().status()).isEqualTo("open");
        assertThat(fetched.lead().contact().id()).isEqualTo("1092");
        assertThat(fetched.lead().createdAt()).isEqualTo(Instant.parse("2026-03-05T10:45:21.004Z"));
        assertThat(fetched.lead().customFields()).containsEntry("d4de1c1518b4531717c676029a45911c340390a6", new BigDecimal("12500.75"));
        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) fetched.lead().remoteData();
        assertThat(remote).containsEntry("id", LEAD).doesNotContainKey("success");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"success\":true}", "{\"success\":true,\"data\":[]}", "{\"success\":true,\"data\":{\"id\":5}}"})
    void aSuccessfulFetchWithoutALeadObjectIsABreach(String body) {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.getMessage()).startsWith("Pipedrive answered 200 to a lead fetch");
    }

    // ---- helpers ----

    private static ResponseDefinitionBuilder pipedriveError(int status, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("success", false);
        body.put("error", message);
        body.put("error_info", "Please check developers.pipedrive.com");
        body.put("data", null);
        body.put("additional_data", null);
        try {
            return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(Answers.JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
