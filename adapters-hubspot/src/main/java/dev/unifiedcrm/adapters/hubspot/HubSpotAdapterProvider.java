package dev.unifiedcrm.adapters.hubspot;

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
 * The HubSpot integration ({@code hubspot}): deletes and fetches records of HubSpot's Leads object
 * (never contacts) through the date-versioned CRM objects API. Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account's {@code context} is optional: {@code api_version} (a date version, {@code 2026-03}
 * unless set) and {@code custom_properties} (HubSpot property names fetched as custom fields).
 * Credentials: either {@code access_token} (a private-app token or Service Key, sent as a bearer token
 * as it is), or an OAuth app's {@code client_id}, {@code client_secret} and {@code refresh_token}, whose
 * 30-minute access tokens come from {@code https://api.hubapi.com/oauth/{api_version}/token} (or the
 * account's {@code token_url}) and are renewed before they expire. The API root is
 * {@value #DEFAULT_API_ROOT} unless the account's {@code base_url} replaces it; {@code base_url} never
 * moves the token endpoint.
 */
public final class HubSpotAdapterProvider implements CrmAdapterProvider {

    /** HubSpot's API root, one host for every portal, when the account has no {@code base_url}. */
    public static final String DEFAULT_API_ROOT = "https://api.hubapi.com";

    static final Integration INTEGRATION = new Integration("hubspot");

    static final String ACCESS_TOKEN = "access_token";

    /** A static token, or an OAuth app renewing 30-minute access tokens with its refresh token. */
    static final List<CredentialSet> CREDENTIAL_SETS = List.of(
            CredentialSet.staticSecrets(ACCESS_TOKEN),
            new CredentialSet(Set.of("client_id", "client_secret", "refresh_token"),
                    Set.of("client_secret", "refresh_token"), CredentialSet.Grant.REFRESH_TOKEN));

    /** HubSpot's access tokens last 30 minutes; an answer without {@code expires_in} is taken to mean that. */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final Set<String> CONTEXT_KEYS = Set.of(HubSpotApiVersion.CONTEXT_KEY, HubSpotProperties.CONTEXT_KEY);

    /** The lowest tier's 100 requests per 10 seconds per app. */
    private static final double DOCUMENTED_REQUESTS_PER_SECOND = 10.0;

    public HubSpotAdapterProvider() {
        // Cheap on purpose: the HTTP client is built in create().
    }

    @Override
    public Integration integration() {
        return INTEGRATION;
    }

    @Override
    public LeadIdFormat leadIdFormat() {
        // HubSpot's record ids are numeric strings that pass 2^53: they stay text and are sent as given.
        return LeadIdFormat.POSITIVE_INT64;
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
    public boolean rotatesRefreshTokens() {
        // HubSpot's refresh tokens are long-lived and come back unchanged; a new one would still replace the old.
        return false;
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        if (!INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "this adapter serves integration 'hubspot', not '" + account.integration() + "'");
        }
        for (String key : account.context().keySet()) {
            if (!CONTEXT_KEYS.contains(key)) {
                throw new InvalidAccountException("context." + key, "context." + key + " is not accepted: hubspot"
                        + " accounts take only context.api_version and context.custom_properties, both optional");
            }
        }
        try {
            HubSpotApiVersion.of(account.contextString(HubSpotApiVersion.CONTEXT_KEY).orElse(null));
        } catch (IllegalArgumentException bad) {
            throw new InvalidAccountException("context." + HubSpotApiVersion.CONTEXT_KEY, "context." + bad.getMessage());
        }
        String customProperties = account.contextString(HubSpotProperties.CONTEXT_KEY).orElse(null);
        if (customProperties != null) {
            try {
                HubSpotProperties.parseCustom(customProperties);
            } catch (IllegalArgumentException bad) {
                throw new InvalidAccountException("context." + HubSpotProperties.CONTEXT_KEY, "context." + bad.getMessage());
            }
        }
        checkCredentials(account);
        account.baseUrl().ifPresent(HubSpotAdapterProvider::checkBaseUrl);
    }

    private static void checkCredentials(IntegratedAccount account) {
        CredentialSet set = CredentialSet.require(CREDENTIAL_SETS, account.credentials(), INTEGRATION.name());
        for (String name : set.keys()) {
            HeaderSafeCredential.require(account, name);
        }
        if (!set.grant().isOAuth() && account.tokenUrl().isPresent()) {
            throw new InvalidAccountException("token_url", "token_url is only accepted with HubSpot's OAuth"
                    + " credentials {client_id, client_secret, refresh_token}; {access_token} is used as it is");
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
        var http = new ProviderHttp("HubSpot", leadIdFormat(), settings);
        var tokens = new OAuthTokens(http, INTEGRATION, CREDENTIAL_SETS, HubSpotAdapterProvider::tokenEndpoint, settings);
        var adapter = new HubSpotLeadDeletionAdapter(http, tokens);
        return new CrmAdapter(adapter, adapter);
    }

    /**
     * HubSpot's token endpoint of the account's date version, {@code https://api.hubapi.com/oauth/{api_version}/token}
     * (the account's {@code token_url} replaces it; {@code base_url} does not move it). The endpoint wants every
     * parameter in the form body, the client's id and secret included: no Basic authentication.
     */
    static TokenEndpoint tokenEndpoint(IntegratedAccount account) {
        URI uri = account.tokenUrl().orElseGet(() -> URI.create(DEFAULT_API_ROOT + "/oauth/" + apiVersion(account) + "/token"));
        return TokenEndpoint.of(uri, TokenEndpoint.ClientAuthentication.FORM).withDefaultLifetime(ACCESS_TOKEN_LIFETIME);
    }

    /** The account's API root without a trailing slash: its {@code base_url}, else {@value #DEFAULT_API_ROOT}. */
    static URI apiRoot(IntegratedAccount account) {
        String root = account.baseUrl().map(URI::toString).orElse(DEFAULT_API_ROOT);
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root);
    }

    /** The account's date version (checked at start). */
    static String apiVersion(IntegratedAccount account) {
        return HubSpotApiVersion.of(account.contextString(HubSpotApiVersion.CONTEXT_KEY).orElse(null));
    }

    /** The account's custom property names, in config order; empty when it names none. */
    static List<String> customProperties(IntegratedAccount account) {
        return account.contextString(HubSpotProperties.CONTEXT_KEY).map(HubSpotProperties::parseCustom).orElse(List.of());
    }
}
