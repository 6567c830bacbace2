package dev.unifiedcrm.sandbox;

import java.util.function.UnaryOperator;

/**
 * What a simulator sees of a request: the method, the raw (still percent-encoded) path, and header lookup
 * by case-insensitive name ({@code null} when absent).
 */
record IncomingRequest(String method, String rawPath, UnaryOperator<String> headers) {

    String header(String name) {
        return headers.apply(name);
    }
}
