package dev.unifiedcrm.adapters.insightly;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Insightly's lead object (API v3.1, a bare object with upper-case keys). Ids and date-times are
 * read as text: ids become strings in the unified lead, and the date-times' format is the
 * mapper's business. Fields the unified lead has no place for are typed loosely ({@code Object}):
 * they are only kept in remote data, so an unexpected shape there must not fail the decoding.
 */
record InsightlyLeadDto(
        @JsonProperty("LEAD_ID") String leadId,
        @JsonProperty("SALUTATION") Object salutation,
        @JsonProperty("FIRST_NAME") String firstName,
        @JsonProperty("LAST_NAME") String lastName,
        @JsonProperty("TITLE") String title,
        @JsonProperty("ORGANISATION_NAME") Object organisationName,
        @JsonProperty("EMAIL") String email,
        @JsonProperty("PHONE") String phone,
        @JsonProperty("MOBILE") String mobile,
        @JsonProperty("FAX") String fax,
        @JsonProperty("WEBSITE") Object website,
        @JsonProperty("INDUSTRY") Object industry,
        @JsonProperty("EMPLOYEE_COUNT") Object employeeCount,
        @JsonProperty("LEAD_RATING") Object leadRating,
        @JsonProperty("LEAD_DESCRIPTION") Object leadDescription,
        @JsonProperty("LEAD_SOURCE_ID") String leadSourceId,
        @JsonProperty("LEAD_STATUS_ID") String leadStatusId,
        @JsonProperty("OWNER_USER_ID") String ownerUserId,
        @JsonProperty("RESPONSIBLE_USER_ID") Object responsibleUserId,
        @JsonProperty("CREATED_USER_ID") Object createdUserId,
        @JsonProperty("ADDRESS_STREET") String addressStreet,
        @JsonProperty("ADDRESS_CITY") String addressCity,
        @JsonProperty("ADDRESS_STATE") String addressState,
        @JsonProperty("ADDRESS_POSTCODE") String addressPostcode,
        @JsonProperty("ADDRESS_COUNTRY") String addressCountry,
        @JsonProperty("CONVERTED") Object converted,
        @JsonProperty("CONVERTED_CONTACT_ID") String convertedContactId,
        @JsonProperty("CONVERTED_ORGANISATION_ID") String convertedOrganisationId,
        @JsonProperty("CONVERTED_OPPORTUNITY_ID") Object convertedOpportunityId,
        @JsonProperty("CONVERTED_DATE_UTC") String convertedDateUtc,
        @JsonProperty("DATE_CREATED_UTC") String dateCreatedUtc,
        @JsonProperty("DATE_UPDATED_UTC") String dateUpdatedUtc,
        @JsonProperty("LAST_ACTIVITY_DATE_UTC") String lastActivityDateUtc,
        @JsonProperty("NEXT_ACTIVITY_DATE_UTC") Object nextActivityDateUtc,
        @JsonProperty("IMAGE_URL") Object imageUrl,
        @JsonProperty("EMAIL_OPTED_OUT") Object emailOptedOut,
        @JsonProperty("VISIBLE_TO") Object visibleTo,
        @JsonProperty("VISIBLE_TEAM_ID") Object visibleTeamId,
        @JsonProperty("CUSTOMFIELDS") List<InsightlyCustomFieldDto> customFields,
        @JsonProperty("TAGS") Object tags,
        @JsonProperty("LINKS") Object links) {
}
