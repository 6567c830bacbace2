package dev.unifiedcrm.adapters.mondaycrm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An entry of a people column: a user ({@code kind} {@code person}) or a team. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MondayCrmPersonOrTeamDto(
        @JsonProperty("id") String id,
        @JsonProperty("kind") String kind) {
}
