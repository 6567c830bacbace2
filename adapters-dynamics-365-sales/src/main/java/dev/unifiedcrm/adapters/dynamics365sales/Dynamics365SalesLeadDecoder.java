package dev.unifiedcrm.adapters.dynamics365sales;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.RemoteBody;

import java.time.DateTimeException;
import java.util.Collections;
import java.util.Map;

/**
 * Reads a 2xx answer to {@code GET .../leads({id})} into the unified {@link Lead}. The body has no
 * envelope: it is the row, recognised by a {@code leadid} equal to the id asked for (in any case).
 * Anything else in a 2xx is a contract breach.
 */
final class Dynamics365SalesLeadDecoder {

    private final ObjectMapper json;
    private final Dynamics365SalesLeadMapper mapper;

    Dynamics365SalesLeadDecoder(ObjectMapper json, Dynamics365SalesLeadMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    /**
     * @param pathId the lower-case id the lead was fetched by, which becomes the unified id
     * @throws ProviderContractBreach of kind {@code UNEXPECTED_BODY} when the answer is not that lead
     */
    Lead decode(ProviderAnswer answer, String pathId) {
        if (!(answer.parsedBody() instanceof RemoteBody.Json body && body.value() instanceof Map<?, ?> row)) {
            throw unexpected(answer, "is not a JSON object");
        }
        if (!(row.get("leadid") instanceof String leadId) || !leadId.equalsIgnoreCase(pathId)) {
            throw unexpected(answer, "is not the lead asked for (its leadid is not " + pathId + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> remoteData = Collections.unmodifiableMap((Map<String, Object>) row);
        Dynamics365SalesLeadDto dto;
        try {
            dto = json.convertValue(row, Dynamics365SalesLeadDto.class);
        } catch (IllegalArgumentException wrongShape) {
            throw unexpected(answer, "has a column of an unexpected type");
        }
        try {
            return mapper.toLead(dto, pathId, remoteData);
        } catch (DateTimeException badDate) {
            throw unexpected(answer, "has a createdon or modifiedon that is not an ISO-8601 date-time with an offset");
        }
    }

    private static ProviderContractBreach unexpected(ProviderAnswer answer, String what) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Dynamics 365 answered " + answer.status() + " to a lead fetch, but the body " + what);
    }
}
