package dev.unifiedcrm.adapters.salesforce;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.spi.InvalidAccountException;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Salesforce account's {@code context}, checked and normalised, and the addresses derived from it.
 *
 * @param instanceUrl the org's My Domain URL in lower case without a trailing {@code /}; null when the
 *                    account gives {@code base_url} instead
 * @param apiVersion  {@code 64.0} unless the account names another
 * @param loginUrl    the JWT audience; null unless the account uses the JWT-bearer set
 */
record SalesforceAccountContext(String instanceUrl, String apiVersion, String loginUrl) {

    static final String DEFAULT_API_VERSION = "64.0";
    static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";

    private static final Set<String> KEYS = Set.of("instance_url", "api_version", "login_url");
    private static final Pattern MY_DOMAIN = Pattern.compile(
            "https://([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+(salesforce|force)\\.com/?", Pattern.CASE_INSENSITIVE);
    private static final Set<String> LOGIN_HOSTS = Set.of("login.salesforce.com", "test.salesforce.com");
    private static final Pattern API_VERSION = Pattern.compile("[0-9]{2,3}\\.0");
    private static final Set<String> LOGIN_URLS = Set.of(DEFAULT_LOGIN_URL, "https://test.salesforce.com");

    /**
     * @param account    a {@code salesforce} account
     * @param jwtBearer  whether its credentials are the JWT-bearer set (the only one that takes {@code login_url})
     * @throws InvalidAccountException naming the first offending {@code context.*} key and what it accepts
     */
    static SalesforceAccountContext of(IntegratedAccount account, boolean jwtBearer) {
        account.context().keySet().stream().filter(key -> !KEYS.contains(key)).sorted().findFirst().ifPresent(key -> {
            throw new InvalidAccountException("context." + key, "context." + key
                    + " is not accepted: salesforce accounts take context.instance_url, context.api_version and,"
                    + " with the JWT-bearer credentials, context.login_url");
        });
        String instanceUrl = account.contextString("instance_url").orElse(null);
        if (instanceUrl == null && account.baseUrl().isEmpty()) {
            throw new InvalidAccountException("context.instance_url", "context.instance_url is required (unless"
                    + " base_url is given): the org's My Domain URL, for example https://acme.my.salesforce.com");
        }
        String apiVersion = account.contextString("api_version").orElse(DEFAULT_API_VERSION);
        if (!API_VERSION.matcher(apiVersion).matches()) {
            throw new InvalidAccountException("context.api_version", "context.api_version must be a REST API version"
                    + " such as \"64.0\" (two or three digits, then .0)");
        }
        String loginUrl = account.contextString("login_url").orElse(null);
        if (loginUrl != null && !jwtBearer) {
            throw new InvalidAccountException("context.login_url", "context.login_url is accepted only with the"
                    + " JWT-bearer credentials (client_id, username, private_key)");
        }
        if (loginUrl != null && !LOGIN_URLS.contains(loginUrl)) {
            throw new InvalidAccountException("context.login_url", "context.login_url must be exactly"
                    + " https://login.salesforce.com or https://test.salesforce.com (sandboxes)");
        }
        return new SalesforceAccountContext(instanceUrl == null ? null : myDomain(instanceUrl), apiVersion,
                jwtBearer ? (loginUrl == null ? DEFAULT_LOGIN_URL : loginUrl) : null);
    }

    private static String myDomain(String url) {
        if (!MY_DOMAIN.matcher(url).matches()) {
            throw new InvalidAccountException("context.instance_url", "context.instance_url must be the org's My"
                    + " Domain URL: https:// and a salesforce.com or force.com host, with nothing after the host"
                    + " (for example https://acme.my.salesforce.com)");
        }
        String normalised = url.toLowerCase(Locale.ROOT);
        if (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        String host = normalised.substring("https://".length());
        if (LOGIN_HOSTS.contains(host)) {
            throw new InvalidAccountException("context.instance_url", "context.instance_url must be the org's My"
                    + " Domain URL, not the login host " + host + " (for example https://acme.my.salesforce.com)");
        }
        if (host.endsWith(".lightning.force.com")) {
            throw new InvalidAccountException("context.instance_url", "context.instance_url must be the org's My"
                    + " Domain URL, not its Lightning host, which redirects every API call"
                    + " (for example https://acme.my.salesforce.com)");
        }
        return normalised;
    }

    /** {@code base_url} when given, else {@code {instance_url}/services/data/v{api_version}}; no trailing {@code /}. */
    URI apiRoot(Optional<URI> baseUrl) {
        String root = baseUrl.map(URI::toString).orElse(instanceUrl + "/services/data/v" + apiVersion);
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root);
    }

    /** {@code {instance_url}/services/oauth2/token}; empty without {@code instance_url} (then {@code token_url} must be given). */
    Optional<URI> tokenEndpoint() {
        return Optional.ofNullable(instanceUrl).map(url -> URI.create(url + "/services/oauth2/token"));
    }
}
