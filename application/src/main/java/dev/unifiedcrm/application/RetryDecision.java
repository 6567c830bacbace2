package dev.unifiedcrm.application;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do after a failed attempt: stop, or retry (not sooner than {@code notBefore} when the
 * provider asked for a pause with {@code Retry-After}).
 *
 * @param retry     whether another attempt may be made
 * @param notBefore the shortest pause before that attempt; empty when only the backoff applies
 */
public record RetryDecision(boolean retry, Optional<Duration> notBefore) {

    public static final RetryDecision STOP = new RetryDecision(false, Optional.empty());
    public static final RetryDecision RETRY = new RetryDecision(true, Optional.empty());

    public RetryDecision {
        Objects.requireNonNull(notBefore, "notBefore");
        if (!retry && notBefore.isPresent()) {
            throw new IllegalArgumentException("a pause only makes sense before a retry");
        }
        notBefore.ifPresent(pause -> {
            if (pause.isNegative()) {
                throw new IllegalArgumentException("notBefore must not be negative");
            }
        });
    }

    /** Retry, but not before {@code pause} has passed. */
    public static RetryDecision retryAfter(Duration pause) {
        return new RetryDecision(true, Optional.of(pause));
    }
}
