package dev.unifiedcrm.application;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RetryExecutor} that follows the plan without pausing and records each decision it was
 * given: the contract's rules can be tested without a retry library and without waiting.
 */
final class SequentialRetries implements RetryExecutor {

    final List<RetryDecision> decisions = new CopyOnWriteArrayList<>();

    @Override
    public <T> T execute(RetryPlan plan, Attempt<T> attempt) {
        for (int number = 1; ; number++) {
            try {
                return attempt.run(number);
            } catch (RuntimeException failure) {
                RetryDecision decision = plan.decide(failure);
                decisions.add(decision);
                if (!decision.retry() || number >= plan.maxAttempts() || plan.deadline().hasPassed()) {
                    throw failure;
                }
            }
        }
    }
}
