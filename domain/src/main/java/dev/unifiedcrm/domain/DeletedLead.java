package dev.unifiedcrm.domain;

import java.util.Objects;

/**
 * A delete the provider accepted: the id of the deleted lead (from the provider's answer when it
 * names one, else the id that was sent) and the answer as it came.
 */
public record DeletedLead(String id, ProviderAnswer answer) implements ProviderSuccess {

    public DeletedLead {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(answer, "answer");
    }
}
