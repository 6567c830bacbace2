package dev.unifiedcrm.adapters.nutshell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * The fields of a Nutshell REST lead that the unified lead reads. Every other key (value,
 * confidence, number, URLs, the remaining links, keys Nutshell adds later) reaches
 * {@code remote_data} only. Time fields stay plain JSON values: Nutshell sends objects
 * {@code {absoluteLocalizedString, timestamp, value}} while its OpenAPI calls them strings, and the
 * mapper reads both.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record NutshellLeadDto(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("status") String status,
        @JsonProperty("links") NutshellLeadLinksDto links,
        @JsonProperty("customFields") Map<String, Object> customFields,
        @JsonProperty("createdTime") Object createdTime,
        @JsonProperty("lastContactedTime") Object lastContactedTime) {
}
