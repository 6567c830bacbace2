package dev.unifiedcrm.adapters.pipeliner;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a path segment, a query name or a query value as UTF-8, leaving only RFC 3986's
 * unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) as they are. Stricter than needed on purpose:
 * {@code / ? # & = + % {} } and spaces can then never change the meaning of the URL.
 */
final class PercentEncoder {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoder() {
    }

    static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        var out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0f]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
