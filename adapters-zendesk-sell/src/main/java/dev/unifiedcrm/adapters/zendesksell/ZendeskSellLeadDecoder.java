package dev.unifiedcrm.adapters.zendesksell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.RemoteBody;

import java.time.DateTimeException;
import java.util.Collections;
import java.util.Map;

/**
 * Reads Sell's lead answer {@code {"data": {...}, "meta": {"type": "lead"}}} into the unified
 * {@link Lead}: the {@code data} object becomes the DTO, then the mapper's lead, with the object
 * itself (exact JSON values, in order) as remote data.
 */
final class ZendeskSellLeadDecoder {

    private final ObjectMapper json;
    private final ZendeskSellLeadMapper mapper;

    ZendeskSellLeadDecoder(ObjectMapper json, ZendeskSellLeadMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    /** @throws ProviderContractBreach of kind {@code UNEXPECTED_BODY} when the answer is not a Sell lead */
    Lead decode(ProviderAnswer answer) {
        if (!(answer.parsedBody() instanceof RemoteBody.Json body
                && body.value() instanceof Map<?, ?> envelope
                && envelope.get("data") instanceof Map<?, ?> data)) {
            throw unexpected(answer, "is not Sell's {\"data\": {...}} lead envelope");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> remoteData = Collections.unmodifiableMap((Map<String, Object>) data);
        ZendeskSellLeadDto dto;
        try {
            dto = json.convertValue(data, ZendeskSellLeadDto.class);
        } catch (IllegalArgumentException wrongShape) {
            throw unexpected(answer, "has a lead field of an unexpected type");
        }
        if (dto.id() == null || dto.id().isEmpty()) {
            throw unexpected(answer, "has no lead id");
        }
        try {
            return mapper.toLead(dto, remoteData);
        } catch (DateTimeException badDate) {
            throw unexpected(answer, "has a date-time that is not ISO-8601 with an offset");
        }
    }

    private static ProviderContractBreach unexpected(ProviderAnswer answer, String what) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Zendesk Sell answered " + answer.status() + " to a lead fetch, but the body " + what);
    }
}
