package dev.unifiedcrm.adapters.pipeliner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.RemoteBody;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Pipeliner's bodies. JSON becomes plain Java values that keep what the provider sent: ordered
 * maps, lists, exact numbers ({@code BigDecimal} for fractions; {@code Integer}, {@code Long} or
 * {@code BigInteger} for whole numbers), booleans and nulls. One configured, thread-safe mapper.
 */
final class PipelinerJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Nothing, a JSON tree when the whole body is JSON, else the body as text. */
    RemoteBody parse(byte[] body, String contentType) {
        if (body.length == 0) {
            return RemoteBody.empty();
        }
        try {
            return new RemoteBody.Json(mapper.readValue(body, Object.class));
        } catch (IOException notJson) {
            return new RemoteBody.Text(new String(body, charsetOf(contentType)));
        }
    }

    /** @throws IllegalArgumentException when the delete answer does not fit the DTO */
    PipelinerDeleteAnswerDto deleteAnswer(Map<?, ?> answer) {
        return mapper.convertValue(answer, PipelinerDeleteAnswerDto.class);
    }

    /** @throws IllegalArgumentException when the lead object does not fit the DTO (an id that is an object, ...) */
    PipelinerLeadDto lead(Map<String, Object> data) {
        return mapper.convertValue(data, PipelinerLeadDto.class);
    }

    private static Charset charsetOf(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String trimmed = parameter.trim();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(trimmed.substring("charset=".length()).replace("\"", "").trim());
                    } catch (IllegalArgumentException unknownCharset) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
