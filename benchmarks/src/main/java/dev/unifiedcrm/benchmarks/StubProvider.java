package dev.unifiedcrm.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The three providers' documented delete successes, answered on loopback by the JDK's own HTTP
 * server: Insightly 202 without a body (with its rate-limit headers), Pipeliner 200
 * {@code {"success":true,"data":"<id>"}}, Zendesk Sell 204. Whatever else arrives is a 404, so a
 * wrong provider path shows up as a failed benchmark, not as a fast one.
 *
 * <p>Handlers run on the server's dispatcher thread: with one client thread that is the shortest
 * path, and the library and the floor pay it alike.
 */
final class StubProvider implements AutoCloseable {

    static {
        // Without TCP_NODELAY a response written as headers then body can wait for a delayed ACK (40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String INSIGHTLY_ROOT = "/insightly/v3.1";
    static final String PIPELINER_ROOT = "/pipeliner/api/v100/rest/spaces/bench";
    static final String ZENDESK_SELL_ROOT = "/sell/v2";

    private static final String INSIGHTLY_LEADS = INSIGHTLY_ROOT + "/Leads/";
    private static final String PIPELINER_LEADS = PIPELINER_ROOT + "/entities/Leads/";
    private static final String ZENDESK_SELL_LEADS = ZENDESK_SELL_ROOT + "/leads/";

    private final HttpServer server;

    private StubProvider(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    static StubProvider start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/", StubProvider::answer);
        server.setExecutor(null);
        server.start();
        return new StubProvider(server);
    }

    /** {@code http://127.0.0.1:PORT} */
    URI origin() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream ignored = exchange.getRequestBody()) {
            ignored.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("DELETE")) {
                exchange.sendResponseHeaders(405, -1);
            } else if (path.startsWith(INSIGHTLY_LEADS)) {
                exchange.getResponseHeaders().add("X-RateLimit-Limit", "100000");
                exchange.getResponseHeaders().add("X-RateLimit-Remaining", "99999");
                exchange.sendResponseHeaders(202, -1);
            } else if (path.startsWith(PIPELINER_LEADS)) {
                String id = path.substring(PIPELINER_LEADS.length());
                byte[] body = ("{\"success\":true,\"data\":\"" + id + "\"}").getBytes(StandardCharsets.US_ASCII);
                exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } else if (path.startsWith(ZENDESK_SELL_LEADS)) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
