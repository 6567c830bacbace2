package dev.unifiedcrm.domain;

/** A lead id that does not have its integration's format; the message names the expected format. */
public final class InvalidLeadIdException extends IllegalArgumentException {

    private final LeadIdFormat expected;

    public InvalidLeadIdException(LeadIdFormat expected) {
        super("the lead id must be " + expected.description());
        this.expected = expected;
    }

    public LeadIdFormat expected() {
        return expected;
    }
}
