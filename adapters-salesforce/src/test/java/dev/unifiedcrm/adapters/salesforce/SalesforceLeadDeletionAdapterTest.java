package dev.unifiedcrm.adapters.salesforce;

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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

class SalesforceLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String TOKEN = "00DHs000000Xyz1!AQ0AQFakeTokenForTests";
    private static final String LEAD_ID = "00QHs00000Lk3pRMAR";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow();

    // ---- the contract's hooks ----

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new SalesforceAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("salesforce"), Map.of(), Optional.ofNullable(baseUrl),
                Pacing.providerDefault(), Credentials.of(Map.of("access_token", TOKEN)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse(LEAD_ID, new SalesforceAdapterProvider().leadIdFormat());
    }

    @Override
    protected String leadPath(String encodedLeadId) {
        return "/sobjects/Lead/" + encodedLeadId;
    }

    @Override
    protected String expectedAuthorization() {
        return "Bearer " + TOKEN;
    }

    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return aResponse().withStatus(204).withHeader("Sforce-Limit-Info", "api-usage=18/15000");
    }

    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        return salesforceError(status, "SOME_ERROR", message);
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(documentedLead().replace(LEAD_ID, id.value()));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        return false;
    }

    // ---- what reaches Salesforce ----

    @Test
    void theDeleteCarriesExactlyTheBearerTokenAcceptAndUserAgentWithoutBody() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        DeletedLead deleted = adapter.deletion().delete(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/sobjects/Lead/00QHs00000Lk3pRMAR");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        var names = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(request.getAllHeaderKeys());
        assertThat(names).containsExactlyInAnyOrder(
                "Accept", "Accept-Encoding", "Authorization", "Connection", "Host", "User-Agent");
        assertThat(request.getBody()).isEmpty();
        assertThat(deleted.id()).isEqualTo(LEAD_ID);
        assertThat(deleted.answer().status()).isEqualTo(204);
    }

    @Test
    void aFifteenCharacterIdIsSentWithItsCaseAndIsTheUnifiedId() {
        String shortId = "00Qhs00000lk3pr";
        provider.stubFor(delete(urlPathEqualTo(API_ROOT + "/sobjects/Lead/" + shortId)).willReturn(aResponse().withStatus(204)));

        DeletedLead deleted = adapter.deletion().delete(new ProviderCall(account(baseUrl()),
                LeadId.parse(shortId, new SalesforceAdapterProvider().leadIdFormat()), List.of(), TIMEOUT));

        assertThat(onlyRequest().getUrl()).isEqualTo(API_ROOT + "/sobjects/Lead/00Qhs00000lk3pr");
        assertThat(deleted.id()).isEqualTo(shortId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"003Hs00000Mn2XeIAJ", "00qHs00000Lk3pRMAR", "00QHs00000Lk3p", "Jane_Doe_Ref", "00QHs00000Lk3pRMA"})
    void anIdNotInSalesforcesFormatNeverReachesIt(String id) {
        var call = new ProviderCall(account(baseUrl()), LeadId.parse(id, dev.unifiedcrm.domain.LeadIdFormat.matching("(?s).+", "any text")), List.of(), TIMEOUT);

        catchThrowableOfType(InvalidLeadIdException.class, () -> adapter.deletion().delete(call));
        catchThrowableOfType(InvalidLeadIdException.class, () -> adapter.lookup().fetch(call));

        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutBaseUrlTheRootIsTheInstanceUrlAndApiVersion() {
        IntegratedAccount account = new IntegratedAccount(ACCOUNT_ID, new Integration("salesforce"),
                Map.of("instance_url", "https://acme.my.salesforce.com", "api_version", "61.0"), Optional.empty(),
                Pacing.providerDefault(), Credentials.of(Map.of("access_token", TOKEN)));

        URI root = SalesforceAccountContext.of(account, false).apiRoot(account.baseUrl());

        assertThat(root).isEqualTo(URI.create("https://acme.my.salesforce.com/services/data/v61.0"));
    }

    // ---- Sforce-Limit-Info ----

    @Test
    void theDailyAllocationBecomesTheAnswersRateLimitOnASuccess() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(204)
                .withHeader("Sforce-Limit-Info", "api-usage=18/15000, per-app-api-usage=3/5000(appName=unified)")));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.answer().rateLimit()).containsExactly(
                entry("ratelimit-limit", "15000"), entry("ratelimit-remaining", "14982"));
        assertThat(deleted.answer().header("sforce-limit-info")).contains("api-usage=18/15000, per-app-api-usage=3/5000(appName=unified)");
    }

    @Test
    void theDailyAllocationIsReadOnErrorsToo() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(salesforceError(404, "NOT_FOUND",
                "The requested resource does not exist").withHeader("Sforce-Limit-Info", "api-usage=15001/15000")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerAnswer().rateLimit()).containsExactly(
                entry("ratelimit-limit", "15000"), entry("ratelimit-remaining", "0"));
    }

    @Test
    void aMalformedLimitInfoSetsNothing() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(204)
                .withHeader("Sforce-Limit-Info", "api-usage=lots")));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.answer().rateLimit()).isEmpty();
    }

    // ---- the failure table ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400 | ENTITY_IS_LOCKED                  | This record is locked. If you need to edit it, contact your admin.",
            "400 | DELETE_FAILED                     | Your attempt to delete Jane Doe could not be completed",
            "400 | FIELD_CUSTOM_VALIDATION_EXCEPTION | Leads in review cannot be deleted",
            "401 | INVALID_SESSION_ID                | Session expired or invalid",
            "403 | INSUFFICIENT_ACCESS_OR_READONLY   | insufficient access rights on object id",
            "404 | NOT_FOUND                         | The requested resource does not exist",
            "404 | ENTITY_IS_DELETED                 | entity is deleted",
            "405 | METHOD_NOT_ALLOWED                | HTTP Method 'DELETE' not allowed",
            "409 | CONFLICT                          | conflict",
            "410 | API_DISABLED_FOR_ORG              | Version 26.0 is retired",
            "412 | PRECONDITION_FAILED               | precondition failed",
            "415 | UNSUPPORTED_MEDIA_TYPE            | unsupported media type",
            "429 | REQUEST_LIMIT_EXCEEDED            | too many requests",
            "500 | UNKNOWN_EXCEPTION                 | An unexpected error occurred",
            "503 | SERVER_UNAVAILABLE                | down for maintenance"})
    void eachDocumentedErrorIsARejectionWithItsStatusFirstMessageAndCode(int status, String code, String message) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(salesforceError(status, code, message)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.providerMessage()).contains(message);
        assertThat(rejection.providerErrorCode()).contains(code);
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Json.class);
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @Test
    void theSpentDailyAllocationIsA403WhoseQuotaIsExhaustedSoItIsNeverRetried() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                salesforceError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.quotaExhausted()).isTrue();
        assertThat(rejection.providerMessage()).contains("TotalRequests Limit exceeded.");
    }

    @Test
    void aStaticTokenThatExpiredIsA401AtOnceWithoutAnotherCall() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                salesforceError(401, "INVALID_SESSION_ID", "Session expired or invalid")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.getMessage()).doesNotContain(TOKEN);
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @Test
    void anHtmlMaintenancePageIsKeptAsTextWithTheFallbackMessage() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(503);
        assertThat(rejection.providerMessage()).contains("Salesforce answered 503");
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text("<html><body>Maintenance</body></html>"));
    }

    @Test
    void anObjectErrorBodyGivesItsOwnMessageAndCode() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Bad id\",\"errorCode\":\"MALFORMED_ID\"}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerMessage()).contains("Bad id");
        assertThat(rejection.providerErrorCode()).contains("MALFORMED_ID");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307})
    void aRedirectIsNeverFollowedAndPointsAtTheInstanceUrl(int status) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "https://acme.lightning.force.com/")
                .withHeader("Sforce-Limit-Info", "api-usage=1/15000")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.status()).isEqualTo(status);
        assertThat(breach.getMessage()).contains("instance_url", "My Domain");
        assertThat(breach.providerAnswer().rateLimit()).containsEntry("ratelimit-remaining", "14999");
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202, 204})
    void anyTwoHundredToADeleteIsASuccessWhateverItsBody(int status) {
        var answer = aResponse().withStatus(status);
        if (status != 204) {
            answer = answer.withHeader("Content-Type", "application/json").withBody("{\"success\":false}");
        }
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(answer));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo(LEAD_ID);
    }

    // ---- fetch ----

    @Test
    void theFetchAsksForEveryFieldAndMapsTheLeadUnderThePathId() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())
                .withHeader("Sforce-Limit-Info", "api-usage=2/15000")));

        FetchedLead fetched = adapter.lookup().fetch(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo(fullLeadPath());
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(fetched.lead().id()).isEqualTo(LEAD_ID);
        assertThat(fetched.lead().lastName()).isEqualTo("Doe");
        assertThat(fetched.lead().createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(fetched.lead().customFields()).containsEntry("Product_Interest__c", "Packaging line");
        assertThat(fetched.answer().rateLimit()).containsEntry("ratelimit-remaining", "14998");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "{\"attributes\":{\"type\":\"Contact\"},\"Id\":\"003Hs00000Mn2XeIAJ\"}",
            "{\"attributes\":{\"type\":\"Lead\"}}", "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00QHs00000Lk3pRMAR\",\"CreatedDate\":\"yesterday\"}"})
    void aFetchAnswerThatIsNotALeadIsABreach(String body) {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.getMessage()).startsWith("Salesforce answered 200 to a lead fetch");
    }

    @Test
    void aFetchOfALeadInTheRecycleBinIsA404Rejection() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(
                salesforceError(404, "ENTITY_IS_DELETED", "entity is deleted")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerErrorCode()).contains("ENTITY_IS_DELETED");
    }

    private static ResponseDefinitionBuilder salesforceError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("[{\"message\":" + jsonString(message) + ",\"errorCode\":\"" + code + "\",\"fields\":[]}]");
    }

    private static String jsonString(String text) {
        try {
            return Answers.JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String documentedLead() {
        try (InputStream in = SalesforceLeadDeletionAdapterTest.class.getResourceAsStream("/salesforce/lead.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
