package dev.unifiedcrm.adapters.nutshell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The lead's own {@code links} object: related records by API id ({@code 5-users}, {@code 12-contacts}).
 * Only the relations the unified lead has a field for; the rest (creator, tags, stage, watchers, ...)
 * stay in {@code remote_data}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record NutshellLeadLinksDto(
        @JsonProperty("owner") String owner,
        @JsonProperty("sources") List<String> sources,
        @JsonProperty("contacts") List<String> contacts,
        @JsonProperty("accounts") List<String> accounts) {
}
