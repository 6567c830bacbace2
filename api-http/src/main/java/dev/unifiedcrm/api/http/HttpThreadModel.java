package dev.unifiedcrm.api.http;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * How the server's threads are laid out, from the {@code unifiedcrm.http.*} system properties (the
 * module README, section Thread model). Every delete runs on one server thread from start to end:
 * the provider call is a blocking OkHttp call on that same thread, so the pool bounds the deletes in
 * flight and must hold about rate × provider latency threads.
 *
 * @param maxThreads      most threads in the pool (requests in flight, plus acceptors and selectors)
 * @param minThreads      threads kept alive when idle
 * @param queue           most requests waiting for a thread; beyond it Jetty refuses the work and
 *                        closes the connection. Empty: no bound
 * @param reservedThreads threads kept ready so that a selecting thread can run the request it found
 *                        itself while a reserved thread takes over selecting (no hand-off to another
 *                        thread); 0: every request is handed to a pool thread; -1: Jetty's heuristic
 * @param acceptors       threads accepting connections; -1: Jetty's heuristic (cores / 8, 1 to 4);
 *                        0: the selectors accept
 * @param selectors       threads watching connections for input; -1: Jetty's heuristic (half the cores,
 *                        at most maxThreads / 16, at least 1)
 */
record HttpThreadModel(int maxThreads, int minThreads, OptionalInt queue, int reservedThreads, int acceptors,
                       int selectors) {

    static final String PREFIX = "unifiedcrm.http.";
    static final String MAX_THREADS = PREFIX + "threads.max";
    static final String MIN_THREADS = PREFIX + "threads.min";
    static final String QUEUE = PREFIX + "queue";
    static final String RESERVED_THREADS = PREFIX + "threads.reserved";
    static final String ACCEPTORS = PREFIX + "acceptors";
    static final String SELECTORS = PREFIX + "selectors";
    static final List<String> PROPERTIES = List.of(MAX_THREADS, MIN_THREADS, QUEUE, RESERVED_THREADS, ACCEPTORS, SELECTORS);

    /** Javalin's own pool (250 threads, 8 kept) and Jetty's defaults for everything else. */
    static final HttpThreadModel DEFAULTS = new HttpThreadModel(250, 8, OptionalInt.empty(), -1, -1, -1);

    /** The name Javalin gives its pool, kept so that thread dumps and per-thread CPU figures stay comparable. */
    static final String POOL_NAME = "JettyServerThreadPool";
    private static final int IDLE_TIMEOUT_MS = 60_000;
    private static final int MOST_THREADS = 10_000;

    HttpThreadModel {
        if (minThreads < 1 || minThreads > maxThreads) {
            throw new IllegalArgumentException("minThreads must be 1 to maxThreads (" + maxThreads + "), not " + minThreads);
        }
        if (maxThreads > MOST_THREADS) {
            throw new IllegalArgumentException("maxThreads must be at most " + MOST_THREADS + ", not " + maxThreads);
        }
    }

    /** A bad value of one of these system properties: what was given and what is accepted. */
    static final class InvalidSettingException extends Exception {
        InvalidSettingException(String message) {
            super(message);
        }
    }

    /**
     * Reads the {@code unifiedcrm.http.*} properties; an absent property keeps its default.
     *
     * @param properties a system property by name, or null when it is not set
     */
    static HttpThreadModel from(Function<String, String> properties) throws InvalidSettingException {
        int max = number(properties, MAX_THREADS, DEFAULTS.maxThreads, 1, MOST_THREADS,
                "1 to " + MOST_THREADS + ", default " + DEFAULTS.maxThreads);
        int min = number(properties, MIN_THREADS, Math.min(DEFAULTS.minThreads, max), 1, max,
                "1 to " + MAX_THREADS + " (" + max + "), default " + DEFAULTS.minThreads);
        int queueDefault = -1;
        int queue = number(properties, QUEUE, queueDefault, 1, Integer.MAX_VALUE,
                "a whole number of requests from 1, default no bound");
        int reserved = number(properties, RESERVED_THREADS, DEFAULTS.reservedThreads, -1, max,
                "-1 (Jetty decides, the default), 0 (always hand off) or up to " + MAX_THREADS + " (" + max + ")");
        int acceptors = number(properties, ACCEPTORS, DEFAULTS.acceptors, -1, 64,
                "-1 (Jetty decides, the default), 0 (the selectors accept) or 1 to 64");
        int selectors = number(properties, SELECTORS, DEFAULTS.selectors, -1, 64,
                "-1 (Jetty decides, the default) or 1 to 64");
        if (selectors == 0) {
            throw new InvalidSettingException(invalid(SELECTORS, "0", "-1 (Jetty decides, the default) or 1 to 64"));
        }
        return new HttpThreadModel(max, min, queue == queueDefault ? OptionalInt.empty() : OptionalInt.of(queue),
                reserved, acceptors, selectors);
    }

    private static int number(Function<String, String> properties, String name, int fallback, int least, int most,
                              String accepted) throws InvalidSettingException {
        String value = properties.apply(name);
        if (value == null) {
            return fallback;
        }
        String trimmed = value.strip();
        if (!trimmed.matches("-?[0-9]{1,10}")) {
            throw new InvalidSettingException(invalid(name, value, accepted));
        }
        long number = Long.parseLong(trimmed);
        if (number < least || number > most) {
            throw new InvalidSettingException(invalid(name, value, accepted));
        }
        return (int) number;
    }

    private static String invalid(String name, String value, String accepted) {
        return "invalid system property " + name + ": '" + value + "'; accepted: " + accepted;
    }

    boolean isDefault() {
        return equals(DEFAULTS);
    }

    QueuedThreadPool threadPool() {
        var pool = new QueuedThreadPool(maxThreads, minThreads, IDLE_TIMEOUT_MS, reservedThreads, jobQueue(), null);
        pool.setName(POOL_NAME);
        return pool;
    }

    /** Jetty's own queue: unbounded and growing, or holding at most the bound when one is set. */
    BlockingArrayQueue<Runnable> jobQueue() {
        return queue.isPresent() ? new BlockingArrayQueue<>(queue.getAsInt()) : new BlockingArrayQueue<>();
    }

    Connector connector(Server server, HttpConfiguration http, String host, int port) {
        var connector = new ServerConnector(server, acceptors, selectors, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** For the start-up log line. */
    String describe() {
        var parts = new ArrayList<String>();
        parts.add("threads " + minThreads + " to " + maxThreads);
        parts.add("queue " + (queue.isPresent() ? String.valueOf(queue.getAsInt()) : "unbounded"));
        parts.add("reserved threads " + (reservedThreads < 0 ? "Jetty's choice" : String.valueOf(reservedThreads)));
        parts.add("acceptors " + (acceptors < 0 ? "Jetty's choice" : String.valueOf(acceptors)));
        parts.add("selectors " + (selectors < 0 ? "Jetty's choice" : String.valueOf(selectors)));
        return String.join(", ", parts);
    }
}
