package dev.unifiedcrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulator's answer: status, extra headers, and a body (empty array: no body at all), JSON unless a
 * {@code Content-Type} header says otherwise (Nutshell's HTML error pages).
 */
record Reply(int status, Map<String, String> headers, byte[] body) {

    static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";
    static final String CONTENT_TYPE = "Content-Type";

    Reply {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    static Reply json(int status, Object body) {
        return new Reply(status, Map.of(), Json.write(body));
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, Map.of(CONTENT_TYPE, contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply text(int status, String text) {
        return new Reply(status, Map.of(CONTENT_TYPE, "text/plain; charset=utf-8"), text.getBytes(StandardCharsets.UTF_8));
    }

    static Reply empty(int status) {
        return new Reply(status, Map.of(), new byte[0]);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body);
    }

    /** The body's media type: the {@code Content-Type} header when the reply names one, else JSON. */
    String contentType() {
        return headers.getOrDefault(CONTENT_TYPE, JSON_CONTENT_TYPE);
    }

    boolean hasBody() {
        return body.length > 0;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
