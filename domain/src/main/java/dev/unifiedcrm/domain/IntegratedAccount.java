package dev.unifiedcrm.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's account in one CRM: which integration, the context the provider needs to find it
 * (a {@code pod}, a {@code space_id}, as each adapter names them), an optional API
 * root that overrides the derived one, the pacing of calls, the credentials, and an optional OAuth
 * token endpoint that overrides the derived one.
 *
 * <p>{@code baseUrl} and {@code tokenUrl} must be {@code https}, or {@code http} to a loopback host only: a secret is
 * never sent in clear over a network.
 */
public record IntegratedAccount(
        IntegratedAccountId id,
        Integration integration,
        Map<String, String> context,
        Optional<URI> baseUrl,
        Pacing pacing,
        Credentials credentials,
        Optional<URI> tokenUrl) {

    public IntegratedAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(integration, "integration");
        context = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(context, "context")));
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl.ifPresent(IntegratedAccount::checkBaseUrl);
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        tokenUrl.ifPresent(url -> checkUrl(url, "token_url"));
    }

    /** An account without a {@code token_url}: its OAuth token endpoint, if any, is the derived one. */
    public IntegratedAccount(IntegratedAccountId id, Integration integration, Map<String, String> context,
                             Optional<URI> baseUrl, Pacing pacing, Credentials credentials) {
        this(id, integration, context, baseUrl, pacing, credentials, Optional.empty());
    }

    /** @throws IllegalArgumentException saying what a base URL may be */
    public static void checkBaseUrl(URI url) {
        checkUrl(url, "base_url");
    }

    /** @throws IllegalArgumentException saying what a {@code token_url} may be */
    public static void checkTokenUrl(URI url) {
        checkUrl(url, "token_url");
    }

    private static void checkUrl(URI url, String field) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(field + " must be an absolute http(s) URL without query or fragment");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(url.getHost())) {
            return;
        }
        throw new IllegalArgumentException(
                field + " must use https, or http to a loopback host (localhost, 127.0.0.0/8, [::1])");
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: a name other than localhost would need a DNS lookup, whose answer can change.
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
