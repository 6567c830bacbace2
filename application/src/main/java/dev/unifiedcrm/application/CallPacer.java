package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccountId;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Paces the calls to one account's provider (the root README's Reliability section, local rate limit): the outgoing
 * port behind which a rate-limiting library keeps one budget per account.
 *
 * <p>Contract for implementations: with an empty rate, grant at once. Otherwise, when this call's
 * turn comes within {@code maxWait}, wait for it (blocking the calling thread only) and grant it;
 * when it would come later, take no turn, return at once and say how long the wait would have
 * been. Accounts are independent: a flood against one never delays another. Thread-safe; if the
 * thread is interrupted while waiting, keep the interrupt flag and refuse.
 */
@FunctionalInterface
public interface CallPacer {

    /**
     * @param account       whose provider is about to be called
     * @param ratePerSecond the account's pace in calls per second; empty means unpaced
     * @param maxWait       the longest this call may wait: the time left for the request less one
     *                      exchange's time ({@link Timeouts#longestPacingWait})
     */
    Turn awaitTurn(IntegratedAccountId account, OptionalDouble ratePerSecond, Duration maxWait);

    /** No pacing at all. */
    static CallPacer unpaced() {
        return (account, rate, maxWait) -> Turn.GRANTED;
    }

    /**
     * The pacer's answer.
     *
     * @param granted whether the call may go ahead now
     * @param waitTime when refused, how long the call would have had to wait (zero when granted)
     */
    record Turn(boolean granted, Duration waitTime) {

        public static final Turn GRANTED = new Turn(true, Duration.ZERO);

        public Turn {
            Objects.requireNonNull(waitTime, "waitTime");
            if (waitTime.isNegative()) {
                throw new IllegalArgumentException("waitTime must not be negative");
            }
        }

        public static Turn refused(Duration waitTime) {
            return new Turn(false, waitTime);
        }
    }
}
