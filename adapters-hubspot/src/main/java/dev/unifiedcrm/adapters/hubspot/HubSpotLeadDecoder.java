package dev.unifiedcrm.adapters.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Judges HubSpot's answer to a lead fetch: 200 with the lead object (a string {@code id} and an
 * object {@code properties}, no envelope) is the lead; 4xx and 5xx are rejections (a missing lead
 * is 404, sometimes without a {@code category}); any other answer breaks HubSpot's contract.
 */
final class HubSpotLeadDecoder {

    private final ObjectMapper json;
    private final HubSpotLeadMapper mapper;
    private final HubSpotErrorDecoder errors;

    HubSpotLeadDecoder(ObjectMapper json, HubSpotLeadMapper mapper, HubSpotErrorDecoder errors) {
        this.json = json;
        this.mapper = mapper;
        this.errors = errors;
    }

    /**
     * @param customProperties the account's custom property names (see {@link HubSpotProperties})
     * @throws dev.unifiedcrm.domain.ProviderRejection for a 4xx or 5xx
     * @throws ProviderContractBreach for a redirect, or a 2xx that is not a 200 with a lead object
     */
    Lead decode(ProviderAnswer answer, List<String> customProperties) {
        if (answer.status() >= 400) {
            throw errors.decode(answer);
        }
        if (answer.status() >= 300) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, answer,
                    "HubSpot answered " + answer.status() + " to a lead fetch; redirects are not followed");
        }
        if (answer.status() != 200) {
            throw unexpected(answer, "is not 200");
        }
        if (!(answer.parsedBody() instanceof RemoteBody.Json body
                && body.value() instanceof Map<?, ?> lead
                && lead.get("id") instanceof String id && !id.isEmpty()
                && lead.get("properties") instanceof Map<?, ?>)) {
            throw unexpected(answer, "is not a lead object with a string id and an object of properties");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> remoteData = Collections.unmodifiableMap((Map<String, Object>) lead);
        HubSpotLeadDto dto;
        try {
            dto = json.convertValue(lead, HubSpotLeadDto.class);
        } catch (IllegalArgumentException wrongShape) {
            throw unexpected(answer, "has a lead field of an unexpected type");
        }
        return mapper.toLead(dto, remoteData, customProperties);
    }

    private static ProviderContractBreach unexpected(ProviderAnswer answer, String what) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "HubSpot answered " + answer.status() + " to a lead fetch, but the answer " + what);
    }
}
