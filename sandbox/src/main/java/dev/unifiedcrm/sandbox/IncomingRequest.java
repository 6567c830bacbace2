package dev.unifiedcrm.sandbox;

import java.util.function.UnaryOperator;

/**
 * What a simulator sees of a request: the method, the raw (still percent-encoded) path, header lookup by
 * case-insensitive name ({@code null} when absent), and the raw query ({@code null} when there is none).
 */
record IncomingRequest(String method, String rawPath, UnaryOperator<String> headers, String rawQuery) {

    /** A request without a query. */
    IncomingRequest(String method, String rawPath, UnaryOperator<String> headers) {
        this(method, rawPath, headers, null);
    }

    String header(String name) {
        return headers.apply(name);
    }
}
