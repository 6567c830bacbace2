package dev.unifiedcrm.adapters.nutshell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Nutshell's 2xx lead answers. Nutshell's OpenAPI promises a bare lead, while its REST answers
 * wrap records JSON-API style ({@code {"meta":…,"links":…,"leads":[{…}]}}): the lead is
 * {@code leads[0]} when {@code leads} is a non-empty array of objects, else the body itself when it
 * is an object with a string {@code id}, else there is none.
 */
final class NutshellLeadDecoder {

    /** What a fetch found: a live lead, or one Nutshell keeps with {@code deletedTime} set. */
    sealed interface Fetched {
        record Live(Lead lead) implements Fetched {
        }

        /** Soft-deleted: answered as not found, and nothing is deleted. */
        record SoftDeleted() implements Fetched {
        }
    }

    private final ObjectMapper json;
    private final NutshellLeadMapper mapper;

    NutshellLeadDecoder(ObjectMapper json, NutshellLeadMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    /**
     * A 2xx delete answer as the unified deleted lead: the lead's relations, status and title, with
     * the whole body as remote data, when the answer holds a lead; empty when it holds none (any 2xx
     * is a success, whatever its body).
     *
     * @throws ProviderContractBreach when the answer's lead is another lead or has fields of the wrong type
     */
    Optional<Lead> deleted(ProviderAnswer answer, String canonicalId) {
        Object body = answer.parsedBody() instanceof RemoteBody.Json parsed ? parsed.value() : null;
        Optional<Map<String, Object>> lead = leadIn(body);
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        NutshellLeadDto dto = dto(answer, lead.get(), canonicalId, "delete");
        return Optional.of(withCanonicalId(mapper.toDeletedLead(dto, body), canonicalId));
    }

    /**
     * A 2xx fetch answer.
     *
     * @throws ProviderContractBreach when it holds no lead, another lead, or fields of the wrong type
     */
    Fetched fetched(ProviderAnswer answer, String canonicalId) {
        Object body = answer.parsedBody() instanceof RemoteBody.Json parsed ? parsed.value() : null;
        Map<String, Object> lead = leadIn(body).orElseThrow(() -> breach(answer,
                "Nutshell answered " + answer.status() + " to a lead fetch, but the body holds no lead"));
        if (isSet(lead.get("deletedTime"))) {
            return new Fetched.SoftDeleted();
        }
        NutshellLeadDto dto = dto(answer, lead, canonicalId, "fetch");
        return new Fetched.Live(withCanonicalId(mapper.toLead(dto, Collections.unmodifiableMap(lead)), canonicalId));
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> leadIn(Object body) {
        if (body instanceof Map<?, ?> envelope) {
            if (envelope.get("leads") instanceof List<?> leads && !leads.isEmpty()
                    && leads.stream().allMatch(Map.class::isInstance)) {
                return Optional.of((Map<String, Object>) leads.get(0));
            }
            if (envelope.get("id") instanceof String) {
                return Optional.of((Map<String, Object>) envelope);
            }
        }
        return Optional.empty();
    }

    /** {@code deletedTime} counts as set unless it is absent, null, {@code ""} or {@code {}}. */
    private static boolean isSet(Object deletedTime) {
        return deletedTime != null && !"".equals(deletedTime)
                && !(deletedTime instanceof Map<?, ?> object && object.isEmpty());
    }

    private NutshellLeadDto dto(ProviderAnswer answer, Map<String, Object> lead, String canonicalId, String exchange) {
        if (!NutshellLeadIdFormat.sameLead(lead.get("id"), canonicalId)) {
            throw breach(answer, "Nutshell answered a lead " + exchange + " of " + canonicalId
                    + " with another lead's id");
        }
        try {
            return json.convertValue(lead, NutshellLeadDto.class);
        } catch (IllegalArgumentException wrongShape) {
            throw breach(answer, "Nutshell answered a lead " + exchange + " with a lead field of an unexpected type");
        }
    }

    /** The unified id is always the {@code <n>-leads} form, even when Nutshell wrote the bare number. */
    private static Lead withCanonicalId(Lead lead, String canonicalId) {
        return new Lead(canonicalId, lead.owner(), lead.leadSource(), lead.leadType(), lead.status(), lead.title(),
                lead.contact(), lead.account(), lead.firstName(), lead.lastName(), lead.addresses(),
                lead.emailAddresses(), lead.phoneNumbers(), lead.customFields(), lead.lastActivityAt(),
                lead.createdAt(), lead.updatedAt(), lead.convertedAt(), lead.convertedContact(),
                lead.convertedAccount(), lead.remoteData());
    }

    private static ProviderContractBreach breach(ProviderAnswer answer, String message) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer, message);
    }
}
