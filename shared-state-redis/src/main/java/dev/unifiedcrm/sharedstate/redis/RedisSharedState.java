package dev.unifiedcrm.sharedstate.redis;

import dev.unifiedcrm.application.CallPacer;
import dev.unifiedcrm.application.IdempotencyStore;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * State that several processes of the service share through one Redis: the
 * {@code Idempotency-Key} answers ({@link #idempotencyStore()}) and every account's rate budget
 * ({@link #callPacer}). Opening it starts connecting in the background and returns at once; a Redis that is
 * down, at start or later, makes keyed requests fail fast and pacing fall back to the process's own
 * limiter until it is back; reconnecting is automatic.
 *
 * <pre>{@code
 * try (var shared = RedisSharedState.open(RedisLocation.parse("redis://:secret@redis:6379/0"), "unified-crm:",
 *         SharedStateOutage.none())) {
 *     var service = ReliableDeleteLeadService.builder(accounts, adapters)
 *             .idempotencyStore(shared.idempotencyStore())
 *             .pacer(shared.callPacer(new Bucket4jCallPacer()))
 *             .build();
 * }
 * }</pre>
 *
 * Every key it writes starts with the prefix; answers expire after 24 hours, rate budgets once
 * they are full again. Thread-safe; close it once, when the service stops.
 */
public final class RedisSharedState implements AutoCloseable {

    public static final String DEFAULT_KEY_PREFIX = "unified-crm:";
    private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9:._-]{0,64}");

    private final RedisConnections connections;
    private final OutageLog outages;
    private final String keyPrefix;
    private final RedisIdempotencyStore idempotencyStore;

    private RedisSharedState(RedisConnections connections, OutageLog outages, String keyPrefix) {
        this.connections = connections;
        this.outages = outages;
        this.keyPrefix = keyPrefix;
        this.idempotencyStore = new RedisIdempotencyStore(connections, keyPrefix, outages);
    }

    /**
     * @param keyPrefix starts every key and channel name: up to 64 of {@code A-Z a-z 0-9 : . _ -}
     * @param outage    hears every failure, for a metric
     * @throws IllegalArgumentException when the prefix has another character or is too long
     */
    public static RedisSharedState open(RedisLocation location, String keyPrefix, SharedStateOutage outage) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(outage, "outage");
        checkKeyPrefix(keyPrefix);
        var state = new RedisSharedState(new RedisConnections(location), new OutageLog(location, outage), keyPrefix);
        state.connections.openInBackground();
        return state;
    }

    /** @throws IllegalArgumentException saying what a prefix may hold */
    public static void checkKeyPrefix(String keyPrefix) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!KEY_PREFIX.matcher(keyPrefix).matches()) {
            // Braces would change which cluster slot a key lands in; spaces and quotes only cause trouble in redis-cli.
            throw new IllegalArgumentException("the key prefix must be at most 64 characters of A-Z a-z 0-9 : . _ -");
        }
    }

    /** The {@code Idempotency-Key} store in Redis, shared by every process on the same Redis and prefix. */
    public IdempotencyStore idempotencyStore() {
        return idempotencyStore;
    }

    /**
     * Rate budgets in Redis, one per account, shared by every process on the same Redis and prefix.
     *
     * @param whileRedisIsDown paces calls while Redis cannot: this process's own limiter, at the same rate
     */
    public CallPacer callPacer(CallPacer whileRedisIsDown) {
        return new RedisCallPacer(connections, keyPrefix, Objects.requireNonNull(whileRedisIsDown, "whileRedisIsDown"),
                outages);
    }

    @Override
    public void close() {
        idempotencyStore.close();
        connections.close();
    }
}
