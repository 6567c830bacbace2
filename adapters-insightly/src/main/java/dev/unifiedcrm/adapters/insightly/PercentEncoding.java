package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.QueryParameter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percent-encoding of path segments and query parameters: UTF-8, everything but RFC 3986 unreserved characters. */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    static String encode(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
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
     * The parameters as Feign's encoded query map: names and values encoded, a repeated name as a
     * list of its values in order. Names keep their first position; the provider sees repeats
     * together, which {@code application/x-www-form-urlencoded} treats alike.
     */
    static Map<String, Object> encodedQuery(List<QueryParameter> parameters) {
        var byName = new LinkedHashMap<String, List<String>>();
        for (QueryParameter parameter : parameters) {
            byName.computeIfAbsent(encode(parameter.name()), name -> new ArrayList<>()).add(encode(parameter.value()));
        }
        var query = new LinkedHashMap<String, Object>();
        byName.forEach((name, values) -> query.put(name, values.size() == 1 ? values.get(0) : values));
        return query;
    }
}
