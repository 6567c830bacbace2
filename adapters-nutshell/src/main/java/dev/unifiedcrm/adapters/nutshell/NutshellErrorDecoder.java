package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a Nutshell 4xx/5xx answer into a {@link ProviderRejection}. Nutshell's 401 and 404 are HTML
 * pages ("An Error Occurred: Not Found"), so no JSON error body is required: some other errors come
 * as {@code {"message": "…"}} or with a {@code detail}. Nutshell has no "token expired" answer (Basic
 * credentials never expire), reports no failure inside a 2xx body, and sends no rate-limit headers,
 * error codes or request ids.
 */
final class NutshellErrorDecoder {

    // The statuses Nutshell is seen or likely to answer with; another status gets no phrase.
    private static final Map<Integer, String> REASON_PHRASES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"), Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(422, "Unprocessable Content"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    ProviderRejection decode(ProviderAnswer answer) {
        // A 429 is Nutshell's momentary refusal, should it ever send one: nothing says a quota is spent.
        return new ProviderRejection(answer, message(answer), null, null, false);
    }

    /**
     * The message to show: a JSON body's {@code message} string, else its {@code detail} string,
     * else {@code Nutshell answered <status> <reason phrase>} (always so for the HTML pages).
     */
    static String message(ProviderAnswer answer) {
        return bodyMessage(answer).orElseGet(() -> statusSentence(answer.status()));
    }

    static String statusSentence(int status) {
        String phrase = REASON_PHRASES.get(status);
        return "Nutshell answered " + status + (phrase == null ? "" : " " + phrase);
    }

    /** The JSON body's {@code message}, else its {@code detail}; empty for HTML pages and other bodies. */
    static Optional<String> bodyMessage(ProviderAnswer answer) {
        if (answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> body) {
            for (String key : new String[] {"message", "detail"}) {
                if (body.get(key) instanceof String text && !text.isBlank()) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }
}
