package dev.unifiedcrm.resilience;

import dev.unifiedcrm.application.CallPacer;
import dev.unifiedcrm.domain.IntegratedAccountId;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The application's {@link CallPacer} on Bucket4j: one lock-free token bucket per account and
 * rate, refilled greedily at the rate and holding up to one second of calls (at least one), so an
 * idle account may send a short burst and a busy one settles at its rate. A call that cannot get
 * a token within its {@code maxWait} takes none (Bucket4j reserves only what it can wait for) and
 * learns from the bucket how long it would have waited.
 *
 * <p>Thread-safe. Waiting parks only the calling thread, and buckets are per account: one busy
 * account never slows another. Holds one small bucket per account and rate it has seen.
 */
public final class Bucket4jCallPacer implements CallPacer {

    private final ConcurrentMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Turn awaitTurn(IntegratedAccountId account, OptionalDouble ratePerSecond, Duration maxWait) {
        Objects.requireNonNull(account, "account");
        if (ratePerSecond.isEmpty()) {
            return Turn.GRANTED;
        }
        double rate = ratePerSecond.getAsDouble();
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("a pace must be a positive number of calls per second");
        }
        Bucket bucket = buckets.computeIfAbsent(new Key(account, rate), key -> newBucket(key.rate()));
        if (bucket.tryConsume(1)) {
            return Turn.GRANTED;
        }
        // Bucket4j waits only when the token comes within maxWait, and reserves nothing otherwise.
        if (maxWait.toNanos() > 0) {
            try {
                if (bucket.asBlocking().tryConsume(1, maxWait)) {
                    return Turn.GRANTED;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Turn.refused(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    private static Bucket newBucket(double rate) {
        long capacity = Math.max(1, (long) Math.floor(rate));
        Duration refillPeriod = Duration.ofNanos(Math.round(capacity * 1_000_000_000d / rate));
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod))
                .build();
    }

    private record Key(IntegratedAccountId account, double rate) {
    }
}
