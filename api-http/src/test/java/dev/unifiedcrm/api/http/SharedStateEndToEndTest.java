package dev.unifiedcrm.api.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.unifiedcrm.sharedstate.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Two service instances in this JVM, each with its own stores, on one real redis-server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedStateEndToEndTest {

    private static final String TOKEN = "shared-state-token";
    private static final String REDIS_PASSWORD = "redis-pass-5ecret";
    private static final String FREE = "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12";
    private static final String PACED = "6e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b";
    private static final String BASIC_K1 = "Basic " + Base64.getEncoder().encodeToString("k1:".getBytes(StandardCharsets.UTF_8));

    private RedisServer redis;
    private WireMockServer providers;
    private RunningServiceFixture first;
    private RunningServiceFixture second;

    @BeforeAll
    void start() throws IOException {
        redis = RedisServer.start();
        providers = new WireMockServer(options().dynamicPort());
        providers.start();
        first = new RunningServiceFixture(configuration(redis.url()), Map.of());
        second = new RunningServiceFixture(configuration(redis.url()), Map.of());
        // The first request of a process also loads Lettuce's and Bucket4j's classes: not what the tests measure.
        providers.stubFor(delete(urlPathMatching("/insightly/v3.1/Leads/1")).willReturn(aResponse().withStatus(202)));
        for (var service : List.of(first, second)) {
            assertThat(eventually(() -> keyed(service, "1", "warm-up-" + UUID.randomUUID()), response -> response.statusCode() == 200)
                    .statusCode()).isEqualTo(200);
        }
    }

    /** Pacing at 2 per second with 2 s per request: a call waits for its turn while one exchange (1 s) is still left after it, else 429. */
    private String configuration(String redisUrl) {
        String root = "http://127.0.0.1:" + providers.port();
        return """
                {
                  "api_tokens": ["%s"],
                  "timeouts": {"connect_ms": 1000, "attempt_ms": 1000, "request_ms": 2000},
                  "shared_state": {"redis_url": "%s", "key_prefix": "e2e:"},
                  "accounts": [
                    {"id": "%s", "integration": "insightly", "base_url": "%s/insightly/v3.1",
                     "credentials": {"api_key": "k1"}, "rate_limit": {"requests_per_second": 100}},
                    {"id": "%s", "integration": "insightly", "base_url": "%s/paced/v3.1",
                     "credentials": {"api_key": "k2"}, "rate_limit": {"requests_per_second": 2}}
                  ]
                }
                """.formatted(TOKEN, redisUrl, FREE, root, PACED, root);
    }

    @AfterAll
    void stop() {
        first.close();
        second.close();
        providers.stop();
        redis.close();
    }

    @BeforeEach
    void reset() {
        providers.resetAll();
        providers.stubFor(delete(urlPathMatching("/(insightly|paced)/v3.1/Leads/[0-9]+")).willReturn(aResponse().withStatus(202)
                .withHeader("X-RateLimit-Limit", "1000").withHeader("X-RateLimit-Remaining", "998")));
    }

    private static HttpResponse<String> keyed(RunningServiceFixture service, String lead, String key) {
        return service.send(HttpRequest.newBuilder(service.uri("/unified/crm/leads/" + lead + "?integrated_account_id=" + FREE))
                .header("Authorization", "Bearer " + TOKEN).header("Idempotency-Key", key).DELETE());
    }

    @Test
    void aRepeatSentToTheOtherReplicaIsReplayedWithoutAProviderCall() {
        String key = "key-" + UUID.randomUUID();
        var original = keyed(first, "42", key);
        var repeat = keyed(second, "42", key);

        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(original.body());
        assertThat(repeat.headers().firstValue("idempotent-replayed")).contains("true");
        assertThat(repeat.headers().firstValue("ratelimit-remaining")).contains("998");
        assertThat(repeat.headers().firstValue("x-delete-outcome")).contains("deleted");
        assertThat(repeat.headers().firstValue("x-request-id")).isNotEqualTo(original.headers().firstValue("x-request-id"));
        providers.verify(exactly(1), deleteRequestedFor(urlPathEqualTo("/insightly/v3.1/Leads/42"))
                .withHeader("Authorization", equalTo(BASIC_K1)));

        assertThat(keyed(second, "43", key).statusCode()).as("the same key for another lead").isEqualTo(422);
        providers.verify(exactly(0), deleteRequestedFor(urlPathEqualTo("/insightly/v3.1/Leads/43")));
    }

    @Test
    void aBurstOverBothReplicasKeepsTheAccountsRateWhileAnotherAccountIsNotSlowed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            var paced = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            var free = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            long started = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                var service = i % 2 == 0 ? first : second;
                paced.add(CompletableFuture.supplyAsync(() -> service.delete(
                        "/unified/crm/leads/7?integrated_account_id=" + PACED, TOKEN), pool));
                if (i % 4 == 0) {
                    free.add(CompletableFuture.supplyAsync(() -> service.delete(
                            "/unified/crm/leads/8?integrated_account_id=" + FREE, TOKEN), pool));
                }
            }
            List<Integer> pacedStatuses = statuses(paced);
            double seconds = (System.nanoTime() - started) / 1e9;

            int calls = providers.findAll(deleteRequestedFor(urlPathEqualTo("/paced/v3.1/Leads/7"))).size();
            // One second of calls (2) at once, 2 more per second of the burst, and one token of slack; two
            // replicas each with its own budget would make twice as many.
            assertThat(calls).as("provider calls; answers %s in %.1f s", pacedStatuses, seconds)
                    .isBetween(2, 2 + (int) Math.floor(seconds * 2) + 1);
            assertThat(pacedStatuses).contains(429);
            // A call that got its turn late may run out of time at the (slow) provider: 504 is its honest answer.
            assertThat(pacedStatuses).isSubsetOf(200, 429, 504);
            assertThat(statuses(free)).as("the unpaced account is never refused").containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whileRedisIsDownKeyedRequestsAre503AndOthersStillWorkThenBothRecover() {
        redis.stop();
        try {
            var keyedWhileDown = keyed(first, "50", "down-" + UUID.randomUUID());
            assertThat(keyedWhileDown.statusCode()).isEqualTo(503);
            assertThat(keyedWhileDown.headers().firstValue("retry-after")).contains("1");
            assertThat(keyedWhileDown.body()).contains("\"statusCode\":503").doesNotContain("truto_is_remote_error");
            providers.verify(exactly(0), deleteRequestedFor(urlPathEqualTo("/insightly/v3.1/Leads/50")));

            var unkeyed = first.delete("/unified/crm/leads/51?integrated_account_id=" + FREE, TOKEN);
            assertThat(unkeyed.statusCode()).isEqualTo(200);
            providers.verify(exactly(1), deleteRequestedFor(urlPathEqualTo("/insightly/v3.1/Leads/51")));

            assertThat(first.send(HttpRequest.newBuilder(first.uri("/health")).GET()).statusCode()).isEqualTo(200);
            String metrics = first.send(HttpRequest.newBuilder(first.uri("/metrics"))
                    .header("Authorization", "Bearer " + TOKEN).GET()).body();
            assertThat(metrics).containsPattern("unifiedcrm_shared_state_failures_total\\{part=\"idempotency\"} [1-9]")
                    .containsPattern("unifiedcrm_shared_state_failures_total\\{part=\"pacing\"} [1-9]");
        } finally {
            redis.startAgain();
        }
        String key = "back-" + UUID.randomUUID();
        var keyedAfter = eventually(() -> keyed(first, "52", key), response -> response.statusCode() != 503);
        assertThat(keyedAfter.statusCode()).isEqualTo(200);
        // Each process reconnects to Redis on its own schedule: the other one may still answer 503 for a moment.
        var replayed = eventually(() -> keyed(second, "52", key), response -> response.statusCode() != 503);
        assertThat(replayed.headers().firstValue("idempotent-replayed")).contains("true");
        providers.verify(exactly(1), deleteRequestedFor(urlPathEqualTo("/insightly/v3.1/Leads/52")));
        assertThat(first.err.toString(StandardCharsets.UTF_8) + second.err.toString(StandardCharsets.UTF_8))
                .doesNotContain(REDIS_PASSWORD);
    }

    @Test
    void aServiceStartsAndAnswersHealthWhileRedisIsUnreachable() throws IOException {
        try (var lonely = new RunningServiceFixture(configuration("redis://:" + REDIS_PASSWORD + "@127.0.0.1:1/0"), Map.of())) {
            assertThat(lonely.send(HttpRequest.newBuilder(lonely.uri("/health")).GET()).statusCode()).isEqualTo(200);
            assertThat(keyed(lonely, "60", "k").statusCode()).isEqualTo(503);
            assertThat(lonely.delete("/unified/crm/leads/61?integrated_account_id=" + FREE, TOKEN).statusCode()).isEqualTo(200);
            assertThat(lonely.out.toString(StandardCharsets.UTF_8) + lonely.err.toString(StandardCharsets.UTF_8))
                    .doesNotContain(REDIS_PASSWORD);
        }
    }

    @Test
    void aMalformedRedisUrlIsABadFileNamingTheFieldAndNotThePassword() throws IOException {
        Path file = Files.createTempFile("unified-crm-", ".json");
        Files.writeString(file, configuration("http://:" + REDIS_PASSWORD + "@127.0.0.1:6379/0"));
        var err = new ByteArrayOutputStream();
        var outcome = Launcher.launch(new String[] {"--config", file.toString(), "--port", "0"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null);

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.service()).isEmpty();
        String line = err.toString(StandardCharsets.UTF_8);
        assertThat(line.lines()).singleElement().satisfies(text -> assertThat(text)
                .contains(file.toString()).contains("field shared_state.redis_url").contains("redis://")
                .doesNotContain(REDIS_PASSWORD));
    }

    private static List<Integer> statuses(List<CompletableFuture<HttpResponse<String>>> answers) throws Exception {
        var statuses = new ArrayList<Integer>();
        for (var answer : answers) {
            statuses.add(answer.get().statusCode());
        }
        return statuses;
    }

    private static <T> T eventually(Supplier<T> attempt, java.util.function.Predicate<T> done) {
        T last = attempt.get();
        for (int tries = 0; tries < 100 && !done.test(last); tries++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = attempt.get();
        }
        return last;
    }
}
