package dev.unifiedcrm.api.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A service started in this JVM through the real launcher, with a configuration file written by the test. */
final class RunningServiceFixture implements AutoCloseable {

    final RunningService service;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RunningServiceFixture(String configJson, Map<String, String> environment) throws IOException {
        Path file = Files.createTempFile("unified-crm-", ".json");
        Files.writeString(file, configJson);
        Launcher.Outcome outcome = Launcher.launch(new String[] {"--config", file.toString(), "--port", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment::get);
        service = outcome.service().orElseThrow(() -> new IllegalStateException(
                "the service did not start: " + err.toString(StandardCharsets.UTF_8)));
    }

    int port() {
        return service.port();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> delete(String pathAndQuery, String token) {
        var request = HttpRequest.newBuilder(uri(pathAndQuery)).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    @Override
    public void close() {
        service.stop();
    }
}
