package dev.unifiedcrm.adapters.salesforce;

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
 * The Salesforce integration ({@code salesforce}): deletes and fetches leads through the REST API's
 * {@code Lead} sObject. Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account names its org in {@code context.instance_url} (the My Domain URL), optionally
 * {@code context.api_version} (default {@code 64.0}), or gives the whole API root as
 * {@code base_url}. Its credentials are exactly {@code access_token}, sent as
 * {@code Authorization: Bearer ...} and never refreshed. The OAuth sets Salesforce offers
 * (client credentials, refresh token, JWT bearer) are recognised and refused as not supported yet.
 *
 * <p>No default pacing: Salesforce's only limit is a rolling daily allocation per org, not a rate.
 */
public final class SalesforceAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("salesforce");

    static final String ACCESS_TOKEN = "access_token";

    private static final Set<String> STATIC_SET = Set.of(ACCESS_TOKEN);
    private static final List<Set<String>> OAUTH_SETS = List.of(
            Set.of("client_id", "client_secret"),
            Set.of("client_id", "client_secret", "refresh_token"),
            Set.of("client_id", "username", "private_key"));
    private static final Set<String> JWT_BEARER_SET = OAUTH_SETS.get(2);

    /**
     * The static set and Salesforce's three OAuth sets. The OAuth sets are declared so that their keys
     * are recognised, and refused by {@link #checkAccount} until their token sources are wired.
     */
    static final List<CredentialSet> CREDENTIAL_SETS = List.of(
            CredentialSet.staticSecrets(ACCESS_TOKEN),
            new CredentialSet(OAUTH_SETS.get(0), Set.of("client_secret"), CredentialSet.Grant.CLIENT_CREDENTIALS),
            new CredentialSet(OAUTH_SETS.get(1), Set.of("client_secret", "refresh_token"), CredentialSet.Grant.REFRESH_TOKEN),
            new CredentialSet(JWT_BEARER_SET, Set.of("private_key"), CredentialSet.Grant.JWT_BEARER));

    // A token goes into a header verbatim: anything outside visible ASCII would break the request.
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

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
        Set<String> names = new TreeSet<>(account.credentials().names());
        SalesforceAccountContext.of(account, names.equals(JWT_BEARER_SET));
        if (OAUTH_SETS.contains(names)) {
            throw new InvalidAccountException("credentials", "credentials " + names + " are Salesforce's OAuth"
                    + " credential set, which is not supported yet: give credentials.access_token (a Salesforce"
                    + " access token, sent as it is) instead");
        }
        if (!names.equals(STATIC_SET)) {
            String field = names.stream().filter(name -> !STATIC_SET.contains(name)).findFirst()
                    .map(name -> "credentials." + name).orElse("credentials.access_token");
            throw new InvalidAccountException(field, "salesforce credentials must be exactly credentials.access_token"
                    + " (a Salesforce access token); they hold " + names);
        }
        String token = account.credentials().require(ACCESS_TOKEN);
        if (!TOKEN.matcher(token).matches()) {
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
        var adapter = new SalesforceLeadDeletionAdapter(new ProviderHttp("Salesforce", LEAD_ID_FORMAT, settings));
        return new CrmAdapter(adapter, adapter);
    }
}
