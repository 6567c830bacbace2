package dev.unifiedcrm.domain;

import java.util.Objects;

/**
 * A lead as the provider holds it, mapped onto the unified {@link Lead}, whose
 * {@code remoteData} is the provider's lead object (inside any envelope), and the answer as it came.
 */
public record FetchedLead(Lead lead, ProviderAnswer answer) implements ProviderSuccess {

    public FetchedLead {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(answer, "answer");
    }
}
