package dev.unifiedcrm.adapters.hubspot;

import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.Reference;
import org.mapstruct.BeanMapping;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A HubSpot lead onto the unified {@link Lead}. Every field of the lead is either mapped or named
 * below as left to {@code remote_data}; empty strings and nulls become absent, and so does a
 * date-time that is neither ISO-8601 nor epoch milliseconds.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, unmappedTargetPolicy = ReportingPolicy.ERROR)
interface HubSpotLeadMapper {

    /**
     * @param lead             the lead as HubSpot returned it
     * @param remoteData       the same body as plain JSON values, kept whole as remote data
     * @param customProperties the account's custom property names, in the order they become custom fields
     */
    // Left to remote_data on purpose: the archive flags (a fetched lead is never archived, the
    // fetch asks for archived=false).
    @BeanMapping(ignoreUnmappedSourceProperties = {"archived", "archivedAt"})
    @Mapping(target = "id", source = "lead.id", qualifiedByName = "text")
    @Mapping(target = "owner", source = "lead.properties.ownerId", qualifiedByName = "reference")
    @Mapping(target = "leadSource", source = "lead.properties.leadSource", qualifiedByName = "text")
    @Mapping(target = "leadType", source = "lead.properties.leadType", qualifiedByName = "text")
    // The stage id as is: stage names would need the pipelines API, which is not called.
    @Mapping(target = "status", source = "lead.properties.pipelineStage", qualifiedByName = "text")
    @Mapping(target = "title", source = "lead.properties.leadName", qualifiedByName = "text")
    @Mapping(target = "contact", source = "lead.associations.contacts", qualifiedByName = "chosen")
    @Mapping(target = "account", source = "lead.associations.companies", qualifiedByName = "chosen")
    @Mapping(target = "firstName", source = "lead.properties.contactFirstName", qualifiedByName = "text")
    @Mapping(target = "lastName", source = "lead.properties.contactLastName", qualifiedByName = "text")
    @Mapping(target = "emailAddresses", source = "lead.properties.contactEmail", qualifiedByName = "primaryEmail")
    @Mapping(target = "customFields", source = "lead.properties", qualifiedByName = "customFields")
    @Mapping(target = "lastActivityAt", source = "lead.properties.lastActivityDate", qualifiedByName = "instant")
    @Mapping(target = "createdAt", source = "lead", qualifiedByName = "createdAt")
    @Mapping(target = "updatedAt", source = "lead", qualifiedByName = "updatedAt")
    @Mapping(target = "remoteData", source = "remoteData")
    // The Leads object has no address and no phone property, and keeps nothing of a conversion.
    @Mapping(target = "addresses", ignore = true)
    @Mapping(target = "phoneNumbers", ignore = true)
    @Mapping(target = "convertedAt", ignore = true)
    @Mapping(target = "convertedContact", ignore = true)
    @Mapping(target = "convertedAccount", ignore = true)
    Lead toLead(HubSpotLeadDto lead, Map<String, Object> remoteData, @Context List<String> customProperties);

    /** The association whose type names the primary one (any case), else the first; none when empty. */
    @Named("chosen")
    default Reference chosen(HubSpotAssociationsDto.Results associations) {
        if (associations == null || associations.results() == null) {
            return null;
        }
        List<HubSpotAssociationsDto.Association> usable = associations.results().stream()
                .filter(association -> association != null && text(association.id()) != null)
                .toList();
        return usable.stream()
                .filter(association -> association.type() != null
                        && association.type().toLowerCase(Locale.ROOT).contains("primary"))
                .findFirst()
                .or(() -> usable.stream().findFirst())
                .map(association -> new Reference(association.id()))
                .orElse(null);
    }

    /** The associated contact's e-mail, copied onto the lead by HubSpot, as the primary address. */
    @Named("primaryEmail")
    default List<EmailAddress> primaryEmail(String email) {
        String value = text(email);
        return value == null ? List.of() : List.of(new EmailAddress(value, "primary"));
    }

    /** The account's custom properties that came back with a value, in the account's order, as HubSpot sent them. */
    @Named("customFields")
    default Map<String, Object> customFields(HubSpotLeadPropertiesDto properties, @Context List<String> customProperties) {
        var fields = new LinkedHashMap<String, Object>();
        for (String name : customProperties) {
            Object value = properties.others().get(name);
            if (value != null && !"".equals(value)) {
                fields.put(name, value);
            }
        }
        return fields;
    }

    @Named("createdAt")
    default Instant createdAt(HubSpotLeadDto lead) {
        Instant createdAt = HubSpotDateTimes.parse(lead.createdAt());
        return createdAt != null || lead.properties() == null
                ? createdAt
                : HubSpotDateTimes.parse(lead.properties().createDate());
    }

    @Named("updatedAt")
    default Instant updatedAt(HubSpotLeadDto lead) {
        Instant updatedAt = HubSpotDateTimes.parse(lead.updatedAt());
        return updatedAt != null || lead.properties() == null
                ? updatedAt
                : HubSpotDateTimes.parse(lead.properties().lastModifiedDate());
    }

    @Named("instant")
    default Instant instant(String dateTime) {
        return HubSpotDateTimes.parse(dateTime);
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
