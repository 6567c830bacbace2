package dev.unifiedcrm.application;

import java.time.Duration;

/** A point in monotonic time by which a call must be done. */
public final class Deadline {

    private final long deadlineNanos;

    private Deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    /** Time left, zero once passed. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    public boolean hasPassed() {
        return deadlineNanos - System.nanoTime() <= 0;
    }
}
