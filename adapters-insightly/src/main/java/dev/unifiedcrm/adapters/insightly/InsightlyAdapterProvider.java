package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import feign.Feign;
import feign.Logger;
import feign.Retryer;
import feign.Target;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * The Insightly integration (API v3.1), found by {@link java.util.ServiceLoader}. Accounts need
 * {@code context.pod} (unless they have a {@code base_url}) and {@code credentials.api_key}.
 */
public final class InsightlyAdapterProvider implements CrmAdapterProvider {

    /** Insightly documents about 10 requests per second per instance (plus a daily quota). */
    private static final double DOCUMENTED_REQUESTS_PER_SECOND = 10;

    public InsightlyAdapterProvider() {
        // found by ServiceLoader
    }

    @Override
    public Integration integration() {
        return Integration.INSIGHTLY;
    }

    @Override
    public LeadIdFormat leadIdFormat() {
        return LeadIdFormat.POSITIVE_INT64;
    }

    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        return OptionalDouble.of(DOCUMENTED_REQUESTS_PER_SECOND);
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        InsightlyAccount.check(account);
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        // Retries and redirects are the caller's decision: the client never resends or follows.
        var http = RetryAfterShield.install(new OkHttpClient.Builder())
                .retryOnConnectionFailure(false)
                // OkHttp keeps 5 idle connections by default: under concurrent deletes about one call in
                // twelve opened a new one (docs/performance.md). Keep as many as the expected concurrency.
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(settings.connectTimeout())
                .build();
        InsightlyClient client = Feign.builder()
                .client(new DeadlineClient(http))
                .retryer(Retryer.NEVER_RETRY)
                // Never HEADERS or FULL: requests carry the API key.
                .logger(new Logger.NoOpLogger())
                .logLevel(Logger.Level.NONE)
                .target(Target.EmptyTarget.create(InsightlyClient.class));
        var json = new InsightlyJson();
        var adapter = new InsightlyLeadDeletionAdapter(client, new InsightlyAnswers(settings.maxBodyBytes(), json), json,
                settings.connectTimeout(), settings.userAgent());
        return new CrmAdapter(adapter, adapter);
    }
}
