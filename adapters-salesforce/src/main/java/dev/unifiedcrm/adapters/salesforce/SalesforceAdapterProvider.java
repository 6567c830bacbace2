package dev.unifiedcrm.adapters.salesforce;

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
 * The Salesforce integration ({@code salesforce}): deletes and fetches leads through the REST API's
 * {@code Lead} sObject. Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account names its org in {@code context.instance_url} (the My Domain URL), optionally
 * {@code context.api_version} (default {@code 64.0}), or gives the whole API root as
 * {@code base_url}. Its credentials are one of four sets: {@code access_token} (sent as it is, never
 * renewed), or an OAuth 2.0 grant whose access tokens come from {@code {instance_url}/services/oauth2/token}
 * (or the account's {@code token_url}): client credentials ({@code client_id}, {@code client_secret}),
 * refresh token ({@code client_id}, {@code client_secret}, {@code refresh_token}) or JWT bearer
 * ({@code client_id}, {@code username}, {@code private_key}, with {@code context.login_url} as the
 * assertion's audience). The client authenticates by form fields, never HTTP Basic.
 *
 * <p>No default pacing: Salesforce's only limit is a rolling daily allocation per org, not a rate.
 */
public final class SalesforceAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("salesforce");

    static final String ACCESS_TOKEN = "access_token";
    static final String PRIVATE_KEY = "private_key";

    static final CredentialSet STATIC_SET = CredentialSet.staticSecrets(ACCESS_TOKEN);
    static final CredentialSet CLIENT_CREDENTIALS_SET = new CredentialSet(Set.of("client_id", "client_secret"),
            Set.of("client_secret"), CredentialSet.Grant.CLIENT_CREDENTIALS);
    static final CredentialSet REFRESH_TOKEN_SET = new CredentialSet(Set.of("client_id", "client_secret", "refresh_token"),
            Set.of("client_secret", "refresh_token"), CredentialSet.Grant.REFRESH_TOKEN);
    static final CredentialSet JWT_BEARER_SET = new CredentialSet(Set.of("client_id", "username", PRIVATE_KEY),
            Set.of(PRIVATE_KEY), CredentialSet.Grant.JWT_BEARER);

    /** A static access token, or one of Salesforce's three OAuth grants. */
    static final List<CredentialSet> CREDENTIAL_SETS =
            List.of(STATIC_SET, CLIENT_CREDENTIALS_SET, REFRESH_TOKEN_SET, JWT_BEARER_SET);

    private static final LeadIdFormat LEAD_ID_FORMAT = new SalesforceLeadIdFormat();

    public SalesforceAdapterProvider() {
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

    /** None: the daily allocation is no per-second rate (operators may set their own). */
    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        return OptionalDouble.empty();
    }

    @Override
    public List<CredentialSet> credentialSets() {
        return CREDENTIAL_SETS;
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        if (!INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "this adapter serves integration 'salesforce', not '" + account.integration() + "'");
        }
        CredentialSet set = CredentialSet.require(CREDENTIAL_SETS, account.credentials(), INTEGRATION.name());
        SalesforceAccountContext context = SalesforceAccountContext.of(account, JWT_BEARER_SET.equals(set));
        if (set.grant().isOAuth()) {
            if (account.tokenUrl().isEmpty() && context.tokenEndpoint().isEmpty()) {
                throw new InvalidAccountException("token_url", "token_url is required when an OAuth credential set"
                        + " " + set.describe() + " comes without context.instance_url: the token endpoint is"
                        + " derived from the My Domain URL ({instance_url}/services/oauth2/token)");
            }
        } else {
            if (account.tokenUrl().isPresent()) {
                throw new InvalidAccountException("token_url", "token_url is only accepted with an OAuth credential"
                        + " set: " + CLIENT_CREDENTIALS_SET.describe() + ", " + REFRESH_TOKEN_SET.describe() + " or "
                        + JWT_BEARER_SET.describe());
            }
            HeaderSafeCredential.require(account, ACCESS_TOKEN);
        }
        if (JWT_BEARER_SET.equals(set)) {
            OAuthTokens.checkPrivateKey(account.credentials().require(PRIVATE_KEY));
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
        var http = new ProviderHttp("Salesforce", LEAD_ID_FORMAT, settings);
        var withRotationWarning = new AdapterSettings(settings.connectTimeout(), settings.userAgent(),
                settings.maxBodyBytes(), settings.clock(), new SalesforceRefreshTokenRotation(settings.credentialStore()),
                settings.tokenRequests());
        var tokens = new OAuthTokens(http, INTEGRATION, CREDENTIAL_SETS, SalesforceAdapterProvider::tokenEndpoint,
                withRotationWarning);
        var adapter = new SalesforceLeadDeletionAdapter(http, tokens);
        return new CrmAdapter(adapter, adapter);
    }

    /** The account's checked context; {@code login_url} is read only for the JWT-bearer set. */
    static SalesforceAccountContext context(IntegratedAccount account) {
        return SalesforceAccountContext.of(account, CredentialSet.pick(CREDENTIAL_SETS, account.credentials())
                .map(JWT_BEARER_SET::equals).orElse(false));
    }

    /**
     * Where an OAuth account asks for tokens: its {@code token_url}, else {@code {instance_url}/services/oauth2/token}
     * (the org's own host: the login hosts refuse the client-credentials grant). The client authenticates by
     * form fields; a JWT assertion's audience is the login host ({@code login_url}), never the My Domain.
     */
    static TokenEndpoint tokenEndpoint(IntegratedAccount account) {
        SalesforceAccountContext context = context(account);
        URI uri = account.tokenUrl().or(context::tokenEndpoint).orElseThrow(() -> new IllegalStateException(
                "integrated account " + account.id() + " has neither token_url nor context.instance_url"));
        return new TokenEndpoint(uri, TokenEndpoint.ClientAuthentication.FORM, Optional.empty(),
                Optional.ofNullable(context.loginUrl()));
    }
}
