package dev.unifiedcrm.application;

import dev.unifiedcrm.application.IdempotencyStore.Claim;
import dev.unifiedcrm.domain.IntegratedAccountId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryIdempotencyStoreTest {

    private static final IntegratedAccountId ACCOUNT = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();
    private static final IdempotencyStore.Request REQUEST = new IdempotencyStore.Request(ACCOUNT, "42");
    private static final ApiResponse ANSWER = ApiResponse.json(200, Map.of("x-delete-outcome", "deleted"), Map.of("id", "42"));
    private static final Duration NO_WAIT = Duration.ZERO;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));

    @Test
    void aFreeKeyIsOwnedAndItsStoredAnswerIsReplayed() {
        var store = new InMemoryIdempotencyStore(clock);

        owned(store.claim(key("k"), REQUEST, NO_WAIT)).store(ANSWER);

        assertThat(store.claim(key("k"), REQUEST, NO_WAIT)).isEqualTo(new Claim.Replay(ANSWER));
    }

    @Test
    void keysBelongToTheirCaller() {
        var store = new InMemoryIdempotencyStore(clock);
        owned(store.claim(new IdempotencyStore.Key("alice", "k"), REQUEST, NO_WAIT)).store(ANSWER);

        assertThat(store.claim(new IdempotencyStore.Key("bob", "k"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void anotherRequestUnderTheSameKeyIsAMismatchWhetherRunningOrDone() {
        var store = new InMemoryIdempotencyStore(clock);
        var ticket = owned(store.claim(key("k"), REQUEST, NO_WAIT));

        assertThat(store.claim(key("k"), new IdempotencyStore.Request(ACCOUNT, "43"), Duration.ofSeconds(5)))
                .isInstanceOf(Claim.Mismatch.class);
        ticket.store(ANSWER);
        assertThat(store.claim(key("k"), new IdempotencyStore.Request(ACCOUNT, "43"), NO_WAIT)).isInstanceOf(Claim.Mismatch.class);
    }

    @Test
    void aReleasedKeyIsFreeAgain() {
        var store = new InMemoryIdempotencyStore(clock);
        owned(store.claim(key("k"), REQUEST, NO_WAIT)).release();

        assertThat(store.claim(key("k"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void aRepeatWaitsForTheRunningRequestAndGetsItsAnswer() throws Exception {
        var store = new InMemoryIdempotencyStore(clock);
        var ticket = owned(store.claim(key("k"), REQUEST, NO_WAIT));

        CompletableFuture<Claim> repeat = CompletableFuture.supplyAsync(() -> store.claim(key("k"), REQUEST, Duration.ofSeconds(30)));
        Thread.sleep(100);
        assertThat(repeat).isNotDone();
        ticket.store(ANSWER);

        assertThat(repeat.get(10, TimeUnit.SECONDS)).isEqualTo(new Claim.Replay(ANSWER));
    }

    @Test
    void aRepeatWhoseFirstReleasesOwnsTheKey() throws Exception {
        var store = new InMemoryIdempotencyStore(clock);
        var ticket = owned(store.claim(key("k"), REQUEST, NO_WAIT));

        CompletableFuture<Claim> repeat = CompletableFuture.supplyAsync(() -> store.claim(key("k"), REQUEST, Duration.ofSeconds(30)));
        Thread.sleep(50);
        ticket.release();

        assertThat(repeat.get(10, TimeUnit.SECONDS)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void aRepeatIsBusyOnceItHasWaitedLongEnough() {
        var store = new InMemoryIdempotencyStore(clock);
        owned(store.claim(key("k"), REQUEST, NO_WAIT));

        long start = System.nanoTime();
        Claim repeat = store.claim(key("k"), REQUEST, Duration.ofMillis(200));

        assertThat(repeat).isInstanceOf(Claim.Busy.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void theOldestKeysAreForgottenWhenTheStoreIsFull() {
        var store = new InMemoryIdempotencyStore(clock, 2, InMemoryIdempotencyStore.DEFAULT_RETENTION);
        for (String name : new String[] {"a", "b", "c"}) {
            owned(store.claim(key(name), REQUEST, NO_WAIT)).store(ANSWER);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.claim(key("c"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Replay.class);
        assertThat(store.claim(key("b"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Replay.class);
        assertThat(store.claim(key("a"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void theOldestAnswersAreForgottenWhenTheirBytesPassTheBudget() {
        var store = new InMemoryIdempotencyStore(clock, 1_000, 1_500_000, InMemoryIdempotencyStore.DEFAULT_RETENTION);
        var halfAMebibyte = new ApiResponse(200, Map.of(), new ResponseBody.Raw("application/json", new byte[512 * 1024]));
        for (String name : new String[] {"a", "b", "c", "d"}) {
            owned(store.claim(key(name), REQUEST, NO_WAIT)).store(halfAMebibyte);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.claim(key("d"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Replay.class);
        assertThat(store.claim(key("c"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Replay.class);
        assertThat(store.claim(key("a"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void releasedAndExpiredKeysGiveTheirBytesBack() {
        var store = new InMemoryIdempotencyStore(clock, 1_000, 1_200_000, InMemoryIdempotencyStore.DEFAULT_RETENTION);
        var halfAMebibyte = new ApiResponse(200, Map.of(), new ResponseBody.Raw(null, new byte[512 * 1024]));
        owned(store.claim(key("old"), REQUEST, NO_WAIT)).store(halfAMebibyte);
        owned(store.claim(key("released"), REQUEST, NO_WAIT)).release();
        clock.advance(Duration.ofHours(25));

        owned(store.claim(key("new-1"), REQUEST, NO_WAIT)).store(halfAMebibyte);
        owned(store.claim(key("new-2"), REQUEST, NO_WAIT)).store(halfAMebibyte);

        assertThat(store.claim(key("new-1"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Replay.class);
        assertThat(store.claim(key("new-2"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Replay.class);
    }

    @Test
    void anAnswerIsKeptForTwentyFourHoursAndThenForgotten() {
        var store = new InMemoryIdempotencyStore(clock);
        owned(store.claim(key("k"), REQUEST, NO_WAIT)).store(ANSWER);

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(store.claim(key("k"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Replay.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.size()).isZero();
        assertThat(store.claim(key("k"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Owned.class);
    }

    @Test
    void aTicketOfAForgottenKeyStoresNothing() {
        var store = new InMemoryIdempotencyStore(clock, 1, InMemoryIdempotencyStore.DEFAULT_RETENTION);
        var first = owned(store.claim(key("a"), REQUEST, NO_WAIT));
        owned(store.claim(key("b"), REQUEST, NO_WAIT)).store(ANSWER);

        first.store(ANSWER);

        assertThat(store.size()).isEqualTo(1);
        assertThat(store.claim(key("b"), REQUEST, NO_WAIT)).isInstanceOf(Claim.Replay.class);
    }

    private static IdempotencyStore.Key key(String value) {
        return new IdempotencyStore.Key("caller", value);
    }

    private static IdempotencyStore.Ticket owned(Claim claim) {
        assertThat(claim).isInstanceOf(Claim.Owned.class);
        return ((Claim.Owned) claim).ticket();
    }
}
