package dev.unifiedcrm.application;

/**
 * Hears what happens while delete requests are served ({@link DeleteLeadEvent}): the outgoing port
 * for metrics. The audit trail has its own port, {@link AuditTrail}: its first entry must be
 * durable before the provider is called, which a listener that may not fail cannot promise.
 *
 * <p>Called synchronously on the request's thread, from many threads at once: implementations are
 * thread-safe and quick, and should not throw (an exception is logged and otherwise ignored, so a
 * broken listener never changes an answer).
 */
@FunctionalInterface
public interface DeleteLeadListener {

    void on(DeleteLeadEvent event);

    /** Hears nothing. */
    static DeleteLeadListener none() {
        return event -> {
        };
    }
}
