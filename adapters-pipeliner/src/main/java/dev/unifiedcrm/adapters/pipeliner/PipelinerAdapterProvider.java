package dev.unifiedcrm.adapters.pipeliner;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CredentialSet;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.provider.http.ProviderHttp;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The Pipeliner integration ({@code pipeliner}), found by {@link java.util.ServiceLoader}: lead ids
 * are UUIDs, no request rate is published (unpaced), accounts need {@code context.service_url} and
 * {@code context.space_id} (neither when {@code base_url} is set), {@code credentials.username} and
 * {@code credentials.password}.
 */
public final class PipelinerAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("pipeliner");

    public PipelinerAdapterProvider() {
        // ServiceLoader needs a public no-argument constructor; the work happens in create().
    }

    @Override
    public Integration integration() {
        return INTEGRATION;
    }

    @Override
    public LeadIdFormat leadIdFormat() {
        return LeadIdFormat.UUID;
    }

    /** One static set: the API application's user name and password (the user name is no secret). */
    @Override
    public List<CredentialSet> credentialSets() {
        return List.of(new CredentialSet(Set.of("username", "password"), Set.of("password"),
                CredentialSet.Grant.STATIC));
    }

    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        return OptionalDouble.empty();
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        PipelinerAccounts.check(account);
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var adapter = new PipelinerLeadDeletionAdapter(new ProviderHttp("Pipeliner", leadIdFormat(), settings));
        return new CrmAdapter(adapter, adapter);
    }
}
