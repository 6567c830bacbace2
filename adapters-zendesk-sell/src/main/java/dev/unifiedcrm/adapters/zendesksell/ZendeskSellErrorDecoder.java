package dev.unifiedcrm.adapters.zendesksell;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.List;
import java.util.Map;

/**
 * Turns a Sell 4xx/5xx answer into a {@link ProviderRejection}. Sell documents one error envelope:
 *
 * <pre>{"errors":[{"error":{"resource","field","code","message","details"},"meta":{"type":"error"}}],
 *  "meta":{"type":"errors","http_status":"404 Not Found","logref":"..."}}</pre>
 *
 * The message is {@code errors[0].error.details}, else {@code errors[0].error.message}; the code is
 * {@code errors[0].error.code}; the request id is {@code meta.logref}, else the {@code X-Request-Id}
 * header (Sell's logref is that header). Any other body (text, other JSON, nothing) still gives a
 * rejection, with no provider message.
 *
 * <p>Not a Feign {@code ErrorDecoder}: the client returns raw responses and the adapter calls this.
 */
final class ZendeskSellErrorDecoder {

    ProviderRejection decode(ProviderAnswer answer) {
        Map<?, ?> envelope = answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> map
                ? map
                : Map.of();
        Map<?, ?> firstError = firstError(envelope);
        String message = text(firstError.get("details"));
        if (message == null) {
            message = text(firstError.get("message"));
        }
        String code = text(firstError.get("code"));
        String requestId = text(object(envelope.get("meta")).get("logref"));
        if (requestId == null) {
            requestId = answer.header("x-request-id").filter(value -> !value.isBlank()).orElse(null);
        }
        // Sell's 429 lasts until its hourly window resets; nothing says the quota is spent for longer.
        return new ProviderRejection(answer, message, code, requestId, false);
    }

    private static Map<?, ?> firstError(Map<?, ?> envelope) {
        if (envelope.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            return object(object(errors.get(0)).get("error"));
        }
        return Map.of();
    }

    private static Map<?, ?> object(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
