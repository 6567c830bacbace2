import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fake Insightly, Pipeliner and Zendesk Sell APIs on the loopback interface, for load runs only.
 * The last digit of the lead id decides the answer, so a run mixes successes and provider errors:
 * 7 is a 404, 8 a 422, 9 a 503 (retried by the service, then a 502); anything else succeeds.
 * Usage: java FakeProviders.java PORT
 */
public final class FakeProviders {

    private static final AtomicLong REQUESTS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", FakeProviders::answer);
        server.createContext("/requests", exchange -> send(exchange, 200, "text/plain", String.valueOf(REQUESTS.get())));
        server.start();
        System.out.println("fake providers on http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        REQUESTS.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String id = path.substring(path.lastIndexOf('/') + 1);
        char last = id.isEmpty() ? '0' : id.charAt(id.length() - 1);
        if (!"DELETE".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "application/json", "{\"Message\":\"method\"}");
        } else if (last == '7') {
            send(exchange, 404, "application/json", "{\"Message\":\"no such lead\",\"message\":\"no such lead\"}");
        } else if (last == '8') {
            send(exchange, 422, "application/json", "{\"Message\":\"cannot delete\",\"message\":\"cannot delete\"}");
        } else if (last == '9') {
            send(exchange, 503, "text/plain", "busy");
        } else if (path.startsWith("/pipeliner/")) {
            send(exchange, 200, "application/json", "{\"success\":true,\"data\":\"" + id + "\"}");
        } else if (path.startsWith("/sell/")) {
            send(exchange, 204, null, "");
        } else {
            exchange.getResponseHeaders().add("X-RateLimit-Limit", "100000");
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "99999");
            send(exchange, 202, null, "");
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
