package dev.unifiedcrm.api.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The request path split into percent-decoded segments, refusing what the API calls
 * ambiguous: an encoded {@code /} or {@code \}, a dot segment (plain or encoded), an empty
 * segment ({@code //}) and a path parameter ({@code ;}). Such a path could name another resource
 * once a proxy or the provider normalizes it, so it is answered 400 before anything else.
 */
final class RequestPath {

    private RequestPath() {
    }

    static final class AmbiguousPathException extends Exception {
        AmbiguousPathException(String what) {
            super("The request path is ambiguous: it holds " + what + ". Give the lead id as exactly one path"
                    + " segment, percent-encoded where needed, without '/', '\\', ';' or dot segments.",
                    null, false, false);
        }
    }

    /**
     * @param rawPath the path as sent, still percent-encoded, without the query
     * @return the decoded segments ({@code /a/b} gives {@code [a, b]}, {@code /} gives {@code [""]});
     *         a path that does not start with {@code /} gives no segment, which matches no route
     */
    static List<String> segments(String rawPath) throws AmbiguousPathException {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return List.of();
        }
        String[] raw = rawPath.substring(1).split("/", -1);
        var decoded = new ArrayList<String>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            String segment = raw[i];
            if (segment.isEmpty() && i < raw.length - 1) {
                throw new AmbiguousPathException("an empty segment ('//')");
            }
            if (segment.indexOf(';') >= 0) {
                throw new AmbiguousPathException("a path parameter (';')");
            }
            if (segment.indexOf('\\') >= 0) {
                throw new AmbiguousPathException("a backslash");
            }
            String value;
            try {
                value = PercentDecoding.decodePathSegment(segment);
            } catch (PercentDecoding.MalformedEscapeException e) {
                throw new AmbiguousPathException("a malformed percent-escape (" + e.getMessage() + ")");
            }
            if (value.indexOf('/') >= 0) {
                throw new AmbiguousPathException("an encoded '/' (%2F)");
            }
            if (value.indexOf('\\') >= 0) {
                throw new AmbiguousPathException("an encoded '\\' (%5C)");
            }
            if (value.equals(".") || value.equals("..")) {
                throw new AmbiguousPathException("a dot segment ('.' or '..')");
            }
            decoded.add(value);
        }
        return decoded;
    }
}
