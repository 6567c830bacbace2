package dev.unifiedcrm.application;

import java.util.Objects;
import java.util.function.Function;

/**
 * How one provider exchange may be repeated.
 *
 * @param maxAttempts the most attempts in all, the first included
 * @param deadline    when the whole call must be done: no pause may reach past it
 * @param rules       what to do after a failed attempt (see {@link RetryRules}); pure and cheap,
 *                    it may be asked more than once about the same failure
 */
public record RetryPlan(int maxAttempts, Deadline deadline, Function<RuntimeException, RetryDecision> rules) {

    public RetryPlan {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(rules, "rules");
    }

    /** The rules' decision about {@code failure}. */
    public RetryDecision decide(RuntimeException failure) {
        return Objects.requireNonNull(rules.apply(failure), "retry decision");
    }
}
