package dev.unifiedcrm.benchmarks;

import dev.unifiedcrm.application.ApiResponse;
import dev.unifiedcrm.application.DeleteLeadCommand;
import dev.unifiedcrm.application.DeleteLeadUseCase;
import dev.unifiedcrm.application.ResponseFormat;
import dev.unifiedcrm.application.UnifiedAnswers;
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
import java.util.concurrent.TimeUnit;

/**
 * The library's delete, whole: use case, the real adapter found by discovery, its Feign client
 * and mapping, and the answer in the requested format, against the loopback stub. Compare with
 * {@link FloorBenchmark} from the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class DeleteLeadBenchmark {

    @Param({"insightly", "pipeliner", "zendesk_sell"})
    public String integration;

    @Param({"unified", "normalized", "raw"})
    public String format;

    private StubProvider stub;
    private DeleteLeadUseCase library;
    private DeleteLeadCommand command;

    @Setup
    public void setUp() throws IOException {
        stub = StubProvider.start();
        library = LibraryPath.wire(stub.origin());
        Provider provider = Provider.named(integration);
        command = DeleteLeadCommand.of(provider.accountId, provider.leadId)
                .withFormat(ResponseFormat.fromParameter(format).orElseThrow());
        ApiResponse first = UnifiedAnswers.answer(library, command);
        if (!first.isSuccess()) {
            throw new IllegalStateException(integration + "/" + format + ": the library answered " + first.status()
                    + " " + first.body() + "; the benchmark would measure a failure");
        }
    }

    @TearDown
    public void tearDown() {
        stub.close();
    }

    @Benchmark
    public ApiResponse library() {
        return UnifiedAnswers.answer(library, command);
    }
}
