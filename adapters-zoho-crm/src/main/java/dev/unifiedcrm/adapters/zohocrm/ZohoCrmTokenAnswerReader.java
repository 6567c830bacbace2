package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.provider.http.TokenAnswer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an answer of Zoho Accounts' token endpoint to the refresh grant. Zoho refuses a grant with
 * HTTP 200 and an OAuth {@code error} ({@code invalid_code} for a bad or revoked refresh token,
 * {@code invalid_client} for a wrong client), and throttles with {@code "status": "failure"} or
 * {@code "error": "Access Denied"} (HTTP 400 or 200). The refresh grant never returns a new refresh
 * token: nothing rotates. {@code api_domain} is not read: the account's configuration decides where
 * calls go. Server errors, timeouts, redirects and HTTP 429 are the token source's generic rules.
 */
final class ZohoCrmTokenAnswerReader {

    static final Duration THROTTLED_RETRY_AFTER = Duration.ofSeconds(60);

    private ZohoCrmTokenAnswerReader() {
    }

    /**
     * @param status the HTTP status, below 500 and not 429 (those follow the generic token rules)
     * @param body   the body as plain JSON values, or null when it is not JSON
     */
    static TokenAnswer read(int status, Object body) {
        Map<?, ?> object = body instanceof Map<?, ?> map ? map : Map.of();
        Optional<String> error = text(object.get("error"));
        Optional<String> description = text(object.get("error_description"));
        if ("failure".equals(object.get("status")) || error.filter("Access Denied"::equals).isPresent()) {
            // The service ends the sentence itself.
            String message = description.map(text -> text.endsWith(".") ? text.substring(0, text.length() - 1) : text)
                    .orElse("Zoho is throttling the token requests of this account");
            return new TokenAnswer.Throttled(message, THROTTLED_RETRY_AFTER);
        }
        if (status >= 200 && status < 300 && error.isEmpty()
                && object.get("access_token") instanceof String token && !token.isEmpty()) {
            return new TokenAnswer.Issued(token, lifetime(object), Optional.empty());
        }
        return new TokenAnswer.Refused(error, description);
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
