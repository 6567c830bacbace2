package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.Reference;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Nutshell REST lead onto the unified {@link Lead}. A Nutshell lead is a sales opportunity, not a
 * person: names, addresses, e-mails and phones live on its contacts and accounts, which are only
 * referenced here by API id. Relations are the lead's {@code links} ids, never the envelope's URL
 * templates.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface NutshellLeadMapper {

    /** Offsets as {@code Z}, {@code +00:00} or, as Nutshell writes them, {@code +0000}. */
    DateTimeFormatter ISO_WITH_ANY_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /**
     * The whole lead, as for a fetch.
     *
     * @param lead       the lead object
     * @param remoteData the same lead object as plain JSON values, kept whole
     */
    @Mapping(target = "id", source = "lead.id")
    @Mapping(target = "owner", source = "lead.links.owner", qualifiedByName = "reference")
    @Mapping(target = "leadSource", source = "lead.links.sources", qualifiedByName = "firstId")
    @Mapping(target = "status", source = "lead.status", qualifiedByName = "text")
    @Mapping(target = "title", source = "lead", qualifiedByName = "title")
    @Mapping(target = "contact", source = "lead.links.contacts", qualifiedByName = "firstReference")
    @Mapping(target = "account", source = "lead.links.accounts", qualifiedByName = "firstReference")
    @Mapping(target = "customFields", source = "lead.customFields", qualifiedByName = "customFields")
    @Mapping(target = "lastActivityAt", source = "lead.lastContactedTime", qualifiedByName = "instant")
    @Mapping(target = "createdAt", source = "lead.createdTime", qualifiedByName = "instant")
    @Mapping(target = "remoteData", source = "remoteData")
    // Not on a Nutshell lead: no lead type, no person fields (they live on contacts and accounts),
    // no modification time, and no conversion (closedTime is a win or a loss, not a conversion).
    @Mapping(target = "leadType", ignore = true)
    @Mapping(target = "firstName", ignore = true)
    @Mapping(target = "lastName", ignore = true)
    @Mapping(target = "addresses", ignore = true)
    @Mapping(target = "emailAddresses", ignore = true)
    @Mapping(target = "phoneNumbers", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "convertedAt", ignore = true)
    @Mapping(target = "convertedContact", ignore = true)
    @Mapping(target = "convertedAccount", ignore = true)
    Lead toLead(NutshellLeadDto lead, Object remoteData);

    /**
     * The deleted lead as a delete answer shows it: only the relations, status and title, with the
     * whole answer body as remote data (dates and custom fields are a fetch's business).
     *
     * @param lead       the lead found in the delete answer
     * @param remoteData the whole answer body as plain JSON values
     */
    @BeanMapping(ignoreUnmappedSourceProperties = {"customFields", "createdTime", "lastContactedTime"})
    @Mapping(target = "id", source = "lead.id")
    @Mapping(target = "owner", source = "lead.links.owner", qualifiedByName = "reference")
    @Mapping(target = "leadSource", source = "lead.links.sources", qualifiedByName = "firstId")
    @Mapping(target = "status", source = "lead.status", qualifiedByName = "text")
    @Mapping(target = "title", source = "lead", qualifiedByName = "title")
    @Mapping(target = "contact", source = "lead.links.contacts", qualifiedByName = "firstReference")
    @Mapping(target = "account", source = "lead.links.accounts", qualifiedByName = "firstReference")
    @Mapping(target = "remoteData", source = "remoteData")
    @Mapping(target = "leadType", ignore = true)
    @Mapping(target = "firstName", ignore = true)
    @Mapping(target = "lastName", ignore = true)
    @Mapping(target = "addresses", ignore = true)
    @Mapping(target = "emailAddresses", ignore = true)
    @Mapping(target = "phoneNumbers", ignore = true)
    @Mapping(target = "customFields", ignore = true)
    @Mapping(target = "lastActivityAt", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "convertedAt", ignore = true)
    @Mapping(target = "convertedContact", ignore = true)
    @Mapping(target = "convertedAccount", ignore = true)
    Lead toDeletedLead(NutshellLeadDto lead, Object remoteData);

    /** A lead's description is also its name when created; the name stands in when there is none. */
    @Named("title")
    default String title(NutshellLeadDto lead) {
        String description = text(lead.description());
        return description != null ? description : text(lead.name());
    }

    @Named("reference")
    default Reference reference(String id) {
        return Reference.toId(text(id));
    }

    @Named("firstReference")
    default Reference firstReference(List<String> ids) {
        return Reference.toId(firstId(ids));
    }

    @Named("firstId")
    default String firstId(List<String> ids) {
        return ids == null || ids.isEmpty() ? null : text(ids.get(0));
    }

    /** Custom-field values in Nutshell's order; null and empty values dropped. */
    @Named("customFields")
    default Map<String, Object> customFields(Map<String, Object> values) {
        var kept = new LinkedHashMap<String, Object>();
        if (values != null) {
            values.forEach((name, value) -> {
                if (value != null && !"".equals(value)) {
                    kept.put(name, value);
                }
            });
        }
        return kept;
    }

    /**
     * A Nutshell time: the object's numeric {@code timestamp} (epoch seconds, a fraction kept), else
     * its {@code value}, or the field itself when it is a string, as ISO-8601; anything else is
     * absent. {@code absoluteLocalizedString} is display text and never read.
     */
    @Named("instant")
    default Instant instant(Object time) {
        Object text = time;
        if (time instanceof Map<?, ?> object) {
            if (object.get("timestamp") instanceof Number seconds) {
                try {
                    BigDecimal exact = new BigDecimal(seconds.toString());
                    BigDecimal whole = exact.setScale(0, RoundingMode.FLOOR);
                    int nanos = exact.subtract(whole).movePointRight(9).intValue();
                    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
                } catch (ArithmeticException | DateTimeException outOfRange) {
                    return null;
                }
            }
            text = object.get("value");
        }
        if (!(text instanceof String iso) || iso.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso, ISO_WITH_ANY_OFFSET).toInstant();
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    @Named("text")
    default String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
