package dev.unifiedcrm.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a simulator sees of a request: the method, the raw (still percent-encoded) path, header lookup by
 * case-insensitive name ({@code null} when absent), the raw query ({@code null} when there is none), and the
 * body as text (empty when none: token endpoints read their form fields from it).
 */
record IncomingRequest(String method, String rawPath, UnaryOperator<String> headers, String rawQuery, String body) {

    /** A request without a query or body. */
    IncomingRequest(String method, String rawPath, UnaryOperator<String> headers) {
        this(method, rawPath, headers, null, "");
    }

    /** A request without a body. */
    IncomingRequest(String method, String rawPath, UnaryOperator<String> headers, String rawQuery) {
        this(method, rawPath, headers, rawQuery, "");
    }

    /** The body's {@code application/x-www-form-urlencoded} fields (the first value of each name). */
    Map<String, String> formFields() {
        var fields = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] parts = pair.split("=", 2);
            fields.putIfAbsent(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    String header(String name) {
        return headers.apply(name);
    }
}
