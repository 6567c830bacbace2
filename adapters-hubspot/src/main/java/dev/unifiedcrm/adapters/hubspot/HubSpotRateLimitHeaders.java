package dev.unifiedcrm.adapters.hubspot;

import dev.unifiedcrm.domain.ProviderAnswer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * HubSpot's own rate-limit headers onto the unified ones: {@code X-HubSpot-RateLimit-Max} (the
 * 10-second window's allowance) is {@code ratelimit-limit}, {@code X-HubSpot-RateLimit-Remaining}
 * is {@code ratelimit-remaining}. There is no {@code ratelimit-reset}: HubSpot gives the window's
 * length ({@code -Interval-Milliseconds}), not the time left in it. The daily pair
 * ({@code -Daily}, {@code -Daily-Remaining}) describes another window and is not mapped, nor are
 * the deprecated {@code -Secondly} ones. A value that is not a whole number is left out.
 */
final class HubSpotRateLimitHeaders {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");

    private HubSpotRateLimitHeaders() {
    }

    /** Lower-case unified headers in the order limit, remaining; empty when HubSpot sent neither. */
    static Map<String, String> from(ProviderAnswer answer) {
        var headers = new LinkedHashMap<String, String>();
        wholeNumber(answer, "x-hubspot-ratelimit-max").ifPresent(value -> headers.put("ratelimit-limit", value));
        wholeNumber(answer, "x-hubspot-ratelimit-remaining").ifPresent(value -> headers.put("ratelimit-remaining", value));
        return headers;
    }

    private static java.util.Optional<String> wholeNumber(ProviderAnswer answer, String name) {
        return answer.header(name)
                .map(String::trim)
                .filter(value -> WHOLE_NUMBER.matcher(value).matches())
                .map(value -> String.valueOf(Long.parseLong(value)));
    }
}
