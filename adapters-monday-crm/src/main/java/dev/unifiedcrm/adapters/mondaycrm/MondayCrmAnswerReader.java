package dev.unifiedcrm.adapters.mondaycrm;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.RemoteBody;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Reads any monday.com GraphQL answer (board check, fetch, mutation). Application errors come as
 * HTTP 200 with {@code errors[]} (partial data possible), transport errors as real statuses, and
 * answers of API versions before {@code 2024-10} as top-level {@code error_code} /
 * {@code error_message} / {@code status_code}. The order is: 3xx, then non-2xx statuses, then data
 * first, then the first error, else a contract breach.
 */
final class MondayCrmAnswerReader {

    /** Which document was sent: it decides what counts as data. */
    enum Exchange {
        /** {@code items(ids:)}: data when {@code data.items} is an array. */
        QUERY,
        /** {@code delete_item}: data when {@code data.delete_item.id} is present. */
        MUTATION
    }

    sealed interface Reading {
        /**
         * The document's data. {@code errors} is the answer's {@code errors} array when monday sent
         * partial data with errors (to be logged), else empty.
         */
        record Data(Map<?, ?> data, List<?> errors) implements Reading {
        }

        /**
         * A failure, answered as if monday had answered {@code status} (a 5xx one is the gateway's
         * 502 with that status as the remote status). {@code retryAfterSeconds} is set when the
         * answer must carry a {@code Retry-After} that monday gave only in the error's
         * {@code extensions.retry_in_seconds}.
         */
        record Failure(int status, String message, String code, OptionalLong retryAfterSeconds) implements Reading {
        }

        /** Neither data nor a readable error: a contract breach. */
        record Breach(String reason) implements Reading {
        }
    }

    private static final Set<String> NOT_FOUND = Set.of(
            "InvalidItemIdException", "ResourceNotFoundException", "InvalidBoardIdException");
    private static final Set<String> UNAUTHENTICATED = Set.of("NOT_AUTHENTICATED", "Unauthorized");
    private static final Set<String> FORBIDDEN = Set.of(
            "UserUnauthorizedException", "missingRequiredPermissions", "IpRestricted");
    private static final Set<String> RATE_LIMITED = Set.of(
            "ComplexityException", "COMPLEXITY_BUDGET_EXHAUSTED", "complexityBudgetExhausted",
            "maxComplexityExceeded", "RATE_LIMIT_EXCEEDED", "rateLimitExceeded", "DAILY_LIMIT_EXCEEDED",
            "maxConcurrencyExceeded", "IP_RATE_LIMIT_EXCEEDED");

    private MondayCrmAnswerReader() {
    }

    /**
     * @param reasonPhrase the reason phrase of a status, as the service writes it (for the message of
     *                     an error without one)
     */
    static Reading read(ProviderAnswer answer, Exchange exchange, IntFunction<String> reasonPhrase) {
        int status = answer.status();
        Map<?, ?> body = answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> map
                ? map : Map.of();
        if (status >= 300 && status < 400) {
            return new Reading.Breach("monday.com answered " + status + ", a redirect, which is never followed");
        }
        Optional<Map<?, ?>> error = error(body);
        if (status < 200 || status >= 300) {
            String code = error.map(MondayCrmAnswerReader::code).orElse(null);
            return failure(answer, status, message(answer, body, reasonPhrase), code, error);
        }
        Optional<Map<?, ?>> data = data(body, exchange);
        if (data.isPresent()) {
            return new Reading.Data(data.get(), body.get("errors") instanceof List<?> errors ? errors : List.of());
        }
        if (error.isPresent()) {
            String code = code(error.get());
            return failure(answer, statusOf(error.get(), code), message(answer, body, reasonPhrase), code, error);
        }
        return new Reading.Breach("monday.com answered " + status + " with neither the "
                + (exchange == Exchange.QUERY ? "items" : "delete_item") + " data nor an error");
    }

    /** The deleted item's id of a mutation's data: a string, or a number written as its digits. */
    static Optional<String> deletedItemId(Map<?, ?> data) {
        return data.get("delete_item") instanceof Map<?, ?> deleted ? idText(deleted.get("id")) : Optional.empty();
    }

    /** An id as monday writes it: a string, or an integral number as its digits. */
    static Optional<String> idText(Object id) {
        if (id instanceof String text && !text.isEmpty()) {
            return Optional.of(text);
        }
        if (id instanceof Integer || id instanceof Long || id instanceof BigInteger) {
            return Optional.of(id.toString());
        }
        return Optional.empty();
    }

    /**
     * A different {@code Api-Version} echoed than the one sent, for a WARN line (monday may serve
     * another version than asked for without reporting an error).
     */
    static Optional<String> versionMismatch(ProviderAnswer answer, String sentVersion) {
        return answer.header("api-version")
                .filter(echoed -> !echoed.equals(sentVersion))
                .map(echoed -> "monday.com answered with API version " + echoed + " to a request for " + sentVersion);
    }

    private static Optional<Map<?, ?>> data(Map<?, ?> body, Exchange exchange) {
        if (!(body.get("data") instanceof Map<?, ?> data)) {
            return Optional.empty();
        }
        boolean present = exchange == Exchange.QUERY
                ? data.get("items") instanceof List<?>
                : deletedItemId(data).isPresent();
        return present ? Optional.of(data) : Optional.empty();
    }

    /** The first element of a non-empty {@code errors}, or the pre-2024-10 top-level error. */
    private static Optional<Map<?, ?>> error(Map<?, ?> body) {
        if (body.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            Object first = errors.get(0);
            // The 2024 form {"errors": ["Not Authenticated"]}: a bare message, no code.
            return Optional.of(first instanceof Map<?, ?> map ? map : Map.of());
        }
        if (body.get("error_code") instanceof String || body.get("error_message") instanceof String
                || body.get("status_code") instanceof Number) {
            return Optional.of(body);
        }
        return Optional.empty();
    }

    private static String code(Map<?, ?> error) {
        if (extensions(error).get("code") instanceof String code && !code.isEmpty()) {
            return code;
        }
        return error.get("error_code") instanceof String code && !code.isEmpty() ? code : null;
    }

    /** {@code extensions.status_code} (or a top-level {@code status_code}) when 400-599, else by code, else 400. */
    private static int statusOf(Map<?, ?> error, String code) {
        Object given = extensions(error).containsKey("status_code")
                ? extensions(error).get("status_code") : error.get("status_code");
        if (given instanceof Integer number && number >= 400 && number <= 599) {
            return number;
        }
        if (code == null) {
            return 400;
        }
        if (NOT_FOUND.contains(code)) {
            return 404;
        }
        if (UNAUTHENTICATED.contains(code)) {
            return 401;
        }
        if (FORBIDDEN.contains(code)) {
            return 403;
        }
        if (RATE_LIMITED.contains(code)) {
            return 429;
        }
        if (code.equals("INTERNAL_SERVER_ERROR")) {
            return 500;
        }
        return code.equals("API_TEMPORARILY_BLOCKED") ? 503 : 400;
    }

    private static Reading failure(ProviderAnswer answer, int status, String message, String code,
                                   Optional<Map<?, ?>> error) {
        OptionalLong retryAfter = OptionalLong.empty();
        if (status == 429 && answer.header("retry-after").isEmpty()
                && error.map(MondayCrmAnswerReader::extensions).orElse(Map.of())
                        .get("retry_in_seconds") instanceof Number seconds) {
            long whole = new BigDecimal(seconds.toString()).setScale(0, RoundingMode.CEILING).longValue();
            retryAfter = OptionalLong.of(Math.max(1, whole));
        }
        return new Reading.Failure(status, message, code, retryAfter);
    }

    /**
     * {@code errors[0].message}, else {@code errors[0]} when it is a string, else {@code error_message},
     * else {@code monday.com answered <status> <reason phrase>}.
     */
    private static String message(ProviderAnswer answer, Map<?, ?> body, IntFunction<String> reasonPhrase) {
        if (body.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            Object first = errors.get(0);
            if (first instanceof Map<?, ?> error && error.get("message") instanceof String text && !text.isBlank()) {
                return text;
            }
            if (first instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        if (body.get("error_message") instanceof String text && !text.isBlank()) {
            return text;
        }
        return "monday.com answered " + answer.status() + " " + reasonPhrase.apply(answer.status());
    }

    private static Map<?, ?> extensions(Map<?, ?> error) {
        return error.get("extensions") instanceof Map<?, ?> extensions ? extensions : Map.of();
    }
}
