package dev.unifiedcrm.domain.contract;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider stand-in on a raw loopback socket, for what WireMock cannot do: close a kept-alive
 * connection silently, answer HTTP/1.0, reset a connection after reading the request, speak TLS
 * badly. Each accepted connection is served by the script on its own thread; the requests read on
 * each connection are recorded, in order.
 */
final class RawProvider implements AutoCloseable {

    @FunctionalInterface
    interface Script {
        void serve(int connection, Socket socket, RawProvider provider) throws Exception;
    }

    private final ServerSocket server;
    private final List<List<String>> requests = new CopyOnWriteArrayList<>();
    private final List<LeadDeletionPortContract.StepBeforeDelete> steps;

    private RawProvider(ServerSocket server, List<LeadDeletionPortContract.StepBeforeDelete> steps, Script script) {
        this.server = server;
        this.steps = List.copyOf(steps);
        var acceptor = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket socket = server.accept();
                    int connection;
                    synchronized (requests) {
                        connection = requests.size();
                        requests.add(new CopyOnWriteArrayList<>());
                    }
                    var worker = new Thread(() -> {
                        try (socket) {
                            script.serve(connection, socket, this);
                        } catch (Exception closedOrReset) {
                            // the client went away, or the script broke the connection on purpose
                        }
                    }, "raw-provider-" + connection);
                    worker.setDaemon(true);
                    worker.start();
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "raw-provider");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @param steps the requests an adapter sends before its delete, answered by the provider itself */
    static RawProvider start(List<LeadDeletionPortContract.StepBeforeDelete> steps, Script script) throws IOException {
        return new RawProvider(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), steps, script);
    }

    URI baseUrl(String scheme, String root) {
        return URI.create(scheme + "://127.0.0.1:" + server.getLocalPort() + root);
    }

    /**
     * The request lines read on each connection, one list per accepted connection that carried a
     * request other than a step before the delete.
     */
    List<List<String>> requestsPerConnection() {
        return requests.stream().filter(lines -> !lines.isEmpty()).map(List::copyOf).toList();
    }

    /**
     * Reads one request on {@code socket} (line, headers and a {@code Content-Length} body) and returns
     * its request line; null at end of stream. A request that is one of the steps an adapter takes
     * before its delete is answered here (with {@code Connection: close}, so the delete comes on a
     * connection of its own), not recorded, and ends the connection: null.
     */
    String readRequest(int connection, Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int length = 0;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String requestLine = lines[0];
        for (LeadDeletionPortContract.StepBeforeDelete step : steps) {
            if (step.matches(requestLine, body)) {
                answer(socket.getOutputStream(), "HTTP/1.1", step.answer(), "Connection: close");
                socket.close();
                return null;
            }
        }
        requests.get(connection).add(requestLine);
        return requestLine;
    }

    /** Writes a WireMock answer as raw HTTP with a {@code Content-Length}, in the given protocol, plus extra header lines. */
    static void answer(OutputStream out, String protocol, ResponseDefinitionBuilder answer, String... extraHeaders)
            throws IOException {
        ResponseDefinition definition = answer.build();
        byte[] body = definition.specifiesBodyContent() ? definition.getByteBody() : new byte[0];
        var head = new StringBuilder(protocol).append(' ').append(definition.getStatus()).append(" Answer\r\n");
        List<String> lines = new ArrayList<>();
        if (definition.getHeaders() != null) {
            for (HttpHeader header : definition.getHeaders().all()) {
                String name = header.key().toLowerCase(Locale.ROOT);
                if (!name.equals("content-length") && !name.equals("connection") && !name.equals("transfer-encoding")) {
                    header.values().forEach(value -> lines.add(header.key() + ": " + value));
                }
            }
        }
        lines.add("Content-Length: " + body.length);
        lines.addAll(List.of(extraHeaders));
        lines.forEach(line -> head.append(line).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
