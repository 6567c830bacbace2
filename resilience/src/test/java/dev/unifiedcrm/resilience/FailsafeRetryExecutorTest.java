package dev.unifiedcrm.resilience;

import dev.unifiedcrm.application.Deadline;
import dev.unifiedcrm.application.RetryDecision;
import dev.unifiedcrm.application.RetryPlan;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

class FailsafeRetryExecutorTest {

    private final FailsafeRetryExecutor retries = new FailsafeRetryExecutor(Duration.ofMillis(20), Duration.ofMillis(200));
    private final List<Integer> attempts = new CopyOnWriteArrayList<>();

    @Test
    void returnsTheFirstSuccessAndNumbersTheAttempts() {
        String result = retries.execute(plan(3, Duration.ofSeconds(10), failure -> RetryDecision.RETRY), number -> {
            attempts.add(number);
            if (number < 3) {
                throw new IllegalStateException("try " + number);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void stopsAfterMaxAttemptsAndRethrowsTheVeryLastFailure() {
        var failures = new CopyOnWriteArrayList<RuntimeException>();

        RuntimeException thrown = catchRuntimeException(() -> retries.execute(plan(3, Duration.ofSeconds(10), f -> RetryDecision.RETRY),
                number -> {
                    var failure = new IllegalStateException("try " + number);
                    failures.add(failure);
                    throw failure;
                }));

        assertThat(failures).hasSize(3);
        assertThat(thrown).isSameAs(failures.get(2));
    }

    @Test
    void stopsAtOnceWhenTheRulesSaySo() {
        var failure = new IllegalArgumentException("final");

        RuntimeException thrown = catchRuntimeException(() -> retries.execute(plan(3, Duration.ofSeconds(10), f -> RetryDecision.STOP),
                number -> {
                    attempts.add(number);
                    throw failure;
                }));

        assertThat(thrown).isSameAs(failure);
        assertThat(attempts).containsExactly(1);
    }

    @Test
    void waitsAtLeastWhatTheRulesAskFor() {
        long start = System.nanoTime();

        retries.execute(plan(3, Duration.ofSeconds(10), f -> RetryDecision.retryAfter(Duration.ofMillis(400))), number -> {
            attempts.add(number);
            if (number == 1) {
                throw new IllegalStateException("slow down");
            }
            return number;
        });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(attempts).containsExactly(1, 2);
    }

    @Test
    void neverPausesPastTheDeadline() {
        var slow = new FailsafeRetryExecutor(Duration.ofSeconds(5), Duration.ofSeconds(10));
        long start = System.nanoTime();

        catchRuntimeException(() -> slow.execute(plan(3, Duration.ofMillis(300), f -> RetryDecision.RETRY), number -> {
            attempts.add(number);
            throw new IllegalStateException("again");
        }));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(attempts).as("a 5 s backoff never fits a 300 ms deadline").containsExactly(1);
    }

    @Test
    void aDeadlineAsShortAsTheDefaultBackoffEndsWithTheProvidersFailureNotTheLibrarys() {
        // A request_ms of 100 ms with the default 100 ms backoff (50 to 150 ms with jitter).
        var defaults = new FailsafeRetryExecutor();
        var failure = new IllegalStateException("provider answered 503");

        RuntimeException thrown = catchRuntimeException(() -> defaults.execute(
                plan(3, Duration.ofMillis(100), f -> RetryDecision.RETRY), number -> {
                    attempts.add(number);
                    throw failure;
                }));

        assertThat(thrown).isSameAs(failure);
        // A second attempt only when its jittered pause ended before the deadline; a third never fits.
        assertThat(attempts).startsWith(1).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aDeadlineShorterThanTheShortestBackoffGivesTheAttemptsOwnFailureWithoutARetry() {
        var failure = new IllegalStateException("provider answered 503");

        RuntimeException thrown = catchRuntimeException(() -> new FailsafeRetryExecutor().execute(
                plan(3, Duration.ofMillis(40), f -> RetryDecision.RETRY), number -> {
                    attempts.add(number);
                    throw failure;
                }));

        assertThat(thrown).isSameAs(failure);
        assertThat(attempts).containsExactly(1);
    }

    @Test
    void aDeadlineShorterThanTheBackoffStillReturnsASuccess() {
        String result = new FailsafeRetryExecutor().execute(plan(3, Duration.ofMillis(50), f -> RetryDecision.RETRY),
                number -> "deleted on attempt " + number);

        assertThat(result).isEqualTo("deleted on attempt 1");
    }

    @Test
    void aRetryAfterThatDoesNotEndBeforeTheDeadlineIsNotWaitedFor() {
        var failure = new IllegalStateException("provider answered 429");

        RuntimeException thrown = catchRuntimeException(() -> retries.execute(
                plan(3, Duration.ofSeconds(1), f -> RetryDecision.retryAfter(Duration.ofSeconds(5))), number -> {
                    attempts.add(number);
                    throw failure;
                }));

        assertThat(thrown).isSameAs(failure);
        assertThat(attempts).containsExactly(1);
    }

    @Test
    void aBackoffThatNoLongerFitsEndsTheRetriesWithTheLastFailure() {
        var slow = new FailsafeRetryExecutor(Duration.ofMillis(400), Duration.ofSeconds(4));
        var failures = new CopyOnWriteArrayList<RuntimeException>();

        RuntimeException thrown = catchRuntimeException(() -> slow.execute(
                plan(3, Duration.ofMillis(800), f -> RetryDecision.RETRY), number -> {
                    var failure = new IllegalStateException("try " + number);
                    failures.add(failure);
                    throw failure;
                }));

        // 200 to 600 ms before the second attempt fits in 800 ms; then at most 600 ms are left,
        // and the pause before a third attempt is 600 to 1000 ms.
        assertThat(failures).hasSize(2);
        assertThat(thrown).isSameAs(failures.get(1));
    }

    @Test
    void backsOffBetweenAttempts() {
        var timestamps = new CopyOnWriteArrayList<Long>();

        catchRuntimeException(() -> retries.execute(plan(3, Duration.ofSeconds(10), f -> RetryDecision.RETRY), number -> {
            timestamps.add(System.nanoTime());
            throw new IllegalStateException("again");
        }));

        assertThat(timestamps).hasSize(3);
        // 20 ms then 40 ms, each with +-10 ms of jitter
        assertThat(Duration.ofNanos(timestamps.get(1) - timestamps.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(10));
        assertThat(Duration.ofNanos(timestamps.get(2) - timestamps.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void aPlanOfTwoAttemptsRunsExactlyTwo() {
        var failures = new CopyOnWriteArrayList<RuntimeException>();

        RuntimeException thrown = catchRuntimeException(() -> retries.execute(plan(2, Duration.ofSeconds(10), f -> RetryDecision.RETRY),
                number -> {
                    attempts.add(number);
                    var failure = new IllegalStateException("try " + number);
                    failures.add(failure);
                    throw failure;
                }));

        assertThat(attempts).containsExactly(1, 2);
        assertThat(thrown).isSameAs(failures.get(1));
    }

    @Test
    void aPlanOfOneAttemptRethrowsItsFailureWithoutAskingTheRules() {
        var failure = new IllegalStateException("once");
        var asked = new CopyOnWriteArrayList<RuntimeException>();

        RuntimeException thrown = catchRuntimeException(() -> retries.execute(plan(1, Duration.ofSeconds(10), f -> {
            asked.add(f);
            return RetryDecision.RETRY;
        }), number -> {
            attempts.add(number);
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(attempts).containsExactly(1);
        assertThat(asked).isEmpty();
    }

    @Test
    void anInterruptDuringThePauseAfterTheFirstAttemptKeepsTheFlagAndRethrowsThatAttemptsFailure() {
        var failure = new IllegalStateException("first");
        try {
            RuntimeException thrown = catchRuntimeException(() -> retries.execute(plan(3, Duration.ofSeconds(10), f -> RetryDecision.RETRY),
                    number -> {
                        attempts.add(number);
                        Thread.currentThread().interrupt();
                        throw failure;
                    }));

            assertThat(thrown).isSameAs(failure);
            assertThat(attempts).containsExactly(1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptDuringALaterPauseKeepsTheFlagAndRethrowsTheLastFailure() {
        var failures = new CopyOnWriteArrayList<RuntimeException>();
        try {
            RuntimeException thrown = catchRuntimeException(() -> retries.execute(plan(3, Duration.ofSeconds(10), f -> RetryDecision.RETRY),
                    number -> {
                        attempts.add(number);
                        if (number == 2) {
                            Thread.currentThread().interrupt();
                        }
                        var failure = new IllegalStateException("try " + number);
                        failures.add(failure);
                        throw failure;
                    }));

            assertThat(attempts).containsExactly(1, 2);
            assertThat(thrown).isSameAs(failures.get(1));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static RetryPlan plan(int maxAttempts, Duration budget, java.util.function.Function<RuntimeException, RetryDecision> rules) {
        return new RetryPlan(maxAttempts, Deadline.after(budget), rules);
    }
}
