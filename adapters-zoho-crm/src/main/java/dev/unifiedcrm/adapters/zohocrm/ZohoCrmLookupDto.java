package dev.unifiedcrm.adapters.zohocrm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Zoho lookup ({@code Owner}, {@code Converted_Contact}, …): a record's id and display name. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ZohoCrmLookupDto(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name) {
}
