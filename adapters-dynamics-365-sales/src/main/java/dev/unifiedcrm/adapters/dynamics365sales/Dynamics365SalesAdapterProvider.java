package dev.unifiedcrm.adapters.dynamics365sales;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CredentialSet;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.provider.http.ProviderHttp;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Microsoft Dynamics 365 Sales integration ({@code dynamics_365_sales}): deletes and fetches
 * rows of the {@code lead} table through the Dataverse Web API v9.2. Found by
 * {@link java.util.ServiceLoader}.
 *
 * <p>An account names its environment in {@code context.org_url}, or gives the whole API root as
 * {@code base_url}. Its credentials are exactly {@code access_token}, sent as
 * {@code Authorization: Bearer ...} and never refreshed. The Entra ID client-credentials set
 * ({@code tenant_id}, {@code client_id}, {@code client_secret}) is recognised and refused as not
 * supported yet.
 *
 * <p>Default pacing: 20 requests per second, Dataverse's 6000 requests per user over 5 minutes.
 */
public final class Dynamics365SalesAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("dynamics_365_sales");

    static final String ACCESS_TOKEN = "access_token";

    private static final Set<String> STATIC_SET = Set.of(ACCESS_TOKEN);
    private static final Set<String> CLIENT_CREDENTIALS_SET = Set.of("tenant_id", "client_id", "client_secret");

    /**
     * The static set and Entra ID's client-credentials set. The latter is declared so that its keys are
     * recognised, and refused by {@link #checkAccount} until its token source is wired.
     */
    static final List<CredentialSet> CREDENTIAL_SETS = List.of(
            CredentialSet.staticSecrets(ACCESS_TOKEN),
            new CredentialSet(CLIENT_CREDENTIALS_SET, Set.of("client_secret"), CredentialSet.Grant.CLIENT_CREDENTIALS));

    // A token goes into a header verbatim: anything outside visible ASCII would break the request.
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

    /** 6000 requests per user and web server over a sliding 5-minute window. */
    private static final double DOCUMENTED_REQUESTS_PER_SECOND = 20.0;

    private static final LeadIdFormat LEAD_ID_FORMAT = new Dynamics365SalesLeadIdFormat();

    public Dynamics365SalesAdapterProvider() {
        // Cheap on purpose: the HTTP client is built in create().
    }

    @Override
    public Integration integration() {
        return INTEGRATION;
    }

    @Override
    public LeadIdFormat leadIdFormat() {
        return LEAD_ID_FORMAT;
    }

    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        return OptionalDouble.of(DOCUMENTED_REQUESTS_PER_SECOND);
    }

    @Override
    public List<CredentialSet> credentialSets() {
        return CREDENTIAL_SETS;
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        if (!INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "this adapter serves integration 'dynamics_365_sales', not '" + account.integration() + "'");
        }
        Dynamics365SalesAccountContext.of(account);
        Set<String> names = new TreeSet<>(account.credentials().names());
        if (names.equals(CLIENT_CREDENTIALS_SET)) {
            throw new InvalidAccountException("credentials", "credentials " + names + " are the Entra ID client"
                    + " credentials set, which is not supported yet: give credentials.access_token (a Dataverse access"
                    + " token, sent as it is) instead");
        }
        if (!names.equals(STATIC_SET)) {
            String field = names.stream().filter(name -> !STATIC_SET.contains(name)).findFirst()
                    .map(name -> "credentials." + name).orElse("credentials.access_token");
            throw new InvalidAccountException(field, "dynamics_365_sales credentials must be exactly"
                    + " credentials.access_token (a Dataverse access token); they hold " + names);
        }
        if (!TOKEN.matcher(account.credentials().require(ACCESS_TOKEN)).matches()) {
            throw new InvalidAccountException("credentials.access_token",
                    "credentials.access_token must be visible ASCII characters without spaces");
        }
        account.baseUrl().ifPresent(url -> {
            if (url.getRawUserInfo() != null) {
                // Credentials belong in credentials.*, where they are never printed.
                throw new InvalidAccountException("base_url", "base_url must not hold user information (user:password@)");
            }
        });
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var adapter = new Dynamics365SalesLeadDeletionAdapter(new ProviderHttp("Dynamics 365 Sales", LEAD_ID_FORMAT, settings));
        return new CrmAdapter(adapter, adapter);
    }
}
