package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderRejection;

import java.util.Map;

/**
 * Zoho's failures as {@link ProviderRejection}s. Zoho's error code decides the status, whatever the
 * HTTP status it came with: an {@code INVALID_DATA} about the id inside a 200 is a 404, a
 * {@code RECORD_LOCKED} inside a 400 a 409. A failure inside a 2xx keeps the answer as it came beside
 * the status its code names.
 */
final class ZohoCrmRejections {

    private static final Map<Integer, String> REASON_PHRASES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"), Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private ZohoCrmRejections() {
    }

    /**
     * A rejection standing for {@code status}. A 2xx answer is kept as it came, reporting the failure in
     * its body. A 4xx or 5xx answer whose code names another status is passed on under that status
     * (headers and body as they came): the domain carries a reported status only beside a 2xx.
     */
    static ProviderRejection rejection(ProviderAnswer answer, int status, String message, String code) {
        if (answer.isSuccess()) {
            return ProviderRejection.reportedInBody(answer, status, message, code, null, false);
        }
        ProviderAnswer standingFor = answer.status() == status ? answer
                : new ProviderAnswer(status, answer.headers(), answer.contentType(), answer.body(), answer.parsedBody());
        return new ProviderRejection(standingFor, message, code, null, false);
    }

    /** The RFC 9110 reason phrase of a status, for messages; empty for a status it does not name. */
    static String reasonPhrase(int status) {
        return REASON_PHRASES.getOrDefault(status, "");
    }
}
