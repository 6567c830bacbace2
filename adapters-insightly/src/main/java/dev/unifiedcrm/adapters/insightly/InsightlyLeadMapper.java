package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.Reference;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Insightly's lead onto the unified {@link Lead}, following the mapping table in this module's README.
 * Empty or blank strings and nulls become absent; list entries without a value are dropped.
 */
@Mapper
interface InsightlyLeadMapper {

    InsightlyLeadMapper INSTANCE = new InsightlyLeadMapperImpl();

    /** Insightly's {@code yyyy-MM-dd HH:mm:ss}, always UTC; a fraction of a second is kept if one ever comes. */
    DateTimeFormatter INSIGHTLY_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    /** Insightly's "no date": zero date and time, with or without a zero fraction. */
    Pattern ZERO_DATE = Pattern.compile("0000-00-00 00:00:00(\\.0+)?");

    /**
     * @param lead       the decoded lead
     * @param remoteData the lead object as it came, as a plain Java JSON tree
     * @throws IllegalArgumentException when a date-time is not in Insightly's format
     */
    // Left to remote_data on purpose: the unified schema has no place for them (names, ratings,
    // visibility, tags and links), or they name records the schema does not reference.
    @BeanMapping(ignoreUnmappedSourceProperties = {
            "salutation", "organisationName", "website", "industry", "employeeCount", "leadRating",
            "leadDescription", "responsibleUserId", "createdUserId", "converted", "convertedOpportunityId",
            "nextActivityDateUtc", "imageUrl", "emailOptedOut", "visibleTo", "visibleTeamId", "tags", "links"})
    @Mapping(target = "id", source = "lead.leadId")
    @Mapping(target = "owner", source = "lead.ownerUserId")
    @Mapping(target = "leadSource", source = "lead.leadSourceId")
    @Mapping(target = "leadType", ignore = true)
    @Mapping(target = "status", source = "lead.leadStatusId")
    @Mapping(target = "title", source = "lead.title")
    @Mapping(target = "contact", ignore = true)
    @Mapping(target = "account", ignore = true)
    @Mapping(target = "firstName", source = "lead.firstName")
    @Mapping(target = "lastName", source = "lead.lastName")
    @Mapping(target = "addresses", source = "lead", qualifiedByName = "addresses")
    @Mapping(target = "emailAddresses", source = "lead.email", qualifiedByName = "emailAddresses")
    @Mapping(target = "phoneNumbers", source = "lead", qualifiedByName = "phoneNumbers")
    @Mapping(target = "customFields", source = "lead.customFields", qualifiedByName = "customFields")
    @Mapping(target = "lastActivityAt", source = "lead.lastActivityDateUtc", qualifiedByName = "utcInstant")
    @Mapping(target = "createdAt", source = "lead.dateCreatedUtc", qualifiedByName = "utcInstant")
    @Mapping(target = "updatedAt", source = "lead.dateUpdatedUtc", qualifiedByName = "utcInstant")
    @Mapping(target = "convertedAt", source = "lead.convertedDateUtc", qualifiedByName = "utcInstant")
    @Mapping(target = "convertedContact", source = "lead.convertedContactId")
    @Mapping(target = "convertedAccount", source = "lead.convertedOrganisationId")
    @Mapping(target = "remoteData", source = "remoteData")
    Lead toLead(InsightlyLeadDto lead, Map<String, Object> remoteData);

    /** Every text field: blank is absent. */
    default String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    default Reference reference(String id) {
        return Reference.toId(text(id));
    }

    /**
     * Insightly's date-time as an instant; absent when empty or when it is the zero date
     * {@code 0000-00-00 00:00:00}, which Insightly writes for "no date" (a year 0 is no real date).
     */
    @Named("utcInstant")
    default Instant utcInstant(String value) {
        String text = text(value);
        if (text == null || ZERO_DATE.matcher(text.strip()).matches()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), INSIGHTLY_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a date-time is not of the form yyyy-MM-dd HH:mm:ss", e);
        }
    }

    /** One primary address, street split at its first line break; none when every part is empty. */
    @Named("addresses")
    default List<Address> addresses(InsightlyLeadDto lead) {
        String[] street = splitStreet(text(lead.addressStreet()));
        var address = new Address(street[0], street[1], text(lead.addressCity()), text(lead.addressState()),
                text(lead.addressPostcode()), text(lead.addressCountry()), "primary");
        return address.isEmpty() ? List.of() : List.of(address);
    }

    /** The first line, and the rest after the first line break ({@code \r\n}, {@code \n} or {@code \r}). */
    default String[] splitStreet(String street) {
        if (street == null) {
            return new String[] {null, null};
        }
        int lineBreak = -1;
        int breakLength = 0;
        for (int i = 0; i < street.length(); i++) {
            char c = street.charAt(i);
            if (c == '\n' || c == '\r') {
                lineBreak = i;
                breakLength = c == '\r' && i + 1 < street.length() && street.charAt(i + 1) == '\n' ? 2 : 1;
                break;
            }
        }
        if (lineBreak < 0) {
            return new String[] {street, null};
        }
        return new String[] {text(street.substring(0, lineBreak)), text(street.substring(lineBreak + breakLength))};
    }

    @Named("emailAddresses")
    default List<EmailAddress> emailAddresses(String email) {
        String address = text(email);
        return address == null ? List.of() : List.of(new EmailAddress(address, "primary"));
    }

    @Named("phoneNumbers")
    default List<PhoneNumber> phoneNumbers(InsightlyLeadDto lead) {
        var numbers = new ArrayList<PhoneNumber>();
        addPhone(numbers, lead.phone(), "work");
        addPhone(numbers, lead.mobile(), "mobile");
        addPhone(numbers, lead.fax(), "fax");
        return numbers;
    }

    private void addPhone(List<PhoneNumber> numbers, String number, String type) {
        String text = text(number);
        if (text != null) {
            numbers.add(new PhoneNumber(text, null, type));
        }
    }

    /** {@code FIELD_NAME} to {@code FIELD_VALUE}, in order; entries without a name or a value are dropped. */
    @Named("customFields")
    default Map<String, Object> customFields(List<InsightlyCustomFieldDto> fields) {
        var byName = new LinkedHashMap<String, Object>();
        if (fields == null) {
            return byName;
        }
        for (InsightlyCustomFieldDto field : fields) {
            if (field == null || text(field.fieldName()) == null) {
                continue;
            }
            Object value = field.fieldValue();
            if (value == null || (value instanceof String string && string.isBlank())) {
                continue;
            }
            byName.put(field.fieldName(), value);
        }
        return byName;
    }
}
