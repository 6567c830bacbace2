package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.QueryParameter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UTF-8 percent-encoding that leaves only RFC 3986's unreserved characters ({@code A-Z a-z 0-9 - . _ ~})
 * as they are. Stricter than a URL needs on purpose: {@code / ? # & = + % { }} and spaces then
 * never change what the provider reads, and Feign never sees a template expression.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** The text as exactly one encoded path segment, query name or query value. */
    public static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        var out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * The parameters as a Feign encoded query map ({@code @QueryMap(encoded = true)}): names and
     * values encoded, each name with the list of its values in order. A name keeps its first
     * position, so repeats travel together, which {@code application/x-www-form-urlencoded} reads alike.
     */
    public static Map<String, Object> query(List<QueryParameter> parameters) {
        if (parameters.isEmpty()) {
            return Map.of();
        }
        var query = new LinkedHashMap<String, Object>();
        for (QueryParameter parameter : parameters) {
            @SuppressWarnings("unchecked")
            var values = (List<String>) query.computeIfAbsent(encode(parameter.name()), name -> new ArrayList<String>());
            values.add(encode(parameter.value()));
        }
        return query;
    }
}
