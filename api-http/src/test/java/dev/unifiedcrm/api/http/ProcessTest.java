package dev.unifiedcrm.api.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real JVM running {@link Main}: exit statuses, the streams, SIGTERM. */
class ProcessTest {

    @TempDir
    Path dir;

    Process start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("PROCESS_TEST_TOKEN", "process-secret-token");
        return builder.start();
    }

    @Test
    void badConfigurationExits2WithOneLineOnStandardError() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"api_tokens\":[\"${env:PROCESS_TEST_TOKEN}\"],\"accounts\":[{\"integration\":\"insightly\"}]}");

        Process process = start("--config", file.toString());

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).isEqualTo("invalid configuration file " + file + ": accounts[0]: field id: is required\n");
        assertThat(process.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void anAuditLogThatCannotBeOpenedExits2WithOneLineOnStandardError() throws Exception {
        Path audit = dir.resolve("no-such-folder").resolve("audit.jsonl");
        Path file = dir.resolve("audited.json");
        Files.writeString(file, "{\"api_tokens\":[\"${env:PROCESS_TEST_TOKEN}\"],\"accounts\":[],\"audit_log\":"
                + LauncherTest.jsonString(audit.toString()) + "}");

        Process process = start("--config", file.toString(), "--port", "0");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).hasLineCount(1).startsWith("invalid configuration file " + file + ": field audit_log: the audit log " + audit)
                .doesNotContain("process-secret-token");
        assertThat(process.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void servesUntilSigtermThenExitsCleanly() throws Exception {
        Path file = dir.resolve("good.json");
        Files.writeString(file, "{\"api_tokens\":[\"${env:PROCESS_TEST_TOKEN}\"],\"accounts\":[]}");
        Process process = start("--config", file.toString(), "--port", "0");
        try {
            var stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            assertThat(line).matches("listening on http://127\\.0\\.0\\.1:[0-9]+");
            var health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(line.substring("listening on ".length()) + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            // kill(1) rather than Process.destroy(), which also closes this side's pipes.
            new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isIn(0, 143);
            assertThat(stdout.readLine()).isNull();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(err).contains("started", "GET /health 200", "stopping", "stopped")
                    .doesNotContain("process-secret-token");
        } finally {
            process.destroyForcibly();
        }
    }
}
