package dev.unifiedcrm.adapters.zendesksell;

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
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The Zendesk Sell integration ({@code zendesk_sell}): deletes and fetches leads through Sell's
 * Core API v2. Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account holds either {@code credentials.access_token} (a personal access token, or an OAuth
 * token used as it is) or an OAuth client with a refresh token ({@code client_id}, {@code client_secret},
 * {@code refresh_token}), whose access tokens are obtained from {@value #DEFAULT_TOKEN_URL} (or the
 * account's {@code token_url}) and renewed before they expire. The token names the Sell account, so
 * {@code context} must be empty. The API root is {@value #DEFAULT_API_ROOT} unless the account's
 * {@code base_url} overrides it.
 */
public final class ZendeskSellAdapterProvider implements CrmAdapterProvider {

    /** Sell's API root when the account has no {@code base_url}. */
    public static final String DEFAULT_API_ROOT = "https://api.getbase.com/v2";

    /** Sell's OAuth token endpoint when the account has no {@code token_url}. */
    public static final String DEFAULT_TOKEN_URL = "https://api.getbase.com/oauth2/token";

    static final Integration INTEGRATION = new Integration("zendesk_sell");

    static final String ACCESS_TOKEN = "access_token";

    /** A static access token, or an OAuth client renewing access tokens with its refresh token. */
    static final List<CredentialSet> CREDENTIAL_SETS = List.of(
            CredentialSet.staticSecrets(ACCESS_TOKEN),
            new CredentialSet(Set.of("client_id", "client_secret", "refresh_token"),
                    Set.of("client_secret", "refresh_token"), CredentialSet.Grant.REFRESH_TOKEN));

    /** Sell documents 36,000 requests per hour per token. */
    private static final double DOCUMENTED_REQUESTS_PER_SECOND = 10.0;

    public ZendeskSellAdapterProvider() {
        // Cheap on purpose: the HTTP client is built in create().
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
    public List<CredentialSet> credentialSets() {
        return CREDENTIAL_SETS;
    }

    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        return OptionalDouble.of(DOCUMENTED_REQUESTS_PER_SECOND);
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        if (!INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "this adapter serves integration 'zendesk_sell', not '" + account.integration() + "'");
        }
        account.context().keySet().stream().findFirst().ifPresent(key -> {
            throw new InvalidAccountException("context." + key,
                    "context." + key + " is not accepted: zendesk_sell accounts take no context"
                            + " (the access token names the Sell account)");
        });
        CredentialSet set = CredentialSet.require(CREDENTIAL_SETS, account.credentials(), INTEGRATION.name());
        for (String name : set.keys()) {
            HeaderSafeCredential.require(account, name);
        }
        if (!set.grant().isOAuth() && account.tokenUrl().isPresent()) {
            throw new InvalidAccountException("token_url",
                    "token_url is only accepted with the OAuth credentials {client_id, client_secret, refresh_token}");
        }
        account.baseUrl().ifPresent(ZendeskSellAdapterProvider::checkBaseUrl);
    }

    private static void checkBaseUrl(URI url) {
        if (url.getRawUserInfo() != null) {
            // Credentials belong in credentials.*, where they are never printed.
            throw new InvalidAccountException("base_url", "base_url must not hold user information (user:password@)");
        }
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var http = new ProviderHttp("Zendesk Sell", leadIdFormat(), settings);
        var tokens = new OAuthTokens(http, INTEGRATION, CREDENTIAL_SETS, ZendeskSellAdapterProvider::tokenEndpoint, settings);
        var adapter = new ZendeskSellLeadDeletionAdapter(http, tokens);
        return new CrmAdapter(adapter, adapter);
    }

    /** Sell's token endpoint: the account's {@code token_url}, else {@value #DEFAULT_TOKEN_URL}; the client authenticates by HTTP Basic. */
    static TokenEndpoint tokenEndpoint(IntegratedAccount account) {
        return TokenEndpoint.of(account.tokenUrl().orElse(URI.create(DEFAULT_TOKEN_URL)),
                TokenEndpoint.ClientAuthentication.BASIC);
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
