package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.ApiErrors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;

/**
 * Answers the requests that Jetty refuses before any route runs (a malformed or over-long request
 * line, headers too large, a bad escape in the path) with the API's JSON error body and an
 * {@code x-request-id}, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);
    /** Jetty's reasons are short phrases; anything else (a class name, a value) is not shown. */
    private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,.'()-]{1,80}");

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        if (status < 400 || status > 599) {
            status = 500;
        }
        String requestId = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        Object reason = request.getAttribute(ERROR_MESSAGE);
        if (status >= 500) {
            status = 500;
        }
        byte[] body = JsonAnswers.bytes(status == 500
                ? ApiErrors.body(500, ApiErrors.INTERNAL_ERROR_MESSAGE)
                : ApiErrors.body(status, message(status, reason)));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JsonAnswers.CONTENT_TYPE);
        response.getHeaders().put(RequestIds.HEADER, requestId);
        LOG.info("{} {} {} 0ms request_id={} refused by the HTTP server", request.getMethod(),
                HttpService.loggablePath(rawPath(request)), status, requestId);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private static String rawPath(Request request) {
        try {
            return request.getHttpURI().getPath();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String message(int status, Object reason) {
        return switch (status) {
            case 414 -> "The request URI is too long: keep the request line under 8 KiB.";
            case 431 -> "The request header fields are too large: keep the headers under 8 KiB.";
            case 400 -> "The request is malformed" + detail(reason) + "; the path must be valid percent-encoded"
                    + " UTF-8 without ambiguous segments.";
            default -> "The request could not be handled" + detail(reason) + ".";
        };
    }

    private static String detail(Object reason) {
        return reason instanceof String text && PLAIN_REASON.matcher(text).matches() ? " (" + text + ")" : "";
    }
}
