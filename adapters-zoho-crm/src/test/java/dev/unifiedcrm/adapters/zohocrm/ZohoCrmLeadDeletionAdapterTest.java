package dev.unifiedcrm.adapters.zohocrm;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.contract.LeadDeletionPortContract;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswers.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ZohoCrmLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String TOKEN = "1000.4f0c9e2d7b1a5c3e8f6d0b9a2c4e6f81.0d3b5a7c9e1f2a4b6c8d0e2f4a6b8c0d";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("c3d9a4e1-5b6f-4a7c-8d2e-1f0a9b8c7d61").orElseThrow();
    private static final String ID = "7328395000000691001";

    // ---- the contract's hooks ----

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new ZohoCrmAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return account(baseUrl, TOKEN);
    }

    private static IntegratedAccount account(URI baseUrl, String token) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("zoho_crm"), Map.of("data_center", "eu"),
                Optional.ofNullable(baseUrl), Pacing.providerDefault(), Credentials.of(Map.of("access_token", token)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse(ID, LeadIdFormat.POSITIVE_INT64);
    }

    @Override
    protected String leadPath(String encodedLeadId) {
        return "/Leads/" + encodedLeadId;
    }

    @Override
    protected String expectedAuthorization() {
        return "Zoho-oauthtoken " + TOKEN;
    }

    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return json(200, "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"" + id.value()
                + "\"},\"message\":\"record deleted\",\"status\":\"success\"}]}");
    }

    /** A top-level Zoho error whose code is not in the table: the HTTP status stands. */
    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        return json(status, "{\"code\":\"SOME_OTHER_ERROR\",\"details\":{},\"message\":" + jsonString(message)
                + ",\"status\":\"error\"}");
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return json(200, resource("lead.json").replace("\"id\": \"" + ID + "\"", "\"id\": \"" + id.value() + "\""));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        return true;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    private static ResponseDefinitionBuilder itemError(int status, String code, String details, String message) {
        return json(status, "{\"data\":[{\"code\":\"" + code + "\",\"details\":" + details + ",\"message\":\""
                + message + "\",\"status\":\"error\"}]}");
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void stubDelete(ResponseDefinitionBuilder answer) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(answer));
    }

    private ProviderRejection deleteRejected() {
        return catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));
    }

    // ---- what reaches Zoho ----

    @Test
    void sendsExactlyTheZohoOauthtokenAcceptAndUserAgentAndNoBody() {
        stubDelete(deleteSuccess(leadId()));

        adapter.deletion().delete(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/Leads/7328395000000691001");
        assertThat(request.getHeader("Authorization")).isEqualTo("Zoho-oauthtoken " + TOKEN);
        assertThat(request.header("Authorization").values()).hasSize(1);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.header("Accept").values()).hasSize(1);
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        var names = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(request.getAllHeaderKeys());
        // What OkHttp adds on its own (Host, Connection, Accept-Encoding) carries no account data.
        assertThat(names).containsExactlyInAnyOrder(
                "Accept", "Accept-Encoding", "Authorization", "Connection", "Host", "User-Agent");
        assertThat(request.getBody()).isEmpty();
    }

    @Test
    void theFetchIsAGetWithTheSameHeadersAndNoQuery() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        adapter.lookup().fetch(call(List.of(new QueryParameter("wf_trigger", "false")), TIMEOUT));

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/Leads/7328395000000691001");
        provider.verify(1, getRequestedFor(urlPathEqualTo(fullLeadPath()))
                .withHeader("Authorization", equalTo("Zoho-oauthtoken " + TOKEN))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(request.getBody()).isEmpty();
    }

    @Test
    void wfTriggerFalsePassesThroughToTheDelete() {
        stubDelete(deleteSuccess(leadId()));

        adapter.deletion().delete(call(List.of(new QueryParameter("wf_trigger", "false")), TIMEOUT));

        assertThat(onlyRequest().getUrl()).isEqualTo("/api-root/v9/Leads/7328395000000691001?wf_trigger=false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ids", "IDS", "Ids"})
    void theBulkIdsParameterIsRefusedByTheProviderAndNeverSent(String name) {
        var query = List.of(new QueryParameter(name, "1,2"));

        assertThat(new ZohoCrmAdapterProvider().remoteQueryRefusal(query)).get().asString()
                .contains("remote_query[" + name + "]", "several records");
        assertThat(new ZohoCrmAdapterProvider().remoteQueryRefusal(List.of(new QueryParameter("wf_trigger", "false"))))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.deletion().delete(call(query, TIMEOUT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "007", "+5", "9223372036854775808", "12a", "7328395000000691001 "})
    void anIdNotInZohosFormatNeverReachesZoho(String badId) {
        provider.stubFor(any(anyUrl()).willReturn(deleteSuccess(leadId())));
        LeadId id = LeadId.parse(badId, LeadIdFormat.matching("(?s).+", "any text"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        adapter.deletion().delete(new ProviderCall(account(baseUrl()), id, List.of(), TIMEOUT)))
                .isInstanceOf(InvalidLeadIdException.class);
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void theDataCentreDecidesTheApiRootWithoutABaseUrl() {
        assertThat(ZohoCrmAdapterProvider.apiRoot(account(null))).isEqualTo(URI.create("https://www.zohoapis.eu/crm/v8"));
        assertThat(ZohoCrmAdapterProvider.apiRoot(account(URI.create(baseUrl() + "/"))))
                .isEqualTo(URI.create(provider.baseUrl() + API_ROOT));
    }

    // ---- success ----

    @ParameterizedTest
    @ValueSource(strings = {"\"7328395000000691001\"", "7328395000000691001"})
    void theUnifiedIdIsDetailsIdAsStringOrDigits(String detailsId) {
        stubDelete(json(200, "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":" + detailsId
                + "},\"message\":\"record deleted\",\"status\":\"success\"}]}"));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo(ID);
        assertThat(deleted.answer().status()).isEqualTo(200);
        assertThat(deleted.answer().parsedBody()).isInstanceOf(RemoteBody.Json.class);
    }

    @Test
    void withoutDetailsIdTheIdSentIsTheUnifiedId() {
        stubDelete(json(200, "{\"data\":[{\"code\":\"SUCCESS\",\"message\":\"record deleted\",\"status\":\"success\"}]}"));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"7328395000000691002\"},\"status\":\"success\"}]}",
            "{\"data\":[]}",
            "{\"data\":[{\"status\":\"success\"},{\"status\":\"success\"}]}",
            "{\"data\":[{\"code\":\"SUCCESS\",\"status\":\"pending\"}]}",
            "{}",
            "[1,2]"})
    void aTwoHundredThatIsNeitherASuccessNorAReportedFailureIsABreach(String body) {
        stubDelete(json(200, body));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(200);
    }

    @Test
    void aFetchFindsTheLeadInDataAndMapsIt() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(call());

        assertThat(fetched.lead().id()).isEqualTo(ID);
        assertThat(fetched.lead().firstName()).contains("Jane");
        assertThat(fetched.lead().remoteData()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) fetched.lead().remoteData()).get("id")).isEqualTo(ID);
    }

    @Test
    void aFetchOfAnotherRecordIsABreach() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(json(200, "{\"data\":[{\"id\":\"42\"}]}")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
    }

    @Test
    void aFetchAnsweredNoContentIsA404WithoutBody() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(204)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).contains("Zoho CRM has no lead " + ID);
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(RemoteBody.empty());
    }

    @Test
    void aFetchOfAnUnknownIdReportedInTheBodyIsA404() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(
                itemError(200, "INVALID_DATA", "{\"id\":\"" + ID + "\"}", "the id given seems to be invalid.")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).contains("the id given seems to be invalid.");
    }

    // ---- failures: the code table, inside a 2xx body and beside other statuses ----

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "200 | INVALID_DATA       | {\"id\":\"7328395000000691001\"} | the id given seems to be invalid. | 404",
            "200 | INVALID_DATA       | {}                                | invalid data                      | 404",
            "200 | INVALID_DATA       | null                              | invalid data                      | 404",
            "200 | INVALID_DATA       | {\"param_name\":\"wf_trigger\"}    | invalid value for wf_trigger      | 400",
            "200 | RECORD_NOT_FOUND   | {}                                | record not found                  | 404",
            "200 | NOT_FOUND          | {}                                | not found                         | 404",
            "200 | NO_RECORDS_FOUND   | {}                                | no records                        | 404",
            "200 | AUTHENTICATION_FAILURE | {}                            | authentication failed             | 401",
            "200 | INVALID_TOKEN      | {}                                | invalid oauth token               | 401",
            "200 | NO_PERMISSION      | {}                                | permission denied to delete       | 403",
            "200 | OAUTH_SCOPE_MISMATCH | {}                              | invalid oauth scope               | 403",
            "200 | RECORD_LOCKED      | {}                                | record locked                     | 409",
            "200 | RECORD_IN_BLUEPRINT | {}                               | record is in blueprint            | 409",
            "200 | CANNOT_DELETE      | {}                                | cannot delete                     | 409",
            "200 | NOT_APPROVED       | {}                                | record not approved               | 409",
            "200 | TOO_MANY_REQUESTS  | {}                                | too many requests                 | 429",
            "200 | LIMIT_EXCEEDED     | {}                                | limit exceeded                    | 429",
            "200 | LIMIT_REACHED      | {}                                | limit reached                     | 429",
            "200 | INTERNAL_ERROR     | {}                                | internal error                    | 500",
            "200 | SOMETHING_NEW      | {}                                | something new                     | 400",
            "207 | RECORD_LOCKED      | {}                                | record locked                     | 409",
            "400 | RECORD_NOT_FOUND   | {}                                | record not found                  | 404",
            "400 | RECORD_LOCKED      | {}                                | record locked                     | 409",
            "422 | SOMETHING_NEW      | {}                                | something new                     | 422",
    })
    void eachZohoCodeIsAnsweredWithItsStatusWhateverTheHttpStatus(int httpStatus, String code, String details,
                                                                  String message, int status) {
        stubDelete(itemError(httpStatus, code, details, message));

        ProviderRejection rejection = deleteRejected();

        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.delivery()).isEqualTo(Delivery.ANSWERED);
        assertThat(rejection.providerMessage()).contains(message);
        assertThat(rejection.providerErrorCode()).contains(code);
        // A failure inside a 2xx keeps Zoho's answer as it came; a 4xx stands for the status its code names.
        assertThat(rejection.reportedInBody()).isEqualTo(httpStatus < 300);
        assertThat(rejection.providerAnswer().status()).isEqualTo(httpStatus < 300 ? httpStatus : status);
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Json.class);
        provider.verify(1, deleteRequestedFor(urlPathEqualTo(fullLeadPath())));
    }

    @Test
    void aTopLevelErrorObjectIsReadLikeADataItem() {
        stubDelete(json(400, "{\"code\":\"NO_PERMISSION\",\"details\":{\"permissions\":[\"Crm_Implied_Delete_Leads\"]},"
                + "\"message\":\"permission denied\",\"status\":\"error\"}"));

        ProviderRejection rejection = deleteRejected();

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.providerMessage()).contains("permission denied");
        assertThat(rejection.providerErrorCode()).contains("NO_PERMISSION");
    }

    @Test
    void aTopLevelInvalidTokenOnAStaticTokenIsA401() {
        stubDelete(json(401, "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}"));

        ProviderRejection rejection = deleteRejected();

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerMessage()).contains("invalid oauth token");
        assertThat(rejection.providerErrorCode()).contains("INVALID_TOKEN");
        assertThat(rejection.getMessage()).doesNotContain(TOKEN);
        provider.verify(1, deleteRequestedFor(urlPathEqualTo(fullLeadPath())));
    }

    @Test
    void aSecondDeleteOfARecycledLeadIsA404FromTheTwoHundredBody() {
        stubDelete(itemError(200, "INVALID_DATA", "{\"id\":\"" + ID + "\"}", "the id given seems to be invalid."));

        ProviderRejection rejection = deleteRejected();

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerAnswer().body()).asString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("INVALID_DATA");
    }

    @ParameterizedTest
    @CsvSource({"400, Zoho CRM answered 400 Bad Request", "404, Zoho CRM answered 404 Not Found",
            "429, Zoho CRM answered 429 Too Many Requests"})
    void aFourHundredWithoutAZohoErrorKeepsItsStatusWithTheSentence(int status, String sentence) {
        stubDelete(aResponse().withStatus(status).withHeader("Content-Type", "text/html").withBody("<html>nope</html>"));

        ProviderRejection rejection = deleteRejected();

        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.providerMessage()).contains(sentence);
    }

    @Test
    void aFourHundredWithAJsonMessageButNoZohoErrorTakesThatMessage() {
        stubDelete(json(405, "{\"message\":\"method not allowed here\"}"));

        ProviderRejection rejection = deleteRejected();

        assertThat(rejection.status()).isEqualTo(405);
        assertThat(rejection.providerMessage()).contains("method not allowed here");
    }

    @Test
    void aRetryAfterOnAZohoRateLimitIsPassedOn() {
        stubDelete(itemError(200, "TOO_MANY_REQUESTS", "{}", "too many requests").withHeader("Retry-After", "7"));

        ProviderRejection rejection = deleteRejected();

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.providerAnswer().header("retry-after")).contains("7");
    }
}
