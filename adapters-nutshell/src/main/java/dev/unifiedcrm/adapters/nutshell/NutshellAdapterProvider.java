package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.provider.http.ProviderHttp;

import java.net.URI;
import java.util.OptionalDouble;

/**
 * The Nutshell integration ({@code nutshell}): deletes and fetches leads through Nutshell's REST API
 * (not the older JSON-RPC one). Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account holds exactly {@code credentials.username} (the Nutshell user's e-mail address) and
 * {@code credentials.api_key}, sent as HTTP Basic; {@code context} must be empty, as the credentials
 * name the Nutshell instance. The API root is {@value #DEFAULT_API_ROOT} unless the account's
 * {@code base_url} overrides it. Lead ids are {@code <n>-leads} or a bare {@code <n>}, sent and
 * answered as {@code <n>-leads}. Nutshell publishes no rate limit: unpaced unless the account sets one.
 */
public final class NutshellAdapterProvider implements CrmAdapterProvider {

    /** Nutshell's REST API root when the account has no {@code base_url}: one host serves every instance. */
    public static final String DEFAULT_API_ROOT = "https://app.nutshell.com/rest";

    public NutshellAdapterProvider() {
        // Cheap on purpose: the HTTP client is built in create().
    }

    @Override
    public Integration integration() {
        return NutshellAccountCheck.NUTSHELL;
    }

    @Override
    public LeadIdFormat leadIdFormat() {
        return NutshellLeadIdFormat.INSTANCE;
    }

    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        // No published limit and no rate-limit headers: nothing to respect, so no local pacing by default.
        return OptionalDouble.empty();
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        NutshellAccountCheck.check(account);
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var adapter = new NutshellLeadDeletionAdapter(new ProviderHttp("Nutshell", leadIdFormat(), settings));
        return new CrmAdapter(adapter, adapter);
    }

    /** The account's API root without a trailing slash: its {@code base_url}, else {@value #DEFAULT_API_ROOT}. */
    static URI apiRoot(IntegratedAccount account) {
        String root = account.baseUrl().map(URI::toString).orElse(DEFAULT_API_ROOT);
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root);
    }
}
