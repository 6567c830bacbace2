package dev.unifiedcrm.api.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.unifiedcrm.application.AccountDirectory;
import dev.unifiedcrm.application.CallPacer;
import dev.unifiedcrm.application.CrmAdapters;
import dev.unifiedcrm.application.DeleteLeadCommand;
import dev.unifiedcrm.application.DeleteLeadEvent;
import dev.unifiedcrm.application.DeleteLeadService;
import dev.unifiedcrm.application.ResponseFormat;
import dev.unifiedcrm.application.RetryExecutor;
import dev.unifiedcrm.application.RetryPlan;
import dev.unifiedcrm.application.UnifiedAnswers;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code /metrics}: the series a mix of requests leaves, with the right counts. */
class PrometheusMetricsTest {

    private static final IntegratedAccountId PACED_SELL = IntegratedAccountId.parse("1b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01").orElseThrow();
    private static final IntegratedAccountId UNKNOWN = IntegratedAccountId.parse("00000000-0000-4000-8000-000000000000").orElseThrow();

    private WireMockServer provider;

    @BeforeEach
    void startProvider() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        provider.stubFor(delete(urlPathMatching("/sell/v2/leads/[0-9]+")).willReturn(aResponse().withStatus(204)));
        provider.stubFor(delete(urlPathEqualTo("/sell/v2/leads/404")).willReturn(aResponse().withStatus(404)));
        provider.stubFor(delete(urlPathEqualTo("/sell/v2/leads/503")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        provider.stubFor(delete(urlPathEqualTo("/sell/v2/leads/503")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(204)));
        provider.stubFor(delete(urlPathMatching("/insightly/v3.1/Leads/[0-9]+")).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void aMixOfRequestsLeavesEachSeriesWithTheRightCount() {
        var metrics = new PrometheusMetrics(List.of(new Integration("insightly"), new Integration("pipeliner"), new Integration("zendesk_sell")));
        var service = service(metrics);

        assertThat(UnifiedAnswers.answer(service, command(AuditLogFileTest.SELL, "42", ResponseFormat.UNIFIED, null)).status()).isEqualTo(200);
        assertThat(UnifiedAnswers.answer(service, command(AuditLogFileTest.SELL, "404", ResponseFormat.UNIFIED, null)).status()).isEqualTo(404);
        assertThat(UnifiedAnswers.answer(service, command(AuditLogFileTest.SELL, "503", ResponseFormat.UNIFIED, null)).status()).isEqualTo(200);
        assertThat(UnifiedAnswers.answer(service, command(PACED_SELL, "43", ResponseFormat.UNIFIED, null)).status()).isEqualTo(429);
        assertThat(UnifiedAnswers.answer(service, command(AuditLogFileTest.SELL, "44", ResponseFormat.UNIFIED, "key-1")).status()).isEqualTo(200);
        assertThat(UnifiedAnswers.answer(service, command(AuditLogFileTest.SELL, "44", ResponseFormat.UNIFIED, "key-1")).status()).isEqualTo(200);
        assertThat(UnifiedAnswers.answer(service, command(UNKNOWN, "45", ResponseFormat.UNIFIED, null)).status()).isEqualTo(404);
        assertThat(UnifiedAnswers.answer(service, command(AuditLogFileTest.INSIGHTLY, "46", ResponseFormat.NORMALIZED, null)).status()).isEqualTo(200);
        provider.verify(2, deleteRequestedFor(urlPathEqualTo("/sell/v2/leads/503")));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/sell/v2/leads/44")));

        var scrape = PrometheusText.parse(new String(metrics.scrape(), StandardCharsets.UTF_8));

        assertThat(scrape.value("unifiedcrm_requests_total", "format", "unified", "integration", "zendesk_sell", "status", "200")).isEqualTo(4);
        assertThat(scrape.value("unifiedcrm_requests_total", "format", "unified", "integration", "zendesk_sell", "status", "404")).isEqualTo(1);
        assertThat(scrape.value("unifiedcrm_requests_total", "format", "unified", "integration", "zendesk_sell", "status", "429")).isEqualTo(1);
        assertThat(scrape.value("unifiedcrm_requests_total", "format", "unified", "integration", "none", "status", "404")).isEqualTo(1);
        assertThat(scrape.value("unifiedcrm_requests_total", "format", "normalized", "integration", "insightly", "status", "200")).isEqualTo(1);
        assertThat(scrape.sum("unifiedcrm_requests_total")).isEqualTo(8);

        assertThat(scrape.value("unifiedcrm_provider_call_duration_seconds_count", "integration", "zendesk_sell")).isEqualTo(5);
        assertThat(scrape.value("unifiedcrm_provider_call_duration_seconds_bucket", "integration", "zendesk_sell", "le", "+Inf")).isEqualTo(5);
        assertThat(scrape.value("unifiedcrm_provider_call_duration_seconds_count", "integration", "insightly")).isEqualTo(1);
        assertThat(scrape.value("unifiedcrm_provider_call_duration_seconds_sum", "integration", "zendesk_sell")).isPositive();
        assertThat(scrape.series("unifiedcrm_provider_call_duration_seconds_bucket")).hasSizeGreaterThan(10);

        assertThat(scrape.value("unifiedcrm_provider_retries_total", "integration", "zendesk_sell")).isEqualTo(1);
        assertThat(scrape.value("unifiedcrm_provider_retries_total", "integration", "insightly")).isZero();
        assertThat(scrape.value("unifiedcrm_rate_limit_rejections_total", "integration", "zendesk_sell")).isEqualTo(1);
        assertThat(scrape.value("unifiedcrm_rate_limit_rejections_total", "integration", "pipeliner")).isZero();
        assertThat(scrape.value("unifiedcrm_idempotent_replays_total", "integration", "zendesk_sell")).isEqualTo(1);
        assertThat(scrape.value("jvm_threads_live_threads")).isPositive();
    }

    @Test
    void theHistogramPutsEachLatencyInItsBucket() {
        var metrics = new PrometheusMetrics(List.of());
        metrics.on(new DeleteLeadEvent.AttemptFinished("r", AuditLogFileTest.SELL, new Integration("zendesk_sell"),
                DeleteLeadEvent.Exchange.DELETE, 1, java.util.OptionalInt.of(204), DeleteLeadEvent.AttemptOutcome.ANSWERED, Duration.ofMillis(3)));
        metrics.on(new DeleteLeadEvent.AttemptFinished("r", AuditLogFileTest.SELL, new Integration("zendesk_sell"),
                DeleteLeadEvent.Exchange.DELETE, 2, java.util.OptionalInt.empty(), DeleteLeadEvent.AttemptOutcome.TIMEOUT, Duration.ofSeconds(10)));

        var scrape = PrometheusText.parse(new String(metrics.scrape(), StandardCharsets.UTF_8));

        assertThat(scrape.value("unifiedcrm_provider_call_duration_seconds_sum", "integration", "zendesk_sell")).isCloseTo(10.003, within(1e-9));
        var buckets = scrape.series("unifiedcrm_provider_call_duration_seconds_bucket");
        double underOneSecond = buckets.entrySet().stream()
                .filter(entry -> !entry.getKey().get("le").equals("+Inf") && Double.parseDouble(entry.getKey().get("le")) >= 0.003
                        && Double.parseDouble(entry.getKey().get("le")) < 10)
                .mapToDouble(Map.Entry::getValue).min().orElseThrow();
        assertThat(underOneSecond).isEqualTo(1);
        assertThat(scrape.value("unifiedcrm_provider_call_duration_seconds_bucket", "integration", "zendesk_sell", "le", "+Inf")).isEqualTo(2);
    }

    @Test
    void eventsFromManyThreadsAreEachCountedOnceInTheirOwnSeries() throws Exception {
        var metrics = new PrometheusMetrics(List.of(new Integration("zendesk_sell")));
        var sell = new Integration("zendesk_sell");
        var newcomer = new Integration("insightly");
        int threads = 4;
        int eventsPerThread = 600;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var done = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < eventsPerThread; i++) {
                        Integration integration = i % 2 == 0 ? sell : newcomer;
                        int status = i % 3 == 0 ? 404 : 200;
                        metrics.on(new DeleteLeadEvent.RequestFinished("r" + i, Optional.of(integration), ResponseFormat.UNIFIED,
                                status, Duration.ofMillis(1)));
                        metrics.on(new DeleteLeadEvent.AttemptFinished("r" + i, AuditLogFileTest.SELL, integration,
                                DeleteLeadEvent.Exchange.DELETE, 1, java.util.OptionalInt.of(status),
                                DeleteLeadEvent.AttemptOutcome.ANSWERED, Duration.ofMillis(2)));
                        metrics.on(new DeleteLeadEvent.Retry("r" + i, AuditLogFileTest.SELL, integration, DeleteLeadEvent.Exchange.DELETE, 2));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        var scrape = PrometheusText.parse(new String(metrics.scrape(), StandardCharsets.UTF_8));

        // Per thread, i in 0..599: even i is zendesk_sell, i % 3 == 0 is 404 (100 of each integration per thread).
        assertThat(scrape.value("unifiedcrm_requests_total", "format", "unified", "integration", "zendesk_sell", "status", "404")).isEqualTo(400);
        assertThat(scrape.value("unifiedcrm_requests_total", "format", "unified", "integration", "zendesk_sell", "status", "200")).isEqualTo(800);
        assertThat(scrape.value("unifiedcrm_requests_total", "format", "unified", "integration", "insightly", "status", "404")).isEqualTo(400);
        assertThat(scrape.value("unifiedcrm_requests_total", "format", "unified", "integration", "insightly", "status", "200")).isEqualTo(800);
        assertThat(scrape.series("unifiedcrm_requests_total")).hasSize(4);
        assertThat(scrape.value("unifiedcrm_provider_call_duration_seconds_count", "integration", "zendesk_sell")).isEqualTo(1200);
        assertThat(scrape.value("unifiedcrm_provider_call_duration_seconds_count", "integration", "insightly")).isEqualTo(1200);
        assertThat(scrape.value("unifiedcrm_provider_retries_total", "integration", "zendesk_sell")).isEqualTo(1200);
        assertThat(scrape.value("unifiedcrm_provider_retries_total", "integration", "insightly")).isEqualTo(1200);
    }

    @Test
    void theScrapeIsPrometheusTextFormat() {
        var metrics = new PrometheusMetrics(List.of(new Integration("zendesk_sell")));

        String text = new String(metrics.scrape(), StandardCharsets.UTF_8);

        assertThat(PrometheusMetrics.CONTENT_TYPE).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text).contains("# TYPE unifiedcrm_provider_retries_total counter\n")
                .contains("unifiedcrm_provider_retries_total{integration=\"zendesk_sell\"} 0.0\n");
    }

    // ---- helpers ----

    private DeleteLeadService service(PrometheusMetrics metrics) {
        var accounts = new ArrayList<>(AuditLogFileTest.accounts(provider.baseUrl()));
        accounts.add(new IntegratedAccount(PACED_SELL, new Integration("zendesk_sell"), Map.of(),
                Optional.of(URI.create(provider.baseUrl() + "/sell/v2")), Pacing.perSecond(0.01),
                Credentials.of(Map.of("access_token", AuditLogFileTest.SELL_TOKEN))));
        return DeleteLeadService.builder(AccountDirectory.of(accounts),
                        CrmAdapters.discover(new AdapterSettings(Duration.ofSeconds(2), "unified-crm/test", AdapterSettings.ONE_MIB)))
                .retries(new ImmediateRetries())
                .pacer((account, rate, maxWait) -> rate.isPresent() && rate.getAsDouble() < 1
                        ? CallPacer.Turn.refused(Duration.ofSeconds(100)) : CallPacer.Turn.GRANTED)
                .listener(metrics)
                .build();
    }

    private static DeleteLeadCommand command(IntegratedAccountId account, String leadId, ResponseFormat format, String key) {
        return new DeleteLeadCommand(account, leadId, format, false, List.of(), List.of(), false,
                Optional.ofNullable(key), "caller", "req-" + leadId);
    }

    /** Follows the plan's decisions without pausing. */
    private static final class ImmediateRetries implements RetryExecutor {
        @Override
        public <T> T execute(RetryPlan plan, Attempt<T> attempt) {
            for (int number = 1; ; number++) {
                try {
                    return attempt.run(number);
                } catch (RuntimeException failure) {
                    if (!plan.decide(failure).retry() || number >= plan.maxAttempts()) {
                        throw failure;
                    }
                }
            }
        }
    }
}
