package dev.unifiedcrm.domain;

import dev.unifiedcrm.domain.spi.InvalidAccountException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's account in one CRM: which integration, the context the provider needs to find it
 * (a {@code pod}, a {@code space_id}, as each adapter names them), an optional API
 * root that overrides the derived one, the pacing of calls, and the credentials.
 *
 * <p>{@code context} values are plain JSON values, as in a configuration file: {@code String},
 * {@code Number}, {@code Boolean}, {@code List} and {@code Map} (string keys) of such values, nested
 * lists and maps may hold {@code null}; a top-level value may not (leave the key out instead). The map
 * and everything inside it are copied into unmodifiable collections that keep their order. Most keys
 * hold a string: read them with {@link #contextString(String)}.
 *
 * <p>{@code baseUrl} must be {@code https}, or {@code http} to a loopback host only: a secret is
 * never sent in clear over a network.
 */
public record IntegratedAccount(
        IntegratedAccountId id,
        Integration integration,
        Map<String, ?> context,
        Optional<URI> baseUrl,
        Pacing pacing,
        Credentials credentials) {

    public IntegratedAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(integration, "integration");
        context = copyContext(Objects.requireNonNull(context, "context"));
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl.ifPresent(IntegratedAccount::checkBaseUrl);
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The value of a context key that holds a string.
     *
     * @return the string, or empty when the key is absent
     * @throws InvalidAccountException naming the field ({@code context.<key>}) when the key holds
     *                                 another JSON value (a number, an object, ...)
     */
    public Optional<String> contextString(String key) {
        Object value = context.get(key);
        if (value == null || value instanceof String) {
            return Optional.ofNullable((String) value);
        }
        throw new InvalidAccountException("context." + key, "context." + key + " must be a string, was "
                + jsonType(value));
    }

    private static Map<String, Object> copyContext(Map<String, ?> context) {
        var copy = new LinkedHashMap<String, Object>();
        context.forEach((key, value) -> {
            Objects.requireNonNull(key, "context key");
            if (value == null) {
                throw new IllegalArgumentException("context." + key + " must not be null: leave the key out instead");
            }
            copy.put(key, jsonValue(value, "context." + key));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object jsonValue(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
                throw new IllegalArgumentException(path + " must be a finite number");
            }
            return number;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, inner) -> {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException(path + " must have string keys");
                }
                copy.put(name, jsonValue(inner, path + "." + name));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(jsonValue(list.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException(path + " must be a JSON value (string, number, boolean, list or map), was "
                + value.getClass().getSimpleName());
    }

    private static String jsonType(Object value) {
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof Map ? "an object" : "an array";
    }

    /** @throws IllegalArgumentException saying what a base URL may be */
    public static void checkBaseUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("base_url must be an absolute http(s) URL without query or fragment");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(url.getHost())) {
            return;
        }
        throw new IllegalArgumentException(
                "base_url must use https, or http to a loopback host (localhost, 127.0.0.0/8, [::1])");
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
