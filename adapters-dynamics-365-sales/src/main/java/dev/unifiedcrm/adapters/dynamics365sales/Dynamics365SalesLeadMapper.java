package dev.unifiedcrm.adapters.dynamics365sales;

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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Dataverse lead row onto the unified {@link Lead}. Empty strings and nulls become absent; every
 * column not named below stays in {@code remote_data}, which is the whole row, {@code @odata.*}
 * and annotation keys included. Dataverse has no lead type, no last-activity column and no
 * column recording when a lead was qualified: those stay empty.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface Dynamics365SalesLeadMapper {

    /** Microsoft's own prefixes (its solutions, portals, images, follow-up helpers), never a customer's. */
    List<String> NOT_CUSTOM_PREFIXES = List.of("address1_", "address2_", "entityimage_", "schedulefollowup_", "adx_", "ms");
    /** Base-currency copies of standard money columns. */
    Set<String> NOT_CUSTOM_COLUMNS = Set.of("budgetamount_base", "estimatedamount_base", "revenue_base");

    /**
     * @param lead       the columns the unified lead reads
     * @param pathId     the id the lead was fetched by (lower case): the unified id
     * @param remoteData the same row as plain JSON values, kept whole and read for custom columns
     * @throws java.time.DateTimeException when {@code createdon} or {@code modifiedon} is not a date-time
     */
    // leadid only recognises the answer; the other read columns are consumed by the composite
    // mappings (labels, lookups, addresses, e-mails, phones).
    @BeanMapping(ignoreUnmappedSourceProperties = {"leadId"})
    @Mapping(target = "id", source = "pathId")
    @Mapping(target = "owner", source = "lead.ownerId", qualifiedByName = "reference")
    @Mapping(target = "leadSource", source = "lead", qualifiedByName = "leadSource")
    @Mapping(target = "status", source = "lead", qualifiedByName = "status")
    @Mapping(target = "title", source = "lead.jobTitle", qualifiedByName = "text")
    @Mapping(target = "contact", source = "lead", qualifiedByName = "contact")
    @Mapping(target = "account", source = "lead", qualifiedByName = "account")
    @Mapping(target = "firstName", source = "lead.firstName", qualifiedByName = "text")
    @Mapping(target = "lastName", source = "lead.lastName", qualifiedByName = "text")
    @Mapping(target = "addresses", source = "lead", qualifiedByName = "addresses")
    @Mapping(target = "emailAddresses", source = "lead", qualifiedByName = "emailAddresses")
    @Mapping(target = "phoneNumbers", source = "lead", qualifiedByName = "phoneNumbers")
    @Mapping(target = "customFields", source = "remoteData", qualifiedByName = "customFields")
    @Mapping(target = "createdAt", source = "lead.createdOn", qualifiedByName = "dateTime")
    @Mapping(target = "updatedAt", source = "lead.modifiedOn", qualifiedByName = "dateTime")
    @Mapping(target = "convertedContact", source = "lead.contactId", qualifiedByName = "reference")
    @Mapping(target = "convertedAccount", source = "lead.accountId", qualifiedByName = "reference")
    @Mapping(target = "remoteData", source = "remoteData")
    @Mapping(target = "leadType", ignore = true)
    @Mapping(target = "lastActivityAt", ignore = true)
    @Mapping(target = "convertedAt", ignore = true)
    Lead toLead(Dynamics365SalesLeadDto lead, String pathId, Map<String, Object> remoteData);

    /** The choice's label (the org's base language), else its integer value. */
    @Named("leadSource")
    default String leadSource(Dynamics365SalesLeadDto lead) {
        return labelOrValue(lead.leadSourceLabel(), lead.leadSourceCode());
    }

    /** The status reason's label, else its integer value; the state (Open, Qualified, ...) stays in remote data. */
    @Named("status")
    default String status(Dynamics365SalesLeadDto lead) {
        return labelOrValue(lead.statusLabel(), lead.statusCode());
    }

    private String labelOrValue(String label, BigDecimal value) {
        String text = text(label);
        return text != null ? text : value == null ? null : value.toPlainString();
    }

    /** The parent contact, else the customer when that lookup points at a contact. */
    @Named("contact")
    default Reference contact(Dynamics365SalesLeadDto lead) {
        Reference parent = reference(lead.parentContactId());
        return parent != null ? parent : "contact".equals(lead.customerTable()) ? reference(lead.customerId()) : null;
    }

    /** The parent account, else the customer when that lookup points at an account. */
    @Named("account")
    default Reference account(Dynamics365SalesLeadDto lead) {
        Reference parent = reference(lead.parentAccountId());
        return parent != null ? parent : "account".equals(lead.customerTable()) ? reference(lead.customerId()) : null;
    }

    /** {@code address1_*} as {@code primary}, then {@code address2_*} as {@code secondary}; empty ones left out. */
    @Named("addresses")
    default List<Address> addresses(Dynamics365SalesLeadDto lead) {
        var addresses = new ArrayList<Address>(2);
        addAddress(addresses, new Address(text(lead.address1Line1()), lines(lead.address1Line2(), lead.address1Line3()),
                text(lead.address1City()), text(lead.address1StateOrProvince()), text(lead.address1PostalCode()),
                text(lead.address1Country()), "primary"));
        addAddress(addresses, new Address(text(lead.address2Line1()), lines(lead.address2Line2(), lead.address2Line3()),
                text(lead.address2City()), text(lead.address2StateOrProvince()), text(lead.address2PostalCode()),
                text(lead.address2Country()), "secondary"));
        return addresses;
    }

    private void addAddress(List<Address> addresses, Address address) {
        if (!address.isEmpty()) {
            addresses.add(address);
        }
    }

    /** Lines two and three joined by a line feed; either alone as it is. */
    private String lines(String line2, String line3) {
        String second = text(line2);
        String third = text(line3);
        if (second == null) {
            return third;
        }
        return third == null ? second : second + "\n" + third;
    }

    @Named("emailAddresses")
    default List<EmailAddress> emailAddresses(Dynamics365SalesLeadDto lead) {
        var emails = new ArrayList<EmailAddress>(3);
        addEmail(emails, lead.emailAddress1(), "primary");
        addEmail(emails, lead.emailAddress2(), "secondary");
        addEmail(emails, lead.emailAddress3(), "other");
        return emails;
    }

    private void addEmail(List<EmailAddress> emails, String email, String type) {
        String value = text(email);
        if (value != null) {
            emails.add(new EmailAddress(value, type));
        }
    }

    /** Business, mobile, home, other, fax and pager, in that order. */
    @Named("phoneNumbers")
    default List<PhoneNumber> phoneNumbers(Dynamics365SalesLeadDto lead) {
        var numbers = new ArrayList<PhoneNumber>(6);
        addPhone(numbers, lead.telephone1(), "work");
        addPhone(numbers, lead.mobilePhone(), "mobile");
        addPhone(numbers, lead.telephone2(), "home");
        addPhone(numbers, lead.telephone3(), "other");
        addPhone(numbers, lead.fax(), "fax");
        addPhone(numbers, lead.pager(), "pager");
        return numbers;
    }

    private void addPhone(List<PhoneNumber> numbers, String number, String type) {
        String value = text(number);
        if (value != null) {
            numbers.add(new PhoneNumber(value, null, type));
        }
    }

    /**
     * The custom columns in the row's order, keys as sent, values as they are (choices stay
     * integers); null and "" left out. A key is one when it holds no {@code @} (annotations) and its
     * column name (the key, or {@code X} of a lookup key {@code _X_value}) carries a publisher
     * prefix ({@code new_}, {@code cr8a3_}, ...: it contains {@code _}) that is not Microsoft's.
     */
    @Named("customFields")
    default Map<String, Object> customFields(Map<String, Object> remoteData) {
        var custom = new LinkedHashMap<String, Object>();
        remoteData.forEach((key, value) -> {
            if (isCustomColumn(key) && value != null && !"".equals(value)) {
                custom.put(key, value);
            }
        });
        return custom;
    }

    static boolean isCustomColumn(String key) {
        if (key.contains("@")) {
            return false;
        }
        boolean lookup = key.length() > "__value".length() && key.startsWith("_") && key.endsWith("_value");
        String column = lookup ? key.substring(1, key.length() - "_value".length()) : key;
        return column.contains("_")
                && NOT_CUSTOM_PREFIXES.stream().noneMatch(column::startsWith)
                && !NOT_CUSTOM_COLUMNS.contains(column);
    }

    @Named("reference")
    default Reference reference(String id) {
        return Reference.toId(text(id));
    }

    @Named("dateTime")
    default Instant dateTime(String text) {
        return Dynamics365SalesDates.dateTime(text);
    }

    @Named("text")
    default String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
