package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.RemoteBody;
import feign.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a Feign response into a {@link ProviderAnswer}, never past the body size limit. */
final class InsightlyAnswers {

    private final int maxBodyBytes;
    private final InsightlyJson json;

    InsightlyAnswers(int maxBodyBytes, InsightlyJson json) {
        this.maxBodyBytes = maxBodyBytes;
        this.json = json;
    }

    /**
     * @throws ProviderContractBreach of kind {@code BODY_TOO_LARGE} when the body is longer than
     *                                the limit (its answer holds status and headers, no body)
     * @throws IOException            when the body cannot be read to its end
     */
    ProviderAnswer read(Response response) throws IOException {
        int status = response.status();
        Map<String, List<String>> headers = headers(response.headers());
        String contentType = firstValue(headers, "content-type");
        byte[] body = response.body() == null ? new byte[0] : readBounded(response.body().asInputStream());
        if (body == null) {
            var headersOnly = new ProviderAnswer(status, headers, contentType, new byte[0], RemoteBody.empty());
            throw new ProviderContractBreach(ProviderContractBreach.Kind.BODY_TOO_LARGE, headersOnly,
                    "Insightly answered " + status + " with a body over " + maxBodyBytes
                            + " bytes; it was not read past that limit");
        }
        return new ProviderAnswer(status, headers, contentType, body, parse(body, contentType));
    }

    /** The bytes, or null when there are more than the limit. */
    private byte[] readBounded(InputStream in) throws IOException {
        try (in) {
            var out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBodyBytes) {
                    return null;
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
    }

    /**
     * Empty, JSON (when it parses as one JSON value and is not declared as another type), or text.
     * Insightly's error bodies are sometimes plain text, so a body is never trusted to be JSON.
     */
    private RemoteBody parse(byte[] body, String contentType) {
        if (body.length == 0) {
            return RemoteBody.empty();
        }
        if (mayBeJson(contentType)) {
            var tree = json.tree(body);
            if (tree.isPresent()) {
                return new RemoteBody.Json(tree.get().value());
            }
        }
        return new RemoteBody.Text(new String(body, charset(contentType)));
    }

    private static boolean mayBeJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.isEmpty() || mediaType.equals("application/json") || mediaType.endsWith("+json")
                || mediaType.equals("text/json");
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].trim().replace("\"", ""));
                    } catch (IllegalArgumentException unsupported) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static Map<String, List<String>> headers(Map<String, Collection<String>> feignHeaders) {
        var headers = new LinkedHashMap<String, List<String>>();
        feignHeaders.forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        return headers;
    }

    private static String firstValue(Map<String, List<String>> headers, String name) {
        for (var entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }
}
