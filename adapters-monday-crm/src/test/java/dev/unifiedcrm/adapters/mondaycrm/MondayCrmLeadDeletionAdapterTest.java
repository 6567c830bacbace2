package dev.unifiedcrm.adapters.mondaycrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
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
import dev.unifiedcrm.domain.Reference;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.contract.LeadDeletionPortContract;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MondayCrmLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.monday-test-token";
    private static final String BOARD = "2001047343";
    private static final String ITEM = "18273395993";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("4b8e2f61-9c3a-4d57-a1e0-6f2d8c9b3a14").orElseThrow();
    private static final String CHECK_MARK = "{ id state board { id } } }";
    private static final String FETCH_MARK = "column_values";
    private static final String DELETE_MARK = "delete_item";
    private static final String REQUEST_ID = "827a151c-9738-9004-a549-5e4834678882";

    // ---- the contract's hooks ----

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new MondayCrmAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return account(baseUrl, Map.of("board_id", BOARD, "columns", Map.of("owner", "person")));
    }

    private static IntegratedAccount account(URI baseUrl, Map<String, ?> context) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("monday_crm"), context, Optional.ofNullable(baseUrl),
                Pacing.providerDefault(), Credentials.of(Map.of("api_token", TOKEN)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse(ITEM, LeadIdFormat.POSITIVE_INT64);
    }

    /** One endpoint for everything: the id travels in the body. */
    @Override
    protected String leadPath(String encodedLeadId) {
        return "";
    }

    @Override
    protected String expectedAuthorization() {
        return TOKEN;
    }

    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return json("{\"data\":{\"delete_item\":{\"id\":\"" + id.value() + "\"}},\"extensions\":{\"request_id\":\""
                + REQUEST_ID + "\"}}");
    }

    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"SOME_CODE\"}}]}");
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return json(MondayCrmAnswers.resource("item.json").replace("\"18273395993\"", "\"" + id.value() + "\""));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        return true;
    }

    @Override
    protected MappingBuilder deleteRequest() {
        return post(urlPathEqualTo(API_ROOT)).withRequestBody(containing(DELETE_MARK));
    }

    @Override
    protected RequestPatternBuilder deleteRequested() {
        return postRequestedFor(urlPathEqualTo(API_ROOT)).withRequestBody(containing(DELETE_MARK));
    }

    @Override
    protected MappingBuilder fetchRequest() {
        return post(urlPathEqualTo(API_ROOT)).withRequestBody(containing(FETCH_MARK));
    }

    @Override
    protected RequestPatternBuilder fetchRequested() {
        return postRequestedFor(urlPathEqualTo(API_ROOT)).withRequestBody(containing(FETCH_MARK));
    }

    @Override
    protected String deleteRequestLine() {
        return "POST " + API_ROOT + " HTTP/1.1";
    }

    @Override
    protected List<StepBeforeDelete> stepsBeforeDelete() {
        return List.of(new StepBeforeDelete("POST", API_ROOT, CHECK_MARK, checkAnswer(ITEM, BOARD, "active")));
    }

    // ---- helpers ----

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    private static ResponseDefinitionBuilder checkAnswer(String id, String board, String state) {
        return json("{\"data\":{\"items\":[{\"id\":\"" + id + "\",\"state\":\"" + state + "\",\"board\":{\"id\":\"" + board
                + "\"}}]},\"extensions\":{\"request_id\":\"0a7f\"}}");
    }

    private void stubCheck(ResponseDefinitionBuilder answer) {
        provider.stubFor(post(urlPathEqualTo(API_ROOT)).withRequestBody(containing(CHECK_MARK)).willReturn(answer));
    }

    private void stubMutation(ResponseDefinitionBuilder answer) {
        provider.stubFor(deleteRequest().willReturn(answer));
    }

    private List<LoggedRequest> requestsInOrder() {
        var events = new java.util.ArrayList<>(provider.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream().map(event -> (LoggedRequest) event.getRequest()).toList();
    }

    /** Runs {@code action} with the adapter's log lines captured (kept out of the build output) and returns them. */
    private static List<String> logged(Runnable action) {
        var logger = java.util.logging.Logger.getLogger(MondayCrmLeadDeletionAdapter.class.getName());
        var lines = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parents = logger.getUseParentHandlers();
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            action.run();
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(parents);
        }
        return lines;
    }

    private static JsonNode body(LoggedRequest request) throws IOException {
        return MondayCrmAnswers.JSON.readTree(request.getBodyAsString());
    }

    // ---- what reaches monday ----

    @Test
    void aDeleteIsTheBoardCheckThenTheMutationEachAPostWithTheRawTokenVersionAndTheIdAsAVariable() throws IOException {
        stubCheck(checkAnswer(ITEM, BOARD, "active"));
        stubMutation(deleteSuccess(leadId()));

        DeletedLead deleted = adapter.deletion().delete(call(List.of(new QueryParameter("trace", "a{b}")), TIMEOUT));

        assertThat(deleted.id()).isEqualTo(ITEM);
        List<LoggedRequest> requests = requestsInOrder();
        assertThat(requests).hasSize(2);
        LoggedRequest check = requests.get(0);
        LoggedRequest mutation = requests.get(1);
        for (LoggedRequest request : requests) {
            assertThat(request.getMethod().value()).isEqualTo("POST");
            assertThat(request.getHeader("Authorization")).isEqualTo(TOKEN);
            assertThat(request.getHeader("API-Version")).isEqualTo("2026-10");
            assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(request.getHeader("Accept")).isEqualTo("application/json");
            assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
            var names = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
            names.addAll(request.getAllHeaderKeys());
            assertThat(names).containsExactlyInAnyOrder("Accept", "Accept-Encoding", "API-Version", "Authorization",
                    "Connection", "Content-Length", "Content-Type", "Host", "User-Agent");
            assertThat(body(request).get("query").asText()).doesNotContain(ITEM);
        }
        assertThat(check.getUrl()).isEqualTo(API_ROOT);
        assertThat(body(check).get("query").asText()).isEqualTo(MondayCrmDocuments.BOARD_CHECK);
        assertThat(body(check).get("variables")).isEqualTo(MondayCrmAnswers.JSON.readTree("{\"ids\":[\"" + ITEM + "\"]}"));
        assertThat(URI.create(mutation.getUrl()).getRawPath()).isEqualTo(API_ROOT);
        assertThat(decodeForm(URI.create(mutation.getUrl()).getRawQuery())).containsExactly(new QueryParameter("trace", "a{b}"));
        assertThat(body(mutation).get("query").asText()).isEqualTo(MondayCrmDocuments.DELETE);
        assertThat(body(mutation).get("variables")).isEqualTo(MondayCrmAnswers.JSON.readTree("{\"id\":\"" + ITEM + "\"}"));
    }

    @Test
    void anAccountsApiVersionIsSentOnBothRequests() {
        stubCheck(checkAnswer(ITEM, BOARD, "archived").withHeader("Api-Version", "2025-07"));
        provider.stubFor(deleteRequest().willReturn(deleteSuccess(leadId()).withHeader("Api-Version", "2025-07")));
        var account = account(baseUrl(), Map.of("board_id", BOARD, "api_version", "2025-07"));

        List<String> lines = logged(() -> assertThat(adapter.deletion().delete(
                new ProviderCall(account, leadId(), List.of(), TIMEOUT)).id()).isEqualTo(ITEM));

        assertThat(lines).isEmpty();
        assertThat(requestsInOrder()).allSatisfy(request -> assertThat(request.getHeader("API-Version")).isEqualTo("2025-07"));
    }

    @Test
    void anEchoedVersionOtherThanTheOneSentIsLoggedAndChangesNothing() {
        stubCheck(checkAnswer(ITEM, BOARD, "active").withHeader("Api-Version", "2026-07"));
        stubMutation(deleteSuccess(leadId()).withHeader("Api-Version", "2026-10"));

        List<String> lines = logged(() -> assertThat(adapter.deletion().delete(call()).id()).isEqualTo(ITEM));

        assertThat(lines).containsExactly("WARNING monday.com answered with API version 2026-07 to a request for 2026-10");
    }

    @Test
    void aBaseUrlIsTheWholeEndpointATrailingSlashAside() {
        stubCheck(checkAnswer(ITEM, BOARD, "active"));
        stubMutation(deleteSuccess(leadId()));

        adapter.deletion().delete(new ProviderCall(account(URI.create(baseUrl() + "/")), leadId(), List.of(), TIMEOUT));

        assertThat(requestsInOrder()).hasSize(2).allSatisfy(request -> assertThat(request.getUrl()).isEqualTo(API_ROOT));
    }

    // ---- the board check ----

    @ParameterizedTest
    @CsvSource({"18273395993,2001047399,active", "18273395993,2001047343,deleted", "99999,2001047343,active"})
    void anItemOfAnotherBoardADeletedItemOrNoItemIsA404AndTheMutationIsNeverSent(String id, String board, String state) {
        stubCheck(checkAnswer(id, board, state));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.reportedInBody()).isTrue();
        assertThat(rejection.answersACheck()).isTrue();
        assertThat(rejection.providerMessage()).contains("No lead " + ITEM + " on board " + BOARD);
        assertThat(rejection.providerAnswer().status()).isEqualTo(200);
        assertThat(rejection.delivery()).isEqualTo(Delivery.ANSWERED);
        provider.verify(0, deleteRequested());
    }

    @Test
    void anUnknownIdAnsweredWithAnEmptyListIsA404WithoutMutation() {
        stubCheck(json("{\"data\":{\"items\":[]},\"extensions\":{\"request_id\":\"x\"}}"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(
                Map.of("data", Map.of("items", List.of()), "extensions", Map.of("request_id", "x"))));
        provider.verify(0, deleteRequested());
    }

    @Test
    void aCheckWhoseItemsAreNotAnArrayIsABreachAndNothingIsDeleted() {
        stubCheck(json("{\"data\":{\"items\":{}}}"));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.getMessage()).contains("the board check");
        provider.verify(0, deleteRequested());
    }

    @Test
    void aCheckThatBrokeAfterBeingSentIsADeleteThatWasNotSent() {
        stubCheck(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER));

        ProviderUnreachable failure = catchThrowableOfType(ProviderUnreachable.class, () -> adapter.deletion().delete(call()));

        assertThat(failure.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(failure.getMessage()).contains("the board check", "the delete was not sent").doesNotContain(TOKEN);
        provider.verify(0, deleteRequested());
    }

    @Test
    void aSlowCheckIsATimeoutOfADeleteThatWasNotSent() {
        stubCheck(checkAnswer(ITEM, BOARD, "active").withFixedDelay(2_000));

        ProviderTimeout timeout = catchThrowableOfType(ProviderTimeout.class,
                () -> adapter.deletion().delete(call(List.of(), Duration.ofMillis(300))));

        assertThat(timeout.delivery()).isEqualTo(Delivery.NOT_SENT);
        provider.verify(0, deleteRequested());
    }

    @Test
    void aLeadFetchedJustBeforeIsTheCheckSoTheDeleteIsTheMutationAlone() {
        stubMutation(deleteSuccess(leadId()));
        provider.stubFor(fetchRequest().willReturn(fetchSuccess(leadId())));
        FetchedLead fetched = adapter.lookup().fetch(call());

        adapter.deletion().delete(call().withFetchedBefore(fetched));

        List<LoggedRequest> requests = requestsInOrder();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getBodyAsString()).contains(FETCH_MARK);
        assertThat(requests.get(1).getBodyAsString()).contains(DELETE_MARK);
    }

    // ---- failures inside a 200 ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "InvalidItemIdException|200|404", "ResourceNotFoundException||404", "InvalidBoardIdException||404",
            "NOT_AUTHENTICATED||401", "Unauthorized||401", "UserUnauthorizedException||403",
            "missingRequiredPermissions||403", "IpRestricted||403", "ComplexityException||429",
            "COMPLEXITY_BUDGET_EXHAUSTED||429", "complexityBudgetExhausted||429", "maxComplexityExceeded||429",
            "RATE_LIMIT_EXCEEDED||429", "rateLimitExceeded||429", "DAILY_LIMIT_EXCEEDED||429",
            "maxConcurrencyExceeded||429", "IP_RATE_LIMIT_EXCEEDED||429", "INTERNAL_SERVER_ERROR||500",
            "API_TEMPORARILY_BLOCKED||503", "GRAPHQL_VALIDATION_FAILED||400", "ParseError||400",
            "InvalidArgumentException||400", "SomethingNew||400", "SomethingNew|409|409", "InvalidItemIdException|422|422"})
    void anErrorInsideA200IsTheStatusItsCodeOrStatusCodeNames(String code, String statusCode, int expected) {
        stubCheck(checkAnswer(ITEM, BOARD, "active"));
        String extensions = "\"code\":\"" + code + "\"" + (statusCode == null ? "" : ",\"status_code\":" + statusCode);
        stubMutation(json("{\"data\":{\"delete_item\":null},\"errors\":[{\"message\":\"Item not found\",\"path\":[\"delete_item\"],"
                + "\"extensions\":{" + extensions + "}}],\"extensions\":{\"request_id\":\"" + REQUEST_ID + "\"}}"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(expected);
        assertThat(rejection.reportedInBody()).isTrue();
        assertThat(rejection.answersACheck()).isFalse();
        assertThat(rejection.providerAnswer().status()).isEqualTo(200);
        assertThat(rejection.providerMessage()).contains("Item not found");
        assertThat(rejection.providerErrorCode()).contains(code);
        assertThat(rejection.providerRequestId()).contains(REQUEST_ID);
        assertThat(rejection.quotaExhausted()).isEqualTo(code.equals("DAILY_LIMIT_EXCEEDED"));
        provider.verify(1, deleteRequested());
    }

    @Test
    void aLimitWithRetryInSecondsCarriesItAsRetryAfterRoundedUp() {
        stubCheck(checkAnswer(ITEM, BOARD, "active"));
        stubMutation(json("{\"errors\":[{\"message\":\"Complexity budget exhausted\",\"extensions\":"
                + "{\"code\":\"COMPLEXITY_BUDGET_EXHAUSTED\",\"retry_in_seconds\":12.2}}]}"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.providerAnswer().header("retry-after")).contains("13");
    }

    @Test
    void theMonday2024ShapeOfAStringErrorIsReadAsItsMessage() {
        stubCheck(json("{\"errors\":[\"Not Authenticated\"]}"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.providerMessage()).contains("Not Authenticated");
        assertThat(rejection.answersACheck()).isTrue();
    }

    @Test
    void thePre2024ShapeIsReadByItsStatusCode() {
        stubCheck(checkAnswer(ITEM, BOARD, "active"));
        stubMutation(json("{\"error_code\":\"InvalidUserIdException\",\"status_code\":403,\"error_message\":\"User unauthorized\"}"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.providerMessage()).contains("User unauthorized");
    }

    @Test
    void dataBesideErrorsIsASuccess() {
        stubCheck(checkAnswer(ITEM, BOARD, "active"));
        stubMutation(json("{\"data\":{\"delete_item\":{\"id\":" + ITEM + "}},\"errors\":[{\"message\":\"partial\"}]}"));

        List<String> lines = logged(() -> assertThat(adapter.deletion().delete(call()).id()).isEqualTo(ITEM));

        assertThat(lines).containsExactly("WARNING monday.com answered the delete with its data and 1 error(s) beside it;"
                + " the data decides: partial");
    }

    @Test
    void theHttp401OfAWrongTokenIsA401() {
        stubCheck(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"message\":\"Not authenticated\",\"extensions\":{\"code\":\"NOT_AUTHENTICATED\"}}]}"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.reportedInBody()).isFalse();
        assertThat(rejection.providerMessage()).contains("Not authenticated");
        assertThat(rejection.getMessage()).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"data\":{\"delete_item\":null}}", "{\"data\":{\"delete_item\":{\"id\":true}}}", "[1]",
            "{\"errors\":[]}"})
    void aTwoHundredThatIsNeitherDataNorAnErrorIsABreach(String body) {
        stubCheck(checkAnswer(ITEM, BOARD, "active"));
        stubMutation(json(body));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(200);
    }

    // ---- fetch ----

    @Test
    void fetchesTheItemMappedWithTheAccountsColumnsAndTheItemAsRemoteData() throws IOException {
        provider.stubFor(fetchRequest().willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(call());

        assertThat(fetched.lead().owner()).isEqualTo(new Reference("45641210"));
        assertThat(fetched.lead().firstName()).isEqualTo("Jane");
        assertThat(fetched.lead().customFields()).doesNotContainKey("person").containsKey("date__1");
        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) fetched.lead().remoteData();
        assertThat(remote).containsEntry("id", ITEM).containsKey("column_values")
                .doesNotContainKey("data");
        LoggedRequest request = requestsInOrder().get(0);
        assertThat(body(request).get("query").asText()).isEqualTo(MondayCrmDocuments.FETCH);
        assertThat(URI.create(request.getUrl()).getRawQuery()).isNull();
    }

    @Test
    void fetchingAnItemOfAnotherBoardIsA404() {
        provider.stubFor(fetchRequest().willReturn(fetchSuccess(leadId())));
        var account = account(baseUrl(), Map.of("board_id", "2001047399"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class,
                () -> adapter.lookup().fetch(new ProviderCall(account, leadId(), List.of(), TIMEOUT)));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage()).contains("No lead 18273395993 on board 2001047399");
    }

    // ---- ids ----

    @ParameterizedTest
    @ValueSource(strings = {"0", "007", "+5", "-1", "1e3", "9223372036854775808", "abc", "18273395993 "})
    void anIdNotInTheFormatNeverReachesMonday(String id) {
        LeadId anyText = LeadId.parse(id.isBlank() ? "x" : id, LeadIdFormat.matching("(?s).+", "any text"));

        assertThat(catchThrowableOfType(InvalidLeadIdException.class,
                () -> adapter.deletion().delete(new ProviderCall(account(baseUrl()), anyText, List.of(), TIMEOUT))))
                .isNotNull();
        assertThat(provider.getAllServeEvents()).isEmpty();
    }
}
