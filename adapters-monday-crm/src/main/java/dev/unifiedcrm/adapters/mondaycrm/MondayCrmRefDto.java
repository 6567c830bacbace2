package dev.unifiedcrm.adapters.mondaycrm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A board or group the item belongs to: its id (and a group's title). */
@JsonIgnoreProperties(ignoreUnknown = true)
record MondayCrmRefDto(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title) {
}
