package dev.unifiedcrm.adapters.zohocrm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an answer of Zoho Accounts' token endpoint to the refresh grant. Zoho refuses a grant with
 * HTTP 200 and an OAuth {@code error} ({@code invalid_code} for a bad or revoked refresh token,
 * {@code invalid_client} for a wrong client), and throttles with {@code "status": "failure"} or
 * {@code "error": "Access Denied"} (HTTP 400 or 200). The refresh grant never returns a new refresh
 * token: nothing rotates. Server errors, timeouts and HTTP 429 are the token source's generic rules.
 */
final class ZohoCrmTokenAnswerReader {

    sealed interface TokenReading {
        /** A fresh access token; {@code lifetime} empty when Zoho gave none. */
        record Token(String accessToken, Optional<Duration> lifetime) implements TokenReading {
            @Override
            public String toString() {
                return "Token[accessToken=***, lifetime=" + lifetime + "]";
            }
        }

        /**
         * The grant was refused: the account must be connected again. {@code errorDescription} is the
         * endpoint's own, empty when it gave none.
         */
        record Refused(Optional<String> error, Optional<String> errorDescription) implements TokenReading {
        }

        /**
         * Zoho throttles this refresh token: 429, not remote, {@code Retry-After} 60 s; the
         * credentials are fine. {@code message} is Zoho's {@code error_description} (possibly localised).
         */
        record Throttled(String message) implements TokenReading {
        }
    }

    static final Duration THROTTLED_RETRY_AFTER = Duration.ofSeconds(60);

    private ZohoCrmTokenAnswerReader() {
    }

    /**
     * @param status the HTTP status, below 500 and not 429 (those follow the generic token rules)
     * @param body   the body as plain JSON values, or null when it is not JSON
     */
    static TokenReading read(int status, Object body) {
        Map<?, ?> object = body instanceof Map<?, ?> map ? map : Map.of();
        Optional<String> error = text(object.get("error"));
        Optional<String> description = text(object.get("error_description"));
        if ("failure".equals(object.get("status")) || error.filter("Access Denied"::equals).isPresent()) {
            return new TokenReading.Throttled(description.orElse("Zoho is throttling token requests for this account"));
        }
        if (status >= 200 && status < 300 && error.isEmpty()
                && object.get("access_token") instanceof String token && !token.isEmpty()) {
            return new TokenReading.Token(token, lifetime(object));
        }
        return new TokenReading.Refused(error, description);
    }

    /** {@code expires_in_sec} when present (Zoho then gives {@code expires_in} in milliseconds), else {@code expires_in} in seconds. */
    private static Optional<Duration> lifetime(Map<?, ?> answer) {
        Object seconds = answer.containsKey("expires_in_sec") ? answer.get("expires_in_sec") : answer.get("expires_in");
        if (!(seconds instanceof Number number)) {
            return Optional.empty();
        }
        BigDecimal exact = new BigDecimal(number.toString());
        if (exact.signum() <= 0 || exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(exact.movePointRight(3).longValue()));
    }

    private static Optional<String> text(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }
}
