package dev.unifiedcrm.adapters.salesforce;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Salesforce answer other than a success means. The REST API reports errors as a JSON
 * array, {@code [{"message": "...", "errorCode": "...", "fields": [...]}]}; a few answers (and
 * every token endpoint error) are an object instead, and a 5xx during maintenance may be HTML.
 *
 * <ul>
 *   <li>The message: the first element's {@code message} (array), else {@code message} (object),
 *       else {@code error_description}, then {@code error} (token endpoint), else
 *       "Salesforce answered {status}".</li>
 *   <li>The error code: {@code errorCode} of the first element, or of the object.</li>
 *   <li>An expired or invalid token: 401 with {@code INVALID_SESSION_ID}. Any other 401 is passed
 *       on as it is: a new token would not help.</li>
 *   <li>The daily allocation spent: 403 {@code REQUEST_LIMIT_EXCEEDED}, never a 429 and without
 *       {@code Retry-After}; the rolling 24-hour window will not clear within a request.</li>
 *   <li>A second delete answers 404 {@code ENTITY_IS_DELETED} while the lead is in the Recycle
 *       Bin: a plain 404, which the service already reads as "gone" when settling an uncertain
 *       delete, so nothing Salesforce-specific is needed for it.</li>
 *   <li>A 3xx is a contract breach: Salesforce redirects when the host is not the org's My Domain.</li>
 * </ul>
 *
 * Salesforce reports no failure inside a 2xx answer: any 2xx to a delete is a success (the body
 * is not judged), and a 2xx to a fetch is judged by {@link SalesforceLeadDecoder}.
 *
 * <p>Not a Feign {@code ErrorDecoder}: the client returns raw responses and the adapter calls this.
 */
final class SalesforceErrorDecoder {

    static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
    static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";

    /** A 4xx or 5xx answer as the rejection it is. */
    ProviderRejection decode(ProviderAnswer answer) {
        String code = errorCode(answer).orElse(null);
        boolean dailyAllocationSpent = answer.status() == 403 && REQUEST_LIMIT_EXCEEDED.equals(code);
        // Salesforce's answers carry no request id meant for support.
        return new ProviderRejection(answer, message(answer), code, null, dailyAllocationSpent);
    }

    /** The message to show for an error answer; never null. */
    static String message(ProviderAnswer answer) {
        Map<?, ?> error = firstError(answer);
        return text(error.get("message"))
                .or(() -> text(error.get("error_description")))
                .or(() -> text(error.get("error")))
                .orElse("Salesforce answered " + answer.status());
    }

    /** {@code errorCode} of the first element of an array body, or of an object body. */
    static Optional<String> errorCode(ProviderAnswer answer) {
        return text(firstError(answer).get("errorCode"));
    }

    /** The access token must be dropped and a new one fetched (once per request). */
    static boolean isTokenExpiredOrInvalid(ProviderAnswer answer) {
        return answer.status() == 401 && errorCode(answer).filter(INVALID_SESSION_ID::equals).isPresent();
    }

    /**
     * A redirect, never followed (a DELETE re-sent as a GET elsewhere would be worse).
     *
     * @param action {@code delete} or {@code fetch}, for the message
     */
    static ProviderContractBreach redirect(ProviderAnswer answer, String action) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, answer,
                "Salesforce answered the " + action + " with a redirect (" + answer.status() + "), which is never"
                        + " followed: the account's instance_url is probably not the org's My Domain URL"
                        + " (https://<domain>.my.salesforce.com)");
    }

    private static Map<?, ?> firstError(ProviderAnswer answer) {
        if (!(answer.parsedBody() instanceof RemoteBody.Json json)) {
            return Map.of();
        }
        Object body = json.value();
        if (body instanceof List<?> list) {
            return list.isEmpty() ? Map.of() : object(list.get(0));
        }
        return object(body);
    }

    private static Map<?, ?> object(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static Optional<String> text(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }
}
