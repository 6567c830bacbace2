package dev.unifiedcrm.resilience;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.unifiedcrm.adapters.insightly.InsightlyAdapterProvider;
import dev.unifiedcrm.application.AccountDirectory;
import dev.unifiedcrm.application.ApiResponse;
import dev.unifiedcrm.application.CrmAdapters;
import dev.unifiedcrm.application.DeleteLeadCommand;
import dev.unifiedcrm.application.DeleteLeadEvent;
import dev.unifiedcrm.application.DeleteLeadService;
import dev.unifiedcrm.application.ResponseBody;
import dev.unifiedcrm.application.ResponseFormat;
import dev.unifiedcrm.application.Timeouts;
import dev.unifiedcrm.application.UnifiedAnswers;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fully equipped service with the real Insightly adapter against a WireMock provider that
 * misbehaves: each test shows the answer and exactly how many requests reached the provider.
 */
class FaultInjectionTest {

    @RegisterExtension
    static final WireMockExtension PROVIDER = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(20))
            .failOnUnmatchedRequests(true)
            .build();

    private static final IntegratedAccountId ACCOUNT = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();
    private static final String LEAD_PATH = "/v3.1/Leads/42";
    private static final Timeouts FAST = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(3));

    private final List<DeleteLeadEvent> events = new CopyOnWriteArrayList<>();

    /** Loads the adapter's classes once, so that no test's first attempt pays for it against its short attempt_ms. */
    @BeforeAll
    static void warmUp() {
        PROVIDER.stubFor(delete(urlPathEqualTo("/v3.1/Leads/1")).willReturn(aResponse().withStatus(202)));
        var account = new IntegratedAccount(ACCOUNT, new Integration("insightly"), Map.of(), Optional.of(baseUrl()), Pacing.unpaced(),
                Credentials.of(Map.of("api_key", "fault-injection-key")));
        var settings = new AdapterSettings(Duration.ofSeconds(5), "unified-crm/test", AdapterSettings.ONE_MIB);
        ReliableDeleteLeadService.builder(AccountDirectory.of(List.of(account)), CrmAdapters.of(settings, List.of(new InsightlyAdapterProvider())))
                .timeouts(Timeouts.DEFAULTS).build().deleteLead(DeleteLeadCommand.of(ACCOUNT, "1"));
        PROVIDER.resetAll();
    }

    @Test
    void aRefusedConnectionIsTriedThreeTimesThenABadGateway() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ApiResponse response = UnifiedAnswers.answer(service(URI.create("http://127.0.0.1:" + closedPort + "/v3.1"),
                Pacing.unpaced(), FAST), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(tree(response)).doesNotContainKey("truto_is_remote_error");
        assertThat(attemptsSent()).isEqualTo(3);
        assertThat(PROVIDER.getAllServeEvents()).isEmpty();
    }

    @Test
    void aResetBeforeTheAnswerIsTriedThreeTimes() {
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(tree(response)).doesNotContainKey("truto_is_remote_error");
        assertThat(providerCalls()).isEqualTo(3);
    }

    @Test
    void aConnectionThatBreaksAfterTheRequestWasSentIsTriedThreeTimes() {
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(providerCalls()).isEqualTo(3);
    }

    @Test
    void anAnswerCutOffInItsBodyIsTriedThreeTimes() {
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(providerCalls()).isEqualTo(3);
    }

    @Test
    void anEmptyAnswerIsTriedThreeTimes() {
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(providerCalls()).isEqualTo(3);
    }

    @Test
    void slowHeadersTimeOutEachAttemptThenAGatewayTimeout() {
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(202).withFixedDelay(1500)));

        long start = System.nanoTime();
        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(504);
        assertThat(tree(response)).doesNotContainKey("truto_is_remote_error");
        assertThat(providerCalls()).isEqualTo(3);
        assertThat(elapsedSince(start)).isLessThan(FAST.request().plusSeconds(1));
    }

    @Test
    void aSlowBodyTimesOutEachAttemptThenAGatewayTimeout() {
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"padding\":\"" + "x".repeat(2000) + "\"}")
                .withChunkedDribbleDelay(20, 1500)));

        long start = System.nanoTime();
        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(504);
        assertThat(providerCalls()).isEqualTo(3);
        assertThat(elapsedSince(start)).isLessThan(FAST.request().plusSeconds(1));
    }

    @Test
    void a429WithARetryAfterThatFitsIsTriedAgainAfterThePause() {
        stubInSequence(
                aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                        .withBody("{\"Message\":\"slow down\"}"),
                aResponse().withStatus(202));

        long start = System.nanoTime();
        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("x-delete-outcome", "deleted");
        assertThat(providerCalls()).isEqualTo(2);
        assertThat(elapsedSince(start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a429WithoutRetryAfterIsTheAnswerAfterOneCall() {
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"slow down\"}")));

        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(429);
        assertThat(tree(response)).containsEntry("truto_is_remote_error", true).containsEntry("message", "slow down");
        assertThat(providerCalls()).isEqualTo(1);
    }

    @Test
    void a429WhoseRetryAfterDoesNotFitIsTheAnswerAfterOneCall() {
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.headers()).containsEntry("retry-after", "30");
        assertThat(providerCalls()).isEqualTo(1);
    }

    @Test
    void a503ThenASuccessIsASuccessAfterTwoCalls() {
        stubInSequence(aResponse().withStatus(503), aResponse().withStatus(202));

        ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(tree(response)).isEqualTo(Map.of("id", "42"));
        assertThat(providerCalls()).isEqualTo(2);
    }

    @Test
    void anAttemptThatTimedOutThenA404SettlesAsAlreadyDeleted() {
        stubInSequence(aResponse().withStatus(202).withFixedDelay(1000),
                aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Not found\"}"));

        ApiResponse unified = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(unified.status()).isEqualTo(200);
        assertThat(tree(unified)).isEqualTo(Map.of("id", "42"));
        assertThat(unified.headers()).containsEntry("x-delete-outcome", "already_deleted");
        assertThat(providerCalls()).isEqualTo(2);
    }

    @Test
    void rawSettlesWithTheProviders404AsItCame() {
        stubInSequence(aResponse().withStatus(202).withFixedDelay(1000),
                aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Not found\"}"));

        ApiResponse raw = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(ACCOUNT, "42").withFormat(ResponseFormat.RAW));

        assertThat(raw.status()).isEqualTo(404);
        assertThat(new String(((ResponseBody.Raw) raw.body()).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"Message\":\"Not found\"}");
        assertThat(raw.headers()).containsEntry("x-delete-outcome", "already_deleted");
        assertThat(providerCalls()).isEqualTo(2);
    }

    @Test
    void aRetryBudgetThatRunsOutIsAGatewayTimeoutWithinRequestMs() {
        var tight = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(400), Duration.ofMillis(600));
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(202).withFixedDelay(2000)));

        long start = System.nanoTime();
        ApiResponse response = UnifiedAnswers.answer(service(baseUrl(), Pacing.unpaced(), tight), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(504);
        // 400 ms, a pause of 50 to 150 ms, then what is left of the 600 ms: no room for a third attempt
        assertThat(providerCalls()).isEqualTo(2);
        assertThat(elapsedSince(start)).isLessThan(Duration.ofMillis(600).plusSeconds(1));
    }

    @Test
    void aRequestMsNoLongerThanTheBackoffGivesTheProvidersErrorNotAServiceDefect() {
        // 100 ms for the whole call, as long as the first backoff pause: this used to end in a 500.
        var tight = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(100));
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Service unavailable\"}")));

        DeleteLeadService service = warmedUp(service(baseUrl(), Pacing.unpaced(), tight));
        ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(tree(response)).containsEntry("remote_status_code", 503).containsEntry("message", "Service unavailable");
        assertThat(providerCalls()).isBetween(1, 2);
    }

    @Test
    void aRequestMsNoLongerThanTheBackoffStillDeletes() {
        var tight = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofMillis(100));
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(202)));

        DeleteLeadService service = warmedUp(service(baseUrl(), Pacing.unpaced(), tight));
        ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(providerCalls()).isEqualTo(1);
    }

    /**
     * One delete of another lead first, so that the 100 ms call under test finds a pooled connection
     * and warm code: on a busy machine a cold first exchange alone can take longer than that.
     */
    private static DeleteLeadService warmedUp(DeleteLeadService service) {
        PROVIDER.stubFor(delete(urlPathEqualTo("/v3.1/Leads/1")).willReturn(aResponse().withStatus(202)));
        for (int i = 0; i < 3; i++) {
            UnifiedAnswers.answer(service, DeleteLeadCommand.of(ACCOUNT, "1"));
        }
        return service;
    }

    @Test
    void aPacedAccountAnswersA429AtOnceWithoutCallingTheProvider() {
        stub(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(202)));
        // One call per 5 s: the second call's turn comes long after the 1 s it may wait (2 s left, less
        // one exchange's time, here half of what is left), and attempt_ms leaves the first call room on a busy machine.
        var timeouts = new Timeouts(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2));
        DeleteLeadService service = service(baseUrl(), Pacing.perSecond(0.2), timeouts);

        ApiResponse first = UnifiedAnswers.answer(service, DeleteLeadCommand.of(ACCOUNT, "42"));
        long start = System.nanoTime();
        ApiResponse second = UnifiedAnswers.answer(service, DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(429);
        // Whole seconds until its turn: 5 s after the first call's, less the time that call took.
        assertThat(second.headers().get("retry-after")).isIn("4", "5");
        assertThat(tree(second)).doesNotContainKey("truto_is_remote_error");
        assertThat(elapsedSince(start)).as("answered without waiting").isLessThan(Duration.ofSeconds(1));
        assertThat(providerCalls()).isEqualTo(1);
    }

    // ---- helpers ----

    private DeleteLeadService service() {
        return service(baseUrl(), Pacing.unpaced(), FAST);
    }

    private DeleteLeadService service(URI baseUrl, Pacing pacing, Timeouts timeouts) {
        var account = new IntegratedAccount(ACCOUNT, new Integration("insightly"), Map.of(), Optional.of(baseUrl), pacing,
                Credentials.of(Map.of("api_key", "fault-injection-key")));
        var settings = new AdapterSettings(timeouts.connect(), "unified-crm/test", AdapterSettings.ONE_MIB);
        return ReliableDeleteLeadService.builder(AccountDirectory.of(List.of(account)),
                        CrmAdapters.of(settings, List.of(new InsightlyAdapterProvider())))
                .timeouts(timeouts)
                .listener(events::add)
                .build();
    }

    private static URI baseUrl() {
        return URI.create(PROVIDER.baseUrl() + "/v3.1");
    }

    private static void stub(MappingBuilder mapping) {
        PROVIDER.stubFor(mapping);
    }

    private static void stubInSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
                                       com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder then) {
        PROVIDER.stubFor(delete(urlPathEqualTo(LEAD_PATH)).inScenario("sequence")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered once").willReturn(first));
        PROVIDER.stubFor(delete(urlPathEqualTo(LEAD_PATH)).inScenario("sequence")
                .whenScenarioStateIs("answered once").willReturn(then));
    }

    /** Requests that reached WireMock, once any still being answered slowly are logged. */
    private static int providerCalls() {
        return PROVIDER.findAll(deleteRequestedFor(urlPathEqualTo(LEAD_PATH))).size();
    }

    private long attemptsSent() {
        return events.stream().filter(DeleteLeadEvent.AttemptStarted.class::isInstance).count();
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(ApiResponse response) {
        return (Map<String, Object>) ((ResponseBody.Json) response.body()).tree();
    }
}
