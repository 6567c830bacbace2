package dev.unifiedcrm.api.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding done here rather than by the server or {@code URLDecoder}: a malformed escape
 * must be a 400 that says so, and the raw spelling of a query key must survive until it is parsed.
 * Bytes that are not UTF-8 become U+FFFD, as the URL standard's form decoding does.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    /** Thrown for a {@code %} not followed by two hex digits. */
    static final class MalformedEscapeException extends Exception {
        MalformedEscapeException(String message) {
            super(message, null, false, false);
        }
    }

    /** {@code application/x-www-form-urlencoded}: {@code +} is a space. */
    static String decodeFormComponent(String raw) throws MalformedEscapeException {
        return decode(raw, true);
    }

    /** A path segment: {@code +} stays a plus. */
    static String decodePathSegment(String raw) throws MalformedEscapeException {
        return decode(raw, false);
    }

    private static String decode(String raw, boolean plusIsSpace) throws MalformedEscapeException {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new MalformedEscapeException("a '%' must be followed by two hex digits");
                }
                char high = raw.charAt(i + 1);
                char low = raw.charAt(i + 2);
                if (!isAsciiHex(high) || !isAsciiHex(low)) {
                    throw new MalformedEscapeException("a '%' must be followed by two hex digits");
                }
                bytes.write(Character.digit(high, 16) * 16 + Character.digit(low, 16));
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
                i++;
            } else {
                int end = i + 1;
                while (end < raw.length() && raw.charAt(end) != '%' && !(plusIsSpace && raw.charAt(end) == '+')) {
                    end++;
                }
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
