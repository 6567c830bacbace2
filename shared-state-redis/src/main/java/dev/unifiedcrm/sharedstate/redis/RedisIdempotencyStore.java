package dev.unifiedcrm.sharedstate.redis;

import dev.unifiedcrm.application.ApiResponse;
import dev.unifiedcrm.application.IdempotencyStore;
import dev.unifiedcrm.application.IdempotencyStoreUnavailable;
import io.lettuce.core.ScriptOutputType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link IdempotencyStore} in Redis. Each key is one Redis hash,
 * {@code <prefix>idempotency:{<digest>}}, where the digest is the SHA-256 of the caller and the key
 * (the braces make it a cluster hash tag); it holds the request the key was first used for, the
 * owner's random id while the request runs, and the answer once it is stored. Every step is one Lua
 * script, so a claim is atomic across processes. A running key expires on its own once its request
 * must be over (an owner that died never frees it); an answered key 24 hours after it was answered.
 *
 * <p>A repeat that finds the request running waits for a message on
 * {@code <prefix>idempotency-done:{<digest>}}, published by the owner's store or release in the same
 * script, and looks again only then; it also looks again every {@link #RECHECK} in case the message
 * was lost while a connection was down. It subscribes before it looks, so no message can slip by.
 */
final class RedisIdempotencyStore implements IdempotencyStore, AutoCloseable {

    static final Duration RETENTION = Duration.ofHours(24);
    /** How long after its deadline a running key is kept when its owner vanished without a word. */
    static final Duration OWNER_GRACE = Duration.ofSeconds(30);
    static final Duration RECHECK = Duration.ofSeconds(1);

    private static final String CLAIM = """
            local request = redis.call('HGET', KEYS[1], 'request')
            if not request then
              redis.call('HSET', KEYS[1], 'request', ARGV[1], 'owner', ARGV[2])
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
              return {'owned'}
            end
            if request ~= ARGV[1] then
              return {'mismatch'}
            end
            local answer = redis.call('HGET', KEYS[1], 'answer')
            if answer then
              return {'replay', answer}
            end
            return {'running'}
            """;
    private static final String STORE = """
            if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then
              return 0
            end
            redis.call('HSET', KEYS[1], 'answer', ARGV[2])
            redis.call('HDEL', KEYS[1], 'owner')
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PUBLISH', ARGV[4], 'stored')
            return 1
            """;
    private static final String RELEASE = """
            if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then
              return 0
            end
            redis.call('DEL', KEYS[1])
            redis.call('PUBLISH', ARGV[2], 'released')
            return 1
            """;

    private final RedisConnections redis;
    private final String keyPrefix;
    private final OutageLog outages;
    /** One signal per channel that somebody waits on, completed by the channel's next message. */
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    RedisIdempotencyStore(RedisConnections redis, String keyPrefix, OutageLog outages) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.outages = outages;
        redis.onMessage(keyPrefix + "idempotency-done:*", this::notified);
    }

    @Override
    public Claim claim(Key key, Request request, Duration maxWait) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(request, "request");
        String digest = digest(key);
        String redisKey = keyPrefix + "idempotency:{" + digest + "}";
        String channel = keyPrefix + "idempotency-done:{" + digest + "}";
        byte[] requestText = bytes(request.account().value() + " " + request.leadId());
        long waitNanos = Math.max(0, maxWait.toNanos());
        long leaseMillis = TimeUnit.NANOSECONDS.toMillis(waitNanos) + OWNER_GRACE.toMillis();
        long waitUntil = System.nanoTime() + waitNanos;
        CompletableFuture<Void> signal = null;
        try {
            while (true) {
                String owner = UUID.randomUUID().toString();
                List<Object> found = claimScript(redisKey, requestText, owner, leaseMillis);
                String state = text(found.get(0));
                switch (state) {
                    case "owned":
                        return new Claim.Owned(new RedisTicket(redisKey, channel, owner));
                    case "mismatch":
                        return new Claim.Mismatch();
                    case "replay":
                        return new Claim.Replay(StoredAnswers.decode((byte[]) found.get(1)));
                    default:
                        break;
                }
                if (signal == null || signal.isDone()) {
                    // Listen first, then look again: a message sent in between is not lost.
                    signal = waiting.computeIfAbsent(channel, name -> new CompletableFuture<>());
                    continue;
                }
                long left = waitUntil - System.nanoTime();
                if (left <= 0) {
                    return new Claim.Busy();
                }
                try {
                    signal.get(Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    // Look again all the same: a message is lost while the subscription reconnects.
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a wake-up signal never fails", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Claim.Busy();
                }
            }
        } catch (RuntimeException e) {
            outages.failed(SharedStateOutage.Part.IDEMPOTENCY,
                    "requests with an Idempotency-Key are answered 503 until it is back", e);
            throw new IdempotencyStoreUnavailable("the Idempotency-Key store in Redis could not be reached", e);
        } finally {
            if (signal != null && !signal.isDone()) {
                // Other claims waiting on the same signal still look again every RECHECK.
                waiting.remove(channel, signal);
            }
        }
    }

    private List<Object> claimScript(String redisKey, byte[] request, String owner, long leaseMillis) {
        return redis.script(CLAIM, ScriptOutputType.MULTI, redisKey, request, bytes(owner), bytes(Long.toString(leaseMillis)));
    }

    private void notified(String channel) {
        CompletableFuture<Void> signal = waiting.remove(channel);
        if (signal != null) {
            signal.complete(null);
        }
    }

    /** Wakes every waiting claim; they find Redis closed and answer as it says. */
    @Override
    public void close() {
        waiting.values().forEach(signal -> signal.complete(null));
    }

    /** The caller and the key in one fixed-length, printable digest: neither is ever written as such. */
    static String digest(Key key) {
        try {
            var sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(bytes(key.caller()));
            sha256.update((byte) 0);
            sha256.update(bytes(key.value()));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    private final class RedisTicket implements Ticket {
        private final String redisKey;
        private final String channel;
        private final String owner;

        RedisTicket(String redisKey, String channel, String owner) {
            this.redisKey = redisKey;
            this.channel = channel;
            this.owner = owner;
        }

        @Override
        public void store(ApiResponse answer) {
            Objects.requireNonNull(answer, "answer");
            Optional<byte[]> stored = StoredAnswers.encode(answer);
            if (stored.isEmpty()) {
                release();
                return;
            }
            try {
                redis.script(STORE, ScriptOutputType.INTEGER, redisKey, bytes(owner), stored.get(),
                        bytes(Long.toString(RETENTION.toMillis())), bytes(channel));
            } catch (RuntimeException e) {
                outages.failed(SharedStateOutage.Part.IDEMPOTENCY,
                        "an answer was not stored: repeats of its key wait for the key to expire, then run again", e);
            }
        }

        @Override
        public void release() {
            try {
                redis.script(RELEASE, ScriptOutputType.INTEGER, redisKey, bytes(owner), bytes(channel));
            } catch (RuntimeException e) {
                outages.failed(SharedStateOutage.Part.IDEMPOTENCY,
                        "a key was not freed: repeats of it wait for it to expire, then run again", e);
            }
        }
    }
}
