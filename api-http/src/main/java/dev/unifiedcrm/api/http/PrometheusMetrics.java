package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.DeleteLeadEvent;
import dev.unifiedcrm.application.DeleteLeadListener;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.spi.TokenRequestListener;
import dev.unifiedcrm.sharedstate.redis.SharedStateOutage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The service's metrics (the README, section Metrics): hears the use case's
 * {@link DeleteLeadEvent}s and keeps them in a Prometheus registry, with the JVM's own.
 *
 * <ul>
 *   <li>{@code unifiedcrm_requests_total{integration,format,status}}: answered delete requests
 *       ({@code integration="none"} when the account was unknown);</li>
 *   <li>{@code unifiedcrm_provider_call_duration_seconds{integration}}: each provider exchange,
 *       as a histogram ({@code _bucket}, {@code _count}, {@code _sum});</li>
 *   <li>{@code unifiedcrm_provider_retries_total{integration}}: attempts after the first;</li>
 *   <li>{@code unifiedcrm_rate_limit_rejections_total{integration}}: local 429s, no provider call;</li>
 *   <li>{@code unifiedcrm_idempotent_replays_total{integration}}: stored answers given again;</li>
 *   <li>{@code unifiedcrm_shared_state_failures_total{part}}: requests that the shared Redis could not
 *       serve ({@code part="idempotency"}: a keyed request answered 503, or an answer not stored;
 *       {@code part="pacing"}: a turn taken from this process's own limiter instead);</li>
 *   <li>{@code unifiedcrm_token_requests_total{integration,outcome}}: requests to OAuth token endpoints
 *       ({@code outcome}: {@code issued}, {@code refused}, {@code throttled}, {@code failed}); no account
 *       and nothing secret is a label.</li>
 * </ul>
 * Thread-safe. Each meter is built and registered once, the first time its series is needed, and
 * kept: after that an event costs a lookup in a concurrent map and an atomic add, where a
 * registration per event would build the meter's id and tags and search the registry every time.
 */
final class PrometheusMetrics implements DeleteLeadListener, ServiceMetrics, SharedStateOutage, TokenRequestListener {

    /** The Prometheus text exposition format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    static final String REQUESTS = "unifiedcrm.requests";
    static final String PROVIDER_CALLS = "unifiedcrm.provider.call.duration";
    static final String RETRIES = "unifiedcrm.provider.retries";
    static final String RATE_LIMIT_REJECTIONS = "unifiedcrm.rate.limit.rejections";
    static final String IDEMPOTENT_REPLAYS = "unifiedcrm.idempotent.replays";
    static final String SHARED_STATE_FAILURES = "unifiedcrm.shared.state.failures";
    static final String TOKEN_REQUESTS = "unifiedcrm.token.requests";
    private static final String NO_INTEGRATION = "none";
    private static final String NO_FORMAT = "none";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConcurrentMap<RequestSeries, Counter> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> providerCalls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> retries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> rateLimitRejections = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> idempotentReplays = new ConcurrentHashMap<>();
    private final ConcurrentMap<TokenSeries, Counter> tokenRequests = new ConcurrentHashMap<>();
    private final ConcurrentMap<Part, Counter> sharedStateFailures = new ConcurrentHashMap<>();

    private record RequestSeries(String integration, String format, int status) {
    }

    private record TokenSeries(String integration, Outcome outcome) {
    }

    /**
     * @param integrations the integrations this process serves: their counters start at zero, so a
     *                     rate over them is defined before the first event
     */
    PrometheusMetrics(Collection<Integration> integrations) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        for (Integration integration : integrations) {
            retries(integration.name());
            rateLimitRejections(integration.name());
            idempotentReplays(integration.name());
        }
    }

    @Override
    public void on(DeleteLeadEvent event) {
        if (event instanceof DeleteLeadEvent.RequestFinished finished) {
            requests(finished.integration().map(Integration::name).orElse(NO_INTEGRATION),
                    finished.format().parameterValue(), finished.status()).increment();
        } else if (event instanceof DeleteLeadEvent.AttemptFinished attempt) {
            providerCalls(attempt.integration().name()).record(attempt.latency());
        } else if (event instanceof DeleteLeadEvent.Retry retry) {
            retries(retry.integration().name()).increment();
        } else if (event instanceof DeleteLeadEvent.RateLimitRejection rejection) {
            rateLimitRejections(rejection.integration().name()).increment();
        } else if (event instanceof DeleteLeadEvent.IdempotentReplay replay) {
            idempotentReplays(replay.integration().name()).increment();
        }
    }

    @Override
    public void tokenRequested(Integration integration, IntegratedAccountId account, Outcome outcome) {
        tokenRequests(integration.name(), outcome).increment();
    }

    private Counter tokenRequests(String integration, Outcome outcome) {
        return once(tokenRequests, new TokenSeries(integration, outcome), series -> Counter.builder(TOKEN_REQUESTS)
                .description("Requests to OAuth token endpoints, by integration and outcome")
                .tag("integration", series.integration())
                .tag("outcome", series.outcome().name().toLowerCase(Locale.ROOT))
                .register(registry));
    }

    @Override
    public void failed(Part part) {
        sharedStateFailures(part).increment();
    }

    /** Starts the shared-state series at zero, for a service configured with {@code shared_state}. */
    void countSharedStateFailures() {
        for (Part part : Part.values()) {
            sharedStateFailures(part);
        }
    }

    private Counter sharedStateFailures(Part part) {
        return once(sharedStateFailures, part, key -> Counter.builder(SHARED_STATE_FAILURES)
                .description("Requests the shared Redis could not serve: keyed requests answered 503, turns paced locally")
                .tag("part", key.name().toLowerCase(Locale.ROOT))
                .register(registry));
    }

    /** Counted with integration and format {@code none}: the query was not read, or not readable. */
    @Override
    public void leadRequestRefusedBeforeTheUseCase(int status) {
        requests(NO_INTEGRATION, NO_FORMAT, status).increment();
    }

    /** Every series in the Prometheus text format ({@link #CONTENT_TYPE}). */
    @Override
    public byte[] scrape() {
        return registry.scrape().getBytes(StandardCharsets.UTF_8);
    }

    private Counter requests(String integration, String format, int status) {
        return once(requests, new RequestSeries(integration, format, status), series -> Counter.builder(REQUESTS)
                .description("Delete requests answered, by integration, format and status")
                .tag("integration", series.integration())
                .tag("format", series.format())
                .tag("status", String.valueOf(series.status()))
                .register(registry));
    }

    private Timer providerCalls(String integration) {
        return once(providerCalls, integration, name -> Timer.builder(PROVIDER_CALLS)
                .description("Provider exchanges (deletes and fetches), each attempt on its own")
                .tag("integration", name)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry));
    }

    private Counter retries(String integration) {
        return once(retries, integration, name -> Counter.builder(RETRIES)
                .description("Provider exchanges tried again")
                .tag("integration", name)
                .register(registry));
    }

    private Counter rateLimitRejections(String integration) {
        return once(rateLimitRejections, integration, name -> Counter.builder(RATE_LIMIT_REJECTIONS)
                .description("Requests answered 429 by the local rate limit, without a provider call")
                .tag("integration", name)
                .register(registry));
    }

    private Counter idempotentReplays(String integration) {
        return once(idempotentReplays, integration, name -> Counter.builder(IDEMPOTENT_REPLAYS)
                .description("Stored answers given again for an Idempotency-Key, without a provider call")
                .tag("integration", name)
                .register(registry));
    }

    /** The meter of {@code key}, registered the first time only ({@code get} first: it never locks). */
    private static <K, M> M once(ConcurrentMap<K, M> meters, K key, Function<K, M> register) {
        M meter = meters.get(key);
        return meter != null ? meter : meters.computeIfAbsent(key, register);
    }
}
