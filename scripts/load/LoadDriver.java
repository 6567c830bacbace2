import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends DELETE requests to a running unified-crm service on the loopback interface and reports the
 * answers by kind of account and status, transport errors and latencies.
 * Usage: java LoadDriver.java PORT TOKEN REQUESTS CONCURRENCY PACED_EVERY ACCOUNT_ID:INTEGRATION:KIND...
 * (KIND is "unpaced" or "paced"; one request in PACED_EVERY goes to the paced accounts).
 */
public final class LoadDriver {

    private static final String PL_PREFIX = "8c4d1f7e-3b2a-4d9e-9f10-";
    /**
     * Successes, the fake providers' 404 and 422, their 503 as a 502; the paced account may also answer
     * 429. Not 504: a call waits for its turn only while one exchange's time is still left after the
     * wait, so its own waiting never makes it time out.
     */
    private static final java.util.Set<String> EXPECTED = java.util.Set.of(
            "unpaced 200", "unpaced 404", "unpaced 422", "unpaced 502",
            "paced 200", "paced 404", "paced 422", "paced 502", "paced 429");

    record Account(String id, String integration, String kind) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String token = args[1];
        int total = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int pacedEvery = Integer.parseInt(args[4]);
        List<Account> unpaced = new ArrayList<>();
        List<Account> paced = new ArrayList<>();
        for (int i = 5; i < args.length; i++) {
            String[] parts = args[i].split(":");
            (parts[2].equals("paced") ? paced : unpaced).add(new Account(parts[0], parts[1], parts[2]));
        }
        // Every KEYED_EVERY-th request carries a fresh Idempotency-Key (0: none): the store's cost under load.
        int keyedEvery = Integer.parseInt(System.getenv().getOrDefault("KEYED_EVERY", "0"));
        String run = Long.toString(System.nanoTime(), 36);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            workers.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < total) {
                    Account account = (n % pacedEvery == 0 && !paced.isEmpty())
                            ? paced.get(n / pacedEvery % paced.size())
                            : unpaced.get(n % unpaced.size());
                    String lead = leadId(account.integration(), n);
                    var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/unified/crm/leads/" + lead
                                    + "?integrated_account_id=" + account.id()))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(30));
                    if (keyedEvery > 0 && n % keyedEvery == 0) {
                        builder.header("Idempotency-Key", "load-" + run + "-" + n);
                    }
                    var request = builder.DELETE().build();
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        String key = account.kind() + " " + response.statusCode();
                        byStatus.computeIfAbsent(key, k -> new LongAdder()).increment();
                        latencies.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(System.nanoTime() - sent);
                    } catch (Exception e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("requests: %d in %.1f s (%.0f/s), concurrency %d%n", total, seconds, total / seconds, concurrency);
        System.out.println("answers by account kind and status (count, p50 / p99 / max latency ms):");
        new TreeMap<>(byStatus).forEach((key, count) -> {
            List<Long> sorted = new ArrayList<>(latencies.get(key));
            Collections.sort(sorted);
            System.out.printf("  %-12s %7d   %6.1f / %6.1f / %6.1f%n", key, count.sum(),
                    ms(sorted, 0.50), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
        });
        System.out.println("paced 504 (a wait that left too little time for the exchange): "
                + (byStatus.containsKey("paced 504") ? byStatus.get("paced 504").sum() : 0));
        System.out.println("transport errors: " + (errors.isEmpty() ? "none" : new TreeMap<>(errors)));
        var unexpected = new TreeMap<String, Long>();
        byStatus.forEach((key, count) -> {
            if (!EXPECTED.contains(key)) {
                unexpected.put(key, count.sum());
            }
        });
        System.out.println("unexpected answers: " + (unexpected.isEmpty() ? "none" : unexpected));
        System.exit(errors.isEmpty() && unexpected.isEmpty() ? 0 : 1);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }

    /** Ids whose last digit picks the fake provider's answer; Pipeliner needs a UUID. */
    private static String leadId(String integration, int n) {
        String digits = String.valueOf(1_000_000 + n);
        return integration.equals("pipeliner") ? PL_PREFIX + String.format("%012d", 1_000_000 + n) : digits;
    }
}
