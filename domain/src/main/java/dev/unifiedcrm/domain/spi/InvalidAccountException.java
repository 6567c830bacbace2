package dev.unifiedcrm.domain.spi;

import java.util.Objects;

/**
 * An account that its adapter cannot use. {@link #field()} names the offending field as in the
 * configuration file ({@code context.pod}, {@code credentials.api_key}); the message says what is
 * accepted and never holds a credential value.
 */
public final class InvalidAccountException extends IllegalArgumentException {

    private final String field;

    public InvalidAccountException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
