package dev.unifiedcrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a simulator sees of a request: the method, the raw (still percent-encoded) path, header lookup
 * by case-insensitive name ({@code null} when absent), the raw query string ({@code null} when none) and the
 * body bytes (empty when none; GraphQL documents and token grants travel there).
 */
record IncomingRequest(String method, String rawPath, UnaryOperator<String> headers, String rawQuery, byte[] body) {

    IncomingRequest {
        body = body == null ? new byte[0] : body.clone();
    }

    IncomingRequest(String method, String rawPath, UnaryOperator<String> headers) {
        this(method, rawPath, headers, null, new byte[0]);
    }

    /** A request with a query and no body. */
    IncomingRequest(String method, String rawPath, UnaryOperator<String> headers, String rawQuery) {
        this(method, rawPath, headers, rawQuery, new byte[0]);
    }

    String header(String name) {
        return headers.apply(name);
    }

    /** The same request seen below a mount prefix. */
    IncomingRequest withPath(String path) {
        return new IncomingRequest(method, path, headers, rawQuery, body);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body's {@code application/x-www-form-urlencoded} fields (the first value of each name). */
    Map<String, String> formFields() {
        return FormFields.firstValues(FormFields.parse(bodyText()));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
