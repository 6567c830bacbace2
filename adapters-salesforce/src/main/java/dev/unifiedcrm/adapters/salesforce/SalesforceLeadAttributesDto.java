package dev.unifiedcrm.adapters.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code attributes} of a fetched sObject: its type ({@code Lead}) and its own URL. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SalesforceLeadAttributesDto(
        @JsonProperty("type") String type,
        @JsonProperty("url") String url) {
}
