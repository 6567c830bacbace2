package dev.unifiedcrm.application;

/** Hands events to the {@link DeleteLeadListener}; a listener's failure is logged, never the request's. */
final class DeleteLeadEvents {

    private static final System.Logger LOG = System.getLogger(DeleteLeadEvents.class.getName());

    private final DeleteLeadListener listener;

    DeleteLeadEvents(DeleteLeadListener listener) {
        this.listener = listener;
    }

    void emit(DeleteLeadEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a DeleteLeadListener failed on " + event.getClass().getSimpleName(), e);
        }
    }
}
