package dev.unifiedcrm.adapters.hubspot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A lead's {@code associations}, as asked for with {@code associations=contacts,companies}: for each
 * type, {@code {"results": [{"id": "75301", "type": "lead_to_primary_contact"}, ...]}}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HubSpotAssociationsDto(
        @JsonProperty("contacts") Results contacts,
        @JsonProperty("companies") Results companies) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Results(@JsonProperty("results") List<Association> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Association(@JsonProperty("id") String id, @JsonProperty("type") String type) {
    }
}
