package dev.unifiedcrm.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An account's secrets by name ({@code api_key}, {@code username}, {@code password},
 * {@code access_token}, ...). Never prints its values: {@link #toString()} is {@code ***}.
 */
public final class Credentials {

    private final Map<String, String> secrets;

    private Credentials(Map<String, String> secrets) {
        this.secrets = secrets;
    }

    /** @throws IllegalArgumentException when a name or value is null or empty (the message names only the key) */
    public static Credentials of(Map<String, String> secrets) {
        Objects.requireNonNull(secrets, "credentials");
        var copy = new LinkedHashMap<String, String>();
        secrets.forEach((name, value) -> {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("credential names must not be empty");
            }
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("credential '" + name + "' must not be empty");
            }
            copy.put(name, value);
        });
        return new Credentials(Collections.unmodifiableMap(copy));
    }

    public Optional<String> find(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /** @throws IllegalStateException naming the missing credential (never a value) */
    public String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("credential '" + name + "' is missing"));
    }

    public Set<String> names() {
        return secrets.keySet();
    }

    @Override
    public String toString() {
        return "***";
    }
}
