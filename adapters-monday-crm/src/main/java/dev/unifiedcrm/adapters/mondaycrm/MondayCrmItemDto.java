package dev.unifiedcrm.adapters.mondaycrm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A monday.com item (a row of the Leads board) as the fetch query asks for it. Ids are GraphQL
 * {@code ID}s written as strings of digits beyond int32: read as text. Date-times stay text until the
 * mapper parses them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MondayCrmItemDto(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("state") String state,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("creator_id") String creatorId,
        @JsonProperty("board") MondayCrmRefDto board,
        @JsonProperty("group") MondayCrmRefDto group,
        @JsonProperty("column_values") List<MondayCrmColumnValueDto> columnValues) {
}
