package dev.unifiedcrm.adapters.hubspot;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.List;
import java.util.Map;

/**
 * Reads HubSpot's 4xx and 5xx answers. HubSpot has two JSON error shapes, every field optional:
 *
 * <pre>{"status":"error","message":"...","correlationId":"&lt;uuid&gt;","category":"VALIDATION_ERROR",
 *  "subCategory":"...","errors":[{"message":"...","code":"..."}],"links":{...}}
 * {"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT",
 *  "correlationId":"...","policyName":"DAILY"}</pre>
 *
 * and sometimes an HTML page (an unrouted path, a proxy's 5xx). The message is {@code message},
 * else {@code errors[0].message}, else a sentence about the status; the error code is
 * {@code category}, else {@code errorType}; the request id is {@code correlationId}, which HubSpot's
 * support asks for.
 */
final class HubSpotErrorDecoder {

    static final String DAILY_REMAINING_HEADER = "x-hubspot-ratelimit-daily-remaining";

    ProviderRejection decode(ProviderAnswer answer) {
        Map<?, ?> body = answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> map
                ? map
                : Map.of();
        String message = text(body.get("message"));
        if (message == null && body.get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.get(0) instanceof Map<?, ?> first) {
            message = text(first.get("message"));
        }
        if (message == null) {
            message = "HubSpot answered " + answer.status() + " without an error message";
        }
        String code = text(body.get("category"));
        if (code == null) {
            code = text(body.get("errorType"));
        }
        return new ProviderRejection(answer, message, code, text(body.get("correlationId")),
                dailyQuotaSpent(answer, body));
    }

    /**
     * Whether the access token was refused. HubSpot answers 401 both for an expired token
     * ({@code EXPIRED_AUTHENTICATION}) and an unknown one ({@code INVALID_AUTHENTICATION}), and says a 401
     * is no reliable refresh signal: with a refresh grant, any 401 earns one new token and one repeat.
     */
    static boolean tokenExpiredOrInvalid(ProviderAnswer answer) {
        return answer.status() == 401;
    }

    /**
     * A 429 of the portal's daily quota ({@code policyName} {@code DAILY}, or no daily request left):
     * nothing succeeds before the portal's midnight, so it is never retried, whatever
     * {@code Retry-After} says. The 10-second window's 429 is not.
     */
    private static boolean dailyQuotaSpent(ProviderAnswer answer, Map<?, ?> body) {
        if (answer.status() != 429) {
            return false;
        }
        return "DAILY".equals(body.get("policyName"))
                || answer.header(DAILY_REMAINING_HEADER).map(String::trim).filter("0"::equals).isPresent();
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
