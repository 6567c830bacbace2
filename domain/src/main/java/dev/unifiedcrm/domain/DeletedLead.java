package dev.unifiedcrm.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A delete the provider accepted: the id of the deleted lead (from the provider's answer when it
 * names one, else the id that was sent), the lead as the answer describes it when the provider
 * answers a delete with the deleted record (empty otherwise), and the answer as it came.
 *
 * <p>{@code lead}, when present, is what the unified answer shows: its {@code id} is {@code id},
 * and its {@code remoteData} is the whole answer body.
 */
public record DeletedLead(String id, Optional<Lead> lead, ProviderAnswer answer) implements ProviderSuccess {

    public DeletedLead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(answer, "answer");
        if (lead.isPresent() && !id.equals(lead.get().id())) {
            throw new IllegalArgumentException("the deleted lead's id must be the deleted id " + id);
        }
    }

    /** A delete whose answer describes no lead (a 204, an acknowledgement). */
    public DeletedLead(String id, ProviderAnswer answer) {
        this(id, Optional.empty(), answer);
    }
}
