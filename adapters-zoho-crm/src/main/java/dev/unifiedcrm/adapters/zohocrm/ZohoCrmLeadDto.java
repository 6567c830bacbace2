package dev.unifiedcrm.adapters.zohocrm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Zoho CRM lead ({@code data[0]} of {@code GET /Leads/{id}}): the standard fields the unified lead
 * reads. Custom fields have no fixed names: the mapper reads them from the lead object itself, in
 * Zoho's order. Ids are 64-bit, beyond 2^53: read as text, never through a double.
 * Date-times stay text until the mapper parses them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ZohoCrmLeadDto(
        @JsonProperty("id") String id,
        @JsonProperty("Owner") ZohoCrmLookupDto owner,
        @JsonProperty("Lead_Source") String leadSource,
        @JsonProperty("Lead_Status") String leadStatus,
        @JsonProperty("Designation") String designation,
        @JsonProperty("First_Name") String firstName,
        @JsonProperty("Last_Name") String lastName,
        @JsonProperty("Street") String street,
        @JsonProperty("Flat_House_No_Building_Apartment_Name") String flatHouseNoBuildingApartmentName,
        @JsonProperty("City") String city,
        @JsonProperty("State") String state,
        @JsonProperty("Zip_Code") String zipCode,
        @JsonProperty("Country") String country,
        @JsonProperty("Email") String email,
        @JsonProperty("Secondary_Email") String secondaryEmail,
        @JsonProperty("Phone") String phone,
        @JsonProperty("Mobile") String mobile,
        @JsonProperty("Fax") String fax,
        @JsonProperty("Last_Activity_Time") String lastActivityTime,
        @JsonProperty("Created_Time") String createdTime,
        @JsonProperty("Modified_Time") String modifiedTime,
        @JsonProperty("Converted_Date_Time") String convertedDateTime,
        @JsonProperty("Converted_Contact") ZohoCrmLookupDto convertedContact,
        @JsonProperty("Converted_Account") ZohoCrmLookupDto convertedAccount) {
}
