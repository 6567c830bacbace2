package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.Reference;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Zoho CRM lead onto the unified {@link Lead}. Zoho marks no custom field by name, so a custom
 * field is any top-level key that is not a standard Leads field, not a {@code $…} system flag and
 * not a Zoho-managed {@code …__s} key (only {@code GET /settings/fields} would say for sure, and it
 * is not called). Picklists ({@code Lead_Source}, {@code Lead_Status}) come as display labels.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ZohoCrmLeadMapper {

    /** The standard Leads fields of API v8 and those seen in answers: never custom fields. */
    Set<String> STANDARD_FIELDS = Set.of(
            "Owner", "Company", "Email", "Visitor_Score", "Last_Activity_Time", "Industry", "Unsubscribed_Mode",
            "Exchange_Rate", "Currency", "Street", "Zip_Code", "Data_Processing_Basis_Details", "id", "Data_Source",
            "First_Visited_URL", "Days_Visited", "Created_Time", "City", "No_of_Employees", "Data_Processing_Basis",
            "Converted_Date_Time", "Converted_Account", "State", "Country", "Last_Visited_Time", "Created_By",
            "Annual_Revenue", "Secondary_Email", "Description", "Number_Of_Chats", "Rating", "Website", "Twitter",
            "Average_Time_Spent_Minutes", "Salutation", "First_Name", "Lead_Status", "Full_Name", "Record_Image",
            "Modified_By", "Converted_Deal", "Lead_Conversion_Time", "Skype_ID", "Phone", "Email_Opt_Out",
            "Designation", "Modified_Time", "Unsubscribed_Time", "Converted_Contact", "Mobile", "Territories",
            "First_Visited_Time", "Last_Name", "Layout", "Referrer", "Lead_Source", "Tag", "Fax", "Address",
            "Coordinates", "Latitude", "Longitude", "Flat_House_No_Building_Apartment_Name", "Account",
            "Associated_Contacts", "Co_Owner");

    /**
     * @param lead       Zoho's lead ({@code data[0]})
     * @param remoteData the same lead object as plain JSON values (ordered), kept whole; the custom fields come from it
     * @throws java.time.DateTimeException when a date-time is not ISO-8601 with an offset
     */
    @Mapping(target = "id", source = "lead.id")
    @Mapping(target = "owner", source = "lead.owner", qualifiedByName = "reference")
    @Mapping(target = "leadSource", source = "lead.leadSource", qualifiedByName = "text")
    @Mapping(target = "status", source = "lead.leadStatus", qualifiedByName = "text")
    @Mapping(target = "title", source = "lead.designation", qualifiedByName = "text")
    @Mapping(target = "firstName", source = "lead.firstName", qualifiedByName = "text")
    @Mapping(target = "lastName", source = "lead.lastName", qualifiedByName = "text")
    @Mapping(target = "addresses", source = "lead", qualifiedByName = "primaryAddress")
    @Mapping(target = "emailAddresses", source = "lead", qualifiedByName = "emails")
    @Mapping(target = "phoneNumbers", source = "lead", qualifiedByName = "phones")
    @Mapping(target = "customFields", source = "remoteData", qualifiedByName = "customFields")
    @Mapping(target = "lastActivityAt", source = "lead.lastActivityTime", qualifiedByName = "instant")
    @Mapping(target = "createdAt", source = "lead.createdTime", qualifiedByName = "instant")
    @Mapping(target = "updatedAt", source = "lead.modifiedTime", qualifiedByName = "instant")
    @Mapping(target = "convertedAt", source = "lead.convertedDateTime", qualifiedByName = "instant")
    @Mapping(target = "convertedContact", source = "lead.convertedContact", qualifiedByName = "reference")
    @Mapping(target = "convertedAccount", source = "lead.convertedAccount", qualifiedByName = "reference")
    @Mapping(target = "remoteData", source = "remoteData")
    // A Zoho lead has no lead type, and no contact or account before conversion (Company is a name).
    @Mapping(target = "leadType", ignore = true)
    @Mapping(target = "contact", ignore = true)
    @Mapping(target = "account", ignore = true)
    Lead toLead(ZohoCrmLeadDto lead, Map<String, Object> remoteData);

    /**
     * One {@code primary} address from the flat fields ({@code Street} → street 1, the flat/house
     * field → street 2, {@code Zip_Code} → postal code); none when all are empty.
     */
    @Named("primaryAddress")
    default List<Address> primaryAddress(ZohoCrmLeadDto lead) {
        var address = new Address(text(lead.street()), text(lead.flatHouseNoBuildingApartmentName()),
                text(lead.city()), text(lead.state()), text(lead.zipCode()), text(lead.country()), "primary");
        return address.isEmpty() ? List.of() : List.of(address);
    }

    /** {@code Email} (primary) and {@code Secondary_Email} (secondary); empty ones dropped. */
    @Named("emails")
    default List<EmailAddress> emails(ZohoCrmLeadDto lead) {
        var emails = new ArrayList<EmailAddress>(2);
        if (text(lead.email()) != null) {
            emails.add(new EmailAddress(lead.email(), "primary"));
        }
        if (text(lead.secondaryEmail()) != null) {
            emails.add(new EmailAddress(lead.secondaryEmail(), "secondary"));
        }
        return emails;
    }

    /** {@code Phone} (work), {@code Mobile} (mobile), {@code Fax} (fax); never an extension. */
    @Named("phones")
    default List<PhoneNumber> phones(ZohoCrmLeadDto lead) {
        var phones = new ArrayList<PhoneNumber>(3);
        for (String[] number : new String[][] {{lead.phone(), "work"}, {lead.mobile(), "mobile"}, {lead.fax(), "fax"}}) {
            if (text(number[0]) != null) {
                phones.add(new PhoneNumber(number[0], null, number[1]));
            }
        }
        return phones;
    }

    /** Keys that are neither standard, {@code $…} nor {@code …__s}, in Zoho's order; null and empty values dropped. */
    @Named("customFields")
    default Map<String, Object> customFields(Map<String, Object> lead) {
        var custom = new LinkedHashMap<String, Object>();
        lead.forEach((key, value) -> {
            if (!STANDARD_FIELDS.contains(key) && !key.startsWith("$") && !key.endsWith("__s")
                    && value != null && !"".equals(value)) {
                custom.put(key, value);
            }
        });
        return custom;
    }

    @Named("reference")
    default Reference reference(ZohoCrmLookupDto lookup) {
        return lookup == null ? null : Reference.toId(text(lookup.id()));
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ssXXX} with the org's offset, to the UTC instant; any fraction kept. */
    @Named("instant")
    default Instant instant(String dateTime) {
        String value = text(dateTime);
        return value == null ? null : OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    @Named("text")
    default String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
