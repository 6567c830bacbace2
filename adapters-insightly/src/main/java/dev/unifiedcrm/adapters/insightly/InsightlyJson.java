package dev.unifiedcrm.adapters.insightly;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * The adapter's one configured {@link ObjectMapper}: JSON read as plain Java values with exact
 * numbers (fractions as {@code BigDecimal}, integers as {@code Integer}/{@code Long}/{@code BigInteger}),
 * objects as ordered maps, one value per body (trailing tokens are an error), unknown lead keys
 * tolerated (they stay in remote data).
 */
final class InsightlyJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The body as a plain Java tree; a present Optional holding null for a JSON {@code null}; empty when not JSON. */
    Optional<Holder> tree(byte[] body) {
        try {
            return Optional.of(new Holder(mapper.readValue(body, Object.class)));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** @throws IOException when the body does not fit the type */
    <T> T read(byte[] body, Class<T> type) throws IOException {
        return mapper.readValue(body, type);
    }

    /** A parsed JSON value, which may be null. */
    record Holder(Object value) {
    }
}
