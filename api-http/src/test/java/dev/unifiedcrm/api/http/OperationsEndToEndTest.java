package dev.unifiedcrm.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reliability and operations through the real service (launcher, configuration file, Failsafe retries,
 * Bucket4j pacing, the adapters found by ServiceLoader) against WireMock providers:
 * {@code GET /metrics} after a mix of requests, and the audit file after successes, provider
 * errors, concurrent requests and a failed write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsEndToEndTest {

    static final String TOKEN = "ops-token";
    static final String SELL = "0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01";
    static final String PACED_SELL = "1b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01";
    static final String INSIGHTLY = "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12";
    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
    static final String SELL_TOKEN = "sell-secret-token-9c1d";
    static final String INSIGHTLY_KEY = "insightly-secret-key-4e8a";
    static final String LEADS = "/unified/crm/leads/";

    final ObjectMapper json = new ObjectMapper();
    WireMockServer providers;
    RunningServiceFixture service;
    @TempDir
    Path folder;

    @BeforeAll
    void startProviders() {
        providers = new WireMockServer(options().dynamicPort().containerThreads(64));
        providers.start();
    }

    @AfterAll
    void stopProviders() {
        providers.stop();
    }

    @BeforeEach
    void stubProviders() {
        providers.resetAll();
        providers.stubFor(delete(urlPathMatching("/sell/v2/leads/[0-9]+")).willReturn(aResponse().withStatus(204)));
        providers.stubFor(delete(urlPathEqualTo("/sell/v2/leads/404")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"error\":{\"code\":\"not_found\",\"message\":\"not found\"}}]}")));
        providers.stubFor(delete(urlPathEqualTo("/sell/v2/leads/500")).willReturn(aResponse().withStatus(500)));
        providers.stubFor(delete(urlPathEqualTo("/sell/v2/leads/503")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        providers.stubFor(delete(urlPathEqualTo("/sell/v2/leads/503")).inScenario("flaky")
                .whenScenarioStateIs("recovered").willReturn(aResponse().withStatus(204)));
        providers.stubFor(delete(urlPathMatching("/insightly/v3.1/Leads/[0-9]+")).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void metricsCountEachKindOfRequest() throws Exception {
        service = start(folder.resolve("audit.jsonl"));
        runTheMix();

        assertThat(service.send(HttpRequest.newBuilder(service.uri("/metrics")).GET()).statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = service.send(HttpRequest.newBuilder(service.uri("/metrics")).GET()
                .header("Authorization", "Bearer " + TOKEN));

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("content-type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(scraped.headers().firstValue("x-request-id")).isPresent();
        var metrics = PrometheusText.parse(scraped.body());
        assertThat(metrics.value("unifiedcrm_requests_total", "integration", "zendesk_sell", "format", "unified", "status", "200")).isEqualTo(5);
        assertThat(metrics.value("unifiedcrm_requests_total", "integration", "zendesk_sell", "format", "unified", "status", "404")).isEqualTo(1);
        assertThat(metrics.value("unifiedcrm_requests_total", "integration", "zendesk_sell", "format", "unified", "status", "502")).isEqualTo(1);
        assertThat(metrics.value("unifiedcrm_requests_total", "integration", "zendesk_sell", "format", "unified", "status", "429")).isEqualTo(1);
        assertThat(metrics.value("unifiedcrm_requests_total", "integration", "none", "format", "unified", "status", "404")).isEqualTo(1);
        assertThat(metrics.value("unifiedcrm_requests_total", "integration", "insightly", "format", "normalized", "status", "200")).isEqualTo(1);
        assertThat(metrics.value("unifiedcrm_requests_total", "integration", "none", "format", "none", "status", "401")).isEqualTo(1);
        assertThat(metrics.value("unifiedcrm_requests_total", "integration", "none", "format", "none", "status", "400")).isEqualTo(1);
        assertThat(metrics.sum("unifiedcrm_requests_total")).isEqualTo(12);
        assertThat(metrics.value("unifiedcrm_provider_call_duration_seconds_count", "integration", "zendesk_sell")).isEqualTo(7);
        assertThat(metrics.value("unifiedcrm_provider_call_duration_seconds_bucket", "integration", "zendesk_sell", "le", "+Inf")).isEqualTo(7);
        assertThat(metrics.value("unifiedcrm_provider_call_duration_seconds_count", "integration", "insightly")).isEqualTo(1);
        assertThat(metrics.value("unifiedcrm_provider_retries_total", "integration", "zendesk_sell")).isEqualTo(1);
        assertThat(metrics.value("unifiedcrm_provider_retries_total", "integration", "insightly")).isZero();
        assertThat(metrics.value("unifiedcrm_rate_limit_rejections_total", "integration", "zendesk_sell")).isEqualTo(1);
        assertThat(metrics.value("unifiedcrm_idempotent_replays_total", "integration", "zendesk_sell")).isEqualTo(1);
        assertThat(scraped.body()).doesNotContain(SELL_TOKEN, INSIGHTLY_KEY, TOKEN);
    }

    @Test
    void theAuditFileHoldsAPairPerRequestThatReachedTheProviderAndNoSecret() throws Exception {
        Path audit = folder.resolve("audit.jsonl");
        service = start(audit);
        runTheMix();

        List<JsonNode> lines = lines(audit);
        AuditLogFileTest.assertPairs(lines, List.of("mix-ok", "mix-404", "mix-500", "mix-503", "mix-paced-first",
                "mix-keyed", "mix-insightly"));
        assertThat(finished(lines, "mix-ok").get("outcome").asText()).isEqualTo("deleted");
        assertThat(finished(lines, "mix-ok").get("provider_status").asInt()).isEqualTo(204);
        assertThat(finished(lines, "mix-404").get("outcome").asText()).isEqualTo("failed");
        assertThat(finished(lines, "mix-404").get("provider_status").asInt()).isEqualTo(404);
        assertThat(finished(lines, "mix-500").get("provider_status").asInt()).isEqualTo(500);
        assertThat(finished(lines, "mix-503").get("outcome").asText()).isEqualTo("deleted");
        assertThat(finished(lines, "mix-503").get("provider_status").asInt()).isEqualTo(204);
        assertThat(finished(lines, "mix-insightly").get("integration").asText()).isEqualTo("insightly");
        assertThat(finished(lines, "mix-insightly").get("integrated_account_id").asText()).isEqualTo(INSIGHTLY);
        assertNoSecret(audit);
    }

    @Test
    void thirtyTwoConcurrentRequestsLeaveThirtyTwoWholePairsInOrder() throws Exception {
        providers.stubFor(delete(urlPathMatching("/sell/v2/leads/[0-9]+")).willReturn(aResponse().withStatus(204).withFixedDelay(200)));
        Path audit = folder.resolve("audit.jsonl");
        service = start(audit);
        int requests = 32;
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        var ids = new ArrayList<String>();
        try {
            var answers = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 1; i <= requests; i++) {
                String lead = String.valueOf(2000 + i);
                ids.add("concurrent-" + lead);
                answers.add(pool.submit(() -> {
                    start.await();
                    return deleteLead(SELL, lead, "concurrent-" + lead, null);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonNode> lines = lines(audit);
        assertThat(lines).hasSize(2 * requests);
        AuditLogFileTest.assertPairs(lines, ids);
        assertThat(lines.get(1).get("phase").asText()).as("the requests overlapped").isEqualTo("started");
        assertNoSecret(audit);
    }

    @Test
    void whenTheAuditFileCannotBeWrittenTheAnswerIs500TheProviderIsNeverCalledAndHealthIsDown() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full, a device on which every write fails as on a full disk");
        service = start(full);
        LauncherTest.silenceTheUseCasesLog();
        try {
            HttpResponse<String> response = deleteLead(SELL, "42", "refused", null);
            HttpResponse<String> health = service.send(HttpRequest.newBuilder(service.uri("/health")));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("x-request-id")).contains("refused");
            assertThat(json.readTree(response.body()).get("message").asText()).contains("x-request-id");
            providers.verify(0, anyRequestedFor(anyUrl()));
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
        } finally {
            LauncherTest.restoreTheUseCasesLog();
        }
    }

    // ---- helpers ----

    private RunningServiceFixture start(Path auditLog) throws IOException {
        String root = providers.baseUrl();
        String config = """
                {
                  "api_tokens": ["%s"],
                  "timeouts": {"connect_ms": 1000, "attempt_ms": 3000, "request_ms": 5000},
                  "audit_log": %s,
                  "accounts": [
                    {"id": "%s", "integration": "zendesk_sell", "base_url": "%s/sell/v2",
                     "credentials": {"access_token": "${env:SELL_TOKEN}"}, "rate_limit": {"requests_per_second": 0}},
                    {"id": "%s", "integration": "zendesk_sell", "base_url": "%s/sell/v2",
                     "credentials": {"access_token": "${env:SELL_TOKEN}"}, "rate_limit": {"requests_per_second": 0.01}},
                    {"id": "%s", "integration": "insightly", "base_url": "%s/insightly/v3.1",
                     "credentials": {"api_key": "${env:INSIGHTLY_KEY}"}}
                  ]
                }
                """.formatted(TOKEN, json.writeValueAsString(auditLog.toString()), SELL, root, PACED_SELL, root, INSIGHTLY, root);
        return new RunningServiceFixture(config, Map.of("SELL_TOKEN", SELL_TOKEN, "INSIGHTLY_KEY", INSIGHTLY_KEY));
    }

    /**
     * Successes, provider errors (404; 500, not retried), a 503 retried into a success, a local 429,
     * an idempotent replay, an unknown account, another integration and format, a wrong token and a bad query.
     */
    private void runTheMix() {
        assertThat(deleteLead(SELL, "42", "mix-ok", null).statusCode()).isEqualTo(200);
        assertThat(deleteLead(SELL, "404", "mix-404", null).statusCode()).isEqualTo(404);
        assertThat(deleteLead(SELL, "500", "mix-500", null).statusCode()).isEqualTo(502);
        assertThat(deleteLead(SELL, "503", "mix-503", null).statusCode()).isEqualTo(200);
        assertThat(deleteLead(PACED_SELL, "43", "mix-paced-first", null).statusCode()).isEqualTo(200);
        HttpResponse<String> paced = deleteLead(PACED_SELL, "44", "mix-paced-second", null);
        assertThat(paced.statusCode()).isEqualTo(429);
        assertThat(paced.headers().firstValue("retry-after")).isPresent();
        assertThat(deleteLead(SELL, "45", "mix-keyed", "key-1").statusCode()).isEqualTo(200);
        HttpResponse<String> replay = deleteLead(SELL, "45", "mix-replay", "key-1");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.headers().firstValue("idempotent-replayed")).contains("true");
        assertThat(deleteLead(UNKNOWN, "46", "mix-unknown", null).statusCode()).isEqualTo(404);
        assertThat(service.send(HttpRequest.newBuilder(service.uri(LEADS + "47?integrated_account_id=" + INSIGHTLY
                + "&truto_response_format=normalized")).DELETE().header("Authorization", "Bearer " + TOKEN)
                .header("x-request-id", "mix-insightly")).statusCode()).isEqualTo(200);
        assertThat(service.delete(LEADS + "48?integrated_account_id=" + SELL, "wrong-token").statusCode()).isEqualTo(401);
        assertThat(service.delete(LEADS + "49?integrated_account_id=" + SELL + "&truto_response_format=xml", TOKEN).statusCode())
                .isEqualTo(400);

        providers.verify(2, deleteRequestedFor(urlPathEqualTo("/sell/v2/leads/503")));
        providers.verify(1, deleteRequestedFor(urlPathEqualTo("/sell/v2/leads/45")));
        providers.verify(0, deleteRequestedFor(urlPathEqualTo("/sell/v2/leads/44")));
        providers.verify(0, deleteRequestedFor(urlPathEqualTo("/sell/v2/leads/48")));
    }

    private HttpResponse<String> deleteLead(String account, String lead, String requestId, String idempotencyKey) {
        var request = HttpRequest.newBuilder(service.uri(LEADS + lead + "?integrated_account_id=" + account)).DELETE()
                .header("Authorization", "Bearer " + TOKEN)
                .header("x-request-id", requestId);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return service.send(request);
    }

    private List<JsonNode> lines(Path audit) throws IOException {
        var lines = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(audit, StandardCharsets.UTF_8)) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private static JsonNode finished(List<JsonNode> lines, String requestId) {
        return lines.stream()
                .filter(line -> line.get("request_id").asText().equals(requestId) && line.get("phase").asText().equals("finished"))
                .findFirst().orElseThrow();
    }

    private static void assertNoSecret(Path audit) throws IOException {
        String text = Files.readString(audit, StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString((INSIGHTLY_KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(SELL_TOKEN, INSIGHTLY_KEY, basic, TOKEN, "secret", "Bearer");
    }
}
