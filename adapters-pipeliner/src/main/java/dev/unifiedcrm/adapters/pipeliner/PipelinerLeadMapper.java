package dev.unifiedcrm.adapters.pipeliner;

import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.Reference;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pipeliner's lead onto the unified {@link Lead}, as the mapping table in this module's README says.
 * A Pipeliner lead is a deal-like record: it has no title (its {@code name} is the deal's name),
 * no first or last name, no address, no last activity date and no converted contact or account.
 */
@Mapper
interface PipelinerLeadMapper {

    PipelinerLeadMapper INSTANCE = new PipelinerLeadMapperImpl();

    /** Pipeliner's {@code yyyy-MM-dd'T'HH:mm:ss.ffffff+00:00}; any offset, UTC when it has none. */
    DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    @Mapping(target = "id", source = "answer.data")
    @Mapping(target = "answer", source = "providerAnswer")
    // Pipeliner's delete answer names the id only: it describes no lead.
    @Mapping(target = "lead", expression = "java(java.util.Optional.empty())")
    DeletedLead toDeletedLead(PipelinerDeleteAnswerDto answer, ProviderAnswer providerAnswer);

    @Mapping(target = "id", source = "lead.id")
    @Mapping(target = "owner", source = "lead.ownerId", qualifiedByName = "reference")
    @Mapping(target = "leadSource", source = "lead.leadSourceId", qualifiedByName = "text")
    @Mapping(target = "leadType", source = "lead.leadTypeId", qualifiedByName = "text")
    @Mapping(target = "status", source = "lead.status", qualifiedByName = "status")
    @Mapping(target = "title", ignore = true)
    @Mapping(target = "contact", source = "lead.primaryContact", qualifiedByName = "relation")
    @Mapping(target = "account", source = "lead.primaryAccount", qualifiedByName = "relation")
    @Mapping(target = "firstName", ignore = true)
    @Mapping(target = "lastName", ignore = true)
    @Mapping(target = "addresses", ignore = true)
    @Mapping(target = "emailAddresses", source = "lead", qualifiedByName = "emailAddresses")
    @Mapping(target = "phoneNumbers", source = "lead", qualifiedByName = "phoneNumbers")
    @Mapping(target = "customFields", source = "remoteData", qualifiedByName = "customFields")
    @Mapping(target = "lastActivityAt", ignore = true)
    @Mapping(target = "createdAt", source = "lead.created", qualifiedByName = "instant")
    @Mapping(target = "updatedAt", source = "lead.modified", qualifiedByName = "instant")
    @Mapping(target = "convertedAt", source = "lead.qualifyDate", qualifiedByName = "instant")
    @Mapping(target = "convertedContact", ignore = true)
    @Mapping(target = "convertedAccount", ignore = true)
    @Mapping(target = "remoteData", source = "remoteData")
    Lead toLead(PipelinerLeadDto lead, Map<String, Object> remoteData);

    /** Empty text is absent. */
    @Named("text")
    default String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Named("reference")
    default Reference reference(String id) {
        return Reference.toId(id);
    }

    /** 1 is open, 2 is lost; any other number as its decimal text. */
    @Named("status")
    default String status(BigDecimal status) {
        if (status == null) {
            return null;
        }
        if (status.compareTo(BigDecimal.ONE) == 0) {
            return "open";
        }
        if (status.compareTo(BigDecimal.valueOf(2)) == 0) {
            return "lost";
        }
        return status.toPlainString();
    }

    /** A relation comes as the related entity's URI; its id is the last path segment. */
    @Named("relation")
    default Reference relation(String uri) {
        String trimmed = text(uri);
        if (trimmed == null) {
            return null;
        }
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '/') {
            end--;
        }
        return Reference.toId(trimmed.substring(trimmed.lastIndexOf('/', end - 1) + 1, end));
    }

    @Named("emailAddresses")
    default List<EmailAddress> emailAddresses(PipelinerLeadDto lead) {
        var emails = new ArrayList<EmailAddress>();
        if (text(lead.quickEmail()) != null) {
            emails.add(new EmailAddress(lead.quickEmail(), "primary"));
        }
        if (text(lead.quickAccountEmail()) != null) {
            emails.add(new EmailAddress(lead.quickAccountEmail(), "work"));
        }
        return emails;
    }

    @Named("phoneNumbers")
    default List<PhoneNumber> phoneNumbers(PipelinerLeadDto lead) {
        var phones = new ArrayList<PhoneNumber>();
        if (text(lead.quickPhone()) != null) {
            phones.add(new PhoneNumber(lead.quickPhone(), null, "primary"));
        }
        if (text(lead.quickAccountPhone()) != null) {
            phones.add(new PhoneNumber(lead.quickAccountPhone(), null, "work"));
        }
        return phones;
    }

    /**
     * Every top-level key that is not a standard Lead key, in order, values as they came; a custom
     * field without a value (null, or a blank string) is dropped.
     */
    @Named("customFields")
    default Map<String, Object> customFields(Map<String, Object> leadObject) {
        var custom = new LinkedHashMap<String, Object>();
        if (leadObject != null) {
            leadObject.forEach((key, value) -> {
                boolean hasValue = value != null && !(value instanceof String text && text.isBlank());
                if (hasValue && !PipelinerLeadDto.STANDARD_KEYS.contains(key)) {
                    custom.put(key, value);
                }
            });
        }
        return custom;
    }

    /**
     * @throws DateTimeParseException when the text is not one of Pipeliner's date-time forms
     */
    @Named("instant")
    default Instant instant(String dateTime) {
        String text = text(dateTime);
        if (text == null) {
            return null;
        }
        // Pipeliner writes a space between date and time; the same value is also seen with a T.
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        return OffsetDateTime.parse(iso, DATE_TIME).toInstant();
    }
}
