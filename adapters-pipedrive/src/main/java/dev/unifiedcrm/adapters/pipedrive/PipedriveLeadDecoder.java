package dev.unifiedcrm.adapters.pipedrive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;

import java.util.Collections;
import java.util.Map;

/**
 * Turns a successful lead fetch ({@code {"success": true, "data": {...}}}) into the unified
 * {@link Lead}: {@code data} must be an object with a string {@code id}; it becomes the DTO, then the
 * mapper's lead, with the object itself (exact JSON values, in order) as remote data.
 */
final class PipedriveLeadDecoder {

    private final ObjectMapper json;
    private final PipedriveLeadMapper mapper;

    PipedriveLeadDecoder(ObjectMapper json, PipedriveLeadMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    /** @throws ProviderContractBreach of kind {@code UNEXPECTED_BODY} when {@code data} is not a Pipedrive lead */
    Lead decode(ProviderAnswer answer, PipedriveEnvelope.Reading.Success success) {
        if (!(success.data() instanceof Map<?, ?> data && data.get("id") instanceof String id && !id.isEmpty())) {
            throw unexpected(answer, "has no lead object with a string id in \"data\"");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> remoteData = Collections.unmodifiableMap((Map<String, Object>) data);
        PipedriveLeadDto dto;
        try {
            dto = json.convertValue(data, PipedriveLeadDto.class);
        } catch (IllegalArgumentException wrongShape) {
            throw unexpected(answer, "has a lead field of an unexpected type");
        }
        return mapper.toLead(dto, remoteData);
    }

    private static ProviderContractBreach unexpected(ProviderAnswer answer, String what) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Pipedrive answered " + answer.status() + " to a lead fetch, but the body " + what);
    }
}
