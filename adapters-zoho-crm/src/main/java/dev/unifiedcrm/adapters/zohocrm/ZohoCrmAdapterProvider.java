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
import dev.unifiedcrm.provider.http.ProviderHttp;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Zoho CRM integration ({@code zoho_crm}): deletes and fetches leads through Zoho CRM's REST API
 * v8 (module {@code Leads}). Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account names its Zoho data centre in {@code context.data_center} ({@code com}, {@code eu},
 * {@code in}, {@code com.au}, {@code jp}, {@code ca}, {@code com.cn}, {@code sa}), from which the API
 * root {@code https://www.zohoapis.<data centre>/crm/v8} follows; {@code base_url} replaces that root
 * (Zoho's sandbox and developer hosts, other data centres), and with it {@code data_center} may be left
 * out. Credentials: {@code credentials.access_token}, sent as {@code Authorization: Zoho-oauthtoken
 * <token>} and never refreshed.
 */
public final class ZohoCrmAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("zoho_crm");

    static final String DATA_CENTER = "data_center";
    static final String ACCESS_TOKEN = "access_token";
    private static final Set<String> REFRESH_SET = Set.of("client_id", "client_secret", "refresh_token");

    /**
     * Zoho's two sets. The refresh grant is declared so that its keys are recognised, and refused by
     * {@link #checkAccount} until its token source (budget, Zoho's throttling answers) is wired.
     */
    static final List<CredentialSet> CREDENTIAL_SETS = List.of(
            CredentialSet.staticSecrets(ACCESS_TOKEN),
            new CredentialSet(REFRESH_SET, Set.of("client_secret", "refresh_token"), CredentialSet.Grant.REFRESH_TOKEN));

    /** Zoho's lead ids are 64-bit integers, written without sign or leading zero. */
    static final LeadIdFormat LEAD_ID_FORMAT = LeadIdFormat.POSITIVE_INT64;

    // A token goes into a header verbatim: anything outside visible ASCII would break the request.
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

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
        checkCredentials(account);
        account.baseUrl().ifPresent(ZohoCrmAdapterProvider::checkBaseUrl);
    }

    private static void checkCredentials(IntegratedAccount account) {
        Set<String> names = account.credentials().names();
        if (!names.isEmpty() && REFRESH_SET.containsAll(names)) {
            throw new InvalidAccountException("credentials", "credentials of the refresh grant (client_id,"
                    + " client_secret, refresh_token) are not supported yet for zoho_crm: use credentials.access_token");
        }
        for (String name : names) {
            if (!name.equals(ACCESS_TOKEN)) {
                throw new InvalidAccountException("credentials." + name, "credentials." + name
                        + " is not accepted: zoho_crm takes credentials.access_token (a Zoho OAuth access token)");
            }
        }
        String token = account.credentials().find(ACCESS_TOKEN).orElseThrow(() -> new InvalidAccountException(
                "credentials.access_token", "credentials.access_token is required: a Zoho OAuth access token"));
        if (!TOKEN.matcher(token).matches()) {
            throw new InvalidAccountException("credentials.access_token",
                    "credentials.access_token must be visible ASCII characters without spaces");
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
        var adapter = new ZohoCrmLeadDeletionAdapter(new ProviderHttp("Zoho CRM", leadIdFormat(), settings));
        return new CrmAdapter(adapter, adapter);
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
