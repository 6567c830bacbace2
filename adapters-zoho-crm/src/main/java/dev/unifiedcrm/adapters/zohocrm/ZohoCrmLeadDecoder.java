package dev.unifiedcrm.adapters.zohocrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;

import java.time.DateTimeException;
import java.util.Collections;
import java.util.Map;

/** A fetched Zoho lead ({@code data[0]}, found by {@link ZohoCrmAnswerReader}) as the unified lead. */
final class ZohoCrmLeadDecoder {

    private final ObjectMapper json;
    private final ZohoCrmLeadMapper mapper;

    ZohoCrmLeadDecoder(ObjectMapper json, ZohoCrmLeadMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    /** @throws ProviderContractBreach when a field has an unexpected type or a date-time is not ISO-8601 */
    @SuppressWarnings("unchecked")
    Lead decode(ProviderAnswer answer, Map<?, ?> lead) {
        ZohoCrmLeadDto dto;
        try {
            dto = json.convertValue(lead, ZohoCrmLeadDto.class);
        } catch (IllegalArgumentException wrongShape) {
            throw breach(answer, "has a lead field of an unexpected type");
        }
        try {
            return mapper.toLead(dto, Collections.unmodifiableMap((Map<String, Object>) lead));
        } catch (DateTimeException badDate) {
            throw breach(answer, "has a date-time that is not ISO-8601 with an offset");
        }
    }

    private static ProviderContractBreach breach(ProviderAnswer answer, String what) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Zoho CRM answered " + answer.status() + " to a lead fetch, but the lead " + what);
    }
}
