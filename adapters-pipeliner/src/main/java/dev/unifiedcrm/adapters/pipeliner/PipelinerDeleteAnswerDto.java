package dev.unifiedcrm.adapters.pipeliner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Pipeliner's answer to a delete: {@code {"success": true, "data": "<uuid of the deleted lead>"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PipelinerDeleteAnswerDto(
        @JsonProperty("success") Boolean success,
        @JsonProperty("data") String data) {
}
