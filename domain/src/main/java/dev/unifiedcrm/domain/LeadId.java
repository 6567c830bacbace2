package dev.unifiedcrm.domain;

import java.util.Objects;

/**
 * A provider's lead id in the canonical form sent to the provider (see {@link LeadIdFormat}).
 * Obtain one through {@link #parse(String, LeadIdFormat)}.
 */
public record LeadId(String value) {

    public LeadId {
        Objects.requireNonNull(value, "lead id");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("lead id must not be empty");
        }
    }

    /**
     * Checks a percent-decoded id against an integration's format.
     *
     * @throws InvalidLeadIdException naming the expected format when the id does not match it exactly
     */
    public static LeadId parse(String decodedId, LeadIdFormat format) {
        return format.canonical(decodedId)
                .map(LeadId::new)
                .orElseThrow(() -> new InvalidLeadIdException(format));
    }

    @Override
    public String toString() {
        return value;
    }
}
