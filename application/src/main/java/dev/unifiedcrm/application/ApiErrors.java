package dev.unifiedcrm.application;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error answers in the API's one shape (the api-http README, section Errors):
 * {@code {"statusCode": <int>, "error": "<reason phrase>", "message": "<for a person>"}}, plus
 * {@code truto_is_remote_error}, {@code remote_status_code} and {@code raw_response} when the
 * error comes from a provider's answer.
 */
public final class ApiErrors {

    /** The only message a defect ever shows; details go to the log under the request id. */
    public static final String INTERNAL_ERROR_MESSAGE =
            "An unexpected error occurred in the service; it has been logged with this request's x-request-id.";

    private ApiErrors() {
    }

    public static ApiResponse error(int status, String message) {
        return ApiResponse.json(status, Map.of(), body(status, message));
    }

    public static ApiResponse error(int status, String message, Map<String, String> headers) {
        return ApiResponse.json(status, headers, body(status, message));
    }

    public static ApiResponse badRequest(String message) {
        return error(400, message);
    }

    public static ApiResponse internalError() {
        return error(500, INTERNAL_ERROR_MESSAGE);
    }

    /**
     * The reason phrase that an error body of this status carries as {@code error}, for a transport
     * that writes one next to the status (HTTP/1.1's status line), so that the two never disagree.
     */
    public static String reasonPhrase(int status) {
        return ReasonPhrases.of(status);
    }

    /** The error body of a non-remote error. */
    public static Map<String, Object> body(int status, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("statusCode", status);
        body.put("error", ReasonPhrases.of(status));
        body.put("message", message);
        return body;
    }

    /**
     * The error body of an error that comes from a provider's answer.
     *
     * @param remoteStatus the provider's status, shown as {@code remote_status_code}, or {@code null}
     *                     when the provider's status is passed on as the answer's own (a 4xx)
     * @param rawResponse  the provider's body: a JSON tree, text, or {@code null} when empty
     */
    public static Map<String, Object> remoteBody(int status, String message, Integer remoteStatus, Object rawResponse) {
        var body = body(status, message);
        body.put("truto_is_remote_error", true);
        if (remoteStatus != null) {
            body.put("remote_status_code", remoteStatus);
        }
        body.put("raw_response", rawResponse);
        return body;
    }
}
