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
}
