package dev.unifiedcrm.api.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

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
            "--port 8080"})
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
                + ": field x: unknown key (allowed here: accounts, api_tokens, audit_log, shared_state, timeouts)" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void portInUseExits1WithOneLine() throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            var outcome = launch("--config", config("{\"api_tokens\":[\"t\"],\"accounts\":[]}").toString(),
                    "--port", String.valueOf(taken.getLocalPort()));

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(err()).startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ":")
                    .hasLineCount(1);
            assertThat(out()).isEmpty();
        }
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
            assertThat(banner).contains("insightly", "pipeliner", "zendesk_sell", "nutshell", "truto_response_format=normalized",
                    "return_deleted_lead=true");
            assertThat(banner).endsWith("listening on http://127.0.0.1:" + service.port() + System.lineSeparator());
            var command = Pattern.compile("curl -s -i -X DELETE -H 'Authorization: Bearer ([A-Za-z0-9_-]+)' \\\\\\R  '([^']+)'")
                    .matcher(banner);
            var client = HttpClient.newHttpClient();
            int[] statuses = new int[7];
            String[] bodies = new String[7];
            int i = 0;
            while (command.find()) {
                var response = client.send(HttpRequest.newBuilder(URI.create(command.group(2))).DELETE()
                        .header("Authorization", "Bearer " + command.group(1)).build(), HttpResponse.BodyHandlers.ofString());
                bodies[i] = response.body();
                statuses[i++] = response.statusCode();
            }
            assertThat(i).isEqualTo(7);
            assertThat(statuses).containsExactly(200, 200, 200, 204, 200, 404, 400);
            assertThat(bodies[4]).as("nutshell's unified answer").startsWith("{\"id\":\"1001-leads\",\"owner\":{\"id\":")
                    .contains("\"remote_data\":{\"meta\":");
        } finally {
            service.stop();
        }
    }
}
