package dev.unifiedcrm.sharedstate.redis;

import dev.unifiedcrm.application.CallPacer;
import dev.unifiedcrm.domain.IntegratedAccountId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RedisCallPacerTest {

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        QuietLogs.silenceLettuce();
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    private static IntegratedAccountId anAccount() {
        return IntegratedAccountId.parse(UUID.randomUUID().toString()).orElseThrow();
    }

    @Test
    void twoProcessesShareOneBudgetPerAccount() {
        var neverUsed = new AtomicInteger();
        CallPacer local = (account, rate, maxWait) -> {
            neverUsed.incrementAndGet();
            return CallPacer.Turn.GRANTED;
        };
        try (var first = RedisSharedState.open(RedisLocation.parse(redis.url()), "pace-test:", SharedStateOutage.none());
             var second = RedisSharedState.open(RedisLocation.parse(redis.url()), "pace-test:", SharedStateOutage.none())) {
            var pacers = new CallPacer[] {first.callPacer(local), second.callPacer(local)};
            var account = anAccount();
            int granted = 0;
            for (int i = 0; i < 40; i++) {
                granted += pacers[i % 2].awaitTurn(account, OptionalDouble.of(5), Duration.ZERO).granted() ? 1 : 0;
            }
            // A bucket holds one second of calls (5); at most one more refills while the 40 calls run.
            assertThat(granted).isBetween(5, 6);
            assertThat(neverUsed).hasValue(0);

            var refused = pacers[0].awaitTurn(account, OptionalDouble.of(5), Duration.ZERO);
            assertThat(refused.granted()).isFalse();
            assertThat(refused.waitTime()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(200));

            assertThat(pacers[1].awaitTurn(anAccount(), OptionalDouble.of(5), Duration.ZERO).granted())
                    .as("another account has its own budget").isTrue();
        }
    }

    @Test
    void aCallWaitsForItsTurnWithinItsMaxWait() {
        try (var shared = RedisSharedState.open(RedisLocation.parse(redis.url()), "pace-test:", SharedStateOutage.none())) {
            var pacer = shared.callPacer(CallPacer.unpaced());
            var account = anAccount();
            assertThat(pacer.awaitTurn(account, OptionalDouble.of(1), Duration.ZERO).granted()).isTrue();
            assertThat(pacer.awaitTurn(account, OptionalDouble.of(1), Duration.ZERO).granted()).isFalse();

            assertThat(pacer.awaitTurn(account, OptionalDouble.of(1), Duration.ofSeconds(5)).granted()).isTrue();
        }
    }

    @Test
    void anUnpacedAccountNeverAsksRedis() {
        try (var shared = RedisSharedState.open(RedisLocation.parse("redis://127.0.0.1:1/0"), "pace-test:", SharedStateOutage.none())) {
            assertThat(shared.callPacer(CallPacer.unpaced()).awaitTurn(anAccount(), OptionalDouble.empty(), Duration.ZERO))
                    .isEqualTo(CallPacer.Turn.GRANTED);
        }
    }

    @Test
    void whileRedisIsDownTurnsComeFromTheLocalLimiterAndEachFailureIsReported() {
        var failures = new AtomicInteger();
        var localTurns = new AtomicInteger();
        CallPacer local = (account, rate, maxWait) -> {
            localTurns.incrementAndGet();
            assertThat(rate).hasValue(5);
            return CallPacer.Turn.refused(Duration.ofMillis(300));
        };
        try (var shared = RedisSharedState.open(RedisLocation.parse(redis.url()), "pace-test:", part -> {
            assertThat(part).isEqualTo(SharedStateOutage.Part.PACING);
            failures.incrementAndGet();
        })) {
            var pacer = shared.callPacer(local);
            var account = anAccount();
            assertThat(pacer.awaitTurn(account, OptionalDouble.of(5), Duration.ZERO).granted()).isTrue();
            redis.stop();
            try {
                var turn = pacer.awaitTurn(account, OptionalDouble.of(5), Duration.ofSeconds(1));
                assertThat(turn).isEqualTo(CallPacer.Turn.refused(Duration.ofMillis(300)));
                assertThat(localTurns).hasValue(1);
                assertThat(failures).hasValue(1);
            } finally {
                redis.startAgain();
            }
            int before = localTurns.get();
            boolean fromRedis = false;
            for (int tries = 0; tries < 200 && !fromRedis; tries++) {
                fromRedis = pacer.awaitTurn(anAccount(), OptionalDouble.of(5), Duration.ZERO).granted();
                if (!fromRedis) {
                    sleep(50);
                }
            }
            assertThat(fromRedis).as("Redis serves turns again").isTrue();
            assertThat(localTurns.get() - before).isLessThan(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
