package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.QueryParameter;
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
 * The Zoho CRM integration ({@code zoho_crm}): deletes and fetches leads through Zoho CRM's REST API
 * v8 (module {@code Leads}). Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account names its Zoho data centre in {@code context.data_center} ({@code com}, {@code eu},
 * {@code in}, {@code com.au}, {@code jp}, {@code ca}, {@code com.cn}, {@code sa}), from which the API
 * root {@code https://www.zohoapis.<data centre>/crm/v8} follows; {@code base_url} replaces that root
 * (Zoho's sandbox and developer hosts, other data centres), and with it {@code data_center} may be left
 * out. Credentials, one of two sets: the refresh grant ({@code client_id}, {@code client_secret},
 * {@code refresh_token}), whose access tokens come from the data centre's Zoho Accounts host (or the
 * account's {@code token_url}) and are renewed before they expire, within Zoho's budget of 10 per 10
 * minutes; or a static {@code access_token}, never refreshed. Every call sends
 * {@code Authorization: Zoho-oauthtoken <access token>}.
 */
public final class ZohoCrmAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("zoho_crm");

    static final String DATA_CENTER = "data_center";
    static final String ACCESS_TOKEN = "access_token";

    /** Zoho's two sets: a static access token, or an OAuth client with its refresh token. */
    static final List<CredentialSet> CREDENTIAL_SETS = List.of(
            CredentialSet.staticSecrets(ACCESS_TOKEN),
            new CredentialSet(Set.of("client_id", "client_secret", "refresh_token"),
                    Set.of("client_secret", "refresh_token"), CredentialSet.Grant.REFRESH_TOKEN));

    /** Zoho's lead ids are 64-bit integers, written without sign or leading zero. */
    static final LeadIdFormat LEAD_ID_FORMAT = LeadIdFormat.POSITIVE_INT64;

    /**
     * Zoho limits concurrent calls (5 on the Free edition), not a rate: at 5 calls per second and the
     * usual sub-second latency, about 5 are in flight.
     */
    private static final double DEFAULT_REQUESTS_PER_SECOND = 5.0;

    public ZohoCrmAdapterProvider() {
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
        return OptionalDouble.of(DEFAULT_REQUESTS_PER_SECOND);
    }

    @Override
    public List<CredentialSet> credentialSets() {
        return CREDENTIAL_SETS;
    }

    @Override
    public Optional<String> remoteQueryRefusal(List<QueryParameter> remoteQuery) {
        return ZohoCrmRemoteQuery.refusal(remoteQuery);
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        if (!INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "this adapter serves integration 'zoho_crm', not '" + account.integration() + "'");
        }
        for (String key : account.context().keySet()) {
            if (!key.equals(DATA_CENTER)) {
                throw new InvalidAccountException("context." + key, "context." + key
                        + " is not accepted: zoho_crm accounts take only context.data_center");
            }
        }
        String dataCenter = account.contextString(DATA_CENTER).orElse(null);
        if (dataCenter != null && ZohoCrmDataCenter.of(dataCenter).isEmpty()) {
            throw new InvalidAccountException("context.data_center", "context.data_center must be one of "
                    + ZohoCrmDataCenter.accepted() + " (exact, lower case), was '" + dataCenter + "'");
        }
        if (dataCenter == null && account.baseUrl().isEmpty()) {
            throw new InvalidAccountException("context.data_center", "context.data_center is required unless"
                    + " base_url is given: one of " + ZohoCrmDataCenter.accepted()
                    + " (the Zoho data centre that holds the account's users)");
        }
        CredentialSet set = checkCredentials(account);
        if (set.grant().isOAuth() && dataCenter == null && account.tokenUrl().isEmpty()) {
            throw new InvalidAccountException("context.data_center", "context.data_center is required with the"
                    + " refresh grant unless token_url is given too: one of " + ZohoCrmDataCenter.accepted()
                    + " (its Zoho Accounts host issues the access tokens)");
        }
        if (!set.grant().isOAuth() && account.tokenUrl().isPresent()) {
            throw new InvalidAccountException("token_url", "token_url is only accepted with the refresh grant"
                    + " credentials {client_id, client_secret, refresh_token}: a static access_token is never refreshed");
        }
        account.baseUrl().ifPresent(url -> checkNoUserInformation(url, "base_url"));
        account.tokenUrl().ifPresent(url -> checkNoUserInformation(url, "token_url"));
    }

    /** Exactly the keys of one set, each a value that can go into a header or a form as it is. */
    private static CredentialSet checkCredentials(IntegratedAccount account) {
        CredentialSet set = CredentialSet.require(CREDENTIAL_SETS, account.credentials(), INTEGRATION.name());
        for (String name : set.keys().stream().sorted().toList()) {
            HeaderSafeCredential.require(account, name);
        }
        return set;
    }

    private static void checkNoUserInformation(URI url, String field) {
        if (url.getRawUserInfo() != null) {
            // Credentials belong in credentials.*, where they are never printed.
            throw new InvalidAccountException(field, field + " must not hold user information (user:password@)");
        }
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var http = new ProviderHttp("Zoho CRM", leadIdFormat(), settings);
        var quirks = new ZohoCrmTokenQuirks(settings.clock());
        var tokens = new OAuthTokens(http, INTEGRATION, CREDENTIAL_SETS,
                account -> tokenEndpoint(account).withQuirks(quirks.of(account)), settings);
        var adapter = new ZohoCrmLeadDeletionAdapter(http, tokens);
        return new CrmAdapter(adapter, adapter);
    }

    /**
     * Where an account of the refresh grant gets its access tokens: its {@code token_url}, else its data
     * centre's Zoho Accounts host; the client authenticates by form fields, as Zoho's own SDK does (Zoho's
     * pages show them as query parameters, which would put the secret into URLs).
     */
    static TokenEndpoint tokenEndpoint(IntegratedAccount account) {
        URI uri = account.tokenUrl().orElseGet(() -> ZohoCrmDataCenter.of(account.contextString(DATA_CENTER).orElse(null))
                .orElseThrow(() -> new IllegalStateException("account " + account.id() + " has neither token_url nor a data centre"))
                .tokenEndpoint());
        return TokenEndpoint.of(uri, TokenEndpoint.ClientAuthentication.FORM);
    }

    /**
     * The account's API root without a trailing slash: its {@code base_url}, else the root of its data
     * centre ({@code /crm/v8} included).
     */
    static URI apiRoot(IntegratedAccount account) {
        String root = account.baseUrl().map(URI::toString).orElseGet(() -> ZohoCrmDataCenter
                .of(account.contextString(DATA_CENTER).orElse(null))
                .orElseThrow(() -> new IllegalStateException("account " + account.id() + " has no valid data centre"))
                .apiRoot().toString());
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root);
    }
}
