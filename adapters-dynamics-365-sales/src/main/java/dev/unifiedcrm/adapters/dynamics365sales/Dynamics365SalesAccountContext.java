package dev.unifiedcrm.adapters.dynamics365sales;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.spi.InvalidAccountException;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Dynamics 365 Sales account's {@code context}, checked and normalised, and the addresses derived
 * from it: the API root, the OAuth scope and the Entra ID token endpoint of a tenant.
 *
 * @param orgUrl the environment URL in lower case without a trailing {@code /}; null when the account
 *               gives {@code base_url} instead
 */
record Dynamics365SalesAccountContext(String orgUrl) {

    static final String API_PATH = "/api/data/v9.2";

    private static final Pattern ENVIRONMENT = Pattern.compile(
            "https://[a-z0-9]([a-z0-9-]*[a-z0-9])?\\.crm[0-9]{0,2}\\.dynamics\\.com/?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TENANT_GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TENANT_DOMAIN = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

    /**
     * @throws InvalidAccountException naming the first offending {@code context.*} key and what it accepts
     */
    static Dynamics365SalesAccountContext of(IntegratedAccount account) {
        account.context().keySet().stream().filter(key -> !key.equals("org_url")).sorted().findFirst()
                .ifPresent(key -> {
                    throw new InvalidAccountException("context." + key, "context." + key + " is not accepted:"
                            + " dynamics_365_sales accounts take only context.org_url (the tenant is in the credentials)");
                });
        String orgUrl = account.contextString("org_url").orElse(null);
        if (orgUrl == null) {
            if (account.baseUrl().isEmpty()) {
                throw new InvalidAccountException("context.org_url", "context.org_url is required (unless base_url is"
                        + " given): the environment URL, for example https://contoso.crm4.dynamics.com");
            }
            return new Dynamics365SalesAccountContext(null);
        }
        if (!ENVIRONMENT.matcher(orgUrl).matches()) {
            throw new InvalidAccountException("context.org_url", "context.org_url must be the environment URL:"
                    + " https://<org>.crm.dynamics.com or a regional crm2, crm4, ... host, with nothing after the host"
                    + " (for example https://contoso.crm4.dynamics.com)");
        }
        String normalised = orgUrl.toLowerCase(Locale.ROOT);
        return new Dynamics365SalesAccountContext(normalised.endsWith("/")
                ? normalised.substring(0, normalised.length() - 1)
                : normalised);
    }

    /** {@code base_url} when given, else {@code {org_url}/api/data/v9.2}; no trailing {@code /}. */
    URI apiRoot(Optional<URI> baseUrl) {
        String root = baseUrl.map(URI::toString).orElse(orgUrl + API_PATH);
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root);
    }

    /**
     * {@code {org_url}/.default}; without {@code org_url}, the origin of {@code base_url} + {@code /.default}
     * (a token is valid for one environment only).
     */
    String scope(Optional<URI> baseUrl) {
        if (orgUrl != null) {
            return orgUrl + "/.default";
        }
        URI base = baseUrl.orElseThrow(() -> new IllegalStateException("an account without org_url has a base_url"));
        String origin = base.getScheme().toLowerCase(Locale.ROOT) + "://" + base.getRawAuthority().toLowerCase(Locale.ROOT);
        return origin + "/.default";
    }

    /**
     * Entra ID's token endpoint of the tenant: {@code https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token},
     * a tenant UUID in lower case.
     *
     * @throws InvalidAccountException when {@code tenantId} is neither a UUID nor a domain (the message never shows it)
     */
    static URI tokenEndpoint(String tenantId) {
        return URI.create("https://login.microsoftonline.com/" + tenant(tenantId) + "/oauth2/v2.0/token");
    }

    /** The tenant as sent: a UUID in lower case, or a verified domain as given. */
    static String tenant(String tenantId) {
        if (TENANT_GUID.matcher(tenantId).matches()) {
            return tenantId.toLowerCase(Locale.ROOT);
        }
        if (TENANT_DOMAIN.matcher(tenantId).matches()) {
            return tenantId;
        }
        throw new InvalidAccountException("credentials.tenant_id", "credentials.tenant_id must be the directory's"
                + " UUID or a verified domain such as contoso.onmicrosoft.com (letters, digits, '-', at least one dot)");
    }

    /**
     * @throws InvalidAccountException when {@code clientId} is not a UUID (the message never shows it)
     */
    static void checkClientId(String clientId) {
        if (!TENANT_GUID.matcher(clientId).matches()) {
            throw new InvalidAccountException("credentials.client_id",
                    "credentials.client_id must be the app registration's application (client) id, a UUID");
        }
    }
}
