package dev.unifiedcrm.domain.spi;

import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;

import java.util.Objects;

/** The ports one adapter provides: deleting a lead, and fetching it first when asked to. */
public record CrmAdapter(LeadDeletionPort deletion, LeadLookupPort lookup) {

    public CrmAdapter {
        Objects.requireNonNull(deletion, "deletion");
        Objects.requireNonNull(lookup, "lookup");
    }
}
