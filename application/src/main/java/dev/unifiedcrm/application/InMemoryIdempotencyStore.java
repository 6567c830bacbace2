package dev.unifiedcrm.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An {@link IdempotencyStore} in this process's memory, bounded in size and in age: it holds at
 * most {@code maxEntries} keys (forgetting the oldest first) and forgets a key once it is
 * {@code retention} old, by the injected {@link Clock}. One instance of the service only: several
 * instances need a shared store behind the same port.
 *
 * <p>Thread-safe; one lock guards the map, and waiting for a running request happens outside it.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    /** The contract's promise: a repeat within 24 hours is answered from the store. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final int maxEntries;
    private final Duration retention;
    /** Guarded by {@code this}; insertion order is age order, so the eldest entries come first. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

    public InMemoryIdempotencyStore(Clock clock) {
        this(clock, DEFAULT_MAX_ENTRIES, DEFAULT_RETENTION);
    }

    public InMemoryIdempotencyStore(Clock clock, int maxEntries, Duration retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
    }

    @Override
    public Claim claim(Key key, Request request, Duration maxWait) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        long waitUntil = System.nanoTime() + Math.max(0, maxWait.toNanos());
        while (true) {
            Entry running;
            synchronized (this) {
                forgetExpired(clock.instant());
                Entry entry = entries.get(key);
                if (entry == null) {
                    Entry mine = new Entry(request, clock.instant());
                    entries.put(key, mine);
                    forgetOverflow();
                    return new Claim.Owned(new EntryTicket(key, mine));
                }
                if (!entry.request.equals(request)) {
                    return new Claim.Mismatch();
                }
                if (entry.answer != null) {
                    return new Claim.Replay(entry.answer);
                }
                running = entry;
            }
            long left = waitUntil - System.nanoTime();
            try {
                if (left <= 0 || !running.finished.await(left, TimeUnit.NANOSECONDS)) {
                    return new Claim.Busy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Claim.Busy();
            }
            // The first request finished: its answer is stored, or the key is free again.
        }
    }

    /** How many keys are held now (running or answered). */
    public synchronized int size() {
        forgetExpired(clock.instant());
        return entries.size();
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<Key, Entry>> eldestFirst = entries.entrySet().iterator();
        while (eldestFirst.hasNext()) {
            Entry entry = eldestFirst.next().getValue();
            if (entry.createdAt.plus(retention).isAfter(now)) {
                return;
            }
            eldestFirst.remove();
            entry.finished.countDown();
        }
    }

    private void forgetOverflow() {
        Iterator<Map.Entry<Key, Entry>> eldestFirst = entries.entrySet().iterator();
        while (entries.size() > maxEntries && eldestFirst.hasNext()) {
            Entry entry = eldestFirst.next().getValue();
            eldestFirst.remove();
            entry.finished.countDown();
        }
    }

    private static final class Entry {
        final Request request;
        final Instant createdAt;
        final CountDownLatch finished = new CountDownLatch(1);
        /** Guarded by the store's lock; null while running. */
        ApiResponse answer;

        Entry(Request request, Instant createdAt) {
            this.request = request;
            this.createdAt = createdAt;
        }
    }

    private final class EntryTicket implements Ticket {
        private final Key key;
        private final Entry entry;

        EntryTicket(Key key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        @Override
        public void store(ApiResponse answer) {
            Objects.requireNonNull(answer, "answer");
            synchronized (InMemoryIdempotencyStore.this) {
                if (entries.get(key) == entry) {
                    entry.answer = answer;
                }
            }
            entry.finished.countDown();
        }

        @Override
        public void release() {
            synchronized (InMemoryIdempotencyStore.this) {
                entries.remove(key, entry);
            }
            entry.finished.countDown();
        }
    }
}
