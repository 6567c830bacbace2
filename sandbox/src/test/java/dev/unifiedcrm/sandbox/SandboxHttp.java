package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Test client for the simulators: the JDK's HttpClient, plus a raw socket for what that client cannot send. */
final class SandboxHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxHttp() {
    }

    static HttpResponse<String> send(String method, URI uri, String... headers) {
        return send(method, uri, HttpRequest.BodyPublishers.noBody(), headers);
    }

    /** Sends {@code body} (UTF-8) as the request body, for GraphQL documents and token grants. */
    static HttpResponse<String> sendBody(String method, URI uri, String body, String... headers) {
        return send(method, uri, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), headers);
    }

    private static HttpResponse<String> send(String method, URI uri, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .method(method, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST with a body, as OAuth clients send token requests. */
    static HttpResponse<String> post(URI uri, String body, String... headers) {
        return sendBody("POST", uri, body, headers);
    }

    /** An access token from the demo account's OAuth token endpoint (refresh grant, client by Basic). */
    static String accessToken(DemoAccount account) {
        var credentials = account.credentials();
        HttpRequest request = HttpRequest.newBuilder(account.tokenUrl().orElseThrow())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(credentials.get("client_id"), credentials.get("client_secret")))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + credentials.get("refresh_token")))
                .build();
        try {
            return json(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An access token of a demo account with Entra ID client credentials, asked for as the Dynamics 365 Sales adapter
     * does: form fields, the scope of {@code base_url}'s origin.
     */
    static String clientCredentialsToken(DemoAccount account) {
        var credentials = account.credentials();
        URI base = account.baseUrl();
        String form = "grant_type=client_credentials&client_id=" + encode(credentials.get("client_id"))
                + "&client_secret=" + encode(credentials.get("client_secret"))
                + "&scope=" + encode(base.getScheme() + "://" + base.getRawAuthority() + "/.default");
        HttpRequest request = HttpRequest.newBuilder(account.tokenUrl().orElseThrow())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return json(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static URI lead(DemoAccount account, String pathToLeads, String id) {
        return URI.create(account.baseUrl() + pathToLeads + id);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** Sends {@code requestHead} (request line and headers, CRLF-separated, without the final blank line). */
    static String raw(URI server, String requestHead) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int statusOf(String rawAnswer) {
        return Integer.parseInt(rawAnswer.substring(rawAnswer.indexOf(' ') + 1, rawAnswer.indexOf(' ') + 4));
    }

    static String bodyOf(String rawAnswer) {
        return rawAnswer.substring(rawAnswer.indexOf("\r\n\r\n") + 4);
    }
}
