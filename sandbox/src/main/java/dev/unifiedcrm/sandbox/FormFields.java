package dev.unifiedcrm.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code application/x-www-form-urlencoded} text (a form body or a raw query) as names to values in order,
 * repeats kept. A malformed escape is kept as it is: a simulator answers bad input, it never throws on it.
 */
final class FormFields {

    private static final Pattern FORM_CONTENT_TYPE =
            Pattern.compile("application/x-www-form-urlencoded\\s*(;.*)?", Pattern.DOTALL);

    private FormFields() {
    }

    static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /** The only value of {@code name}, or null when it is missing or repeated. */
    static String single(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    /** The first value of each name, for endpoints that take the first of repeated fields. */
    static Map<String, String> firstValues(Map<String, List<String>> fields) {
        Map<String, String> first = new LinkedHashMap<>();
        fields.forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }

    /** True when some name is given more than once (OAuth forbids repeating a token request parameter). */
    static boolean hasRepeats(Map<String, List<String>> fields) {
        return fields.values().stream().anyMatch(values -> values.size() > 1);
    }

    /** True when the {@code Content-Type} names a form, whatever its parameters ({@code ; charset=UTF-8}). */
    static boolean isForm(String contentType) {
        return contentType != null && FORM_CONTENT_TYPE.matcher(contentType.strip().toLowerCase(Locale.ROOT)).matches();
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return part;
        }
    }
}
