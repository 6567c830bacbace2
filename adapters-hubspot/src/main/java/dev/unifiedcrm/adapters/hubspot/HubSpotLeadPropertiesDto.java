package dev.unifiedcrm.adapters.hubspot;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lead's {@code properties}: the standard ones the fetch asks for, by name, and every other
 * property that came back ({@code others}, in order): the account's custom properties among them.
 * HubSpot sends every value as a string (numbers and booleans too), unset ones as {@code null}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record HubSpotLeadPropertiesDto(
        @JsonProperty("hs_lead_name") String leadName,
        @JsonProperty("hs_lead_type") String leadType,
        @JsonProperty("hs_lead_label") String leadLabel,
        @JsonProperty("hs_lead_source") String leadSource,
        @JsonProperty("hs_pipeline") String pipeline,
        @JsonProperty("hs_pipeline_stage") String pipelineStage,
        @JsonProperty("hubspot_owner_id") String ownerId,
        @JsonProperty("hs_associated_contact_firstname") String contactFirstName,
        @JsonProperty("hs_associated_contact_lastname") String contactLastName,
        @JsonProperty("hs_associated_contact_email") String contactEmail,
        @JsonProperty("hs_associated_company_name") String companyName,
        @JsonProperty("hs_associated_company_domain") String companyDomain,
        @JsonProperty("hs_last_activity_date") String lastActivityDate,
        @JsonProperty("hs_createdate") String createDate,
        @JsonProperty("hs_lastmodifieddate") String lastModifiedDate,
        @JsonProperty("hs_object_id") String objectId,
        @JsonAnySetter Map<String, Object> others) {

    HubSpotLeadPropertiesDto {
        others = others == null ? new LinkedHashMap<>() : others;
    }
}
