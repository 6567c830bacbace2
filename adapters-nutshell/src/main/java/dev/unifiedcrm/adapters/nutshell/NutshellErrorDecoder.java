package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Reads a Nutshell error answer. Nutshell's 401 and 404 are HTML pages ("An Error Occurred: Not
 * Found"), so no JSON error body is required: some other errors come as {@code {"message": "…"}}
 * or with a {@code detail}. Nutshell has no "token expired" answer (Basic credentials never
 * expire), reports no failure inside a 2xx body, and sends no rate-limit headers.
 */
final class NutshellErrorDecoder {

    private NutshellErrorDecoder() {
    }

    /**
     * The message to show: a JSON body's {@code message} string, else its {@code detail} string,
     * else {@code Nutshell answered <status> <reason phrase>}.
     *
     * @param reasonPhrase the reason phrase of a status, as the service writes it
     */
    static String message(ProviderAnswer answer, IntFunction<String> reasonPhrase) {
        return bodyMessage(answer)
                .orElseGet(() -> "Nutshell answered " + answer.status() + " " + reasonPhrase.apply(answer.status()));
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
