package dev.unifiedcrm.adapters.dynamics365sales;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CredentialSet;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.provider.http.HeaderSafeCredential;
import dev.unifiedcrm.provider.http.OAuthTokens;
import dev.unifiedcrm.provider.http.ProviderHttp;
import dev.unifiedcrm.provider.http.TokenEndpoint;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The Microsoft Dynamics 365 Sales integration ({@code dynamics_365_sales}): deletes and fetches
 * rows of the {@code lead} table through the Dataverse Web API v9.2. Found by
 * {@link java.util.ServiceLoader}.
 *
 * <p>An account names its environment in {@code context.org_url}, or gives the whole API root as
 * {@code base_url}. Its credentials are either exactly {@code access_token}, sent as
 * {@code Authorization: Bearer ...} and never refreshed, or the Entra ID client credentials of an
 * application user ({@code tenant_id}, {@code client_id}, {@code client_secret}), exchanged at
 * {@code https://login.microsoftonline.com/{tenant_id}/oauth2/v2.0/token} (or the account's
 * {@code token_url}) for tokens scoped to the environment, and renewed before they expire.
 *
 * <p>Default pacing: 20 requests per second, Dataverse's 6000 requests per user over 5 minutes.
 */
public final class Dynamics365SalesAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("dynamics_365_sales");

    static final String ACCESS_TOKEN = "access_token";

    /** A static access token, or Entra ID's client-credentials grant for an application user. */
    static final List<CredentialSet> CREDENTIAL_SETS = List.of(
            CredentialSet.staticSecrets(ACCESS_TOKEN),
            new CredentialSet(Set.of("tenant_id", "client_id", "client_secret"), Set.of("client_secret"),
                    CredentialSet.Grant.CLIENT_CREDENTIALS));

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
        CredentialSet set = CredentialSet.require(CREDENTIAL_SETS, account.credentials(), INTEGRATION.name());
        if (set.grant().isOAuth()) {
            Dynamics365SalesAccountContext.tenant(account.credentials().require("tenant_id"));
            Dynamics365SalesAccountContext.checkClientId(account.credentials().require("client_id"));
        } else {
            HeaderSafeCredential.require(account, ACCESS_TOKEN);
            if (account.tokenUrl().isPresent()) {
                throw new InvalidAccountException("token_url", "token_url is only accepted with the Entra ID client"
                        + " credentials {client_id, client_secret, tenant_id}: a static access_token is never renewed");
            }
        }
        account.baseUrl().ifPresent(url -> refuseUserInfo(url, "base_url"));
        account.tokenUrl().ifPresent(url -> refuseUserInfo(url, "token_url"));
    }

    private static void refuseUserInfo(URI url, String field) {
        if (url.getRawUserInfo() != null) {
            // Credentials belong in credentials.*, where they are never printed.
            throw new InvalidAccountException(field, field + " must not hold user information (user:password@)");
        }
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var http = new ProviderHttp("Dynamics 365 Sales", LEAD_ID_FORMAT, settings);
        var tokens = new OAuthTokens(http, INTEGRATION, CREDENTIAL_SETS, Dynamics365SalesAdapterProvider::tokenEndpoint, settings);
        var adapter = new Dynamics365SalesLeadDeletionAdapter(http, tokens);
        return new CrmAdapter(adapter, adapter);
    }

    /**
     * Entra ID's token endpoint of the account's tenant, or its {@code token_url}; the client authenticates by
     * form fields, the scope is the environment's ({@code {org_url}/.default}, else {@code base_url}'s origin), and
     * every token answer must give its {@code expires_in}.
     */
    static TokenEndpoint tokenEndpoint(IntegratedAccount account) {
        URI uri = account.tokenUrl().orElseGet(() ->
                Dynamics365SalesAccountContext.tokenEndpoint(account.credentials().require("tenant_id")));
        String scope = Dynamics365SalesAccountContext.of(account).scope(account.baseUrl());
        // Entra ID always gives expires_in: an answer without one is not Entra's.
        return new TokenEndpoint(uri, TokenEndpoint.ClientAuthentication.FORM, Optional.of(scope), Optional.empty())
                .withRequiredLifetime();
    }
}
