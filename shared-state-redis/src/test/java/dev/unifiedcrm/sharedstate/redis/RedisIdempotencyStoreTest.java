package dev.unifiedcrm.sharedstate.redis;

import dev.unifiedcrm.application.ApiResponse;
import dev.unifiedcrm.application.IdempotencyStore;
import dev.unifiedcrm.application.IdempotencyStore.Claim;
import dev.unifiedcrm.application.IdempotencyStoreUnavailable;
import dev.unifiedcrm.application.ResponseBody;
import dev.unifiedcrm.domain.IntegratedAccountId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisIdempotencyStoreTest {

    private static final IntegratedAccountId ACCOUNT = IntegratedAccountId.parse("0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01").orElseThrow();
    private static final IdempotencyStore.Request REQUEST = new IdempotencyStore.Request(ACCOUNT, "42");
    private static final Duration NO_WAIT = Duration.ZERO;

    private static RedisServer redis;
    private final AtomicInteger failures = new AtomicInteger();
    private RedisSharedState first;
    private RedisSharedState second;

    @BeforeAll
    static void startRedis() {
        QuietLogs.silenceLettuce();
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @BeforeEach
    void openTwoProcessesWorthOfState() {
        if (!redis.command("PING").equals("+PONG")) {
            redis.startAgain();
        }
        first = RedisSharedState.open(RedisLocation.parse(redis.url()), "test:", part -> failures.incrementAndGet());
        second = RedisSharedState.open(RedisLocation.parse(redis.url()), "test:", part -> failures.incrementAndGet());
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    private static IdempotencyStore.Key key() {
        return new IdempotencyStore.Key("caller-digest", "key-" + UUID.randomUUID());
    }

    private static ApiResponse answer() {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("id", "42");
        tree.put("amount", new BigDecimal("12.50"));
        tree.put("tags", List.of("a", "b"));
        tree.put("nothing", null);
        return ApiResponse.json(200, Map.of("x-delete-outcome", "deleted", "ratelimit-remaining", "9"), tree);
    }

    @Test
    void aStoredAnswerIsReplayedByAnotherProcessWithItsBodyAndHeaders() {
        var key = key();
        var owned = (Claim.Owned) first.idempotencyStore().claim(key, REQUEST, NO_WAIT);
        owned.ticket().store(answer());

        var claim = second.idempotencyStore().claim(key, REQUEST, NO_WAIT);

        assertThat(claim).isInstanceOf(Claim.Replay.class);
        var replayed = ((Claim.Replay) claim).answer();
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.headers()).containsEntry("x-delete-outcome", "deleted").containsEntry("ratelimit-remaining", "9");
        assertThat(((ResponseBody.Json) replayed.body()).tree()).isEqualTo(((ResponseBody.Json) answer().body()).tree());
    }

    @Test
    void aRawAnswerComesBackByteForByte() {
        var key = key();
        byte[] body = "<ok/>\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        ((Claim.Owned) first.idempotencyStore().claim(key, REQUEST, NO_WAIT)).ticket()
                .store(new ApiResponse(404, Map.of(), new ResponseBody.Raw("text/xml", body)));

        var replayed = ((Claim.Replay) second.idempotencyStore().claim(key, REQUEST, NO_WAIT)).answer();

        assertThat(replayed.status()).isEqualTo(404);
        assertThat(((ResponseBody.Raw) replayed.body()).bytes()).isEqualTo(body);
        assertThat(((ResponseBody.Raw) replayed.body()).contentType()).isEqualTo("text/xml");
    }

    @Test
    void theSameKeyForAnotherLeadOrAccountIsAMismatchWhileRunningAndAfter() {
        var key = key();
        var owned = (Claim.Owned) first.idempotencyStore().claim(key, REQUEST, NO_WAIT);
        var otherLead = new IdempotencyStore.Request(ACCOUNT, "43");
        var otherAccount = new IdempotencyStore.Request(
                IntegratedAccountId.parse("9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23").orElseThrow(), "42");

        assertThat(second.idempotencyStore().claim(key, otherLead, NO_WAIT)).isInstanceOf(Claim.Mismatch.class);
        owned.ticket().store(answer());
        assertThat(second.idempotencyStore().claim(key, otherAccount, NO_WAIT)).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void keysBelongToTheirCaller() {
        var key = key();
        ((Claim.Owned) first.idempotencyStore().claim(key, REQUEST, NO_WAIT)).ticket().store(answer());

        var otherCaller = new IdempotencyStore.Key("another-caller-digest", key.value());

        assertThat(second.idempotencyStore().claim(otherCaller, REQUEST, NO_WAIT)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void aRepeatWhileTheFirstRunsIsBusyAfterItsWait() {
        var key = key();
        first.idempotencyStore().claim(key, REQUEST, NO_WAIT);

        assertThat(second.idempotencyStore().claim(key, REQUEST, Duration.ofMillis(50))).isInstanceOf(Claim.Busy.class);
    }

    @Test
    void aReleasedKeyIsFreeForTheNextClaim() {
        var key = key();
        ((Claim.Owned) first.idempotencyStore().claim(key, REQUEST, NO_WAIT)).ticket().release();

        assertThat(second.idempotencyStore().claim(key, REQUEST, NO_WAIT)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void waitingRepeatsInOtherProcessesGetTheAnswerOnceItIsStored() throws Exception {
        var key = key();
        var owned = (Claim.Owned) first.idempotencyStore().claim(key, REQUEST, NO_WAIT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var waiting = new ArrayList<CompletableFuture<Claim>>();
            for (int i = 0; i < 4; i++) {
                var store = (i % 2 == 0 ? second : first).idempotencyStore();
                waiting.add(CompletableFuture.supplyAsync(() -> store.claim(key, REQUEST, Duration.ofSeconds(30)), pool));
            }
            Thread.sleep(100);
            assertThat(waiting).noneMatch(CompletableFuture::isDone);

            owned.ticket().store(answer());

            for (var claim : waiting) {
                assertThat(claim.get(30, TimeUnit.SECONDS)).isInstanceOf(Claim.Replay.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWaitingRepeatOwnsTheKeyWhenTheFirstReleasesIt() throws Exception {
        var key = key();
        var owned = (Claim.Owned) first.idempotencyStore().claim(key, REQUEST, NO_WAIT);
        var waiting = CompletableFuture.supplyAsync(() -> second.idempotencyStore().claim(key, REQUEST, Duration.ofSeconds(30)));
        Thread.sleep(100);

        owned.ticket().release();

        assertThat(waiting.get(30, TimeUnit.SECONDS)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void onlyOneOfManySimultaneousClaimsOwnsTheKey() throws Exception {
        var key = key();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            var claims = new ArrayList<CompletableFuture<Claim>>();
            for (int i = 0; i < 32; i++) {
                var store = (i % 2 == 0 ? first : second).idempotencyStore();
                claims.add(CompletableFuture.supplyAsync(() -> store.claim(key, REQUEST, NO_WAIT), pool));
            }
            long owners = 0;
            for (var claim : claims) {
                owners += claim.get(30, TimeUnit.SECONDS) instanceof Claim.Owned ? 1 : 0;
            }
            assertThat(owners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysLiveUnderThePrefixAsDigestsWithA24HourLifetimeOnceAnswered() {
        var key = new IdempotencyStore.Key("caller-digest", "my-visible-key-" + UUID.randomUUID());
        var owned = (Claim.Owned) first.idempotencyStore().claim(key, REQUEST, Duration.ofSeconds(10));
        String redisKey = "test:idempotency:{" + RedisIdempotencyStore.digest(key) + "}";
        assertThat(redis.command("EXISTS", redisKey)).isEqualTo(":1");
        long runningTtl = Long.parseLong(redis.command("PTTL", redisKey).substring(1));
        assertThat(runningTtl).isBetween(30_000L, 40_000L);

        owned.ticket().store(answer());

        long answeredTtl = Long.parseLong(redis.command("PTTL", redisKey).substring(1));
        assertThat(answeredTtl).isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());
        assertThat(redis.command("KEYS", "*my-visible-key*")).isEqualTo("*0");
    }

    @Test
    void anAnswerTooLargeToKeepIsNotStoredAndTheKeyIsFreedInstead() {
        var key = key();
        byte[] huge = new byte[StoredAnswers.MAX_BYTES];
        ((Claim.Owned) first.idempotencyStore().claim(key, REQUEST, NO_WAIT)).ticket()
                .store(new ApiResponse(200, Map.of(), new ResponseBody.Raw("application/octet-stream", huge)));

        assertThat(second.idempotencyStore().claim(key, REQUEST, NO_WAIT)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void aClaimWhileRedisIsDownFailsAtOnceAndWorksAgainOnceRedisIsBack() {
        var key = key();
        first.idempotencyStore().claim(key(), REQUEST, NO_WAIT);
        redis.stop();
        try {
            assertThatThrownBy(() -> first.idempotencyStore().claim(key, REQUEST, Duration.ofSeconds(30)))
                    .isInstanceOf(IdempotencyStoreUnavailable.class)
                    .hasMessageContaining("Redis");
            assertThat(failures.get()).isPositive();
        } finally {
            redis.startAgain();
        }
        Claim claim = null;
        for (int tries = 0; tries < 200 && claim == null; tries++) {
            try {
                claim = first.idempotencyStore().claim(key, REQUEST, NO_WAIT);
            } catch (IdempotencyStoreUnavailable e) {
                sleep(50);
            }
        }
        assertThat(claim).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void aStoreThatNeverReachedRedisStartsWorkingWhenRedisComesUp() {
        redis.stop();
        try (var late = RedisSharedState.open(RedisLocation.parse(redis.url()), "test:", part -> failures.incrementAndGet())) {
            assertThatThrownBy(() -> late.idempotencyStore().claim(key(), REQUEST, NO_WAIT))
                    .isInstanceOf(IdempotencyStoreUnavailable.class);
            redis.startAgain();
            Claim claim = null;
            for (int tries = 0; tries < 200 && claim == null; tries++) {
                try {
                    claim = late.idempotencyStore().claim(key(), REQUEST, NO_WAIT);
                } catch (IdempotencyStoreUnavailable e) {
                    sleep(50);
                }
            }
            assertThat(claim).isInstanceOf(Claim.Owned.class);
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
