package dev.unifiedcrm.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The floors, same stub, same headers as the adapter, body read as bytes and nothing else:
 * <ul>
 *   <li>{@link #httpClient()}: the floor, a bare {@link java.net.http.HttpClient} DELETE over
 *       HTTP/1.1 with keep-alive;</li>
 *   <li>{@link #rawSocket()}: the physical floor of one loopback exchange, the request's bytes written
 *       to a kept-alive socket and the answer read up to its {@code Content-Length}; no client can do
 *       less.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class FloorBenchmark {

    @Param({"insightly", "pipeliner", "zendesk_sell"})
    public String integration;

    private StubProvider stub;
    private HttpClient client;
    private URI url;
    private String authorization;
    private Socket socket;
    private OutputStream socketOut;
    private InputStream socketIn;
    private byte[] rawRequest;
    private final byte[] buffer = new byte[16384];

    @Setup
    public void setUp() throws IOException, InterruptedException {
        stub = StubProvider.start();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Provider provider = Provider.named(integration);
        url = provider.deleteUrl(stub.origin());
        authorization = provider.authorization;
        int status = httpClient().statusCode();
        if (status < 200 || status > 299) {
            throw new IllegalStateException(integration + ": the stub answered " + status + " to " + url);
        }
        socket = new Socket(url.getHost(), url.getPort());
        socket.setTcpNoDelay(true);
        socketOut = socket.getOutputStream();
        socketIn = socket.getInputStream();
        rawRequest = ("DELETE " + url.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                + "Authorization: " + authorization + "\r\n"
                + "Accept: application/json\r\n"
                + "User-Agent: unified-crm/bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        status = rawSocket();
        if (status < 200 || status > 299) {
            throw new IllegalStateException(integration + ": the stub answered " + status + " to the raw socket");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        socket.close();
        stub.close();
    }

    @Benchmark
    public HttpResponse<byte[]> httpClient() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .DELETE()
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", "unified-crm/bench")
                .timeout(Duration.ofSeconds(10))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Benchmark
    public int rawSocket() throws IOException {
        socketOut.write(rawRequest);
        socketOut.flush();
        int length = 0;
        int headerEnd;
        while ((headerEnd = headerEnd(buffer, length)) < 0) {
            length += readSome(length);
        }
        int bodyStart = headerEnd + 4;
        int bodyLength = contentLength(buffer, headerEnd);
        while (length < bodyStart + bodyLength) {
            length += readSome(length);
        }
        // "HTTP/1.1 204 ..."
        return (buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0');
    }

    private int readSome(int offset) throws IOException {
        int read = socketIn.read(buffer, offset, buffer.length - offset);
        if (read < 0) {
            throw new EOFException("the stub closed the connection");
        }
        return read;
    }

    private static int headerEnd(byte[] bytes, int length) {
        for (int i = 0; i + 3 < length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int contentLength(byte[] bytes, int headerEnd) {
        String head = new String(bytes, 0, headerEnd, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        int at = head.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int end = head.indexOf('\r', at + 2);
        return Integer.parseInt(head.substring(at + "\r\ncontent-length:".length(), end < 0 ? head.length() : end).trim());
    }
}
