package dev.unifiedcrm.adapters.mondaycrm;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.provider.http.ProviderHttp;

import java.util.OptionalDouble;

/**
 * The monday CRM integration ({@code monday_crm}): deletes and fetches items of the account's Leads
 * board through monday.com's GraphQL API. Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account names its Leads board ({@code context.board_id}, required), may pin another API
 * version ({@code context.api_version}) and say which column feeds which field
 * ({@code context.columns}), and holds one personal API token ({@code credentials.api_token}). The
 * endpoint is {@value MondayCrmAccount#DEFAULT_ENDPOINT} unless the account's {@code base_url}
 * replaces it.
 */
public final class MondayCrmAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("monday_crm");

    /**
     * Each delete is two calls (the board check, then the mutation): 5 per second is 300 calls a
     * minute, under the lowest per-minute limit reported for a plan, and spaces the mutations monday
     * asks to send one after another.
     */
    private static final double DOCUMENTED_REQUESTS_PER_SECOND = 5.0;

    public MondayCrmAdapterProvider() {
        // Cheap on purpose: the HTTP client is built in create().
    }

    @Override
    public Integration integration() {
        return INTEGRATION;
    }

    /** Item ids: positive 64-bit integers written as digits (beyond int32 today), sent as given. */
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
        MondayCrmAccount.of(account);
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var adapter = new MondayCrmLeadDeletionAdapter(new ProviderHttp("monday.com", leadIdFormat(), settings));
        return new CrmAdapter(adapter, adapter);
    }
}
