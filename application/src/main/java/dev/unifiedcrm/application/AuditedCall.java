package dev.unifiedcrm.application;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The audit trail's view of one request's provider calls: the started entry before the first call,
 * the provider's last status, and the finished entry. Used by one thread.
 */
final class AuditedCall {

    private static final System.Logger LOG = System.getLogger(AuditedCall.class.getName());

    private final AuditTrail trail;
    private final AuditTrail.Deletion deletion;
    private boolean started;
    private long startedNanos;
    private OptionalInt lastStatus = OptionalInt.empty();

    AuditedCall(AuditTrail trail, AuditTrail.Deletion deletion) {
        this.trail = trail;
        this.deletion = deletion;
    }

    /**
     * Writes the started entry before the first provider call; does nothing before the others.
     *
     * @throws NotRecorded when the trail could not write it: the provider must not be called
     */
    void beforeProviderCall() {
        if (started) {
            return;
        }
        try {
            trail.started(deletion);
        } catch (RuntimeException e) {
            throw new NotRecorded(e);
        }
        started = true;
        startedNanos = System.nanoTime();
    }

    /** What the provider answered to the latest call: its status, or empty when no answer came. */
    void providerAnswered(OptionalInt status) {
        lastStatus = status;
    }

    /** Writes the finished entry if a started one was written; a failure is only logged. */
    void finish(AuditTrail.Outcome outcome) {
        if (!started) {
            return;
        }
        var result = new AuditTrail.Result(outcome, lastStatus, Duration.ofNanos(System.nanoTime() - startedNanos));
        try {
            trail.finished(deletion, result);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "request_id=" + deletion.requestId()
                    + " the audit trail could not record the end of this deletion (" + outcome.wireName() + ")", e);
        }
    }

    /** The outcome a result stands for. */
    static AuditTrail.Outcome outcomeOf(DeleteLeadResult result) {
        if (result instanceof DeleteLeadResult.Deleted deleted) {
            return deleted.outcome() == DeleteOutcome.DELETED ? AuditTrail.Outcome.DELETED : AuditTrail.Outcome.ALREADY_DELETED;
        }
        return AuditTrail.Outcome.FAILED;
    }

    /** The started entry could not be written; nothing was sent to the provider. */
    static final class NotRecorded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotRecorded(RuntimeException cause) {
            super("the audit trail could not record the start of a deletion", cause);
        }
    }
}
