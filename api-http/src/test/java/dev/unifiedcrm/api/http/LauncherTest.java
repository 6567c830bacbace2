package dev.unifiedcrm.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.application.DeleteLeadService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The command line: help, usage errors, a bad file, a port in use, the {@code listening on} line, the sandbox. */
class LauncherTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    Launcher.Outcome launch(String... args) {
        return Launcher.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final java.util.logging.Logger USE_CASE_LOG = java.util.logging.Logger.getLogger(DeleteLeadService.class.getName());

    /** The use case logs each refused delete with its cause; silenced where refusals are provoked. */
    static void silenceTheUseCasesLog() {
        USE_CASE_LOG.setLevel(java.util.logging.Level.OFF);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(DeleteLeadService.class)).setLevel(ch.qos.logback.classic.Level.OFF);
    }

    static void restoreTheUseCasesLog() {
        USE_CASE_LOG.setLevel(null);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(DeleteLeadService.class)).setLevel(null);
    }

    static String jsonString(String value) throws Exception {
        return new ObjectMapper().writeValueAsString(value);
    }

    Path config(String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return file;
    }

    @Test
    void helpPrintsUsageOnStandardOutput() {
        var outcome = launch("--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.service()).isEmpty();
        assertThat(out()).startsWith("Usage: api-http").contains("--config=FILE", "--sandbox", "--port=N", "--host=ADDR");
        assertThat(err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--bogus", "--sandbox --bogus", "--port", "--sandbox --port", "--sandbox --port abc",
            "--sandbox --port 70000", "--sandbox --port -1", "--config", "--config a.json --sandbox", "--sandbox extra",
            "--port 8080", "--config a.json --write-config b.json", "--sandbox --write-config"})
    void wrongUsagePrintsUsageOnStandardErrorAndExits2(String args) {
        var outcome = launch(args.isEmpty() ? new String[0] : args.split(" "));

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.service()).isEmpty();
        assertThat(err()).contains("Usage: api-http");
        assertThat(out()).isEmpty();
    }

    @Test
    void badConfigurationExits2WithOneLine() throws Exception {
        var outcome = launch("--config", config("{\"api_tokens\":[\"secret-token\"],\"accounts\":[],\"x\":1}").toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(err()).isEqualTo("invalid configuration file " + dir.resolve("config.json")
                + ": field x: unknown key (allowed here: accounts, api_tokens, audit_log, credential_store, shared_state, timeouts)" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void anAuditLogThatCannotBeOpenedStopsTheStartWithOneLineNamingTheFileAndTheField() throws Exception {
        Path audit = dir.resolve("no-such-folder").resolve("audit.jsonl");
        Path config = config("{\"api_tokens\":[\"t\"],\"accounts\":[],\"audit_log\":" + jsonString(audit.toString()) + "}");

        var outcome = launch("--config", config.toString(), "--port", "0");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.service()).isEmpty();
        assertThat(err()).isEqualTo("invalid configuration file " + config + ": field audit_log: the audit log " + audit
                + " cannot be opened for appending (no such folder); its folder must exist and be writable"
                + System.lineSeparator());
        assertThat(out()).isEmpty();
        assertThat(audit.getParent()).doesNotExist();
    }

    @Test
    void anAuditLogThatCannotBeWrittenAnswersDeletes500AndHealth503Down() throws Exception {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs Linux's /dev/full, a device on which every write fails as on a full disk");
        String account = "0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01";
        try (var provider = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            var outcome = launch("--config", config("""
                    {"api_tokens": ["t"], "audit_log": "/dev/full", "accounts": [
                      {"id": "%s", "integration": "zendesk_sell", "base_url": "http://127.0.0.1:%d/v2",
                       "credentials": {"access_token": "sell-token"}}]}
                    """.formatted(account, provider.getLocalPort())).toString(), "--port", "0");
            RunningService service = outcome.service().orElseThrow();
            silenceTheUseCasesLog();
            try {
                var client = HttpClient.newHttpClient();
                String root = "http://127.0.0.1:" + service.port();
                var healthBefore = client.send(HttpRequest.newBuilder(URI.create(root + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                var delete = client.send(HttpRequest.newBuilder(URI.create(root + "/unified/crm/leads/42?integrated_account_id=" + account))
                        .header("Authorization", "Bearer t").DELETE().build(), HttpResponse.BodyHandlers.ofString());
                var healthAfter = client.send(HttpRequest.newBuilder(URI.create(root + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(healthBefore.statusCode()).isEqualTo(200);
                assertThat(delete.statusCode()).isEqualTo(500);
                assertThat(delete.body()).contains("\"statusCode\":500");
                assertThat(healthAfter.statusCode()).isEqualTo(503);
                assertThat(healthAfter.body()).isEqualTo("{\"status\":\"DOWN\"}");
                assertThat(healthAfter.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                provider.setSoTimeout(1);
                assertThatThrownBy(provider::accept).as("the provider was never called").isInstanceOf(SocketTimeoutException.class);
            } finally {
                service.stop();
                restoreTheUseCasesLog();
            }
        }
    }

    @Test
    void portInUseExits1WithOneLine() throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            var outcome = launch("--config", config("{\"api_tokens\":[\"t\"],\"accounts\":[]}").toString(),
                    "--port", String.valueOf(taken.getLocalPort()));

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(err()).startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ":")
                    .contains("--port N", "--port 0")
                    .hasLineCount(1);
            assertThat(out()).isEmpty();
        }
    }

    Launcher.Outcome launchWithSystemProperties(Map<String, String> properties, String... args) {
        return Launcher.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get, properties::get);
    }

    @Test
    void aBadThreadModelPropertyExits2WithOneLine() throws Exception {
        var outcome = launchWithSystemProperties(Map.of("unifiedcrm.http.threads.max", "lots"),
                "--config", config("{\"api_tokens\":[\"t\"],\"accounts\":[]}").toString(), "--port", "0");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.service()).isEmpty();
        assertThat(err()).isEqualTo("invalid system property unifiedcrm.http.threads.max: 'lots'; accepted: 1 to 10000,"
                + " default 250" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void aPoolTooSmallForItsAcceptorsAndSelectorsExits1SayingWhatToRaise() throws Exception {
        var outcome = launchWithSystemProperties(Map.of("unifiedcrm.http.threads.max", "2",
                        "unifiedcrm.http.acceptors", "1", "unifiedcrm.http.selectors", "1"),
                "--config", config("{\"api_tokens\":[\"t\"],\"accounts\":[]}").toString(), "--port", "0");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(err()).startsWith("cannot listen on 127.0.0.1:0: unifiedcrm.http.threads.max (2) leaves no thread"
                        + " for requests once the acceptors and selectors have theirs")
                .contains("raise it, or lower unifiedcrm.http.acceptors and unifiedcrm.http.selectors")
                .hasLineCount(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void printsOnlyTheListeningLineWithTheRealPort() throws Exception {
        var outcome = launch("--config", config("{\"api_tokens\":[\"t\"],\"accounts\":[]}").toString(), "--port", "0");
        RunningService service = outcome.service().orElseThrow();
        try {
            assertThat(out()).isEqualTo("listening on http://127.0.0.1:" + service.port() + System.lineSeparator());
            assertThat(service.port()).isPositive();
            var health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        } finally {
            service.stop();
        }
    }

    @Test
    void sandboxPrintsTokenAccountsAndCommandsThatWork() throws Exception {
        var outcome = launch("--sandbox", "--port", "0");
        RunningService service = outcome.service().orElseThrow();
        try {
            String banner = out();
            assertThat(banner).contains("insightly", "pipeliner", "zendesk_sell", "nutshell", "monday_crm", "zoho_crm", "hubspot",
                    "pipedrive", "salesforce", "dynamics_365_sales", "truto_response_format=normalized",
                    "return_deleted_lead=true");
            assertThat(banner).endsWith("listening on http://127.0.0.1:" + service.port() + System.lineSeparator());
            var command = Pattern.compile("curl -s -i -X DELETE -H 'Authorization: Bearer ([A-Za-z0-9_-]+)' \\\\\\R  '([^']+)'")
                    .matcher(banner);
            var client = HttpClient.newHttpClient();
            int[] statuses = new int[14];
            String[] bodies = new String[14];
            int i = 0;
            while (command.find()) {
                var response = client.send(HttpRequest.newBuilder(URI.create(command.group(2))).DELETE()
                        .header("Authorization", "Bearer " + command.group(1)).build(), HttpResponse.BodyHandlers.ofString());
                bodies[i] = response.body();
                statuses[i++] = response.statusCode();
            }
            assertThat(i).isEqualTo(14);
            assertThat(statuses).containsExactly(200, 200, 200, 204, 200, 200, 200, 200, 200, 200, 200, 404, 404, 400);
            assertThat(bodies[4]).as("nutshell's unified answer").startsWith("{\"id\":\"1001-leads\",\"owner\":{\"id\":")
                    .contains("\"remote_data\":{\"meta\":");
        } finally {
            service.stop();
        }
    }

    @Test
    void aConfigurationFileThatCannotBeWrittenStopsTheSandboxWithOneLine() {
        Path file = dir.resolve("no-such-folder").resolve("sandbox-config.json");

        var outcome = launch("--sandbox", "--port", "0", "--write-config", file.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.service()).isEmpty();
        assertThat(err()).startsWith("cannot write the configuration file " + file + ": ").hasLineCount(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void theSandboxWritesItsConfigurationAndAServiceStartedWithItDeletesAtTheSimulators() throws Exception {
        Path file = dir.resolve("sandbox-config.json");
        RunningService sandbox = launch("--sandbox", "--port", "0", "--write-config", file.toString()).service().orElseThrow();
        try {
            String banner = out();
            assertThat(banner).contains("--config " + file);
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            var written = new ObjectMapper().readTree(file.toFile());
            assertThat(written.path("api_tokens")).hasSize(1);
            assertThat(written.path("accounts").findValuesAsText("integration"))
                    .containsExactly("insightly", "pipeliner", "zendesk_sell", "nutshell", "monday_crm", "zoho_crm", "hubspot",
                            "pipedrive", "salesforce", "dynamics_365_sales");
            assertThat(written.path("accounts").get(4).path("context").path("columns").path("owner").asText()).isEqualTo("person");

            var fromFile = new ByteArrayOutputStream();
            RunningService configured = Launcher.launch(new String[] {"--config", file.toString(), "--port", "0"},
                    new PrintStream(fromFile, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.<String, String>of()::get).service().orElseThrow();
            try {
                // The sandbox's own commands, sent to the service that read the file instead.
                var command = Pattern.compile("curl -s -i -X DELETE -H 'Authorization: Bearer ([A-Za-z0-9_-]+)' \\\\\\R  '[^']+?(/unified/[^']+)'")
                        .matcher(banner);
                var client = HttpClient.newHttpClient();
                var statuses = new ArrayList<Integer>();
                while (command.find()) {
                    var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + configured.port()
                                    + command.group(2))).DELETE().header("Authorization", "Bearer " + command.group(1)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    statuses.add(response.statusCode());
                }
                assertThat(statuses).containsExactly(200, 200, 200, 204, 200, 200, 200, 200, 200, 200, 200, 404, 404, 400);
            } finally {
                configured.stop();
            }
        } finally {
            sandbox.stop();
        }
    }

    @Test
    void aPipedriveOAuthAccountDeletesAtTheSimulatorKeepsTheRotatedRefreshTokenAndWarnsAtStartWithoutAStore() throws Exception {
        Path sandboxConfig = dir.resolve("sandbox-config.json");
        RunningService sandbox = launch("--sandbox", "--port", "0", "--write-config", sandboxConfig.toString()).service().orElseThrow();
        var startLog = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        var launcherLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Launcher.class);
        startLog.start();
        launcherLog.addAppender(startLog);
        try {
            String apiRoot = new ObjectMapper().readTree(sandboxConfig.toFile()).path("accounts").findParents("integration").stream()
                    .filter(account -> account.path("integration").asText().equals("pipedrive")).findFirst().orElseThrow()
                    .path("base_url").asText();
            String tokenUrl = apiRoot.replaceFirst("/api/v1$", "") + "/oauth/token";
            String account = "c4e8a2f0-1b3d-4c5e-9f7a-6b8d0e2f4a6c";
            String accountJson = ("{\"id\":\"%s\",\"integration\":\"pipedrive\",\"base_url\":%s,\"token_url\":%s,"
                    + "\"credentials\":{\"client_id\":\"sandbox-client\",\"client_secret\":\"sandbox-secret\","
                    + "\"refresh_token\":\"sandbox-refresh-token-0\"}}").formatted(account, jsonString(apiRoot), jsonString(tokenUrl));

            RunningService withoutStore = launch("--config", config("{\"api_tokens\":[\"t\"],\"accounts\":[" + accountJson + "]}")
                    .toString(), "--port", "0").service().orElseThrow();
            withoutStore.stop();
            assertThat(startLog.list).filteredOn(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).containsExactly("integrated account " + account + " (pipedrive) uses a refresh token that pipedrive rotates,"
                            + " and no credential_store is set: the rotated token lives only in memory, so a restart will need a"
                            + " new refresh token");
            startLog.list.clear();

            Path store = dir.resolve("credentials.json");
            RunningService service = launch("--config", config("{\"api_tokens\":[\"t\"],\"credential_store\":"
                    + jsonString(store.toString()) + ",\"accounts\":[" + accountJson + "]}").toString(), "--port", "0")
                    .service().orElseThrow();
            try {
                var client = HttpClient.newHttpClient();
                var statuses = new ArrayList<Integer>();
                for (String lead : new String[] {"1f0c3e20-db5a-11ee-a1b2-3d4e5f607182", "2a7d9b40-db5a-11ee-a1b2-3d4e5f607182",
                        "1f0c3e20-db5a-11ee-a1b2-3d4e5f607182"}) {
                    statuses.add(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                                    + "/unified/crm/leads/" + lead + "?integrated_account_id=" + account))
                            .DELETE().header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString()).statusCode());
                }
                assertThat(statuses).as("two seeded leads, then one already gone").containsExactly(200, 200, 404);
                assertThat(startLog.list).as("no warning with a credential store")
                        .noneMatch(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN);
                assertThat(new ObjectMapper().readTree(store.toFile()).path(account).path("refresh_token").asText())
                        .as("one token request, its rotated refresh token kept").isEqualTo("sandbox-refresh-token-1");
            } finally {
                service.stop();
            }
        } finally {
            launcherLog.detachAppender(startLog);
            sandbox.stop();
        }
    }
}
