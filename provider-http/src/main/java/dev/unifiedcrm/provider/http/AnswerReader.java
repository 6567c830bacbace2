package dev.unifiedcrm.provider.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.RemoteBody;
import feign.Response;

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

/**
 * Reads a response into a {@link ProviderAnswer}, never past the body limit. The body is parsed as
 * plain Java JSON values (ordered maps, lists, exact numbers) when it is one JSON value and not
 * declared as another type; otherwise it is kept as text. Providers' error bodies are often plain
 * text or HTML, so a body is never trusted to be JSON.
 */
final class AnswerReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final int maxBodyBytes;
    private final String provider;

    AnswerReader(int maxBodyBytes, String provider) {
        this.maxBodyBytes = maxBodyBytes;
        this.provider = provider;
    }

    /**
     * @throws ProviderContractBreach of kind {@code BODY_TOO_LARGE} when the body is over the limit
     *                                (its answer holds status and headers, no body)
     * @throws IOException            when the body cannot be read to its end
     */
    ProviderAnswer read(Response response) throws IOException {
        int status = response.status();
        Map<String, List<String>> headers = headers(response.headers());
        String contentType = firstValue(headers, "content-type");
        Response.Body body = response.body();
        byte[] bytes = body == null ? new byte[0] : readBounded(body);
        if (bytes == null) {
            var headersOnly = new ProviderAnswer(status, headers, contentType, new byte[0], RemoteBody.empty());
            throw new ProviderContractBreach(ProviderContractBreach.Kind.BODY_TOO_LARGE, headersOnly,
                    provider + " answered " + status + " with a body over " + maxBodyBytes
                            + " bytes; it was not read past that limit");
        }
        return new ProviderAnswer(status, headers, contentType, bytes, parse(bytes, contentType));
    }

    /** The bytes, or null when there are more than the limit (never reads past limit + 1). */
    private byte[] readBounded(Response.Body body) throws IOException {
        Integer declared = body.length();
        if (declared != null && declared > maxBodyBytes) {
            return null;
        }
        try (InputStream in = body.asInputStream()) {
            // A declared length is read exactly (the client holds the provider to it); an undeclared one
            // up to one byte past the limit, which is how a longer body is told apart.
            int atMost = declared != null ? declared : maxBodyBytes == Integer.MAX_VALUE ? maxBodyBytes : maxBodyBytes + 1;
            byte[] bytes = in.readNBytes(atMost);
            return bytes.length > maxBodyBytes ? null : bytes;
        }
    }

    static RemoteBody parse(byte[] body, String contentType) {
        if (body.length == 0) {
            return RemoteBody.empty();
        }
        if (mayBeJson(contentType)) {
            try {
                return new RemoteBody.Json(JSON.readValue(body, Object.class));
            } catch (IOException notJson) {
                // Jackson's syntax, depth and size errors are IOExceptions: the body is text then.
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
