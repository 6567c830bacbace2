package dev.unifiedcrm.sharedstate.redis;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Reports Redis failures: every one to the {@link SharedStateOutage} listener, and at most one WARN
 * line per {@link #QUIET_PERIOD_NANOS}, so that an outage under load does not flood the log. The
 * line says how many failures it stands for and never holds the URL's password.
 */
final class OutageLog {

    static final long QUIET_PERIOD_NANOS = 10_000_000_000L;
    private static final System.Logger LOG = System.getLogger(RedisSharedState.class.getName());

    private final String location;
    private final SharedStateOutage listener;
    private final AtomicLong lastLineNanos;
    private final AtomicLong unreported = new AtomicLong();

    OutageLog(RedisLocation location, SharedStateOutage listener) {
        this.location = location.toString();
        this.listener = listener;
        this.lastLineNanos = new AtomicLong(System.nanoTime() - QUIET_PERIOD_NANOS);
    }

    void failed(SharedStateOutage.Part part, String consequence, Throwable cause) {
        try {
            listener.failed(part);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a SharedStateOutage listener failed", e);
        }
        long count = unreported.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLineNanos.get();
        if (now - last >= QUIET_PERIOD_NANOS && lastLineNanos.compareAndSet(last, now)) {
            long failures = unreported.getAndSet(0);
            LOG.log(System.Logger.Level.WARNING, "shared state: Redis at " + location + " failed (" + reason(cause)
                    + "): " + consequence + "; " + failures + " failure(s) since the last such line, next line in 10 s at the earliest");
        } else if (count == Long.MAX_VALUE) {
            unreported.set(0);
        }
    }

    /** The exception's kind and message: Lettuce's messages name the host, never the password. */
    private static String reason(Throwable cause) {
        if (cause == null) {
            return "no answer";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
