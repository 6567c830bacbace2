package dev.unifiedcrm.domain;

import java.util.Objects;

/**
 * A provider's lead id in the canonical form of its integration's {@link LeadIdFormat}, the form
 * sent to the provider. Only {@link #parse(String, LeadIdFormat)} makes one, so a {@code LeadId}
 * that reaches a port has passed a format check; an adapter still refuses, before any I/O, an id
 * that is not canonical in its own format (one parsed for another integration).
 */
public final class LeadId {

    private final String value;

    private LeadId(String value) {
        this.value = value;
    }

    /**
     * Checks a percent-decoded id against an integration's format.
     *
     * @throws InvalidLeadIdException naming the expected format when the id does not match it
     *                                exactly, and for {@code .} and {@code ..} whatever the format
     *                                (an HTTP client would resolve them as dot segments)
     */
    public static LeadId parse(String decodedId, LeadIdFormat format) {
        Objects.requireNonNull(format, "format");
        if (decodedId == null || decodedId.isEmpty() || isDotSegment(decodedId)) {
            throw new InvalidLeadIdException(format);
        }
        String canonical = format.canonical(decodedId).orElseThrow(() -> new InvalidLeadIdException(format));
        if (canonical.isEmpty() || isDotSegment(canonical)) {
            throw new InvalidLeadIdException(format);
        }
        return new LeadId(canonical);
    }

    static boolean isDotSegment(String id) {
        return id.equals(".") || id.equals("..");
    }

    /** The id as sent to the provider. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeadId id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
