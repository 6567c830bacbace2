package dev.unifiedcrm.adapters.pipedrive;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CredentialSet;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.provider.http.ProviderHttp;

import java.net.URI;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Pipedrive integration ({@code pipedrive}): deletes and fetches leads through API v1 (lead CRUD
 * exists only there). Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account names its company with {@code context.company_domain} ({@code acme} for
 * {@code acme.pipedrive.com}; not needed when {@code base_url} is set), and holds
 * {@code credentials.api_token}, a user's personal API token, sent in the {@code x-api-token} header
 * and never in the query string.
 */
public final class PipedriveAdapterProvider implements CrmAdapterProvider {

    static final Integration INTEGRATION = new Integration("pipedrive");

    static final String API_TOKEN = "api_token";
    private static final Set<String> REFRESH_GRANT = Set.of("client_id", "client_secret", "refresh_token");

    // A token goes into a header verbatim: anything outside visible ASCII would break the request.
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

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
        // The refresh-token set is recognised by checkAccount and refused as not supported yet.
        return List.of(CredentialSet.staticSecrets(API_TOKEN));
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
        Set<String> names = account.credentials().names();
        if (!names.isEmpty() && REFRESH_GRANT.containsAll(names)) {
            String field = "credentials." + names.stream().sorted().findFirst().orElseThrow();
            throw new InvalidAccountException(field, "credentials {client_id, client_secret, refresh_token} (Pipedrive's"
                    + " OAuth refresh grant) are not supported yet by this version; use credentials.api_token,"
                    + " a user's personal API token");
        }
        for (String name : names) {
            if (!name.equals(API_TOKEN)) {
                throw new InvalidAccountException("credentials." + name, "credentials." + name + " is not accepted:"
                        + " pipedrive takes credentials.api_token (a user's personal API token)");
            }
        }
        String token = account.credentials().find(API_TOKEN).orElseThrow(() -> new InvalidAccountException(
                "credentials.api_token", "credentials.api_token is required: a Pipedrive user's personal API token"));
        if (!TOKEN.matcher(token).matches()) {
            throw new InvalidAccountException("credentials.api_token",
                    "credentials.api_token must be visible ASCII characters without spaces");
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
        var adapter = new PipedriveLeadDeletionAdapter(new ProviderHttp("Pipedrive", leadIdFormat(), settings));
        return new CrmAdapter(adapter, adapter);
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
