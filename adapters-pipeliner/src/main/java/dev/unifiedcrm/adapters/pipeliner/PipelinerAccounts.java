package dev.unifiedcrm.adapters.pipeliner;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.spi.InvalidAccountException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a Pipeliner account must hold (its configuration keys) and the API root it leads to.
 * Messages name the field and what is accepted, never a value: a service URL could hold userinfo.
 */
final class PipelinerAccounts {

    static final String SERVICE_URL = "service_url";
    static final String SPACE_ID = "space_id";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    private static final Set<String> CONTEXT_KEYS = Set.of(SERVICE_URL, SPACE_ID);
    private static final Set<String> CREDENTIAL_NAMES = Set.of(USERNAME, PASSWORD);
    private static final Pattern SPACE_ID_FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String API_PATH = "/api/v100/rest/spaces/";

    private PipelinerAccounts() {
    }

    /** @throws InvalidAccountException naming the first offending field */
    static void check(IntegratedAccount account) {
        if (!PipelinerAdapterProvider.INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "integration must be " + PipelinerAdapterProvider.INTEGRATION + " for the Pipeliner adapter");
        }
        for (String key : account.context().keySet()) {
            if (!CONTEXT_KEYS.contains(key)) {
                throw new InvalidAccountException("context." + key,
                        "context." + key + " is not a Pipeliner setting; accepted: context.service_url, context.space_id");
            }
        }
        for (String name : account.credentials().names()) {
            if (!CREDENTIAL_NAMES.contains(name)) {
                throw new InvalidAccountException("credentials." + name,
                        "credentials." + name + " is not a Pipeliner credential; accepted: credentials.username, credentials.password");
            }
        }
        String serviceUrl = account.contextString(SERVICE_URL).orElse(null);
        if (serviceUrl == null && account.baseUrl().isEmpty()) {
            throw new InvalidAccountException("context.service_url",
                    "context.service_url is required (the https service URL from Pipeliner's \"Show API Access\" page) unless base_url is set");
        }
        if (serviceUrl != null && serviceUri(serviceUrl) == null) {
            throw new InvalidAccountException("context.service_url",
                    "context.service_url must be an absolute https URL with a host and no user info, query or fragment"
                            + " (for example https://eu-central.api.pipelinersales.com)");
        }
        String spaceId = account.contextString(SPACE_ID).orElse(null);
        if (spaceId == null && account.baseUrl().isEmpty()) {
            throw new InvalidAccountException("context.space_id",
                    "context.space_id is required unless base_url is set: 1 to 64 of the characters A-Z a-z 0-9 _ -");
        }
        if (spaceId != null && !SPACE_ID_FORMAT.matcher(spaceId).matches()) {
            throw new InvalidAccountException("context.space_id",
                    "context.space_id must be 1 to 64 of the characters A-Z a-z 0-9 _ -");
        }
        for (String name : new String[] {USERNAME, PASSWORD}) {
            if (account.credentials().find(name).isEmpty()) {
                throw new InvalidAccountException("credentials." + name,
                        "credentials." + name + " is required (from the API application in Pipeliner's \"Show API Access\" page)");
            }
        }
    }

    /**
     * The account's API root without a trailing slash: its {@code base_url}, else
     * {@code {service_url}/api/v100/rest/spaces/{space_id}}.
     *
     * @throws IllegalArgumentException when the account was not checked and has neither
     */
    static URI apiRoot(IntegratedAccount account) {
        if (account.baseUrl().isPresent()) {
            return URI.create(withoutTrailingSlashes(account.baseUrl().get().toString()));
        }
        String serviceUrl = account.contextString(SERVICE_URL).orElse(null);
        String spaceId = account.contextString(SPACE_ID).orElse(null);
        if (serviceUrl == null || serviceUri(serviceUrl) == null
                || spaceId == null || !SPACE_ID_FORMAT.matcher(spaceId).matches()) {
            throw new IllegalArgumentException("the Pipeliner account has no usable context.service_url and context.space_id");
        }
        return URI.create(withoutTrailingSlashes(serviceUrl) + API_PATH + spaceId);
    }

    private static URI serviceUri(String text) {
        try {
            URI uri = new URI(text);
            boolean https = uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
            if (!https || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String withoutTrailingSlashes(String url) {
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
