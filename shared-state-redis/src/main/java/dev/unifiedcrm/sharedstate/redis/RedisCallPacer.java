package dev.unifiedcrm.sharedstate.redis;

import dev.unifiedcrm.application.CallPacer;
import dev.unifiedcrm.domain.IntegratedAccountId;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The {@link CallPacer} on Bucket4j's Redis backend: one token bucket per account and rate, kept in
 * Redis under {@code <prefix>pace:{<account id>}:<rate>} and updated by compare-and-swap, so every
 * process takes its turns from the same budget. Same shape as the in-process limiter: refilled
 * greedily at the rate and holding up to one second of calls (at least one). A bucket expires from
 * Redis once it would be full again, so an idle account costs nothing.
 *
 * <p>When Redis cannot answer, the turn is asked of {@code whileRedisIsDown} (this process's own
 * limiter, at the same rate) with the time still left, and the failure is reported. The next call
 * tries Redis again. Accounts are independent keys: one busy account never slows another.
 */
final class RedisCallPacer implements CallPacer {

    private final RedisConnections redis;
    private final String keyPrefix;
    private final CallPacer whileRedisIsDown;
    private final OutageLog outages;
    /** Built once, on the first connection: Lettuce keeps that connection and reconnects it itself. */
    private volatile ProxyManager<String> buckets;

    RedisCallPacer(RedisConnections redis, String keyPrefix, CallPacer whileRedisIsDown, OutageLog outages) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.whileRedisIsDown = whileRedisIsDown;
        this.outages = outages;
    }

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
        long started = System.nanoTime();
        try {
            BucketProxy bucket = buckets().builder()
                    .build(keyPrefix + "pace:{" + account.value() + "}:" + rate, () -> configuration(rate));
            if (bucket.tryConsume(1)) {
                return Turn.GRANTED;
            }
            // Bucket4j reserves a token only when it comes within maxWait, then parks this thread until then.
            if (maxWait.toNanos() > 0) {
                try {
                    if (bucket.asBlocking().tryConsume(1, maxWait)) {
                        return Turn.GRANTED;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Turn.refused(maxWait);
                }
            }
            return Turn.refused(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            outages.failed(SharedStateOutage.Part.PACING, "calls are paced by each process's own limiter until it is back", e);
            Duration left = maxWait.minusNanos(System.nanoTime() - started);
            return whileRedisIsDown.awaitTurn(account, ratePerSecond, left.isNegative() ? Duration.ZERO : left);
        }
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (buckets == null) {
                StatefulRedisConnection<String, byte[]> connection = redis.commands();
                buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
                        .requestTimeout(RedisConnections.COMMAND_TIMEOUT)
                        .build();
            }
            return buckets;
        }
    }

    private static BucketConfiguration configuration(double rate) {
        long capacity = Math.max(1, (long) Math.floor(rate));
        Duration refillPeriod = Duration.ofNanos(Math.round(capacity * 1_000_000_000d / rate));
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, refillPeriod))
                .build();
    }
}
