package dev.unifiedcrm.adapters.nutshell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.RemoteBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Provider answers for tests, parsed as the adapter parses bodies (exact numbers, text when not JSON). */
final class NutshellAnswers {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private NutshellAnswers() {
    }

    static ProviderAnswer answer(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        RemoteBody parsed;
        if (body.isEmpty()) {
            parsed = RemoteBody.empty();
        } else {
            try {
                parsed = new RemoteBody.Json(JSON.readValue(bytes, Object.class));
            } catch (IOException notJson) {
                parsed = new RemoteBody.Text(body);
            }
        }
        Map<String, List<String>> headers = contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
        return new ProviderAnswer(status, headers, contentType, bytes, parsed);
    }

    static ProviderAnswer json(int status, String body) {
        return answer(status, "application/json", body);
    }

    static String resource(String name) {
        try (InputStream in = NutshellAnswers.class.getResourceAsStream("/nutshell/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
