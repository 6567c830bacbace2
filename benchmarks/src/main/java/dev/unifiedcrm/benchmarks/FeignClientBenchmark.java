package dev.unifiedcrm.benchmarks;

import feign.Client;
import feign.Feign;
import feign.HeaderMap;
import feign.Logger;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Retryer;
import feign.Target;
import feign.http2client.Http2Client;
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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Which transport Feign should use, measured: the same Feign interface, built as the adapters
 * build theirs (raw {@link Response}, no retryer, no logging, per-call {@link Request.Options}),
 * over each client, deleting the Pipeliner lead (200 with a JSON body, the heaviest answer) on
 * the loopback stub. Compare with {@link FloorBenchmark}'s {@code pipeliner} row.
 *
 * <ul>
 *   <li>{@code default}: Feign's {@code Client.Default}, {@code HttpURLConnection} and the JDK's keep-alive cache;</li>
 *   <li>{@code java11}: {@code feign-java11}'s {@link Http2Client} over one shared {@link HttpClient} (HTTP/1.1);</li>
 *   <li>{@code okhttp}: one shared {@link okhttp3.OkHttpClient}, call timeout set once;</li>
 *   <li>{@code okhttp_per_call}: what the adapters do to bound each exchange, a client derived with
 *       {@code newBuilder()...build()} and a new Feign wrapper for every call (pool and dispatcher shared);</li>
 *   <li>{@code okhttp_call_timeout}: one shared client, the deadline set on each {@code Call}
 *       ({@link CallTimeoutOkHttpClient}).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class FeignClientBenchmark {

    interface StubClient {
        @RequestLine(value = "DELETE /entities/Leads/{id}", decodeSlash = false)
        Response delete(URI root, @feign.Param(value = "id", encoded = true) String id,
                        @HeaderMap Map<String, Object> headers, Request.Options options);
    }

    @Param({"default", "java11", "okhttp", "okhttp_per_call", "okhttp_call_timeout"})
    public String client;

    private StubProvider stub;
    private StubClient feign;
    private URI root;
    private okhttp3.OkHttpClient okHttp;

    @Setup
    public void setUp() throws IOException {
        stub = StubProvider.start();
        root = URI.create(stub.origin() + StubProvider.PIPELINER_ROOT);
        okHttp = new okhttp3.OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(5, TimeUnit.SECONDS)
                .callTimeout(10, TimeUnit.SECONDS)
                .build();
        Client transport = switch (client) {
            case "default" -> new Client.Default(null, null);
            case "java11" -> new Http2Client(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build());
            case "okhttp" -> new feign.okhttp.OkHttpClient(okHttp);
            case "okhttp_per_call" -> (request, options) -> new feign.okhttp.OkHttpClient(okHttp.newBuilder()
                    .callTimeout(options.readTimeout(), options.readTimeoutUnit())
                    .connectTimeout(options.connectTimeout(), options.connectTimeoutUnit())
                    .readTimeout(options.readTimeout(), options.readTimeoutUnit())
                    .followRedirects(false)
                    .followSslRedirects(false)
                    .build()).execute(request, options);
            case "okhttp_call_timeout" -> new CallTimeoutOkHttpClient(okHttp);
            default -> throw new IllegalArgumentException("unknown client " + client);
        };
        feign = Feign.builder()
                .client(transport)
                .retryer(Retryer.NEVER_RETRY)
                .logLevel(Logger.Level.NONE)
                .target(Target.EmptyTarget.create(StubClient.class));
        byte[] body = delete();
        if (body.length == 0) {
            throw new IllegalStateException(client + ": the stub sent no body");
        }
    }

    @TearDown
    public void tearDown() {
        stub.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    @Benchmark
    public byte[] delete() throws IOException {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Authorization", Provider.PIPELINER.authorization);
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "unified-crm/bench");
        var options = new Request.Options(5, TimeUnit.SECONDS, 10, TimeUnit.SECONDS, false);
        try (Response response = feign.delete(root, Provider.PIPELINER.leadId, headers, options);
             InputStream in = response.body().asInputStream()) {
            if (response.status() != 200) {
                throw new IllegalStateException(client + ": status " + response.status());
            }
            return in.readAllBytes();
        }
    }
}
