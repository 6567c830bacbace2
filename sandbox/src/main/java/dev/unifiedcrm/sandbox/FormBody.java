package dev.unifiedcrm.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An {@code application/x-www-form-urlencoded} body, as the OAuth token endpoints read it. */
final class FormBody {

    private FormBody() {
    }

    /** True when the {@code Content-Type} names a form, whatever its parameters ({@code ; charset=UTF-8}). */
    static boolean isForm(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT)
                .matches("application/x-www-form-urlencoded\\s*(;.*)?");
    }

    /**
     * The fields in order, or empty when the body is not a well-formed form: a bad percent escape, or a field
     * given twice (RFC 6749 forbids repeating a token request parameter).
     */
    static Optional<Map<String, String>> parse(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return Optional.of(fields);
        }
        try {
            for (String pair : text.split("&", -1)) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (fields.putIfAbsent(name, value) != null) {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
        return Optional.of(fields);
    }
}
