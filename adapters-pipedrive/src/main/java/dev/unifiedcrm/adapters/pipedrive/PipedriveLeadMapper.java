package dev.unifiedcrm.adapters.pipedrive;

import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.Reference;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Pipedrive lead onto the unified {@link Lead}. Every standard field is either mapped or named
 * below as left to {@code remote_data}; empty strings and nulls become absent, and so does a
 * date-time in no known form.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface PipedriveLeadMapper {

    /** A custom field's key: the deal field's 40-hex hash, then a subfield suffix ({@code _currency}, ...). */
    Pattern CUSTOM_FIELD_KEY = Pattern.compile("[0-9a-f]{40}(_[a-z0-9_]+)?");

    /**
     * @param lead       the lead ({@code data})
     * @param remoteData the same {@code data} object as plain JSON values, kept whole as remote data
     */
    // Left to remote_data on purpose: no unified field for them (creator, labels as ids, origin and
    // marketing channel, the deal a lead came from, value, expected close date, next activity,
    // visibility, the lead's mail-in address).
    @BeanMapping(ignoreUnmappedSourceProperties = {
            "creatorId", "labelIds", "origin", "originId", "channel", "channelId", "sourceDealId", "wasSeen",
            "value", "expectedCloseDate", "nextActivityId", "visibleTo", "ccEmail"})
    @Mapping(target = "id", source = "lead.id", qualifiedByName = "text")
    @Mapping(target = "owner", source = "lead.ownerId", qualifiedByName = "reference")
    // How the lead was created (API, Manually created); the marketing channel stays in remote_data.
    @Mapping(target = "leadSource", source = "lead.sourceName", qualifiedByName = "text")
    @Mapping(target = "status", source = "lead.isArchived", qualifiedByName = "status")
    @Mapping(target = "title", source = "lead.title", qualifiedByName = "text")
    @Mapping(target = "contact", source = "lead.personId", qualifiedByName = "reference")
    @Mapping(target = "account", source = "lead.organizationId", qualifiedByName = "reference")
    @Mapping(target = "customFields", source = "remoteData", qualifiedByName = "customFields")
    @Mapping(target = "createdAt", source = "lead.addTime", qualifiedByName = "instant")
    @Mapping(target = "updatedAt", source = "lead.updateTime", qualifiedByName = "instant")
    @Mapping(target = "remoteData", source = "remoteData")
    // A lead holds no name, e-mail, phone or address of its own (they live on the person and the
    // organization, which are not fetched), no type and no activity date; a converted lead
    // becomes a deal and nothing on the lead says so.
    @Mapping(target = "leadType", ignore = true)
    @Mapping(target = "firstName", ignore = true)
    @Mapping(target = "lastName", ignore = true)
    @Mapping(target = "addresses", ignore = true)
    @Mapping(target = "emailAddresses", ignore = true)
    @Mapping(target = "phoneNumbers", ignore = true)
    @Mapping(target = "lastActivityAt", ignore = true)
    @Mapping(target = "convertedAt", ignore = true)
    @Mapping(target = "convertedContact", ignore = true)
    @Mapping(target = "convertedAccount", ignore = true)
    Lead toLead(PipedriveLeadDto lead, Map<String, Object> remoteData);

    /** Archiving is a separate, reversible state of a lead: {@code archived}, else {@code open}. */
    @Named("status")
    default String status(Boolean isArchived) {
        return isArchived == null ? null : isArchived ? "archived" : "open";
    }

    /** The top-level custom-field keys with a value, keys and values as they are (numbers exact), in order. */
    @Named("customFields")
    default Map<String, Object> customFields(Map<String, Object> remoteData) {
        var fields = new LinkedHashMap<String, Object>();
        remoteData.forEach((key, value) -> {
            if (CUSTOM_FIELD_KEY.matcher(key).matches() && value != null && !"".equals(value)) {
                fields.put(key, value);
            }
        });
        return fields;
    }

    @Named("instant")
    default Instant instant(String dateTime) {
        return PipedriveDateTimes.parse(dateTime);
    }

    @Named("reference")
    default Reference reference(String id) {
        return Reference.toId(text(id));
    }

    @Named("text")
    default String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
