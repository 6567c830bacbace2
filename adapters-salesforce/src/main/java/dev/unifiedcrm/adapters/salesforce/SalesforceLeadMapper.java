package dev.unifiedcrm.adapters.salesforce;

import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.Reference;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fetched Salesforce Lead onto the unified {@link Lead}. Empty strings and nulls become absent;
 * every field not named below stays in {@code remote_data}, which is the whole object,
 * {@code attributes} included.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface SalesforceLeadMapper {

    /** Custom fields end in {@code __c} (a managed package's too: {@code ns__Field__c}). */
    String CUSTOM_FIELD_SUFFIX = "__c";

    /**
     * @param lead       the fields the unified lead reads
     * @param pathId     the id the lead was fetched by: the unified id, never the fetched {@code Id}
     *                   (always 18 characters, while the caller may have used 15)
     * @param remoteData the same object as plain JSON values, kept whole and read for custom fields
     * @throws java.time.DateTimeException when a date or date-time is not in Salesforce's format
     */
    // attributes and Id only recognise the answer; the read fields below are consumed by the
    // address, e-mail and phone mappings.
    @BeanMapping(ignoreUnmappedSourceProperties = {"attributes", "id"})
    @Mapping(target = "id", source = "pathId")
    @Mapping(target = "owner", source = "lead.ownerId", qualifiedByName = "reference")
    @Mapping(target = "leadSource", source = "lead.leadSource", qualifiedByName = "text")
    @Mapping(target = "leadType", source = "lead.recordTypeId", qualifiedByName = "text")
    @Mapping(target = "status", source = "lead.status", qualifiedByName = "text")
    @Mapping(target = "title", source = "lead.title", qualifiedByName = "text")
    @Mapping(target = "firstName", source = "lead.firstName", qualifiedByName = "text")
    @Mapping(target = "lastName", source = "lead.lastName", qualifiedByName = "text")
    @Mapping(target = "addresses", source = "lead", qualifiedByName = "primaryAddress")
    @Mapping(target = "emailAddresses", source = "lead.email", qualifiedByName = "primaryEmail")
    @Mapping(target = "phoneNumbers", source = "lead", qualifiedByName = "phoneNumbers")
    @Mapping(target = "customFields", source = "remoteData", qualifiedByName = "customFields")
    @Mapping(target = "lastActivityAt", source = "lead.lastActivityDate", qualifiedByName = "date")
    @Mapping(target = "createdAt", source = "lead.createdDate", qualifiedByName = "dateTime")
    @Mapping(target = "updatedAt", source = "lead.lastModifiedDate", qualifiedByName = "dateTime")
    @Mapping(target = "convertedAt", source = "lead.convertedDate", qualifiedByName = "date")
    @Mapping(target = "convertedContact", source = "lead.convertedContactId", qualifiedByName = "reference")
    @Mapping(target = "convertedAccount", source = "lead.convertedAccountId", qualifiedByName = "reference")
    @Mapping(target = "remoteData", source = "remoteData")
    // A lead links to no contact or account until it is converted (then see converted_*).
    @Mapping(target = "contact", ignore = true)
    @Mapping(target = "account", ignore = true)
    Lead toLead(SalesforceLeadDto lead, String pathId, Map<String, Object> remoteData);

    /**
     * One {@code primary} address: {@code Street} up to its first line break is {@code street_1},
     * the rest {@code street_2}; the state and country names, else their ISO codes (orgs with
     * state and country picklists). None when every part is empty.
     */
    @Named("primaryAddress")
    default List<Address> primaryAddress(SalesforceLeadDto lead) {
        String street = text(lead.street());
        String street1 = street;
        String street2 = null;
        if (street != null) {
            int lineBreak = indexOfLineBreak(street);
            if (lineBreak >= 0) {
                street1 = text(street.substring(0, lineBreak));
                int rest = street.startsWith("\r\n", lineBreak) ? lineBreak + 2 : lineBreak + 1;
                street2 = text(street.substring(rest));
            }
        }
        String state = text(lead.state()) != null ? text(lead.state()) : text(lead.stateCode());
        String country = text(lead.country()) != null ? text(lead.country()) : text(lead.countryCode());
        var address = new Address(street1, street2, text(lead.city()), state, text(lead.postalCode()), country, "primary");
        return address.isEmpty() ? List.of() : List.of(address);
    }

    private static int indexOfLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                return i;
            }
        }
        return -1;
    }

    @Named("primaryEmail")
    default List<EmailAddress> primaryEmail(String email) {
        String value = text(email);
        return value == null ? List.of() : List.of(new EmailAddress(value, "primary"));
    }

    /** {@code Phone} (work), {@code MobilePhone} (mobile) and {@code Fax} (fax), in that order. */
    @Named("phoneNumbers")
    default List<PhoneNumber> phoneNumbers(SalesforceLeadDto lead) {
        var numbers = new ArrayList<PhoneNumber>(3);
        addPhone(numbers, lead.phone(), "work");
        addPhone(numbers, lead.mobilePhone(), "mobile");
        addPhone(numbers, lead.fax(), "fax");
        return numbers;
    }

    private void addPhone(List<PhoneNumber> numbers, String number, String type) {
        String value = text(number);
        if (value != null) {
            numbers.add(new PhoneNumber(value, null, type));
        }
    }

    /** Every top-level {@code ..__c} field in the object's order, values as they are; null and "" left out. */
    @Named("customFields")
    default Map<String, Object> customFields(Map<String, Object> remoteData) {
        var custom = new LinkedHashMap<String, Object>();
        remoteData.forEach((name, value) -> {
            if (name.endsWith(CUSTOM_FIELD_SUFFIX) && value != null && !"".equals(value)) {
                custom.put(name, value);
            }
        });
        return custom;
    }

    @Named("reference")
    default Reference reference(String id) {
        return Reference.toId(text(id));
    }

    @Named("dateTime")
    default Instant dateTime(String text) {
        return SalesforceDates.dateTime(text);
    }

    @Named("date")
    default Instant date(String text) {
        return SalesforceDates.date(text);
    }

    @Named("text")
    default String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
