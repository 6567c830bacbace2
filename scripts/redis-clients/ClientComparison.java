import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.params.SetParams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Lettuce 7.7 against Jedis 7.2 on the two things the shared state does per request: a claim-shaped
 * write (SET NX PX) and a Bucket4j turn (compare-and-swap on one account's bucket), each OPS times
 * from THREADS threads. Prints throughput and latency percentiles per client and operation.
 * Usage: java -cp CLASSPATH ClientComparison.java PORT [OPS] [THREADS]
 */
public final class ClientComparison {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        BucketConfiguration wide = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1_000_000_000L).refillGreedy(1_000_000_000L, Duration.ofSeconds(1)))
                .build();

        RedisClient lettuce = RedisClient.create("redis://127.0.0.1:" + port + "/0");
        StatefulRedisConnection<String, byte[]> connection =
                lettuce.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        var poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(threads);
        poolConfig.setMaxIdle(threads);
        JedisPool jedis = new JedisPool(poolConfig, "127.0.0.1", port);

        byte[] value = "x".repeat(512).getBytes(StandardCharsets.UTF_8);
        ProxyManager<String> lettuceBuckets = Bucket4jLettuce.casBasedBuilder(connection).build();
        ProxyManager<byte[]> jedisBuckets = Bucket4jJedis.casBasedBuilder(jedis).build();
        for (int round = 1; round <= 2; round++) {
            String tag = round == 1 ? "warm-up " : "";
            run(tag + "lettuce SET NX PX", ops, threads, n -> connection.sync()
                    .set("cmp:l:" + n + ":" + System.nanoTime(), value, SetArgs.Builder.nx().px(60_000)));
            run(tag + "jedis   SET NX PX", ops, threads, n -> {
                try (var client = jedis.getResource()) {
                    client.set(("cmp:j:" + n + ":" + System.nanoTime()).getBytes(StandardCharsets.UTF_8), value,
                            SetParams.setParams().nx().px(60_000));
                }
            });
            run(tag + "lettuce bucket4j turn", ops, threads, n -> lettuceBuckets.builder()
                    .build("cmp:bucket:l:" + (n % 16), () -> wide).tryConsume(1));
            run(tag + "jedis   bucket4j turn", ops, threads, n -> jedisBuckets.builder()
                    .build(("cmp:bucket:j:" + (n % 16)).getBytes(StandardCharsets.UTF_8), () -> wide).tryConsume(1));
        }
        connection.close();
        lettuce.shutdown();
        jedis.close();
    }

    private static void run(String name, int ops, int threads, IntConsumer op) throws InterruptedException {
        long[] latencies = new long[ops];
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < ops) {
                    long sent = System.nanoTime();
                    try {
                        op.accept(n);
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                    latencies[n] = System.nanoTime() - sent;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%-30s %7.0f ops/s   p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms   failures %d%n", name,
                ops / seconds, latencies[ops / 2] / 1e6, latencies[(int) (ops * 0.99)] / 1e6, latencies[ops - 1] / 1e6,
                failures.get());
    }
}
