package dev.unifiedcrm.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider answered, as it came: status, headers (names lower-case, values in order),
 * {@code Content-Type} (null when it sent none), the body bytes, and the body as parsed by the
 * adapter. {@code body} is at most the adapter's size limit: a larger one is a
 * {@link ProviderContractBreach}.
 */
public record ProviderAnswer(
        int status,
        Map<String, List<String>> headers,
        String contentType,
        byte[] body,
        RemoteBody parsedBody) {

    public ProviderAnswer {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit HTTP status, was " + status);
        }
        Objects.requireNonNull(headers, "headers");
        var lowerCase = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, values) -> lowerCase.merge(
                name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> concat(a, b)));
        headers = Collections.unmodifiableMap(lowerCase);
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(parsedBody, "parsedBody");
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new java.util.ArrayList<String>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
