package dev.unifiedcrm.adapters.pipedrive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A Pipedrive lead (the {@code data} of {@code GET /api/v1/leads/{id}}), every standard field. The
 * integer ids (owner, person, organization) are read as text so they stay exact; date-times stay
 * text until the mapper reads them. Custom fields (top-level 40-hex keys) are not fields here: the
 * mapper takes them from the raw object, exact values and order kept.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PipedriveLeadDto(
        @JsonProperty("id") String id,
        @JsonProperty("title") String title,
        @JsonProperty("owner_id") String ownerId,
        @JsonProperty("creator_id") String creatorId,
        @JsonProperty("label_ids") List<String> labelIds,
        @JsonProperty("person_id") String personId,
        @JsonProperty("organization_id") String organizationId,
        @JsonProperty("source_name") String sourceName,
        @JsonProperty("origin") String origin,
        @JsonProperty("origin_id") String originId,
        @JsonProperty("channel") String channel,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("source_deal_id") String sourceDealId,
        @JsonProperty("is_archived") Boolean isArchived,
        @JsonProperty("was_seen") Boolean wasSeen,
        @JsonProperty("value") PipedriveLeadValueDto value,
        @JsonProperty("expected_close_date") String expectedCloseDate,
        @JsonProperty("next_activity_id") String nextActivityId,
        @JsonProperty("add_time") String addTime,
        @JsonProperty("update_time") String updateTime,
        @JsonProperty("visible_to") String visibleTo,
        @JsonProperty("cc_email") String ccEmail) {
}
