package dev.unifiedcrm.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exact shape a provider's lead id must have, checked after percent-decoding and before any
 * provider call. Patterns are strict on purpose: {@code Long.parseLong} would accept {@code +5},
 * {@code 007} and non-ASCII digits, {@code UUID.fromString} would accept {@code 1-2-3-4-5}.
 */
public enum LeadIdFormat {

    /** {@code [1-9][0-9]{0,18}}, at most {@value Long#MAX_VALUE}; sent as given. */
    POSITIVE_INT64("a positive whole number of ASCII digits 0-9 without sign or leading zero, at most "
            + Long.MAX_VALUE + " (for example 71234567)") {
        private final Pattern digits = Pattern.compile("[1-9][0-9]{0,18}");
        private final BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);

        @Override
        public Optional<String> canonical(String decodedId) {
            if (decodedId == null || !digits.matcher(decodedId).matches()) {
                return Optional.empty();
            }
            return new BigInteger(decodedId).compareTo(max) <= 0 ? Optional.of(decodedId) : Optional.empty();
        }
    },

    /** {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} with hex digits of any case; sent lower-case. */
    UUID("a UUID of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx with hex digits"
            + " (for example 8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90)") {
        @Override
        public Optional<String> canonical(String decodedId) {
            return CanonicalUuid.of(decodedId);
        }
    };

    private final String description;

    LeadIdFormat(String description) {
        this.description = description;
    }

    /**
     * Returns the id as it must be sent to the provider, or empty when {@code decodedId} does not
     * have this format exactly.
     */
    public abstract Optional<String> canonical(String decodedId);

    /** What an id of this format looks like, for error messages. */
    public String description() {
        return description;
    }

    static final class CanonicalUuid {
        private static final Pattern UUID_TEXT = Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        private CanonicalUuid() {
        }

        static Optional<String> of(String text) {
            if (text == null || !UUID_TEXT.matcher(text).matches()) {
                return Optional.empty();
            }
            return Optional.of(text.toLowerCase(Locale.ROOT));
        }
    }
}
