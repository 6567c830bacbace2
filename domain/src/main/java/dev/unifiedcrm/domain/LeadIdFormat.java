package dev.unifiedcrm.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exact shape of an integration's lead ids, checked after percent-decoding and before any
 * provider call. Each adapter declares its own; the common shapes are here: {@link #POSITIVE_INT64},
 * {@link #UUID} and {@link #matching(String, String)} for any other exact pattern.
 *
 * <p>Implementations are strict on purpose: {@code Long.parseLong} would accept {@code +5},
 * {@code 007} and non-ASCII digits, {@code UUID.fromString} would accept {@code 1-2-3-4-5}.
 */
public interface LeadIdFormat {

    /** {@code [1-9][0-9]{0,18}}, at most {@value Long#MAX_VALUE}; sent as given. */
    LeadIdFormat POSITIVE_INT64 = new PositiveInt64();

    /** {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} with hex digits of any case; sent lower-case. */
    LeadIdFormat UUID = new Uuid();

    /**
     * Returns the id as it must be sent to the provider, or empty when {@code decodedId} does not
     * have this format exactly. The canonical form of a canonical id is itself.
     */
    Optional<String> canonical(String decodedId);

    /** What an id of this format looks like, with an example, for error messages. */
    String description();

    /**
     * Ids that match {@code regex} as a whole, sent as given (case kept). For example a 3-character
     * key prefix and 12 or 15 letters and digits: {@code matching("00Q[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?",
     * "...")}, or a number with a fixed suffix: {@code matching("[1-9][0-9]{0,18}-leads", "...")}.
     * Dot segments ({@code .}, {@code ..}) never pass, whatever the pattern.
     *
     * @param regex       a {@link Pattern} the whole id must match
     * @param description what a matching id looks like, with an example
     */
    static LeadIdFormat matching(String regex, String description) {
        return new Matching(Pattern.compile(regex), description);
    }

    /** The positive 64-bit integer format, without sign or leading zero. */
    final class PositiveInt64 implements LeadIdFormat {
        private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");
        private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

        private PositiveInt64() {
        }

        @Override
        public Optional<String> canonical(String decodedId) {
            if (decodedId == null || !DIGITS.matcher(decodedId).matches()) {
                return Optional.empty();
            }
            return new BigInteger(decodedId).compareTo(MAX) <= 0 ? Optional.of(decodedId) : Optional.empty();
        }

        @Override
        public String description() {
            return "a positive whole number of ASCII digits 0-9 without sign or leading zero, at most "
                    + Long.MAX_VALUE + " (for example 71234567)";
        }

        @Override
        public String toString() {
            return "positive 64-bit integer";
        }
    }

    /** The UUID format, canonical in lower case. */
    final class Uuid implements LeadIdFormat {
        private static final Pattern UUID_TEXT = Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        private Uuid() {
        }

        @Override
        public Optional<String> canonical(String decodedId) {
            if (decodedId == null || !UUID_TEXT.matcher(decodedId).matches()) {
                return Optional.empty();
            }
            return Optional.of(decodedId.toLowerCase(Locale.ROOT));
        }

        @Override
        public String description() {
            return "a UUID of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx with hex digits"
                    + " (for example 8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90)";
        }

        @Override
        public String toString() {
            return "UUID";
        }
    }

    /** Ids matching a pattern as a whole, kept as given. */
    final class Matching implements LeadIdFormat {
        private final Pattern pattern;
        private final String description;

        private Matching(Pattern pattern, String description) {
            this.pattern = Objects.requireNonNull(pattern, "pattern");
            this.description = Objects.requireNonNull(description, "description");
            if (description.isBlank()) {
                throw new IllegalArgumentException("description must say what an id looks like");
            }
        }

        @Override
        public Optional<String> canonical(String decodedId) {
            if (decodedId == null || decodedId.isEmpty() || LeadId.isDotSegment(decodedId)
                    || !pattern.matcher(decodedId).matches()) {
                return Optional.empty();
            }
            return Optional.of(decodedId);
        }

        @Override
        public String description() {
            return description;
        }

        @Override
        public String toString() {
            return "matching " + pattern.pattern();
        }
    }
}
