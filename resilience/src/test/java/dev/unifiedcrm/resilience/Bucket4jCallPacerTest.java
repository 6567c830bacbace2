package dev.unifiedcrm.resilience;

import dev.unifiedcrm.application.CallPacer;
import dev.unifiedcrm.domain.IntegratedAccountId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class Bucket4jCallPacerTest {

    private static final IntegratedAccountId BUSY = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();
    private static final IntegratedAccountId QUIET = IntegratedAccountId.parse("9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23").orElseThrow();

    private final Bucket4jCallPacer pacer = new Bucket4jCallPacer();

    @Test
    void anUnpacedAccountIsNeverHeldBack() {
        for (int i = 0; i < 1000; i++) {
            assertThat(pacer.awaitTurn(BUSY, OptionalDouble.empty(), Duration.ZERO).granted()).isTrue();
        }
    }

    @Test
    void aPacedAccountGetsOneSecondOfCallsAtOnceThenIsRefusedWithTheWait() {
        for (int i = 0; i < 10; i++) {
            assertThat(pacer.awaitTurn(BUSY, OptionalDouble.of(10), Duration.ZERO).granted()).isTrue();
        }

        CallPacer.Turn refused = pacer.awaitTurn(BUSY, OptionalDouble.of(10), Duration.ZERO);

        assertThat(refused.granted()).isFalse();
        assertThat(refused.waitTime()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aCallWhoseTurnComesInTimeWaitsForIt() {
        assertThat(pacer.awaitTurn(BUSY, OptionalDouble.of(2), Duration.ZERO).granted()).isTrue();
        assertThat(pacer.awaitTurn(BUSY, OptionalDouble.of(2), Duration.ZERO).granted()).isTrue();

        long start = System.nanoTime();
        CallPacer.Turn turn = pacer.awaitTurn(BUSY, OptionalDouble.of(2), Duration.ofSeconds(5));

        assertThat(turn.granted()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aRefusedCallTakesNoTurn() {
        assertThat(pacer.awaitTurn(BUSY, OptionalDouble.of(1), Duration.ZERO).granted()).isTrue();
        Duration firstWait = pacer.awaitTurn(BUSY, OptionalDouble.of(1), Duration.ZERO).waitTime();

        Duration secondWait = pacer.awaitTurn(BUSY, OptionalDouble.of(1), Duration.ZERO).waitTime();

        assertThat(secondWait).isLessThanOrEqualTo(firstWait);
    }

    @Test
    void aFloodAgainstOneAccountNeverSlowsAnother() throws Exception {
        var threads = Executors.newFixedThreadPool(20);
        try {
            // Twenty callers flood the busy account (one call per second: some of them wait up to 2 s)...
            var flood = new CompletableFuture<?>[20];
            for (int i = 0; i < flood.length; i++) {
                flood[i] = CompletableFuture.runAsync(() -> pacer.awaitTurn(BUSY, OptionalDouble.of(1), Duration.ofSeconds(2)), threads);
            }
            Thread.sleep(100);
            // ...while the quiet account, at the same pace, is served at once.
            long start = System.nanoTime();
            CallPacer.Turn quiet = pacer.awaitTurn(QUIET, OptionalDouble.of(1), Duration.ZERO);

            assertThat(quiet.granted()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            assertThat(pacer.awaitTurn(BUSY, OptionalDouble.of(1), Duration.ZERO).granted()).isFalse();
            CompletableFuture.allOf(flood).get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }
}
