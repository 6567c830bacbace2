package dev.unifiedcrm.adapters.zendesksell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code address} of a Sell lead: one free-text line and its parts. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ZendeskSellAddressDto(
        @JsonProperty("line1") String line1,
        @JsonProperty("city") String city,
        @JsonProperty("postal_code") String postalCode,
        @JsonProperty("state") String state,
        @JsonProperty("country") String country) {
}
