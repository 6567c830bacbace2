package dev.unifiedcrm.adapters.zendesksell;

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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sell's lead onto the unified {@link Lead}, following the mapping table in this module's README.
 * Every Sell field is either mapped or named below as left to {@code remote_data}; empty strings
 * and nulls become absent.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ZendeskSellLeadMapper {

    /**
     * @param lead       Sell's lead ({@code data})
     * @param remoteData the same {@code data} object as plain JSON values, kept whole as remote data
     * @throws java.time.format.DateTimeException when a date-time is not ISO-8601
     */
    // Left to remote_data on purpose: no unified field for them (creator, company, qualification
    // reason, free texts, social handles, tags).
    @BeanMapping(ignoreUnmappedSourceProperties = {
            "creatorId", "organizationName", "unqualifiedReasonId", "description", "industry", "website",
            "twitter", "facebook", "linkedin", "skype", "tags"})
    @Mapping(target = "id", source = "lead.id", qualifiedByName = "text")
    @Mapping(target = "owner", source = "lead.ownerId", qualifiedByName = "reference")
    @Mapping(target = "leadSource", source = "lead.sourceId", qualifiedByName = "text")
    @Mapping(target = "status", source = "lead.status", qualifiedByName = "text")
    @Mapping(target = "title", source = "lead.title", qualifiedByName = "text")
    @Mapping(target = "firstName", source = "lead.firstName", qualifiedByName = "text")
    @Mapping(target = "lastName", source = "lead.lastName", qualifiedByName = "text")
    @Mapping(target = "addresses", source = "lead.address", qualifiedByName = "primaryAddress")
    @Mapping(target = "emailAddresses", source = "lead.email", qualifiedByName = "primaryEmail")
    @Mapping(target = "phoneNumbers", source = "lead", qualifiedByName = "phoneNumbers")
    @Mapping(target = "customFields", source = "lead.customFields", qualifiedByName = "customFields")
    @Mapping(target = "createdAt", source = "lead.createdAt", qualifiedByName = "instant")
    @Mapping(target = "updatedAt", source = "lead.updatedAt", qualifiedByName = "instant")
    @Mapping(target = "remoteData", source = "remoteData")
    // Sell has nothing for these: lead types, contact/account links and activity dates do not
    // exist on a lead, and conversions are a separate resource (lead_conversions).
    @Mapping(target = "leadType", ignore = true)
    @Mapping(target = "contact", ignore = true)
    @Mapping(target = "account", ignore = true)
    @Mapping(target = "lastActivityAt", ignore = true)
    @Mapping(target = "convertedAt", ignore = true)
    @Mapping(target = "convertedContact", ignore = true)
    @Mapping(target = "convertedAccount", ignore = true)
    Lead toLead(ZendeskSellLeadDto lead, Map<String, Object> remoteData);

    @Mapping(target = "street1", source = "line1", qualifiedByName = "text")
    @Mapping(target = "street2", ignore = true)
    @Mapping(target = "city", source = "city", qualifiedByName = "text")
    @Mapping(target = "state", source = "state", qualifiedByName = "text")
    @Mapping(target = "postalCode", source = "postalCode", qualifiedByName = "text")
    @Mapping(target = "country", source = "country", qualifiedByName = "text")
    @Mapping(target = "type", constant = "primary")
    Address toAddress(ZendeskSellAddressDto address);

    /** Sell's one address as the lead's {@code primary} address; none when absent or empty. */
    @Named("primaryAddress")
    default List<Address> primaryAddress(ZendeskSellAddressDto address) {
        Address mapped = toAddress(address);
        return mapped == null || mapped.isEmpty() ? List.of() : List.of(mapped);
    }

    @Named("primaryEmail")
    default List<EmailAddress> primaryEmail(String email) {
        String value = text(email);
        return value == null ? List.of() : List.of(new EmailAddress(value, "primary"));
    }

    /** {@code phone} (work), {@code mobile} and {@code fax}, in that order; empty ones dropped. */
    @Named("phoneNumbers")
    default List<PhoneNumber> phoneNumbers(ZendeskSellLeadDto lead) {
        var numbers = new ArrayList<PhoneNumber>(3);
        addPhone(numbers, lead.phone(), "work");
        addPhone(numbers, lead.mobile(), "mobile");
        addPhone(numbers, lead.fax(), "fax");
        return numbers;
    }

    private void addPhone(List<PhoneNumber> numbers, String number, String type) {
        String value = text(number);
        if (value != null) {
            numbers.add(new PhoneNumber(value, null, type));
        }
    }

    @Named("reference")
    default Reference reference(String id) {
        return Reference.toId(text(id));
    }

    /** ISO-8601 with an offset ({@code 2014-08-27T16:32:56Z}), to an instant with full precision. */
    @Named("instant")
    default Instant instant(String dateTime) {
        String value = text(dateTime);
        return value == null ? null : OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    @Named("text")
    default String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Sell's {@code custom_fields} in order, exact values; a field without a value (null, or a blank string) is dropped. */
    @Named("customFields")
    default Map<String, Object> customFields(Map<String, Object> fields) {
        var withValues = new LinkedHashMap<String, Object>();
        if (fields != null) {
            fields.forEach((name, value) -> {
                if (value != null && !(value instanceof String text && text.isBlank())) {
                    withValues.put(name, value);
                }
            });
        }
        return withValues;
    }
}
