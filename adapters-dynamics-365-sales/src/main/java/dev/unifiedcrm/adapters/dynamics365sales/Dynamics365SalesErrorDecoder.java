package dev.unifiedcrm.adapters.dynamics365sales;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a Dataverse answer other than a success means. Errors are
 * {@code {"error": {"code": "0x80040217", "message": "..."}}}, where {@code code} is a hex string
 * (or empty) unrelated to the HTTP status: the status decides. Most 401s have no body at all.
 *
 * <ul>
 *   <li>The message: {@code error.message}, else {@code error.code}, else {@code error_description},
 *       then {@code error} (token endpoint answers), else "Dynamics 365 answered {status}".</li>
 *   <li>{@code raw_response}: the parsed body without {@code error.innererror}, which older
 *       answers fill with a .NET stack trace; the body bytes (the {@code raw} format) stay as they came.</li>
 *   <li>An expired or invalid token: any 401, whatever its body.</li>
 *   <li>A second delete answers 404, which the service already reads as "gone" when settling an
 *       uncertain delete.</li>
 *   <li>A 3xx is a contract breach (never followed).</li>
 * </ul>
 *
 * Dataverse reports no failure inside a 2xx answer: any 2xx to a delete is a success (the body is
 * not judged), and a 2xx to a fetch is judged by {@link Dynamics365SalesLeadDecoder}. Its rate
 * limits answer 429 with {@code Retry-After} in seconds, passed on unchanged; its
 * {@code x-ms-ratelimit-*} headers are per web server and meant for debugging, so no
 * {@code ratelimit-*} header is derived from them.
 *
 * <p>Not a Feign {@code ErrorDecoder}: the client returns raw responses and the adapter calls this.
 */
final class Dynamics365SalesErrorDecoder {

    /** A 4xx or 5xx answer as the rejection it is, {@code innererror} removed from the parsed body. */
    ProviderRejection decode(ProviderAnswer answer) {
        ProviderAnswer shown = new ProviderAnswer(answer.status(), answer.headers(), answer.contentType(), answer.body(),
                withoutInnerError(answer.parsedBody()));
        // Dataverse's 429 clears within its 5-minute window; no answer says a quota is spent for longer.
        return new ProviderRejection(shown, message(answer), errorCode(answer).orElse(null), null, false);
    }

    /** The message to show for an error answer; never null. */
    static String message(ProviderAnswer answer) {
        Map<?, ?> body = object(answer);
        Map<?, ?> error = body.get("error") instanceof Map<?, ?> map ? map : Map.of();
        return text(error.get("message"))
                .or(() -> text(error.get("code")))
                .or(() -> text(body.get("error_description")))
                .or(() -> text(body.get("error")))
                .orElse("Dynamics 365 answered " + answer.status());
    }

    /** {@code error.code}, the hex error number, when not empty. */
    static Optional<String> errorCode(ProviderAnswer answer) {
        return object(answer).get("error") instanceof Map<?, ?> error ? text(error.get("code")) : Optional.empty();
    }

    /** The access token must be dropped and a new one fetched (once per request). */
    static boolean isTokenExpiredOrInvalid(ProviderAnswer answer) {
        return answer.status() == 401;
    }

    /**
     * A redirect, never followed.
     *
     * @param action {@code delete} or {@code fetch}, for the message
     */
    static ProviderContractBreach redirect(ProviderAnswer answer, String action) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, answer,
                "Dynamics 365 answered the " + action + " with a redirect (" + answer.status()
                        + "), which is never followed: check the account's org_url (https://<org>.crm<N>.dynamics.com)");
    }

    /** The body with {@code error.innererror} removed; anything else unchanged (the same instance). */
    static RemoteBody withoutInnerError(RemoteBody body) {
        if (!(body instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> envelope
                && envelope.get("error") instanceof Map<?, ?> error && error.containsKey("innererror"))) {
            return body;
        }
        var cleanError = new LinkedHashMap<Object, Object>(error);
        cleanError.remove("innererror");
        var cleanEnvelope = new LinkedHashMap<Object, Object>(envelope);
        cleanEnvelope.put("error", java.util.Collections.unmodifiableMap(cleanError));
        return new RemoteBody.Json(java.util.Collections.unmodifiableMap(cleanEnvelope));
    }

    private static Map<?, ?> object(ProviderAnswer answer) {
        return answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> map
                ? map
                : Map.of();
    }

    private static Optional<String> text(Object value) {
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }
}
