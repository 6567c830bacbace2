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

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP service's delete, whole: {@code DELETE /unified/crm/leads/{id}} on a kept-alive
 * connection to the service jar running in this JVM (routing, token check, query parsing, the use
 * case with retries and pacing, the adapter, the audit log forced to disk, metrics, the access log
 * line, the JSON answer), against the loopback {@link StubProvider}.
 *
 * <p>The service is loaded from its jar ({@code serviceJar}, default the one the build makes) in a
 * class loader of its own and started through its {@code main}, as {@code java -jar} would. So the
 * same benchmark measures any build of the service: give two jars to compare them in one run
 * ({@code -p serviceJar=old.jar,api-http/target/api-http.jar}). With {@code -prof gc} the
 * allocation per operation counts every thread: the service's, this client's (a few hundred bytes)
 * and the stub's; {@link FloorBenchmark#rawSocket} gives the stub's share.
 *
 * <p>The service's log lines go to a discarding stream while the benchmark runs: they are written
 * (formatted, encoded, locked) as in production, only not shown.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xms96m", "-Xmx96m", "-XX:MaxMetaspaceSize=128m"})
public class ServiceDeleteBenchmark {

    private static final String TOKEN = "bench-api-token";
    private static final Pattern LISTENING = Pattern.compile("listening on http://([^:/]+):(\\d+)");

    @Param({"insightly", "pipeliner", "zendesk_sell"})
    public String integration;

    /** The service jar to run, absolute or relative to the working directory. */
    @Param({"api-http/target/api-http.jar"})
    public String serviceJar;

    private StubProvider stub;
    private Path workDirectory;
    private PrintStream originalErr;
    private Socket socket;
    private OutputStream socketOut;
    private InputStream socketIn;
    private byte[] request;
    private final byte[] buffer = new byte[64 * 1024];

    @Setup
    public void setUp() throws Exception {
        Path jar = Path.of(serviceJar).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no service jar at " + jar + ": build it first"
                    + " (./mvnw -B -pl api-http -am -Dmaven.test.skip=true package) or pass -p serviceJar=PATH");
        }
        stub = StubProvider.start();
        workDirectory = Files.createTempDirectory("unified-crm-bench");
        Provider provider = Provider.named(integration);
        Path config = Files.writeString(workDirectory.resolve("config.json"), configuration(provider));
        originalErr = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        URI service = start(jar, config);
        socket = new Socket(service.getHost(), service.getPort());
        socket.setTcpNoDelay(true);
        socketOut = socket.getOutputStream();
        socketIn = socket.getInputStream();
        request = ("DELETE /unified/crm/leads/" + provider.leadId + "?integrated_account_id=" + provider.accountId.value()
                + " HTTP/1.1\r\n"
                + "Host: " + service.getHost() + ":" + service.getPort() + "\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\n"
                + "Accept: application/json\r\n"
                + "User-Agent: unified-crm/bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int status = delete();
        if (status != 200) {
            throw new IllegalStateException(integration + ": the service answered " + status + ": "
                    + new String(buffer, 0, Math.min(buffer.length, 2000), StandardCharsets.UTF_8));
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        socket.close();
        stub.close();
        System.setErr(originalErr);
        // The service stops in its shutdown hook when this fork exits; its audit file goes with the folder then.
        workDirectory.toFile().deleteOnExit();
    }

    @Benchmark
    public int delete() throws IOException {
        socketOut.write(request);
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
        if (length != bodyStart + bodyLength) {
            throw new IllegalStateException("more bytes than one answer: the service sent something unexpected");
        }
        // "HTTP/1.1 200 ..."
        return (buffer[9] - '0') * 100 + (buffer[10] - '0') * 10 + (buffer[11] - '0');
    }

    /** Runs the jar's main class in a class loader that sees only the jar and the JDK; returns its address. */
    private static URI start(Path jar, Path config) throws Exception {
        var loader = new URLClassLoader("service", new URL[]{jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        String mainClass;
        try (var jarFile = new java.util.jar.JarFile(jar.toFile())) {
            mainClass = jarFile.getManifest().getMainAttributes().getValue("Main-Class");
        }
        PrintStream originalOut = System.out;
        var printed = new ByteArrayOutputStream();
        Thread thread = Thread.currentThread();
        ClassLoader originalContext = thread.getContextClassLoader();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            thread.setContextClassLoader(loader);
            loader.loadClass(mainClass).getMethod("main", String[].class)
                    .invoke(null, (Object) new String[]{"--config", config.toString(), "--host", "127.0.0.1", "--port", "0"});
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the service did not start", e.getCause());
        } finally {
            thread.setContextClassLoader(originalContext);
            System.setOut(originalOut);
        }
        Matcher listening = LISTENING.matcher(printed.toString(StandardCharsets.UTF_8));
        if (!listening.find()) {
            throw new IllegalStateException("the service printed no 'listening on' line: " + printed);
        }
        return URI.create("http://" + listening.group(1) + ":" + listening.group(2));
    }

    private String configuration(Provider provider) {
        var credentials = new StringBuilder();
        provider.secrets.forEach((name, value) -> credentials.append(credentials.length() == 0 ? "" : ", ")
                .append('"').append(name).append("\": \"").append(value).append('"'));
        var context = new StringBuilder();
        provider.context.forEach((name, value) -> context.append(context.length() == 0 ? "" : ", ")
                .append('"').append(name).append("\": \"").append(value).append('"'));
        return """
                {
                  "api_tokens": ["%s"],
                  "audit_log": "%s",
                  "accounts": [
                    { "id": "%s", "integration": "%s", "base_url": "%s", "context": { %s },
                      "credentials": { %s }, "rate_limit": { "requests_per_second": 0 } }
                  ]
                }
                """.formatted(TOKEN, workDirectory.resolve("audit.jsonl"), provider.accountId.value(),
                provider.integration.name(), stub.origin() + provider.root, context, credentials);
    }

    private int readSome(int offset) throws IOException {
        int read = socketIn.read(buffer, offset, buffer.length - offset);
        if (read < 0) {
            throw new EOFException("the service closed the connection");
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
        if (head.contains("\r\ntransfer-encoding:")) {
            throw new IllegalStateException("a chunked answer: this client reads answers with a Content-Length only");
        }
        int at = head.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return 0;
        }
        int end = head.indexOf('\r', at + 2);
        return Integer.parseInt(head.substring(at + "\r\ncontent-length:".length(), end < 0 ? head.length() : end).trim());
    }
}
