package dev.unifiedcrm.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The id of an integrated account: a UUID, held lower-case so that ids match case-insensitively.
 */
public record IntegratedAccountId(String value) {

    public IntegratedAccountId {
        Objects.requireNonNull(value, "integrated account id");
        if (!LeadIdFormat.UUID.canonical(value).filter(value::equals).isPresent()) {
            throw new IllegalArgumentException(
                    "integrated account id must be a lower-case UUID; use IntegratedAccountId.parse");
        }
    }

    /** Parses a UUID of any case ({@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}); empty when it is not one. */
    public static Optional<IntegratedAccountId> parse(String text) {
        return LeadIdFormat.UUID.canonical(text).map(IntegratedAccountId::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
