package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.util.OptionalDouble;

/**
 * The Insightly integration (API v3.1), found by {@link java.util.ServiceLoader}. Accounts need
 * {@code context.pod} (unless they have a {@code base_url}) and {@code credentials.api_key}.
 */
public final class InsightlyAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("insightly");

    /**
     * Insightly documents about 10 requests per second per instance (plus a daily quota), but
     * clients see 429s above about 5 per second and under concurrency: pacing at 5 keeps clear of them.
     */
    private static final double SAFE_REQUESTS_PER_SECOND = 5;

    public InsightlyAdapterProvider() {
        // found by ServiceLoader
    }

    @Override
    public Integration integration() {
        return INTEGRATION;
    }

    @Override
    public LeadIdFormat leadIdFormat() {
        return LeadIdFormat.POSITIVE_INT64;
    }

    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        return OptionalDouble.of(SAFE_REQUESTS_PER_SECOND);
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        InsightlyAccount.check(account);
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var http = new ProviderHttp("Insightly", leadIdFormat(), settings);
        InsightlyClient client = http.feignBuilder().target(Target.EmptyTarget.create(InsightlyClient.class));
        var adapter = new InsightlyLeadDeletionAdapter(client, http, new InsightlyJson());
        return new CrmAdapter(adapter, adapter);
    }
}
