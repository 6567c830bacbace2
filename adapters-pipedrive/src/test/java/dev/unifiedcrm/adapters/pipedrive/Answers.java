package dev.unifiedcrm.adapters.pipedrive;

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

/** Provider answers for tests, with the body parsed as the service parses it (exact numbers, ordered maps). */
final class Answers {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Answers() {
    }

    static ProviderAnswer json(int status, String body, String... headerPairs) {
        try {
            Object tree = JSON.readValue(body, Object.class);
            return answer(status, "application/json;charset=utf-8", body, new RemoteBody.Json(tree), headerPairs);
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

    static String resource(String name) {
        try (InputStream in = Answers.class.getResourceAsStream("/pipedrive/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProviderAnswer answer(int status, String contentType, String body, RemoteBody parsed,
                                         String... headerPairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
        }
        return new ProviderAnswer(status, headers, contentType, body.getBytes(StandardCharsets.UTF_8), parsed);
    }
}
