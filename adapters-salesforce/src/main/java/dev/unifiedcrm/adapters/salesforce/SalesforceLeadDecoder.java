package dev.unifiedcrm.adapters.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.RemoteBody;

import java.time.DateTimeException;
import java.util.Collections;
import java.util.Map;

/**
 * Reads a 2xx answer to {@code GET .../sobjects/Lead/{id}} into the unified {@link Lead}. The body
 * has no envelope: it is the lead itself, recognised by {@code attributes.type} {@code "Lead"}
 * and a string {@code Id}. Anything else in a 2xx is a contract breach.
 */
final class SalesforceLeadDecoder {

    private final ObjectMapper json;
    private final SalesforceLeadMapper mapper;

    SalesforceLeadDecoder(ObjectMapper json, SalesforceLeadMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    /**
     * @param pathId the id the lead was fetched by, which becomes the unified id
     * @throws ProviderContractBreach of kind {@code UNEXPECTED_BODY} when the answer is not a Lead
     */
    Lead decode(ProviderAnswer answer, String pathId) {
        if (!(answer.parsedBody() instanceof RemoteBody.Json body && body.value() instanceof Map<?, ?> object)) {
            throw unexpected(answer, "is not a JSON object");
        }
        if (!(object.get("attributes") instanceof Map<?, ?> attributes && "Lead".equals(attributes.get("type")))) {
            throw unexpected(answer, "is not a Lead (its attributes.type is not \"Lead\")");
        }
        if (!(object.get("Id") instanceof String id) || id.isEmpty()) {
            throw unexpected(answer, "has no Id");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> remoteData = Collections.unmodifiableMap((Map<String, Object>) object);
        SalesforceLeadDto dto;
        try {
            dto = json.convertValue(object, SalesforceLeadDto.class);
        } catch (IllegalArgumentException wrongShape) {
            throw unexpected(answer, "has a field of an unexpected type");
        }
        try {
            return mapper.toLead(dto, pathId, remoteData);
        } catch (DateTimeException badDate) {
            throw unexpected(answer, "has a date that is not yyyy-MM-dd or a date-time that is not"
                    + " yyyy-MM-ddTHH:mm:ss[.fraction] with +hhmm, +hh:mm or Z");
        }
    }

    private static ProviderContractBreach unexpected(ProviderAnswer answer, String what) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Salesforce answered " + answer.status() + " to a lead fetch, but the body " + what);
    }
}
