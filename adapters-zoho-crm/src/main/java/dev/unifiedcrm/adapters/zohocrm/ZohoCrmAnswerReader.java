package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.RemoteBody;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads a Zoho CRM API answer (delete or fetch). Zoho reports most failures inside 2xx bodies: an
 * error object is the top-level body when it has {@code "status": "error"} and a string {@code code},
 * else {@code data[0]} when that has {@code "status": "error"}. Its code decides the status, whatever
 * the HTTP status (200, 207, 400, …).
 */
final class ZohoCrmAnswerReader {

    enum Exchange {
        DELETE,
        FETCH
    }

    sealed interface Reading {
        /** The delete succeeded; {@code id} is {@code data[0].details.id}, else the id sent. */
        record Deleted(String id) implements Reading {
        }

        /** The fetch found the lead {@code data[0]}. */
        record Fetched(Map<?, ?> lead) implements Reading {
        }

        /**
         * The access token is expired or invalid (top-level {@code INVALID_TOKEN}): with the refresh
         * set, drop it, fetch one token and repeat once; with a static token, 401.
         */
        record TokenInvalid(String message) implements Reading {
        }

        /**
         * A failure, answered as if Zoho had answered {@code status} (a 5xx one is the gateway's 502
         * with that status as the remote status). {@code code} is Zoho's, null when none.
         */
        record Failure(int status, String message, String code) implements Reading {
        }

        /** Neither a success nor a readable failure: a contract breach. */
        record Breach(String reason) implements Reading {
        }
    }

    private static final Set<String> NOT_FOUND = Set.of("RECORD_NOT_FOUND", "NOT_FOUND", "NO_RECORDS_FOUND");
    private static final Set<String> UNAUTHORIZED = Set.of("INVALID_TOKEN", "AUTHENTICATION_FAILURE");
    private static final Set<String> FORBIDDEN = Set.of("NO_PERMISSION", "OAUTH_SCOPE_MISMATCH");
    private static final Set<String> CONFLICT = Set.of("RECORD_LOCKED", "RECORD_IN_BLUEPRINT", "CANNOT_DELETE", "NOT_APPROVED");
    private static final Set<String> RATE_LIMITED = Set.of("TOO_MANY_REQUESTS", "LIMIT_EXCEEDED", "LIMIT_REACHED");

    private ZohoCrmAnswerReader() {
    }

    /**
     * @param idSent       the lead id sent
     * @param reasonPhrase the reason phrase of a status, as the service writes it
     */
    static Reading read(ProviderAnswer answer, Exchange exchange, String idSent, IntFunction<String> reasonPhrase) {
        int status = answer.status();
        if (status >= 300 && status < 400) {
            return new Reading.Breach("Zoho CRM answered " + status + ", a redirect, which is never followed");
        }
        Map<?, ?> body = answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> map
                ? map : Map.of();
        if (status >= 500) {
            return new Reading.Failure(status, message(answer, body, reasonPhrase), text(body.get("code")));
        }
        if (isError(body) && body.get("code") instanceof String code) {
            if (code.equals("INVALID_TOKEN")) {
                return new Reading.TokenInvalid(messageOf(body, answer, reasonPhrase));
            }
            return new Reading.Failure(statusOf(body, code, status), messageOf(body, answer, reasonPhrase), code);
        }
        Optional<Map<?, ?>> first = firstData(body);
        if (first.isPresent() && isError(first.get())) {
            Map<?, ?> error = first.get();
            String code = text(error.get("code"));
            return new Reading.Failure(statusOf(error, code, status), messageOf(error, answer, reasonPhrase), code);
        }
        if (status >= 200 && status < 300) {
            return exchange == Exchange.DELETE ? deleted(body, idSent, status) : fetched(answer, body, idSent);
        }
        return new Reading.Failure(status, message(answer, body, reasonPhrase), null);
    }

    /** Exactly one {@code data} item whose {@code status} is {@code success}, about the id sent. */
    private static Reading deleted(Map<?, ?> body, String idSent, int status) {
        if (!(body.get("data") instanceof List<?> data && data.size() == 1
                && data.get(0) instanceof Map<?, ?> item && "success".equals(item.get("status")))) {
            return new Reading.Breach("Zoho CRM answered " + status
                    + " to a delete without exactly one data item of status success");
        }
        Object id = item.get("details") instanceof Map<?, ?> details ? details.get("id") : null;
        if (id == null) {
            return new Reading.Deleted(idSent);
        }
        Optional<String> deletedId = idText(id);
        if (deletedId.isEmpty() || !deletedId.get().equals(idSent)) {
            return new Reading.Breach("Zoho CRM answered a delete of " + idSent + " with the id of another record");
        }
        return new Reading.Deleted(idSent);
    }

    /** 200 {@code {"data":[lead]}} with the id sent; 204 without a body is Zoho's "no records". */
    private static Reading fetched(ProviderAnswer answer, Map<?, ?> body, String idSent) {
        if (answer.status() == 204 && answer.body().length == 0) {
            return new Reading.Failure(404, "Zoho CRM has no lead " + idSent, null);
        }
        Optional<Map<?, ?>> lead = firstData(body);
        if (lead.isEmpty()) {
            return new Reading.Breach("Zoho CRM answered " + answer.status() + " to a lead fetch without a data item");
        }
        if (!idText(lead.get().get("id")).filter(idSent::equals).isPresent()) {
            return new Reading.Breach("Zoho CRM answered a fetch of " + idSent + " with another record");
        }
        return new Reading.Fetched(lead.get());
    }

    /** The table's status for a code; an unknown code keeps a 4xx HTTP status, else 400. */
    private static int statusOf(Map<?, ?> error, String code, int httpStatus) {
        if (code != null) {
            if (code.equals("INVALID_DATA")) {
                return onlyAboutTheId(error.get("details")) ? 404 : 400;
            }
            if (NOT_FOUND.contains(code)) {
                return 404;
            }
            if (UNAUTHORIZED.contains(code)) {
                return 401;
            }
            if (FORBIDDEN.contains(code)) {
                return 403;
            }
            if (CONFLICT.contains(code)) {
                return 409;
            }
            if (RATE_LIMITED.contains(code)) {
                return 429;
            }
            if (code.equals("INTERNAL_ERROR")) {
                return 500;
            }
        }
        return httpStatus >= 400 && httpStatus < 500 ? httpStatus : 400;
    }

    /**
     * The only data of a delete is the id, already checked: {@code INVALID_DATA} without details, or
     * with details about the id alone, means Zoho does not know the lead (or it is in the Recycle Bin).
     */
    private static boolean onlyAboutTheId(Object details) {
        return details == null
                || details instanceof Map<?, ?> map && (map.isEmpty() || map.size() == 1 && map.containsKey("id"));
    }

    private static Optional<Map<?, ?>> firstData(Map<?, ?> body) {
        return body.get("data") instanceof List<?> data && !data.isEmpty() && data.get(0) instanceof Map<?, ?> first
                ? Optional.of(first) : Optional.empty();
    }

    private static boolean isError(Map<?, ?> object) {
        return "error".equals(object.get("status"));
    }

    private static String messageOf(Map<?, ?> error, ProviderAnswer answer, IntFunction<String> reasonPhrase) {
        return error.get("message") instanceof String text && !text.isBlank()
                ? text : sentence(answer, reasonPhrase);
    }

    /** A JSON {@code message}, else {@code Zoho CRM answered <status> <reason phrase>}. */
    private static String message(ProviderAnswer answer, Map<?, ?> body, IntFunction<String> reasonPhrase) {
        return messageOf(body, answer, reasonPhrase);
    }

    private static String sentence(ProviderAnswer answer, IntFunction<String> reasonPhrase) {
        return ("Zoho CRM answered " + answer.status() + " " + reasonPhrase.apply(answer.status())).strip();
    }

    /** An id as Zoho writes it: a string, or an integral number as its digits. */
    static Optional<String> idText(Object id) {
        if (id instanceof String text && !text.isEmpty()) {
            return Optional.of(text);
        }
        if (id instanceof Integer || id instanceof Long || id instanceof BigInteger) {
            return Optional.of(id.toString());
        }
        return Optional.empty();
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isEmpty() ? text : null;
    }
}
