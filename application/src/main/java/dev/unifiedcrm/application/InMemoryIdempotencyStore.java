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
 * most {@code maxEntries} keys and about {@code maxBytes} of keys and stored answers (forgetting the
 * oldest first: an answer may be a provider's body of up to 1 MiB), and forgets a key once it is
 * {@code retention} old, by the injected {@link Clock}. One instance of the service only: several
 * instances need a shared store behind the same port.
 *
 * <p>Thread-safe; one lock guards the map, and waiting for a running request happens outside it.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    /** The promise: a repeat within 24 hours is answered from the store. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** Fits the 96 MiB heap the README's run command gives the service, with room to spare. */
    public static final long DEFAULT_MAX_BYTES = 24L * 1024 * 1024;

    private final Clock clock;
    private final int maxEntries;
    private final long maxBytes;
    private final Duration retention;
    /** Guarded by {@code this}: the estimated size of every entry held. */
    private long heldBytes;
    /** Guarded by {@code this}; insertion order is age order, so the eldest entries come first. */
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

    public InMemoryIdempotencyStore(Clock clock) {
        this(clock, DEFAULT_MAX_ENTRIES, DEFAULT_RETENTION);
    }

    public InMemoryIdempotencyStore(Clock clock, int maxEntries, Duration retention) {
        this(clock, maxEntries, DEFAULT_MAX_BYTES, retention);
    }

    public InMemoryIdempotencyStore(Clock clock, int maxEntries, long maxBytes, Duration retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
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
                    Entry mine = new Entry(request, clock.instant(), ApproximateSize.of(key, request));
                    entries.put(key, mine);
                    heldBytes += mine.bytes;
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
            forget(entry);
        }
    }

    private void forgetOverflow() {
        Iterator<Map.Entry<Key, Entry>> eldestFirst = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || heldBytes > maxBytes) && eldestFirst.hasNext()) {
            Entry entry = eldestFirst.next().getValue();
            eldestFirst.remove();
            forget(entry);
        }
    }

    private void forget(Entry entry) {
        heldBytes -= entry.bytes;
        entry.finished.countDown();
    }

    private static final class Entry {
        final Request request;
        final Instant createdAt;
        final CountDownLatch finished = new CountDownLatch(1);
        /** Guarded by the store's lock; null while running. */
        ApiResponse answer;
        /** Guarded by the store's lock: the estimated size of the key, request and answer. */
        long bytes;

        Entry(Request request, Instant createdAt, long bytes) {
            this.request = request;
            this.createdAt = createdAt;
            this.bytes = bytes;
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
                    long answerBytes = ApproximateSize.of(answer);
                    entry.bytes += answerBytes;
                    heldBytes += answerBytes;
                    forgetOverflow();
                }
            }
            entry.finished.countDown();
        }

        @Override
        public void release() {
            synchronized (InMemoryIdempotencyStore.this) {
                if (entries.remove(key, entry)) {
                    heldBytes -= entry.bytes;
                }
            }
            entry.finished.countDown();
        }
    }
}
