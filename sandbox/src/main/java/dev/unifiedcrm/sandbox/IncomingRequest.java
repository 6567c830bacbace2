package dev.unifiedcrm.sandbox;

import java.util.function.UnaryOperator;

/**
 * What a simulator sees of a request: the method, the raw (still percent-encoded) path, header lookup by
 * case-insensitive name ({@code null} when absent), and the body (empty when none; token endpoints read forms).
 */
record IncomingRequest(String method, String rawPath, UnaryOperator<String> headers, byte[] body) {

    IncomingRequest {
        body = body == null ? new byte[0] : body.clone();
    }

    IncomingRequest(String method, String rawPath, UnaryOperator<String> headers) {
        this(method, rawPath, headers, new byte[0]);
    }

    String header(String name) {
        return headers.apply(name);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The same request seen below a mount point: {@code rawPath} is what follows the prefix. */
    IncomingRequest below(String rest) {
        return new IncomingRequest(method, rest, headers, body);
    }
}
