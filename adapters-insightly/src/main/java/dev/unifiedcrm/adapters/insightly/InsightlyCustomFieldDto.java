package dev.unifiedcrm.adapters.insightly;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of a lead's {@code CUSTOMFIELDS}: the field's API name and its value, any JSON. */
record InsightlyCustomFieldDto(
        @JsonProperty("FIELD_NAME") String fieldName,
        @JsonProperty("FIELD_VALUE") Object fieldValue) {
}
