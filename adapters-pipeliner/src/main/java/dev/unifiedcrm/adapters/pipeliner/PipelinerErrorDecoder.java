package dev.unifiedcrm.adapters.pipeliner;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.Map;

/**
 * Turns Pipeliner's 4xx or 5xx answer into a {@link ProviderRejection}. Its error body is
 * {@code {"success": false, "http_status": 404, "code": <int>, "name": "ERROR_...", "message": "..."}}
 * (validation errors add {@code entity_id}, {@code field_errors}, ...): {@code message} is the
 * provider's message, {@code name} its error code. Other bodies (HTML from a proxy, text) carry
 * neither; the answer is kept whole either way. Pipeliner sends no request id.
 */
final class PipelinerErrorDecoder {

    ProviderRejection decode(ProviderAnswer answer) {
        String message = null;
        String errorName = null;
        if (answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> body) {
            message = nonEmptyText(body.get("message"));
            errorName = nonEmptyText(body.get("name"));
        }
        return new ProviderRejection(answer, message, errorName, null, false);
    }

    private static String nonEmptyText(Object value) {
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
