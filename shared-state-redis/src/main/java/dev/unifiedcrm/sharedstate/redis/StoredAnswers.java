package dev.unifiedcrm.sharedstate.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.application.ApiResponse;
import dev.unifiedcrm.application.ResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An answer as bytes for Redis and back: a small JSON document holding the status, the headers in
 * order, and either the JSON tree (numbers as written, keys in order) or the raw body in Base64.
 * Answers larger than {@link #MAX_BYTES} once encoded are not kept: a provider body may be 1 MiB,
 * and a bigger document means something is wrong; a repeat then runs the request again.
 */
final class StoredAnswers {

    /** Room for a 1 MiB provider body in Base64 or as an escaped JSON tree. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private StoredAnswers() {
    }

    /** The answer's bytes, or empty when they would be more than {@link #MAX_BYTES}. */
    static Optional<byte[]> encode(ApiResponse answer) {
        var document = new LinkedHashMap<String, Object>();
        document.put("status", answer.status());
        document.put("headers", answer.headers());
        if (answer.body() instanceof ResponseBody.Raw raw) {
            document.put("content_type", raw.contentType());
            document.put("raw", Base64.getEncoder().encodeToString(raw.bytes()));
        } else {
            document.put("json", ((ResponseBody.Json) answer.body()).tree());
        }
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer's JSON tree cannot be written as JSON", e);
        }
        return bytes.length > MAX_BYTES ? Optional.empty() : Optional.of(bytes);
    }

    @SuppressWarnings("unchecked")
    static ApiResponse decode(byte[] bytes) {
        Map<String, Object> document;
        try {
            document = MAPPER.readValue(bytes, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored answer in Redis is not one this service wrote", e);
        }
        int status = ((Number) document.get("status")).intValue();
        var headers = (Map<String, String>) document.get("headers");
        if (document.containsKey("raw")) {
            return new ApiResponse(status, headers, new ResponseBody.Raw((String) document.get("content_type"),
                    Base64.getDecoder().decode((String) document.get("raw"))));
        }
        return ApiResponse.json(status, headers, document.get("json"));
    }
}
