package dev.unifiedcrm.api.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.unifiedcrm.application.AccountDirectory;
import dev.unifiedcrm.application.ApiResponse;
import dev.unifiedcrm.application.AuditTrail;
import dev.unifiedcrm.application.CrmAdapters;
import dev.unifiedcrm.application.DeleteLeadCommand;
import dev.unifiedcrm.application.DeleteLeadService;
import dev.unifiedcrm.application.ResponseFormat;
import dev.unifiedcrm.application.UnifiedAnswers;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The audit trail: the file after successes, provider errors, concurrent requests, failed writes
 * and forces and a line cut short, through the real use case and the real Zendesk Sell and
 * Insightly adapters.
 */
class AuditLogFileTest {

    static final String SELL_TOKEN = "sell-secret-token-3f9a1c";
    static final String INSIGHTLY_KEY = "insightly-secret-key-7b2e4d";
    static final IntegratedAccountId SELL = IntegratedAccountId.parse("0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01").orElseThrow();
    static final IntegratedAccountId INSIGHTLY = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();
    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;
    private WireMockServer provider;
    private AuditLogFile audit;
    /** Runs on the provider's thread as each request arrives, before it is answered. */
    private volatile Runnable atProvider = () -> { };
    private final AtomicInteger forces = new AtomicInteger();
    /** The file's size when the latest force began: every byte below it is on the device. */
    private final AtomicLong bytesForced = new AtomicLong();
    private volatile AuditLogFile.Force force = channel -> {
        long size = channel.size();
        channel.force(false);
        forces.incrementAndGet();
        bytesForced.accumulateAndGet(size, Math::max);
    };
    private final ListAppender<ILoggingEvent> auditLogs = new ListAppender<>();
    /** The use case logs each refused delete with its cause; silenced here, where refusals are provoked. */
    private final java.util.logging.Logger useCaseLogger = java.util.logging.Logger.getLogger(DeleteLeadService.class.getName());
    private final Logger useCaseLogback = (Logger) LoggerFactory.getLogger(DeleteLeadService.class);

    @BeforeEach
    void captureLogs() {
        var logger = (Logger) LoggerFactory.getLogger(AuditLogFile.class);
        logger.addAppender(auditLogs);
        logger.setAdditive(false);
        auditLogs.start();
        useCaseLogger.setLevel(java.util.logging.Level.OFF);
        useCaseLogback.setLevel(Level.OFF);
    }

    @AfterEach
    void releaseLogs() {
        var logger = (Logger) LoggerFactory.getLogger(AuditLogFile.class);
        logger.detachAppender(auditLogs);
        logger.setAdditive(true);
        useCaseLogger.setLevel(null);
        useCaseLogback.setLevel(null);
    }

    @BeforeEach
    void startProvider() {
        provider = new WireMockServer(options().dynamicPort().containerThreads(64).extensions(new ServeEventListener() {
            @Override
            public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
                atProvider.run();
            }

            @Override
            public String getName() {
                return "at-provider";
            }
        }));
        provider.start();
        provider.stubFor(delete(urlPathMatching("/sell/v2/leads/[0-9]+")).willReturn(aResponse().withStatus(204)));
        provider.stubFor(delete(urlPathEqualTo("/sell/v2/leads/404")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"error\":{\"code\":\"not_found\",\"message\":\"not found\"}}]}")));
        provider.stubFor(delete(urlPathEqualTo("/sell/v2/leads/500")).willReturn(aResponse().withStatus(500)));
        provider.stubFor(delete(urlPathMatching("/insightly/v3.1/Leads/[0-9]+")).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stop() {
        provider.stop();
        if (audit != null) {
            audit.close();
        }
    }

    @Test
    void successesAndProviderErrorsEachGetAStartedAndAFinishedLine() throws Exception {
        var service = service(folder.resolve("audit.jsonl"));

        assertThat(UnifiedAnswers.answer(service, command(SELL, "42", "req-ok")).status()).isEqualTo(200);
        assertThat(UnifiedAnswers.answer(service, command(INSIGHTLY, "7", "req-insightly")).status()).isEqualTo(200);
        assertThat(UnifiedAnswers.answer(service, command(SELL, "404", "req-missing")).status()).isEqualTo(404);
        assertThat(UnifiedAnswers.answer(service, command(SELL, "500", "req-broken")).status()).isEqualTo(502);
        assertThat(UnifiedAnswers.answer(service, command(SELL, "not-a-number", "req-bad-id")).status()).isEqualTo(400);

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(8);
        assertPairs(lines, List.of("req-ok", "req-insightly", "req-missing", "req-broken"));
        JsonNode ok = finished(lines, "req-ok");
        assertThat(ok.get("outcome").asText()).isEqualTo("deleted");
        assertThat(ok.get("provider_status").asInt()).isEqualTo(204);
        assertThat(ok.get("integration").asText()).isEqualTo("zendesk_sell");
        assertThat(ok.get("integrated_account_id").asText()).isEqualTo(SELL.value());
        assertThat(ok.get("lead_id").asText()).isEqualTo("42");
        assertThat(finished(lines, "req-insightly").get("provider_status").asInt()).isEqualTo(202);
        JsonNode missing = finished(lines, "req-missing");
        assertThat(missing.get("outcome").asText()).isEqualTo("failed");
        assertThat(missing.get("provider_status").asInt()).isEqualTo(404);
        assertThat(finished(lines, "req-broken").get("provider_status").asInt()).isEqualTo(500);
        for (JsonNode line : lines) {
            assertThat(line.get("time").asText()).isEqualTo("2026-11-29T10:15:30.123Z");
        }
        assertNoSecret();
    }

    @Test
    void thirtyTwoConcurrentRequestsLeaveThirtyTwoWholePairs() throws Exception {
        provider.stubFor(delete(urlPathMatching("/sell/v2/leads/[0-9]+"))
                .willReturn(aResponse().withStatus(204).withFixedDelay(150)));
        var service = service(folder.resolve("audit.jsonl"));
        int requests = 32;
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            var answers = new ArrayList<Future<ApiResponse>>();
            for (int i = 1; i <= requests; i++) {
                String id = String.valueOf(1000 + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return UnifiedAnswers.answer(service, command(SELL, id, "req-" + id));
                }));
            }
            start.countDown();
            for (Future<ApiResponse> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2 * requests);
        var ids = new ArrayList<String>();
        for (int i = 1; i <= requests; i++) {
            ids.add("req-" + (1000 + i));
        }
        assertPairs(lines, ids);
        // They really overlapped: some request started before another one finished.
        assertThat(lines.get(1).get("phase").asText()).isEqualTo("started");
        assertNoSecret();
    }

    @Test
    void aFileThatCannotBeOpenedFailsAtOnceNamingIt() throws Exception {
        Path notAFile = Files.createDirectory(folder.resolve("audit.jsonl"));
        Path noFolder = folder.resolve("missing").resolve("audit.jsonl");

        assertThatThrownBy(() -> new AuditLogFile(notAFile, Clock.systemUTC())).isInstanceOf(IOException.class)
                .hasMessageContaining(notAFile.toString());
        assertThatThrownBy(() -> new AuditLogFile(noFolder, Clock.systemUTC())).isInstanceOf(IOException.class)
                .hasMessageContaining(noFolder.toString());
        assertThat(notAFile).isEmptyDirectory();
        assertThat(noFolder.getParent()).doesNotExist();
    }

    @Test
    void whenTheDiskIsFullTheAnswerIs500TheProviderIsNeverCalledAndTheLogIsNotWritable() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full, a device on which every write fails as on a full disk");
        var service = service(full);
        assertThat(audit.writable()).isTrue();

        ApiResponse response = UnifiedAnswers.answer(service, command(SELL, "42", "req-refused"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(audit.writable()).isFalse();
        provider.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aFailedForceAnswers500AndTheLogIsNotWritableUntilALineIsWrittenAgain() throws Exception {
        var failNext = new AtomicBoolean(true);
        AuditLogFile.Force device = force;
        force = channel -> {
            if (failNext.getAndSet(false)) {
                throw new IOException("Input/output error");
            }
            device.force(channel);
        };
        var service = service(folder.resolve("audit.jsonl"));

        assertThat(UnifiedAnswers.answer(service, command(SELL, "42", "req-unforced")).status()).isEqualTo(500);
        assertThat(audit.writable()).isFalse();
        provider.verify(0, deleteRequestedFor(urlPathEqualTo("/sell/v2/leads/42")));

        assertThat(UnifiedAnswers.answer(service, command(SELL, "43", "req-forced")).status()).isEqualTo(200);
        assertThat(audit.writable()).isTrue();
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/sell/v2/leads/43")));
        // The started line that was written but never forced stays: the file is only appended to.
        assertThat(lines()).extracting(line -> line.get("request_id").asText() + " " + line.get("phase").asText())
                .containsExactly("req-unforced started", "req-forced started", "req-forced finished");
    }

    @Test
    void theStartedLineIsOnTheDeviceBeforeTheProviderIsCalled() throws Exception {
        var service = service(folder.resolve("audit.jsonl"));
        var seenAtProvider = new CopyOnWriteArrayList<String>();
        atProvider = () -> {
            try {
                String onDisk = Files.readString(audit.path(), StandardCharsets.UTF_8);
                seenAtProvider.add(onDisk.substring(0, (int) Math.min(bytesForced.get(), onDisk.length())));
            } catch (IOException e) {
                seenAtProvider.add(e.toString());
            }
        };

        assertThat(UnifiedAnswers.answer(service, command(SELL, "42", "req-durable")).status()).isEqualTo(200);

        assertThat(seenAtProvider).singleElement().satisfies(forced -> {
            assertThat(forced).endsWith("\n");
            assertThat(forced.lines().toList()).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"request_id\":\"req-durable\"", "\"phase\":\"started\""));
        });
    }

    @Test
    void concurrentDeletesShareForces() throws Exception {
        int requests = 8;
        var firstForceBegan = new CountDownLatch(1);
        var releaseFirstForce = new CountDownLatch(1);
        AuditLogFile.Force device = force;
        force = channel -> {
            if (forces.get() == 0 && firstForceBegan.getCount() == 1) {
                firstForceBegan.countDown();
                await(releaseFirstForce);
            }
            device.force(channel);
        };
        var service = service(folder.resolve("audit.jsonl"));
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            var answers = new ArrayList<Future<ApiResponse>>();
            answers.add(pool.submit(() -> UnifiedAnswers.answer(service, command(SELL, "2000", "req-2000"))));
            firstForceBegan.await();
            // While the first force runs, the others write their started lines and queue behind it.
            for (int i = 1; i < requests; i++) {
                String id = String.valueOf(2000 + i);
                answers.add(pool.submit(() -> UnifiedAnswers.answer(service, command(SELL, id, "req-" + id))));
            }
            while (Files.readAllLines(audit.path()).size() < requests) {
                Thread.sleep(5);
            }
            assertThat(forces).hasValue(0);
            provider.verify(0, anyRequestedFor(anyUrl()));
            releaseFirstForce.countDown();
            for (Future<ApiResponse> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            releaseFirstForce.countDown();
            pool.shutdownNow();
        }

        // One force for the first started line, one shared by the seven that queued behind it.
        assertThat(forces).hasValue(2);
        assertPairs(lines(), IntStream.range(2000, 2000 + requests).mapToObj(i -> "req-" + i).toList());
    }

    @Test
    void aLineCutShortAtTheEndIsClosedAtStartWithOneWarnAndNothingEarlierRewritten() throws Exception {
        Path file = folder.resolve("audit.jsonl");
        String earlier = "{\"phase\":\"from an earlier run\"}\n{\"time\":\"2026-11-29T10:15:30Z\",\"request_id\":\"req-cut";
        Files.writeString(file, earlier);

        UnifiedAnswers.answer(service(file), command(SELL, "42", "req-after"));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith(earlier + "\n");
        List<String> raw = text.lines().toList();
        assertThat(raw).hasSize(4);
        assertPairs(raw.subList(2, 4).stream().map(AuditLogFileTest::json).toList(), List.of("req-after"));
        assertThat(auditLogs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains(file.toString(), "cut short", "fresh line");
        });
    }

    @Test
    void aWholeLastLineIsLeftAsItIsAndNothingIsLogged() throws Exception {
        Path file = folder.resolve("audit.jsonl");
        Files.writeString(file, "{\"phase\":\"from an earlier run\"}\n");

        audit = new AuditLogFile(file, Clock.systemUTC());

        assertThat(Files.readString(file)).isEqualTo("{\"phase\":\"from an earlier run\"}\n");
        assertThat(auditLogs.list).isEmpty();
    }

    @Test
    void theFileIsOnlyAppendedToAcrossRestarts() throws Exception {
        Path file = folder.resolve("audit.jsonl");
        Files.writeString(file, "{\"phase\":\"from an earlier run\"}\n");
        UnifiedAnswers.answer(service(file), command(SELL, "42", "req-first"));
        audit.close();

        UnifiedAnswers.answer(service(file), command(SELL, "43", "req-second"));

        List<String> raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(raw).hasSize(5);
        assertThat(raw.get(0)).isEqualTo("{\"phase\":\"from an earlier run\"}");
        assertPairs(lines().subList(1, 5), List.of("req-first", "req-second"));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/sell/v2/leads/43"))
                .withHeader("Authorization", equalTo("Bearer " + SELL_TOKEN)));
    }

    @Test
    void aLineSpellsEveryFieldInTheContractsOrder() throws Exception {
        audit = new AuditLogFile(folder.resolve("audit.jsonl"), Clock.fixed(NOW, ZoneOffset.UTC), force);
        var deletion = new AuditTrail.Deletion("req-1", SELL, new Integration("zendesk_sell"), "42");

        audit.started(deletion);
        audit.finished(deletion, new AuditTrail.Result(AuditTrail.Outcome.FAILED, OptionalInt.empty(), Duration.ofMillis(1234)));

        assertThat(Files.readAllLines(folder.resolve("audit.jsonl"))).containsExactly(
                "{\"time\":\"2026-11-29T10:15:30.123Z\",\"request_id\":\"req-1\",\"integrated_account_id\":\"" + SELL.value()
                        + "\",\"integration\":\"zendesk_sell\",\"lead_id\":\"42\",\"phase\":\"started\"}",
                "{\"time\":\"2026-11-29T10:15:30.123Z\",\"request_id\":\"req-1\",\"integrated_account_id\":\"" + SELL.value()
                        + "\",\"integration\":\"zendesk_sell\",\"lead_id\":\"42\",\"phase\":\"finished\",\"outcome\":\"failed\","
                        + "\"provider_status\":null,\"duration_ms\":1234}");
    }

    // ---- helpers ----

    private DeleteLeadService service(Path auditFile) throws IOException {
        audit = new AuditLogFile(auditFile, Clock.fixed(NOW, ZoneOffset.UTC), channel -> force.force(channel));
        var adapters = CrmAdapters.discover(new AdapterSettings(Duration.ofSeconds(2), "unified-crm/test", AdapterSettings.ONE_MIB));
        return DeleteLeadService.builder(AccountDirectory.of(accounts(provider.baseUrl())), adapters)
                .auditTrail(audit)
                .build();
    }

    static List<IntegratedAccount> accounts(String providerRoot) {
        return List.of(
                new IntegratedAccount(SELL, new Integration("zendesk_sell"), Map.of(), Optional.of(URI.create(providerRoot + "/sell/v2")),
                        Pacing.unpaced(), Credentials.of(Map.of("access_token", SELL_TOKEN))),
                new IntegratedAccount(INSIGHTLY, new Integration("insightly"), Map.of(), Optional.of(URI.create(providerRoot + "/insightly/v3.1")),
                        Pacing.unpaced(), Credentials.of(Map.of("api_key", INSIGHTLY_KEY))));
    }

    private static DeleteLeadCommand command(IntegratedAccountId account, String leadId, String requestId) {
        return new DeleteLeadCommand(account, leadId, ResponseFormat.UNIFIED, false, List.of(), List.of(), false,
                Optional.empty(), "caller", requestId);
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private List<JsonNode> lines() throws Exception {
        var lines = new ArrayList<JsonNode>();
        for (String line : Files.readAllLines(audit.path(), StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private void assertNoSecret() throws Exception {
        String text = Files.readString(audit.path(), StandardCharsets.UTF_8);
        String basic = Base64.getEncoder().encodeToString((INSIGHTLY_KEY + ":").getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(SELL_TOKEN).doesNotContain(INSIGHTLY_KEY).doesNotContain(basic)
                .doesNotContain("Bearer").doesNotContain("secret");
    }

    /** Exactly one well-formed started and one finished line per request id, started first, and no other lines. */
    static void assertPairs(List<JsonNode> lines, List<String> requestIds) {
        assertThat(lines).extracting(line -> line.get("request_id").asText()).isSubsetOf(requestIds);
        for (String requestId : requestIds) {
            var own = lines.stream().filter(line -> line.get("request_id").asText().equals(requestId)).toList();
            assertThat(own).as(requestId).hasSize(2);
            JsonNode started = own.get(0);
            JsonNode finished = own.get(1);
            assertThat(fieldNames(started)).containsExactly(
                    "time", "request_id", "integrated_account_id", "integration", "lead_id", "phase");
            assertThat(started.get("phase").asText()).isEqualTo("started");
            assertThat(fieldNames(finished)).containsExactly(
                    "time", "request_id", "integrated_account_id", "integration", "lead_id", "phase",
                    "outcome", "provider_status", "duration_ms");
            assertThat(finished.get("phase").asText()).isEqualTo("finished");
            assertThat(finished.get("outcome").asText()).isIn("deleted", "already_deleted", "failed");
            assertThat(finished.get("provider_status").isInt() || finished.get("provider_status").isNull()).isTrue();
            assertThat(finished.get("duration_ms").isIntegralNumber()).isTrue();
            assertThat(finished.get("duration_ms").asLong()).isNotNegative();
            for (String field : List.of("integrated_account_id", "integration", "lead_id")) {
                assertThat(finished.get(field)).isEqualTo(started.get(field));
            }
            Instant.parse(started.get("time").asText());
            assertThat(started.get("time").asText()).endsWith("Z");
        }
    }

    private static List<String> fieldNames(JsonNode line) {
        var names = new ArrayList<String>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode finished(List<JsonNode> lines, String requestId) {
        return lines.stream()
                .filter(line -> line.get("request_id").asText().equals(requestId) && line.get("phase").asText().equals("finished"))
                .findFirst().orElseThrow();
    }
}
