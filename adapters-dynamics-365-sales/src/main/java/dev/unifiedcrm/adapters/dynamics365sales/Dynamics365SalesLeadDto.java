package dev.unifiedcrm.adapters.dynamics365sales;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * The columns of a Dataverse lead row that the unified lead reads, with the annotations it needs:
 * choice labels ({@code ...@OData.Community.Display.V1.FormattedValue}) and the table a
 * polymorphic lookup points to ({@code ...@Microsoft.Dynamics.CRM.lookuplogicalname}). Lookups come
 * as {@code _name_value}. Every other column, custom ones included, stays in {@code remote_data}
 * (custom columns are read from the raw row). Dates stay text until the mapper parses them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Dynamics365SalesLeadDto(
        @JsonProperty("leadid") String leadId,
        @JsonProperty("_ownerid_value") String ownerId,
        @JsonProperty("leadsourcecode") BigDecimal leadSourceCode,
        @JsonProperty("leadsourcecode" + Dynamics365SalesLeadDto.FORMATTED_VALUE) String leadSourceLabel,
        @JsonProperty("statuscode") BigDecimal statusCode,
        @JsonProperty("statuscode" + Dynamics365SalesLeadDto.FORMATTED_VALUE) String statusLabel,
        @JsonProperty("jobtitle") String jobTitle,
        @JsonProperty("firstname") String firstName,
        @JsonProperty("lastname") String lastName,
        @JsonProperty("_parentcontactid_value") String parentContactId,
        @JsonProperty("_parentaccountid_value") String parentAccountId,
        @JsonProperty("_customerid_value") String customerId,
        @JsonProperty("_customerid_value" + Dynamics365SalesLeadDto.LOOKUP_LOGICAL_NAME) String customerTable,
        @JsonProperty("address1_line1") String address1Line1,
        @JsonProperty("address1_line2") String address1Line2,
        @JsonProperty("address1_line3") String address1Line3,
        @JsonProperty("address1_city") String address1City,
        @JsonProperty("address1_stateorprovince") String address1StateOrProvince,
        @JsonProperty("address1_postalcode") String address1PostalCode,
        @JsonProperty("address1_country") String address1Country,
        @JsonProperty("address2_line1") String address2Line1,
        @JsonProperty("address2_line2") String address2Line2,
        @JsonProperty("address2_line3") String address2Line3,
        @JsonProperty("address2_city") String address2City,
        @JsonProperty("address2_stateorprovince") String address2StateOrProvince,
        @JsonProperty("address2_postalcode") String address2PostalCode,
        @JsonProperty("address2_country") String address2Country,
        @JsonProperty("emailaddress1") String emailAddress1,
        @JsonProperty("emailaddress2") String emailAddress2,
        @JsonProperty("emailaddress3") String emailAddress3,
        @JsonProperty("telephone1") String telephone1,
        @JsonProperty("mobilephone") String mobilePhone,
        @JsonProperty("telephone2") String telephone2,
        @JsonProperty("telephone3") String telephone3,
        @JsonProperty("fax") String fax,
        @JsonProperty("pager") String pager,
        @JsonProperty("createdon") String createdOn,
        @JsonProperty("modifiedon") String modifiedOn,
        @JsonProperty("_contactid_value") String contactId,
        @JsonProperty("_accountid_value") String accountId) {

    static final String FORMATTED_VALUE = "@OData.Community.Display.V1.FormattedValue";
    static final String LOOKUP_LOGICAL_NAME = "@Microsoft.Dynamics.CRM.lookuplogicalname";
}
