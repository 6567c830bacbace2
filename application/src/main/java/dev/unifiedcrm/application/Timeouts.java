package dev.unifiedcrm.application;

import java.time.Duration;
import java.util.Objects;

/**
 * The time limits of a request (the root README's Reliability section): {@code connect} to open a connection, {@code attempt} for one
 * provider exchange, {@code request} for the whole call, retries included.
 */
public record Timeouts(Duration connect, Duration attempt, Duration request) {

    public static final Timeouts DEFAULTS =
            new Timeouts(Duration.ofMillis(5_000), Duration.ofMillis(10_000), Duration.ofMillis(30_000));

    public Timeouts {
        for (var limit : new Duration[] {connect, attempt, request}) {
            Objects.requireNonNull(limit, "timeout");
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
    }

    /**
     * How long a call may wait for its turn under a local rate limit when {@code timeLeft} remains
     * of its request: the wait must leave one exchange's time ({@link #attempt()}, or half of
     * {@code timeLeft} when that is less). A longer wait would leave the provider call too little
     * time, and its timeout would be an uncertain answer that our own waiting caused.
     */
    public Duration longestPacingWait(Duration timeLeft) {
        Objects.requireNonNull(timeLeft, "timeLeft");
        if (timeLeft.isNegative() || timeLeft.isZero()) {
            return Duration.ZERO;
        }
        Duration half = timeLeft.dividedBy(2);
        Duration kept = attempt.compareTo(half) < 0 ? attempt : half;
        return timeLeft.minus(kept);
    }
}
