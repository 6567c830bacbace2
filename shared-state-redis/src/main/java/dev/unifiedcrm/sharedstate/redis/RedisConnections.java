package dev.unifiedcrm.sharedstate.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The two Redis connections of a process, opened at first use rather than at start (the service must
 * start while Redis is down): one for commands, shared by every thread (Lettuce multiplexes it), and
 * one subscribed to notifications. Once open, Lettuce reconnects them by itself, at most a second
 * apart, and re-subscribes; while they are down commands fail at once instead of queueing, so a
 * request never waits for Redis to come back. A connection that cannot be opened is tried again
 * at most every {@link #RETRY_OPEN_NANOS}, and callers in between fail at once.
 */
final class RedisConnections implements AutoCloseable {

    /** A command that gets no answer in this time has failed: Redis answers in well under a millisecond. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final long RETRY_OPEN_NANOS = 500_000_000L;
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ClientResources resources;
    private final RedisClient client;
    private final Map<String, Consumer<String>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, String> scriptDigests = new ConcurrentHashMap<>();
    private volatile Open open;
    /** Guarded by {@code this}. */
    private long nextOpenNanos = System.nanoTime();
    private boolean closed;

    RedisConnections(RedisLocation location) {
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(location.url());
        uri.setTimeout(COMMAND_TIMEOUT);
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
    }

    /** Calls {@code listener} with the channel's name for each message on a channel matching {@code pattern}. */
    void onMessage(String pattern, Consumer<String> listener) {
        subscriptions.put(pattern, listener);
    }

    /**
     * Starts opening the connections on another thread, so that the first request does not pay for
     * Lettuce's start-up; a failure here only means the first request tries again.
     */
    void openInBackground() {
        Thread opener = new Thread(() -> {
            try {
                commands();
            } catch (RuntimeException e) {
                // Redis is down at start: the service runs without it and the next use tries again.
            }
        }, "redis-shared-state-open");
        opener.setDaemon(true);
        opener.start();
    }

    /** The commands connection, opening both connections first when they are not yet open. */
    StatefulRedisConnection<String, byte[]> commands() {
        Open current = open;
        return current != null ? current.commands() : openNow().commands();
    }

    /** Runs a Lua script by its digest, loading it once per connection when Redis does not know it. */
    <T> T script(String script, ScriptOutputType type, String key, byte[]... args) {
        var sync = commands().sync();
        String digest = scriptDigests.computeIfAbsent(script, sync::digest);
        try {
            return sync.evalsha(digest, type, new String[] {key}, args);
        } catch (RedisNoScriptException e) {
            // A restarted Redis has forgotten its scripts.
            return sync.eval(script, type, new String[] {key}, args);
        }
    }

    private synchronized Open openNow() {
        if (open != null) {
            return open;
        }
        if (closed) {
            throw new IllegalStateException("the shared state is closed");
        }
        if (System.nanoTime() - nextOpenNanos < 0) {
            throw new IllegalStateException("Redis could not be reached a moment ago; the next try is within half a second");
        }
        StatefulRedisConnection<String, byte[]> commands = null;
        StatefulRedisPubSubConnection<String, String> notifications = null;
        try {
            commands = client.connect(CODEC);
            notifications = client.connectPubSub(StringCodec.UTF8);
            notifications.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String pattern, String channel, String message) {
                    Consumer<String> listener = subscriptions.get(pattern);
                    if (listener != null) {
                        listener.accept(channel);
                    }
                }
            });
            if (!subscriptions.isEmpty()) {
                notifications.sync().psubscribe(subscriptions.keySet().toArray(String[]::new));
            }
            open = new Open(commands, notifications);
            return open;
        } catch (RuntimeException e) {
            nextOpenNanos = System.nanoTime() + RETRY_OPEN_NANOS;
            if (notifications != null) {
                notifications.closeAsync();
            }
            if (commands != null) {
                commands.closeAsync();
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (open != null) {
            open.notifications().close();
            open.commands().close();
            open = null;
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private record Open(StatefulRedisConnection<String, byte[]> commands,
                        StatefulRedisPubSubConnection<String, String> notifications) {
    }
}
