package dev.unifiedcrm.adapters.mondaycrm;

import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.Reference;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A monday.com item of the Leads board onto the unified {@link Lead}. Columns differ per board: the
 * account's {@link MondayCrmColumns} say which column feeds which field; every other column with a
 * display text becomes a custom field (column id → text, so numbers come as strings).
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface MondayCrmLeadMapper {

    /**
     * @param item       the item
     * @param columns    the account's column choice
     * @param remoteData the same item object as plain JSON values, kept whole
     * @throws java.time.DateTimeException when {@code created_at} or {@code updated_at} is not ISO-8601
     */
    // Left to remote_data: the item's state, creator, board and group (none is a unified field; the
    // creator is not the owner).
    @BeanMapping(ignoreUnmappedSourceProperties = {"state", "creatorId", "board", "group"})
    @Mapping(target = "id", source = "item.id")
    @Mapping(target = "owner", source = "item.columnValues", qualifiedByName = "owner")
    @Mapping(target = "leadSource", source = "item.columnValues", qualifiedByName = "source")
    @Mapping(target = "status", source = "item.columnValues", qualifiedByName = "status")
    @Mapping(target = "title", source = "item.columnValues", qualifiedByName = "title")
    @Mapping(target = "firstName", source = "item.name", qualifiedByName = "firstName")
    @Mapping(target = "lastName", source = "item.name", qualifiedByName = "lastName")
    @Mapping(target = "emailAddresses", source = "item.columnValues", qualifiedByName = "emails")
    @Mapping(target = "phoneNumbers", source = "item.columnValues", qualifiedByName = "phones")
    @Mapping(target = "customFields", source = "item.columnValues", qualifiedByName = "customFields")
    @Mapping(target = "createdAt", source = "item.createdAt", qualifiedByName = "instant")
    @Mapping(target = "updatedAt", source = "item.updatedAt", qualifiedByName = "instant")
    @Mapping(target = "remoteData", source = "remoteData")
    // An item has no lead type and no conversion trace; the company column is a name, not an id;
    // location and date columns stay custom fields (dates are not instants).
    @Mapping(target = "leadType", ignore = true)
    @Mapping(target = "contact", ignore = true)
    @Mapping(target = "account", ignore = true)
    @Mapping(target = "addresses", ignore = true)
    @Mapping(target = "lastActivityAt", ignore = true)
    @Mapping(target = "convertedAt", ignore = true)
    @Mapping(target = "convertedContact", ignore = true)
    @Mapping(target = "convertedAccount", ignore = true)
    Lead toLead(MondayCrmItemDto item, @Context MondayCrmColumns columns, Object remoteData);

    /** The owner column's first entry of kind {@code person}. */
    @Named("owner")
    default Reference owner(List<MondayCrmColumnValueDto> values, @Context MondayCrmColumns columns) {
        return column(values, columns.owner())
                .map(MondayCrmColumnValueDto::personsAndTeams)
                .flatMap(people -> people.stream()
                        .filter(entry -> entry != null && "person".equals(entry.kind()))
                        .map(MondayCrmPersonOrTeamDto::id)
                        .filter(id -> id != null && !id.isEmpty())
                        .findFirst())
                .map(Reference::new)
                .orElse(null);
    }

    @Named("source")
    default String source(List<MondayCrmColumnValueDto> values, @Context MondayCrmColumns columns) {
        return column(values, columns.source()).map(value -> text(value.text())).orElse(null);
    }

    /** The status label as shown ({@code Contacted}), else the column's text. */
    @Named("status")
    default String status(List<MondayCrmColumnValueDto> values, @Context MondayCrmColumns columns) {
        return column(values, columns.status())
                .map(value -> text(value.label()) != null ? text(value.label()) : text(value.text()))
                .orElse(null);
    }

    @Named("title")
    default String title(List<MondayCrmColumnValueDto> values, @Context MondayCrmColumns columns) {
        return column(values, columns.title()).map(value -> text(value.text())).orElse(null);
    }

    @Named("emails")
    default List<EmailAddress> emails(List<MondayCrmColumnValueDto> values, @Context MondayCrmColumns columns) {
        return column(values, columns.email())
                .map(value -> text(value.email()) != null ? text(value.email()) : text(value.text()))
                .map(email -> List.of(new EmailAddress(email, "primary")))
                .orElse(List.of());
    }

    @Named("phones")
    default List<PhoneNumber> phones(List<MondayCrmColumnValueDto> values, @Context MondayCrmColumns columns) {
        return column(values, columns.phone())
                .map(value -> text(value.phone()) != null ? text(value.phone()) : text(value.text()))
                .map(number -> List.of(new PhoneNumber(number, null, "primary")))
                .orElse(List.of());
    }

    /** Every column not claimed by a field: column id → display text, in the board's order; empty texts left out. */
    @Named("customFields")
    default Map<String, Object> customFields(List<MondayCrmColumnValueDto> values, @Context MondayCrmColumns columns) {
        var fields = new LinkedHashMap<String, Object>();
        if (values != null) {
            var claimed = columns.claimed();
            for (MondayCrmColumnValueDto value : values) {
                if (value != null && value.id() != null && !claimed.contains(value.id()) && text(value.text()) != null) {
                    fields.put(value.id(), value.text());
                }
            }
        }
        return fields;
    }

    /** The first word of the trimmed name; none when the name is a single word. */
    @Named("firstName")
    default String firstName(String name) {
        String[] words = words(name);
        return words.length == 2 ? words[0] : null;
    }

    /** Everything after the first run of whitespace; a single word is the last name only. */
    @Named("lastName")
    default String lastName(String name) {
        String[] words = words(name);
        return words.length == 0 ? null : words[words.length - 1];
    }

    private static String[] words(String name) {
        if (name == null || name.strip().isEmpty()) {
            return new String[0];
        }
        return name.strip().split("\\s+", 2);
    }

    /** ISO-8601 UTC ({@code 2024-03-05T10:45:21Z}), any fraction kept. */
    @Named("instant")
    default Instant instant(String dateTime) {
        String value = text(dateTime);
        return value == null ? null : OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    private static Optional<MondayCrmColumnValueDto> column(List<MondayCrmColumnValueDto> values, String columnId) {
        if (values == null || columnId == null) {
            return Optional.empty();
        }
        return values.stream().filter(value -> value != null && columnId.equals(value.id())).findFirst();
    }

    private static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
