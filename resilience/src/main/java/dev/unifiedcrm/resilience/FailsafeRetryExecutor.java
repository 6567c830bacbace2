package dev.unifiedcrm.resilience;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.unifiedcrm.application.RetryDecision;
import dev.unifiedcrm.application.RetryExecutor;
import dev.unifiedcrm.application.RetryPlan;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's {@link RetryExecutor} on a Failsafe {@link RetryPolicy}: exponential backoff
 * from {@code initialDelay} (doubling, at most {@code maxDelay}) with a random jitter of half the
 * initial delay either way, never a pause past the plan's deadline (Failsafe's max duration), and
 * at least a provider's {@code Retry-After} when the plan's rules ask for one.
 *
 * <p>Thread-safe and stateless between calls: each call builds its own policy, which is cheap.
 */
public final class FailsafeRetryExecutor implements RetryExecutor {

    public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(100);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(2);
    /** Tells Failsafe to use the backoff: its delay function falls back to it for a negative delay. */
    private static final Duration USE_BACKOFF = Duration.ofNanos(-1);

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
        Duration budget = plan.deadline().remaining();
        if (budget.isZero() || plan.maxAttempts() == 1) {
            return attempt.run(1);
        }
        var decisions = new Decisions(plan);
        var attempts = new AtomicInteger();
        var lastFailure = new AtomicReference<RuntimeException>();
        RetryPolicy<T> policy = RetryPolicy.<T>builder()
                .handleIf((result, failure) -> failure instanceof RuntimeException e && decisions.of(e).retry())
                .withMaxAttempts(plan.maxAttempts())
                .withBackoff(initialDelay, maxDelay)
                .withJitter(jitter)
                // A Retry-After is a floor: add the jitter once so that the random part only ever lengthens it.
                .withDelayFn(context -> context.getLastException() instanceof RuntimeException e
                        ? decisions.of(e).notBefore().map(pause -> pause.plus(jitter)).orElse(USE_BACKOFF)
                        : USE_BACKOFF)
                .withMaxDuration(budget)
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
            RuntimeException last = lastFailure.get();
            if (last != null) {
                throw last;
            }
            throw new IllegalStateException("interrupted before the first attempt", e);
        }
    }

    /** Asks the plan once per failure: Failsafe consults it twice (retry? how long?). */
    private static final class Decisions {
        private final RetryPlan plan;
        private RuntimeException lastFailure;
        private RetryDecision lastDecision;

        Decisions(RetryPlan plan) {
            this.plan = plan;
        }

        synchronized RetryDecision of(RuntimeException failure) {
            if (failure != lastFailure) {
                lastFailure = failure;
                lastDecision = plan.decide(failure);
            }
            return lastDecision;
        }
    }
}
