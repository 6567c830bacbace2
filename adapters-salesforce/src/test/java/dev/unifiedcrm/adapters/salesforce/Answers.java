package dev.unifiedcrm.adapters.salesforce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.RemoteBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Provider answers as the HTTP layer hands them over: bytes, and the body parsed as exact JSON values. */
final class Answers {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Answers() {
    }

    static ProviderAnswer json(int status, String body, String... headerPairs) {
        try {
            return answer(status, "application/json;charset=UTF-8", body,
                    new RemoteBody.Json(JSON.readValue(body, Object.class)), headerPairs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProviderAnswer text(int status, String contentType, String body, String... headerPairs) {
        return answer(status, contentType, body, new RemoteBody.Text(body), headerPairs);
    }

    static ProviderAnswer empty(int status, String... headerPairs) {
        return answer(status, null, "", RemoteBody.empty(), headerPairs);
    }

    /** A JSON string literal. */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = Answers.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProviderAnswer answer(int status, String contentType, String body, RemoteBody parsed,
                                         String... headerPairs) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.computeIfAbsent(headerPairs[i], name -> new java.util.ArrayList<>()).add(headerPairs[i + 1]);
        }
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return new ProviderAnswer(status, Map.copyOf(headers), contentType, body.getBytes(StandardCharsets.UTF_8), parsed);
    }
}
