package dev.unifiedcrm.adapters.nutshell;

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
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.Reference;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.contract.LeadDeletionPortContract;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NutshellLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String USERNAME = "ops@acme.example";
    private static final String API_KEY = "nk_7f3a9c2e5b1d48a6";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("7e2b9c14-0a5d-4f63-b8e1-3c6d9f0a2b47").orElseThrow();
    private static final String HTML = "text/html; charset=UTF-8";
    private static final String NOT_FOUND_PAGE = "<!DOCTYPE html><html><head><title>An Error Occurred: Not Found</title>"
            + "</head><body><h1>Oops! An Error Occurred</h1><h2>The server returned a \"404 Not Found\".</h2></body></html>";
    private static final String UNAUTHORIZED_PAGE = "<!DOCTYPE html><html><head><title>An Error Occurred: Unauthorized"
            + "</title></head><body><h1>Oops! An Error Occurred</h1><h2>The server returned a \"401 Unauthorized\"."
            + "</h2></body></html>";

    // ---- the contract's hooks ----

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new NutshellAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return account(baseUrl, USERNAME, API_KEY);
    }

    private static IntegratedAccount account(URI baseUrl, String username, String apiKey) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("nutshell"), Map.of(), Optional.ofNullable(baseUrl),
                Pacing.providerDefault(), Credentials.of(Map.of("username", username, "api_key", apiKey)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse("1003-leads", NutshellLeadIdFormat.INSTANCE);
    }

    @Override
    protected String leadPath(String encodedLeadId) {
        return "/leads/" + encodedLeadId;
    }

    @Override
    protected String expectedAuthorization() {
        return basic(USERNAME, API_KEY);
    }

    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return json(200, exampleEnvelope(id.value()));
    }

    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        return json(status, "{\"message\":" + jsonString(message) + "}");
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return json(200, exampleEnvelope(id.value()));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        // Any 2xx deletes; only a lead in the body is read (and must be the lead sent).
        return false;
    }

    // ---- what reaches Nutshell ----

    @Test
    void sendsBasicCredentialsAcceptAndUserAgentAndNothingElseOfOurOwn() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/leads/1003-leads");
        assertThat(request.getHeader("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ops@acme.example:nk_7f3a9c2e5b1d48a6".getBytes(StandardCharsets.UTF_8)));
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
    void aUserNameOutsideAsciiIsEncodedAsUtf8() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        adapter.deletion().delete(new ProviderCall(account(baseUrl(), "zoë@acme.example", "k{e}y%7B+/="), leadId(), List.of(), TIMEOUT));

        provider.verify(1, deleteRequestedFor(urlPathEqualTo(fullLeadPath()))
                .withHeader("Authorization", equalTo(basic("zoë@acme.example", "k{e}y%7B+/="))));
    }

    @Test
    void aBareNumberBecomesTheApiIdOnTheWire() {
        provider.stubFor(delete(urlPathEqualTo(API_ROOT + "/leads/1003-leads")).willReturn(deleteSuccess(leadId())));
        LeadId bare = LeadId.parse("1003", adapterProvider().leadIdFormat());

        DeletedLead deleted = adapter.deletion().delete(new ProviderCall(account(baseUrl()), bare, List.of(), TIMEOUT));

        assertThat(bare.value()).isEqualTo("1003-leads");
        assertThat(deleted.id()).isEqualTo("1003-leads");
        assertThat(onlyRequest().getUrl()).isEqualTo("/api-root/v9/leads/1003-leads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1003,1004", "1003-leads,1004-leads", "1003%2C1004", "7-contacts", "Lead-1045", "Lead\u20131045",
            "1003-Leads", "0", "007", "+5", "-5", " 1003", "9223372036854775808", "1003/leads"})
    void anIdNotInNutshellsFormatIsRefusedNamingTheFormat(String id) {
        assertThatThrownBy(() -> LeadId.parse(id, adapterProvider().leadIdFormat()))
                .isInstanceOf(InvalidLeadIdException.class)
                .hasMessageContaining("<n>-leads");
    }

    @Test
    void anIdThatIsNotCanonicalInNutshellsFormatNeverReachesNutshell() {
        // "1003" is a valid positive integer, but Nutshell's canonical form is "1003-leads".
        provider.stubFor(any(anyUrl()).willReturn(deleteSuccess(leadId())));
        LeadId foreign = LeadId.parse("1003", LeadIdFormat.POSITIVE_INT64);

        assertThatThrownBy(() -> adapter.deletion().delete(new ProviderCall(account(baseUrl()), foreign, List.of(), TIMEOUT)))
                .isInstanceOf(InvalidLeadIdException.class);
        assertThatThrownBy(() -> adapter.lookup().fetch(new ProviderCall(account(baseUrl()), foreign, List.of(), TIMEOUT)))
                .isInstanceOf(InvalidLeadIdException.class);
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    // ---- delete success ----

    @Test
    void theDeletedLeadInTheAnswerFillsTheDeleteFieldsWithTheWholeBodyAsRemoteData() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        DeletedLead deleted = adapter.deletion().delete(call());

        Lead lead = deleted.lead().orElseThrow();
        assertThat(lead.id()).isEqualTo("1003-leads");
        assertThat(lead.owner()).isEqualTo(new Reference("5-users"));
        assertThat(lead.leadSource()).isEqualTo("3-sources");
        assertThat(lead.status()).isEqualTo("open");
        assertThat(lead.title()).isEqualTo("Acme Corp packaging line upgrade");
        assertThat(lead.contact()).isEqualTo(new Reference("12-contacts"));
        assertThat(lead.account()).isEqualTo(new Reference("7-accounts"));
        assertThat(lead.createdAt()).as("not among a delete's fields").isNull();
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.remoteData()).isInstanceOfSatisfying(Map.class,
                body -> assertThat(body).containsOnlyKeys("meta", "links", "leads", "contacts", "accounts"));
    }

    @Test
    void aBareLeadWithANumericIdIsReadToo() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                json(200, "{\"id\": \"1003\", \"status\": \"won\", \"name\": \"Renewal\", \"links\": {\"owner\": \"3-teams\"}}")));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo("1003-leads");
        Lead lead = deleted.lead().orElseThrow();
        assertThat(lead.id()).isEqualTo("1003-leads");
        assertThat(lead.status()).isEqualTo("won");
        assertThat(lead.title()).isEqualTo("Renewal");
        assertThat(lead.owner()).isEqualTo(new Reference("3-teams"));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void anyTwoHundredWithoutALeadIsASuccessWithTheIdSent(int status) {
        var answer = aResponse().withStatus(status);
        if (status != 204) {
            answer = answer.withHeader("Content-Type", "application/json").withBody("{\"meta\": {\"instanceId\": \"54321\"}}");
        }
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(answer));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo("1003-leads");
        assertThat(deleted.lead()).isEmpty();
        assertThat(deleted.answer().status()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"leads\": [{\"id\": \"1004-leads\"}]}", "{\"id\": \"1004-leads\"}", "{\"id\": \"1003-contacts\"}",
            "{\"leads\": [{\"id\": 1004}]}", "{\"leads\": [{\"name\": \"no id\"}]}"})
    void aDeleteAnswerAboutAnotherLeadIsAContractBreach(String body) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(json(200, body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(200);
        assertThat(breach.getMessage()).contains("1003-leads");
    }

    // ---- Nutshell's errors ----

    @Test
    void wrongCredentialsGetAn401HtmlPageWhoseMessageIsTheStatusSentence() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(html(401, UNAUTHORIZED_PAGE)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.delivery()).isEqualTo(Delivery.ANSWERED);
        assertThat(rejection.providerMessage()).contains("Nutshell answered 401 Unauthorized");
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text(UNAUTHORIZED_PAGE));
        assertThat(rejection.getMessage()).doesNotContain(API_KEY, Base64.getEncoder().encodeToString(
                (USERNAME + ":" + API_KEY).getBytes(StandardCharsets.UTF_8)));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo(fullLeadPath())));
    }

    @Test
    void anUnknownLeadIsA404HtmlPageWhoseMessageIsTheStatusSentence() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(html(404, NOT_FOUND_PAGE)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).contains("Nutshell answered 404 Not Found");
        assertThat(rejection.providerAnswer().contentType()).isEqualTo(HTML);
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text(NOT_FOUND_PAGE));
    }

    @Test
    void aKeyWithoutPermissionIsPassedOnAsItComes() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(html(403, "<html>Forbidden</html>")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.providerMessage()).contains("Nutshell answered 403 Forbidden");
    }

    @Test
    void aJsonErrorGivesItsMessageElseItsDetail() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                json(422, "{\"title\": \"Invalid\", \"detail\": \"The lead is locked by an approval\"}")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(422);
        assertThat(rejection.providerMessage()).contains("The lead is locked by an approval");
        assertThat(rejection.providerErrorCode()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aServerErrorIsARejectionKeepingItsStatusForTheServiceToAnswer502(int status) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(html(status, "<html>down</html>")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.providerMessage()).hasValueSatisfying(message -> assertThat(message).startsWith("Nutshell answered " + status));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo(fullLeadPath())));
    }

    @Test
    void a429IsPassedOnWithItsRetryAfter() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                html(429, "<html>slow down</html>").withHeader("Retry-After", "7")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.providerAnswer().header("retry-after")).contains("7");
        assertThat(rejection.providerMessage()).contains("Nutshell answered 429 Too Many Requests");
        assertThat(rejection.quotaExhausted()).isFalse();
    }

    @Test
    void aRedirectIsAContractBreachNeverFollowed() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                aResponse().withStatus(302).withHeader("Location", "https://app.nutshell.com/auth/login")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    // ---- fetch ----

    @Test
    void fetchesTheLeadWithItsDatesAndTheLeadObjectAsRemoteData() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(call());

        Lead lead = fetched.lead();
        assertThat(lead.id()).isEqualTo("1003-leads");
        assertThat(lead.owner()).isEqualTo(new Reference("5-users"));
        assertThat(lead.title()).isEqualTo("Acme Corp packaging line upgrade");
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(lead.lastActivityAt()).isEqualTo(Instant.parse("2024-03-07T08:10:00Z"));
        assertThat(lead.remoteData()).isInstanceOfSatisfying(Map.class, remote -> assertThat(remote)
                .containsEntry("id", "1003-leads").containsEntry("number", "1045").doesNotContainKeys("meta", "leads"));
        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/leads/1003-leads");
        assertThat(request.getHeader("Authorization")).isEqualTo(expectedAuthorization());
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(request.getBody()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"absoluteLocalizedString\": \"Mar 9, 2024\", \"timestamp\": 1709985600, \"value\": \"2024-03-09T12:00:00+0000\"}",
            "\"2024-03-09T12:00:00+0000\""})
    void aSoftDeletedLeadIsNotFoundWithTheBodyAsItCame(String deletedTime) {
        String body = exampleEnvelope("1003-leads").replace("\"deletedTime\": null", "\"deletedTime\": " + deletedTime);
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(json(200, body)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.delivery()).isEqualTo(Delivery.ANSWERED);
        assertThat(rejection.providerMessage()).hasValueSatisfying(message -> assertThat(message).contains("deleted"));
        assertThat(rejection.providerAnswer().body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Json.class);
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"leads\": []}", "{\"meta\": {}, \"leads\": null}", "[]", "\"1003-leads\""})
    void aFetchAnswerWithoutALeadIsAContractBreach(String body) {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(json(200, body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(200);
    }

    @Test
    void aFetchOfAnotherLeadIsAContractBreach() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(json(200, exampleEnvelope("1004-leads"))));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
    }

    @Test
    void aFetchOfAnUnknownLeadIsThe404HtmlPage() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(html(404, NOT_FOUND_PAGE)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).contains("Nutshell answered 404 Not Found");
    }

    // ---- no answer ----

    @Test
    void anUnknownHostWasNotSentAndTheMessageNamesNutshellWithoutSecrets() {
        var account = account(URI.create("https://nutshell.unified-crm-test.invalid/rest"));

        ProviderUnreachable failure = catchThrowableOfType(ProviderUnreachable.class,
                () -> adapter.deletion().delete(new ProviderCall(account, leadId(), List.of(), TIMEOUT)));

        assertThat(failure.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(failure.getMessage()).contains("Nutshell").doesNotContain(API_KEY, USERNAME);
    }

    @Test
    void withoutABaseUrlTheRootIsNutshellsRestApi() {
        assertThat(NutshellAdapterProvider.apiRoot(account(null))).isEqualTo(URI.create("https://app.nutshell.com/rest"));
        assertThat(NutshellAdapterProvider.apiRoot(account(URI.create("https://proxy.example/rest/"))))
                .isEqualTo(URI.create("https://proxy.example/rest"));
    }

    // ---- helpers ----

    private static String basic(String username, String apiKey) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private static ResponseDefinitionBuilder html(int status, String page) {
        return aResponse().withStatus(status).withHeader("Content-Type", HTML).withBody(page);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The example lead's envelope, its lead's id set to {@code apiId}. */
    private static String exampleEnvelope(String apiId) {
        return NutshellAnswers.resource("lead.json").replace("\"id\": \"1003-leads\"", "\"id\": \"" + apiId + "\"");
    }
}
