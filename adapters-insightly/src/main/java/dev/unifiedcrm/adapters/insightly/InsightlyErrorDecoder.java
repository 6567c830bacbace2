package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Insightly's 4xx/5xx answer into a {@link ProviderRejection}. Its error bodies are small
 * JSON ({@code {"Message": "..."}}, {@code {"Name": "...", "Message": "..."}}) or plain text:
 * {@code Message} is the message, {@code Name} the error code. A recorded real 404 is
 * {@code text/plain} ({@code No Lead with ID = 830626}): such a short text is the message. A 429
 * with {@code X-RateLimit-Remaining: 0} means the account's daily quota is spent, which no retry can
 * cure before it resets; every answer carries that header, so on another status it says nothing.
 */
final class InsightlyErrorDecoder {

    static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";
    static final String RATE_LIMIT_LIMIT = "X-RateLimit-Limit";

    /** A plain-text body longer than this is a page, not a message. */
    private static final int MAX_TEXT_MESSAGE = 500;

    ProviderRejection decode(ProviderAnswer answer) {
        boolean quotaSpent = quotaSpent(answer);
        String message = message(answer.parsedBody(), answer.contentType()).orElse(null);
        if (quotaSpent) {
            String limit = answer.header(RATE_LIMIT_LIMIT).map(String::trim).map(value -> " of " + value + " requests").orElse("");
            String quota = "the Insightly account's daily API quota" + limit + " is spent;"
                    + " no retry can succeed before the quota resets";
            message = message == null ? quota : message + " (" + quota + ")";
        }
        String code = field(answer.parsedBody(), "Name").orElse(null);
        return new ProviderRejection(answer, message, code, null, quotaSpent);
    }

    private static boolean quotaSpent(ProviderAnswer answer) {
        return answer.status() == 429 && answer.header(RATE_LIMIT_REMAINING)
                .map(String::trim)
                .filter(value -> value.matches("-?[0-9]{1,18}"))
                .map(value -> Long.parseLong(value) <= 0)
                .orElse(false);
    }

    private static Optional<String> message(RemoteBody body, String contentType) {
        if (body instanceof RemoteBody.Json) {
            return field(body, "Message").or(() -> field(body, "message"));
        }
        if (body instanceof RemoteBody.Text text && !isHtml(contentType, text.value())) {
            String trimmed = text.value().strip();
            if (!trimmed.isEmpty() && trimmed.length() <= MAX_TEXT_MESSAGE) {
                return Optional.of(trimmed);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> field(RemoteBody body, String name) {
        if (body instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> object) {
            Object value = object.get(name);
            if (value instanceof String text && !text.isBlank()) {
                return Optional.of(text.strip());
            }
        }
        return Optional.empty();
    }

    private static boolean isHtml(String contentType, String text) {
        return (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html"))
                || text.stripLeading().startsWith("<");
    }
}
