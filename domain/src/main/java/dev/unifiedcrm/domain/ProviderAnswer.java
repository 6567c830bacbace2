package dev.unifiedcrm.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider answered, as it came: status, headers (names lower-case, values in order),
 * {@code Content-Type} (null when it sent none), the body bytes, and the body as parsed by the
 * adapter. {@code body} is at most the adapter's size limit: a larger one is a
 * {@link ProviderContractBreach}.
 *
 * <p>{@code rateLimit} holds what the adapter read from rate-limit headers of the provider's own
 * (names that the generic {@code X-RateLimit-*} / {@code RateLimit-*} reading does not know):
 * some of {@value #RATE_LIMIT_LIMIT}, {@value #RATE_LIMIT_REMAINING} and {@value #RATE_LIMIT_RESET}
 * (seconds until the window resets), each a whole number. Empty for most providers; the headers
 * themselves stay as they came.
 */
public record ProviderAnswer(
        int status,
        Map<String, List<String>> headers,
        String contentType,
        byte[] body,
        RemoteBody parsedBody,
        Map<String, String> rateLimit) {

    public static final String RATE_LIMIT_LIMIT = "ratelimit-limit";
    public static final String RATE_LIMIT_REMAINING = "ratelimit-remaining";
    public static final String RATE_LIMIT_RESET = "ratelimit-reset";

    private static final java.util.Set<String> RATE_LIMIT_NAMES =
            java.util.Set.of(RATE_LIMIT_LIMIT, RATE_LIMIT_REMAINING, RATE_LIMIT_RESET);
    private static final java.util.regex.Pattern WHOLE_NUMBER = java.util.regex.Pattern.compile("[0-9]{1,18}");

    /** An answer without figures from provider-specific rate-limit headers. */
    public ProviderAnswer(int status, Map<String, List<String>> headers, String contentType, byte[] body,
                          RemoteBody parsedBody) {
        this(status, headers, contentType, body, parsedBody, Map.of());
    }

    public ProviderAnswer {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit HTTP status, was " + status);
        }
        Objects.requireNonNull(headers, "headers");
        var lowerCase = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, values) -> lowerCase.merge(
                name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> concat(a, b)));
        headers = Collections.unmodifiableMap(lowerCase);
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(parsedBody, "parsedBody");
        Objects.requireNonNull(rateLimit, "rateLimit");
        rateLimit.forEach((name, value) -> {
            if (!RATE_LIMIT_NAMES.contains(name)) {
                throw new IllegalArgumentException("rateLimit names must be " + RATE_LIMIT_NAMES + ", was " + name);
            }
            if (value == null || !WHOLE_NUMBER.matcher(value).matches()) {
                throw new IllegalArgumentException("rateLimit values must be whole numbers, " + name + " was " + value);
            }
        });
        rateLimit = Collections.unmodifiableMap(new LinkedHashMap<>(rateLimit));
    }

    /** This answer with {@code rateLimit} read from the provider's own rate-limit headers. */
    public ProviderAnswer withRateLimit(Map<String, String> rateLimit) {
        return new ProviderAnswer(status, headers, contentType, body, parsedBody, rateLimit);
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new java.util.ArrayList<String>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
