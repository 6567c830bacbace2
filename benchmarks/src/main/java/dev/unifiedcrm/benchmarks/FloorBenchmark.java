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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The floor: the least a Java program can do to delete the lead, a bare
 * {@link java.net.http.HttpClient} DELETE over HTTP/1.1 with keep-alive, carrying the same headers
 * as the adapter, to the same stub, body read as bytes and nothing else.
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
    }

    @TearDown
    public void tearDown() {
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
}
