package dev.unifiedcrm.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An answer, ready for any transport: status, headers (lower-case names, in order) and body.
 */
public record ApiResponse(int status, Map<String, String> headers, ResponseBody body) {

    public ApiResponse {
        var lowerCase = new LinkedHashMap<String, String>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), Objects.requireNonNull(value)));
        headers = Collections.unmodifiableMap(lowerCase);
        Objects.requireNonNull(body, "body");
    }

    public static ApiResponse json(int status, Map<String, String> headers, Object tree) {
        return new ApiResponse(status, headers, new ResponseBody.Json(tree));
    }

    /** The same answer with one more header (replacing one of the same name). */
    public ApiResponse withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name.toLowerCase(Locale.ROOT), value);
        return new ApiResponse(status, more, body);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
