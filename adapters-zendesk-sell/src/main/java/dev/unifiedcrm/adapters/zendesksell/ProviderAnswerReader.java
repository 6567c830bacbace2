package dev.unifiedcrm.adapters.zendesksell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns Feign's response into the domain's {@link ProviderAnswer}: status, every header, the
 * {@code Content-Type}, the body read up to a hard limit, and the body parsed as plain Java JSON
 * values (ordered maps, lists, exact numbers) or kept as text when it is not JSON.
 */
final class ProviderAnswerReader {

    private final ObjectMapper json;
    private final int maxBodyBytes;

    ProviderAnswerReader(ObjectMapper json, int maxBodyBytes) {
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The one mapper an adapter instance uses: exact numbers, nothing after the JSON value. */
    static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /**
     * Reads the whole answer; I/O errors while reading the body are the caller's to classify.
     *
     * @throws ProviderContractBreach of kind {@code BODY_TOO_LARGE} when the body is over the limit;
     *                                its answer then has the status and headers and no body
     */
    ProviderAnswer read(Response response) throws IOException {
        Map<String, List<String>> headers = headers(response);
        String contentType = headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type") && !header.getValue().isEmpty())
                .map(header -> header.getValue().get(0))
                .findFirst()
                .orElse(null);
        byte[] body = readBounded(response);
        if (body == null) {
            var withoutBody = new ProviderAnswer(response.status(), headers, contentType, new byte[0], RemoteBody.empty());
            throw new ProviderContractBreach(ProviderContractBreach.Kind.BODY_TOO_LARGE, withoutBody,
                    "Zendesk Sell answered " + response.status() + " with a body larger than "
                            + maxBodyBytes + " bytes; it was not read further");
        }
        return new ProviderAnswer(response.status(), headers, contentType, body, parse(body, contentType));
    }

    /** The body, or null when it is longer than the limit (never read past limit + 1 bytes). */
    private byte[] readBounded(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        Integer declared = response.body().length();
        if (declared != null && declared > maxBodyBytes) {
            return null;
        }
        try (InputStream in = response.body().asInputStream()) {
            var out = new ByteArrayOutputStream(Math.min(maxBodyBytes, 8192) + 1);
            byte[] buffer = new byte[8192];
            int total = 0;
            int read;
            while ((read = in.read(buffer, 0, (int) Math.min(buffer.length, (long) maxBodyBytes + 1 - total))) > 0) {
                out.write(buffer, 0, read);
                total += read;
                if (total > maxBodyBytes) {
                    return null;
                }
            }
            return out.toByteArray();
        }
    }

    private RemoteBody parse(byte[] body, String contentType) {
        if (body.length == 0) {
            return RemoteBody.empty();
        }
        try {
            // Plain Java values: LinkedHashMap, ArrayList, String, Integer/Long/BigInteger, BigDecimal, Boolean, null.
            return new RemoteBody.Json(json.readValue(body, Object.class));
        } catch (IOException notJson) {
            // Jackson's own errors (syntax, depth and size limits) are IOExceptions too.
            return new RemoteBody.Text(new String(body, charset(contentType)));
        }
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String trimmed = parameter.trim();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    String name = trimmed.substring("charset=".length()).replace("\"", "").trim();
                    try {
                        return Charset.forName(name);
                    } catch (IllegalArgumentException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static Map<String, List<String>> headers(Response response) {
        var headers = new LinkedHashMap<String, List<String>>();
        response.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        return headers;
    }
}
