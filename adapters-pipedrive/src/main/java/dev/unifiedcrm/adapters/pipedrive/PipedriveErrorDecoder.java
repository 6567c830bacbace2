package dev.unifiedcrm.adapters.pipedrive;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.Map;

/**
 * Reads Pipedrive's 4xx and 5xx answers. Its error body is
 * {@code {"success":false,"error":"<description>","error_info":"<how to fix>","data":null,"additional_data":null}},
 * sometimes with a numeric {@code errorCode} or a text {@code code} ({@code feature_capping_deals_limit});
 * a Cloudflare HTML page comes instead after ignored 429s. The message is {@code error}, else
 * {@code error_info} (mostly the generic "Please check developers.pipedrive.com"), else a sentence
 * about the status; the error code is {@code code}; the request id is the {@code x-correlation-id}
 * header.
 */
final class PipedriveErrorDecoder {

    static final String DAILY_REMAINING_HEADER = "x-daily-ratelimit-token-remaining";

    ProviderRejection decode(ProviderAnswer answer) {
        Map<?, ?> body = answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> map
                ? map
                : Map.of();
        String requestId = answer.header("x-correlation-id").filter(value -> !value.isBlank()).orElse(null);
        return new ProviderRejection(answer, message(body, answer.status()), code(body), requestId,
                answer.status() == 429 && dailyBudgetSpent(answer));
    }

    /**
     * Whether the access token was refused. Pipedrive's gateway answers every 401 alike
     * ({@code "unauthorized access"}, header {@code x-401-by-gw: true}) for expired, revoked and wrong
     * tokens: with a refresh grant, any 401 earns one new token and one repeat.
     */
    static boolean tokenExpiredOrInvalid(ProviderAnswer answer) {
        return answer.status() == 401;
    }

    /**
     * The company's daily token budget is spent ({@code x-daily-ratelimit-token-remaining: 0}): every
     * call fails until midnight, so no retry can help, whatever {@code Retry-After} says. A missing
     * header means unknown, not spent.
     */
    static boolean dailyBudgetSpent(ProviderAnswer answer) {
        return answer.header(DAILY_REMAINING_HEADER).map(String::trim).filter("0"::equals).isPresent();
    }

    static String message(Map<?, ?> body, int status) {
        String message = text(body.get("error"));
        if (message == null) {
            message = text(body.get("error_info"));
        }
        return message != null ? message : "Pipedrive answered " + status + " without an error message";
    }

    static String code(Map<?, ?> body) {
        return text(body.get("code"));
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
