package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.ProviderAnswer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The provider's rate-limit headers, normalized: {@code ratelimit-limit}, {@code ratelimit-remaining},
 * {@code ratelimit-reset} (seconds until the window resets) from {@code X-RateLimit-*} or
 * {@code RateLimit-*}, else from what the adapter read from the provider's own headers
 * ({@link ProviderAnswer#rateLimit()}), and {@code retry-after} passed on unchanged.
 */
public final class RateLimitHeaders {

    /** A reset above this is epoch seconds, not a delay. */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern SAFE_VALUE = Pattern.compile("[\\x20-\\x7e]{1,256}");

    private RateLimitHeaders() {
    }

    /** Ordered lower-case headers to add to the answer; empty when the provider sent none. */
    public static Map<String, String> from(ProviderAnswer answer, Instant now) {
        var headers = new LinkedHashMap<String, String>();
        wholeNumber(answer, "limit").ifPresent(value -> headers.put("ratelimit-limit", value));
        wholeNumber(answer, "remaining").ifPresent(value -> headers.put("ratelimit-remaining", value));
        wholeNumber(answer, "reset").ifPresent(value -> headers.put("ratelimit-reset", secondsUntilReset(value, now)));
        answer.header("retry-after")
                .map(String::trim)
                .filter(value -> SAFE_VALUE.matcher(value).matches())
                .ifPresent(value -> headers.put("retry-after", value));
        return headers;
    }

    private static Optional<String> wholeNumber(ProviderAnswer answer, String suffix) {
        return answer.header("x-ratelimit-" + suffix)
                .or(() -> answer.header("ratelimit-" + suffix))
                .map(String::trim)
                .filter(value -> WHOLE_NUMBER.matcher(value).matches())
                .or(() -> Optional.ofNullable(answer.rateLimit().get("ratelimit-" + suffix)))
                .map(value -> String.valueOf(Long.parseLong(value)));
    }

    private static String secondsUntilReset(String reset, Instant now) {
        long value = Long.parseLong(reset);
        if (value <= EPOCH_THRESHOLD) {
            return String.valueOf(value);
        }
        return String.valueOf(Math.max(0, value - now.getEpochSecond()));
    }
}
