package dev.unifiedcrm.adapters.mondaycrm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One column's value on an item. {@code text} is the display text; {@code value} is the raw value, a
 * JSON document inside a JSON string, never parsed here. {@code label}, {@code email}, {@code phone}
 * and {@code persons_and_teams} come only for status, e-mail, phone and people columns.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MondayCrmColumnValueDto(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("text") String text,
        @JsonProperty("value") String value,
        @JsonProperty("label") String label,
        @JsonProperty("email") String email,
        @JsonProperty("phone") String phone,
        @JsonProperty("persons_and_teams") List<MondayCrmPersonOrTeamDto> personsAndTeams) {
}
