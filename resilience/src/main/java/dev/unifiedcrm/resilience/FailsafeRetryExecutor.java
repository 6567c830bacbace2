package dev.unifiedcrm.resilience;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.unifiedcrm.application.RetryDecision;
import dev.unifiedcrm.application.RetryExecutor;
import dev.unifiedcrm.application.RetryPlan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's {@link RetryExecutor} on a Failsafe {@link RetryPolicy}: exponential backoff
 * from {@code initialDelay} (doubling, at most {@code maxDelay}) with a random jitter of half the
 * initial delay either way, at least a provider's {@code Retry-After} when the plan's rules ask for
 * one, and no retry at all when that pause would not end before the plan's deadline: the last
 * failure is then the outcome.
 *
 * <p>The pause is computed here, once per failure, rather than by Failsafe's backoff: Failsafe
 * refuses a backoff longer than its max duration (a short deadline would fail the call with its
 * own exception) and shortens a pause to fit the max duration instead of giving up the retry.
 *
 * <p>The first attempt runs straight away, outside Failsafe: most calls succeed at once, and
 * building a policy and an execution for each of them was pure overhead. Only after a failure
 * that the plan retries does this executor take the first pause itself, then hand attempts 2 to
 * {@code maxAttempts} to a Failsafe policy built for that call, with the same pauses and rules.
 *
 * <p>Thread-safe and stateless between calls.
 */
public final class FailsafeRetryExecutor implements RetryExecutor {

    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(2);

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration jitter;

    public FailsafeRetryExecutor() {
        this(DEFAULT_INITIAL_DELAY, DEFAULT_MAX_DELAY);
    }

    /**
     * @param initialDelay the pause before the second attempt, doubled for each later one
     * @param maxDelay     the longest backoff pause (a {@code Retry-After} may ask for more)
     */
    public FailsafeRetryExecutor(Duration initialDelay, Duration maxDelay) {
        this.initialDelay = Objects.requireNonNull(initialDelay, "initialDelay");
        this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) <= 0) {
            throw new IllegalArgumentException("need 0 < initialDelay < maxDelay");
        }
        this.jitter = initialDelay.dividedBy(2);
    }

    @Override
    public <T> T execute(RetryPlan plan, Attempt<T> attempt) {
        RuntimeException firstFailure;
        try {
            // Most calls end here: the first attempt needs no policy, counters or Failsafe execution.
            return attempt.run(1);
        } catch (RuntimeException e) {
            firstFailure = e;
        }
        if (plan.maxAttempts() == 1) {
            throw firstFailure;
        }
        var attempts = new AtomicInteger(1);
        var pauses = new Pauses(plan, attempts);
        Duration firstPause = pauses.after(firstFailure).orElseThrow(() -> firstFailure);
        try {
            TimeUnit.NANOSECONDS.sleep(firstPause.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw firstFailure;
        }
        return retry(plan, attempt, attempts, pauses, firstFailure);
    }

    /** Attempts 2 to {@code maxAttempts} on a Failsafe policy, the pause before attempt 2 already taken. */
    private <T> T retry(RetryPlan plan, Attempt<T> attempt, AtomicInteger attempts, Pauses pauses, RuntimeException firstFailure) {
        var lastFailure = new AtomicReference<>(firstFailure);
        RetryPolicy<T> policy = RetryPolicy.<T>builder()
                .handleIf((result, failure) -> failure instanceof RuntimeException e && pauses.after(e).isPresent())
                .withMaxAttempts(plan.maxAttempts() - 1)
                .withDelayFn(context -> context.getLastException() instanceof RuntimeException e
                        ? pauses.after(e).orElse(Duration.ZERO)
                        : Duration.ZERO)
                .build();
        try {
            return Failsafe.with(policy).get(() -> {
                try {
                    return attempt.run(attempts.incrementAndGet());
                } catch (RuntimeException e) {
                    lastFailure.set(e);
                    throw e;
                }
            });
        } catch (FailsafeException e) {
            // Only an interrupt while pausing gets here (attempts throw unchecked exceptions only).
            throw lastFailure.get();
        }
    }

    /** The backoff before attempt {@code failed + 1}: doubling from the initial delay, capped, jittered. */
    private Duration backoff(int failed) {
        Duration base = initialDelay;
        for (int i = 1; i < failed && base.compareTo(maxDelay) < 0; i++) {
            base = base.multipliedBy(2);
        }
        if (base.compareTo(maxDelay) > 0) {
            base = maxDelay;
        }
        long spread = jitter.toNanos();
        Duration jittered = base.plusNanos(ThreadLocalRandom.current().nextLong(-spread, spread + 1));
        return jittered.isNegative() ? Duration.ZERO : jittered;
    }

    /**
     * A {@code Retry-After} is a floor: the random part only ever lengthens it, and by at most half
     * of the time that would be left after the floor, so that a floor that fits still fits.
     */
    private Duration floorWithJitter(Duration notBefore, Duration remaining) {
        long slack = remaining.minus(notBefore).toNanos();
        long spread = Math.min(2 * jitter.toNanos(), Math.max(0, slack / 2));
        return notBefore.plusNanos(ThreadLocalRandom.current().nextLong(0, spread + 1));
    }

    /**
     * The pause after each failure, decided once (Failsafe asks twice: retry? how long?): empty when
     * the rules stop, or when the pause would not end before the deadline.
     */
    private final class Pauses {
        private final RetryPlan plan;
        private final AtomicInteger attempts;
        private int decidedAttempt;
        private Optional<Duration> lastPause;

        Pauses(RetryPlan plan, AtomicInteger attempts) {
            this.plan = plan;
            this.attempts = attempts;
        }

        /** Keyed by the attempt that failed: the same exception may well be thrown by several attempts. */
        synchronized Optional<Duration> after(RuntimeException failure) {
            if (attempts.get() != decidedAttempt) {
                decidedAttempt = attempts.get();
                lastPause = decide(failure);
            }
            return lastPause;
        }

        private Optional<Duration> decide(RuntimeException failure) {
            RetryDecision decision = plan.decide(failure);
            if (!decision.retry()) {
                return Optional.empty();
            }
            Duration remaining = plan.deadline().remaining();
            Duration pause = decision.notBefore().map(floor -> floorWithJitter(floor, remaining))
                    .orElseGet(() -> backoff(attempts.get()));
            return pause.compareTo(remaining) < 0 ? Optional.of(pause) : Optional.empty();
        }
    }
}
