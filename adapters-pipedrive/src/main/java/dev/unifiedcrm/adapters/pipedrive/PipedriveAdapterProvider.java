package dev.unifiedcrm.adapters.pipedrive;

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
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The Pipedrive integration ({@code pipedrive}): deletes and fetches leads through API v1 (lead CRUD
 * exists only there). Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account names its company with {@code context.company_domain} ({@code acme} for
 * {@code acme.pipedrive.com}; not needed when {@code base_url} is set), and holds either
 * {@code credentials.api_token}, a user's personal API token, sent in the {@code x-api-token} header
 * and never in the query string, or an OAuth client with a refresh token ({@code client_id},
 * {@code client_secret}, {@code refresh_token}), whose access tokens come from {@value #DEFAULT_TOKEN_URL}
 * (or the account's {@code token_url}) with HTTP Basic client authentication and are sent as
 * {@code Authorization: Bearer}. Pipedrive rotates refresh tokens: each token answer brings a new one,
 * which replaces the old one (and goes to the credential store when there is one). Both sets call the
 * same root; the {@code api_domain} of a token answer is never followed.
 */
public final class PipedriveAdapterProvider implements CrmAdapterProvider {

    /** Pipedrive's OAuth token endpoint when the account has no {@code token_url} ({@code base_url} does not move it). */
    public static final String DEFAULT_TOKEN_URL = "https://oauth.pipedrive.com/oauth/token";

    static final Integration INTEGRATION = new Integration("pipedrive");

    static final String API_TOKEN = "api_token";

    /** A user's personal API token, or an OAuth client renewing access tokens with its refresh token. */
    static final List<CredentialSet> CREDENTIAL_SETS = List.of(
            CredentialSet.staticSecrets(API_TOKEN),
            new CredentialSet(Set.of("client_id", "client_secret", "refresh_token"),
                    Set.of("client_secret", "refresh_token"), CredentialSet.Grant.REFRESH_TOKEN));

    /** Pipedrive documents one hour; an answer without {@code expires_in} is taken to last that long. */
    static final Duration DOCUMENTED_TOKEN_LIFETIME = Duration.ofHours(1);

    /** The lowest burst of every plan and credential: an API token on Lite, 20 requests per 2 seconds. */
    private static final double DOCUMENTED_REQUESTS_PER_SECOND = 10.0;

    public PipedriveAdapterProvider() {
        // Cheap on purpose: the HTTP client is built in create().
    }

    @Override
    public Integration integration() {
        return INTEGRATION;
    }

    @Override
    public LeadIdFormat leadIdFormat() {
        // Pipedrive writes lead ids lower-case; whether it takes upper case is unknown, so they are sent lower-case.
        return LeadIdFormat.UUID;
    }

    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        return OptionalDouble.of(DOCUMENTED_REQUESTS_PER_SECOND);
    }

    @Override
    public List<CredentialSet> credentialSets() {
        return CREDENTIAL_SETS;
    }

    /** Each token answer brings a new refresh token, and the one just used may be refused afterwards. */
    @Override
    public boolean rotatesRefreshTokens() {
        return true;
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        if (!INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "this adapter serves integration 'pipedrive', not '" + account.integration() + "'");
        }
        for (String key : account.context().keySet()) {
            if (!key.equals(PipedriveCompanyDomain.CONTEXT_KEY)) {
                throw new InvalidAccountException("context." + key, "context." + key + " is not accepted: pipedrive"
                        + " accounts take only context.company_domain");
            }
        }
        String companyDomain = account.contextString(PipedriveCompanyDomain.CONTEXT_KEY).orElse(null);
        if (companyDomain == null && account.baseUrl().isEmpty()) {
            throw new InvalidAccountException("context.company_domain", "context.company_domain is required unless"
                    + " base_url is set: the subdomain of the company's Pipedrive address (acme for acme.pipedrive.com)");
        }
        if (companyDomain != null) {
            try {
                PipedriveCompanyDomain.apiRoot(companyDomain);
            } catch (IllegalArgumentException bad) {
                throw new InvalidAccountException("context.company_domain", "context." + bad.getMessage());
            }
        }
        checkCredentials(account);
        account.baseUrl().ifPresent(PipedriveAdapterProvider::checkBaseUrl);
    }

    private static void checkCredentials(IntegratedAccount account) {
        CredentialSet set = CredentialSet.require(CREDENTIAL_SETS, account.credentials(), INTEGRATION.name());
        for (String name : set.keys().stream().sorted().toList()) {
            HeaderSafeCredential.require(account, name);
        }
        if (!set.grant().isOAuth() && account.tokenUrl().isPresent()) {
            throw new InvalidAccountException("token_url", "token_url is only accepted with the OAuth credentials"
                    + " {client_id, client_secret, refresh_token}; credentials.api_token needs no token endpoint");
        }
    }

    private static void checkBaseUrl(URI url) {
        if (url.getRawUserInfo() != null) {
            // Credentials belong in credentials.*, where they are never printed.
            throw new InvalidAccountException("base_url", "base_url must not hold user information (user:password@)");
        }
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var http = new ProviderHttp("Pipedrive", leadIdFormat(), settings);
        var tokens = new OAuthTokens(http, INTEGRATION, CREDENTIAL_SETS, PipedriveAdapterProvider::tokenEndpoint, settings,
                new PipedriveApiDomainCheck());
        var adapter = new PipedriveLeadDeletionAdapter(http, tokens);
        return new CrmAdapter(adapter, adapter);
    }

    /**
     * Pipedrive's token endpoint: the account's {@code token_url}, else {@value #DEFAULT_TOKEN_URL}; the
     * client authenticates by HTTP Basic only (its id and secret never go into the form).
     */
    static TokenEndpoint tokenEndpoint(IntegratedAccount account) {
        return TokenEndpoint.of(account.tokenUrl().orElse(URI.create(DEFAULT_TOKEN_URL)), TokenEndpoint.ClientAuthentication.BASIC)
                .withDefaultLifetime(DOCUMENTED_TOKEN_LIFETIME);
    }

    /**
     * The account's API root without a trailing slash: its {@code base_url}, else
     * {@code https://{company_domain}.pipedrive.com/api/v1}.
     */
    static URI apiRoot(IntegratedAccount account) {
        String root = account.baseUrl().map(URI::toString)
                .orElseGet(() -> PipedriveCompanyDomain.apiRoot(account.contextString(PipedriveCompanyDomain.CONTEXT_KEY).orElse(null)).toString());
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root);
    }
}
