package dev.unifiedcrm.adapters.zendesksell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * Sell's lead object (the {@code data} of {@code GET /v2/leads/{id}}), every documented field.
 * Ids are read as text so that 64-bit ids stay exact; date-times stay text until the mapper
 * parses them. Fields Sell adds later are ignored here and still reach {@code remote_data}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ZendeskSellLeadDto(
        @JsonProperty("id") String id,
        @JsonProperty("creator_id") String creatorId,
        @JsonProperty("owner_id") String ownerId,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("organization_name") String organizationName,
        @JsonProperty("status") String status,
        @JsonProperty("source_id") String sourceId,
        @JsonProperty("unqualified_reason_id") String unqualifiedReasonId,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("industry") String industry,
        @JsonProperty("website") String website,
        @JsonProperty("email") String email,
        @JsonProperty("phone") String phone,
        @JsonProperty("mobile") String mobile,
        @JsonProperty("fax") String fax,
        @JsonProperty("twitter") String twitter,
        @JsonProperty("facebook") String facebook,
        @JsonProperty("linkedin") String linkedin,
        @JsonProperty("skype") String skype,
        @JsonProperty("address") ZendeskSellAddressDto address,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("custom_fields") Map<String, Object> customFields,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt) {
}
