package dev.unifiedcrm.domain;

import java.util.Objects;

/**
 * One decoded query parameter to pass to the provider untransformed ({@code remote_query[a][b]=c}
 * arrives as name {@code a[b]}, value {@code c}). Adapters must encode both when building the URL.
 */
public record QueryParameter(String name, String value) {

    public QueryParameter {
        Objects.requireNonNull(name, "query parameter name");
        Objects.requireNonNull(value, "query parameter value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("query parameter name must not be empty");
        }
    }
}
