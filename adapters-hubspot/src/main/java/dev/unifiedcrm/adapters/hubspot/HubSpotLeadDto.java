package dev.unifiedcrm.adapters.hubspot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A HubSpot lead as {@code GET /crm/objects/{version}/leads/{id}} returns it (no envelope). Ids and
 * date-times stay text until the mapper reads them; fields HubSpot adds later are ignored here and
 * still reach {@code remote_data}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HubSpotLeadDto(
        @JsonProperty("id") String id,
        @JsonProperty("properties") HubSpotLeadPropertiesDto properties,
        @JsonProperty("createdAt") String createdAt,
        @JsonProperty("updatedAt") String updatedAt,
        @JsonProperty("archived") Boolean archived,
        @JsonProperty("archivedAt") String archivedAt,
        @JsonProperty("associations") HubSpotAssociationsDto associations) {
}
