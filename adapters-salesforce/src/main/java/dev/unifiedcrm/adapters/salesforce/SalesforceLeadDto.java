package dev.unifiedcrm.adapters.salesforce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields of a fetched Salesforce Lead that the unified lead reads, with {@code attributes}
 * and {@code Id} to recognise the answer. Standard fields vary by org and API version, so none is
 * required; every other field (and the custom {@code ..__c} ones, read from the raw object) stays
 * in {@code remote_data}. Dates stay text until the mapper parses them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SalesforceLeadDto(
        @JsonProperty("attributes") SalesforceLeadAttributesDto attributes,
        @JsonProperty("Id") String id,
        @JsonProperty("OwnerId") String ownerId,
        @JsonProperty("LeadSource") String leadSource,
        @JsonProperty("RecordTypeId") String recordTypeId,
        @JsonProperty("Status") String status,
        @JsonProperty("Title") String title,
        @JsonProperty("FirstName") String firstName,
        @JsonProperty("LastName") String lastName,
        @JsonProperty("Street") String street,
        @JsonProperty("City") String city,
        @JsonProperty("State") String state,
        @JsonProperty("StateCode") String stateCode,
        @JsonProperty("PostalCode") String postalCode,
        @JsonProperty("Country") String country,
        @JsonProperty("CountryCode") String countryCode,
        @JsonProperty("Email") String email,
        @JsonProperty("Phone") String phone,
        @JsonProperty("MobilePhone") String mobilePhone,
        @JsonProperty("Fax") String fax,
        @JsonProperty("LastActivityDate") String lastActivityDate,
        @JsonProperty("CreatedDate") String createdDate,
        @JsonProperty("LastModifiedDate") String lastModifiedDate,
        @JsonProperty("ConvertedDate") String convertedDate,
        @JsonProperty("ConvertedContactId") String convertedContactId,
        @JsonProperty("ConvertedAccountId") String convertedAccountId) {
}
