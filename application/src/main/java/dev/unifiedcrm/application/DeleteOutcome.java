package dev.unifiedcrm.application;

/** How a successful delete ended; {@link #wireName()} is how answers and the audit trail spell it. */
public enum DeleteOutcome {
    /** The provider deleted the lead on this request. */
    DELETED("deleted"),
    /**
     * An attempt may have deleted the lead before its answer was lost, and the next attempt found no
     * such lead: either way it is gone.
     */
    ALREADY_DELETED("already_deleted");

    private final String wireName;

    DeleteOutcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
