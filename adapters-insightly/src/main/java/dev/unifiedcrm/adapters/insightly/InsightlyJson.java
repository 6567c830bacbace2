package dev.unifiedcrm.adapters.insightly;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Reads Insightly's lead object into its DTO: exact numbers, one value per body (trailing tokens
 * are an error), unknown lead keys tolerated (they stay in remote data).
 */
final class InsightlyJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** @throws IOException when the body does not fit the type */
    <T> T read(byte[] body, Class<T> type) throws IOException {
        return mapper.readValue(body, type);
    }
}
