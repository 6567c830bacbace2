package dev.unifiedcrm.application;

/**
 * Runs one provider exchange again after a failure, as a {@link RetryPlan} allows: the outgoing
 * port behind which a retry library keeps the loop, the backoff with jitter and the time budget.
 * What is worth a retry is not its business: it asks {@link RetryPlan#decide}.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>call {@code attempt} with attempt numbers 1, 2, ... and return the first value it returns;</li>
 *   <li>after a failure, stop and rethrow that very exception (not a wrapper) when the plan's
 *       decision is not to retry, when {@code maxAttempts} attempts have run, or when the deadline
 *       has passed;</li>
 *   <li>otherwise pause (exponential backoff with jitter, and at least the decision's
 *       {@code notBefore}), never past the plan's deadline, then try again;</li>
 *   <li>if the thread is interrupted while pausing, keep the interrupt flag and rethrow the last
 *       failure.</li>
 * </ul>
 * Implementations are thread-safe: one instance serves every request at once.
 */
public interface RetryExecutor {

    <T> T execute(RetryPlan plan, Attempt<T> attempt);

    /** One try at the exchange; {@code number} counts from 1. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int number);
    }

    /** One attempt, never a retry: for tests and for callers that retry on their own. */
    static RetryExecutor singleAttempt() {
        return new RetryExecutor() {
            @Override
            public <T> T execute(RetryPlan plan, Attempt<T> attempt) {
                return attempt.run(1);
            }
        };
    }
}
