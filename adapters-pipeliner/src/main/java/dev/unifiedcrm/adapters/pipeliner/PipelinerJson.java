package dev.unifiedcrm.adapters.pipeliner;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.Map;

/** Turns Pipeliner's parsed JSON (plain Java values, exact numbers) into its DTOs. One configured, thread-safe mapper. */
final class PipelinerJson {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** @throws IllegalArgumentException when the delete answer does not fit the DTO */
    PipelinerDeleteAnswerDto deleteAnswer(Map<?, ?> answer) {
        return mapper.convertValue(answer, PipelinerDeleteAnswerDto.class);
    }

    /** @throws IllegalArgumentException when the lead object does not fit the DTO (an id that is an object, ...) */
    PipelinerLeadDto lead(Map<String, Object> data) {
        return mapper.convertValue(data, PipelinerLeadDto.class);
    }
}
