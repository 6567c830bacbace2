package dev.unifiedcrm.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.io.PrintStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs JMH with its usual command line, then prints what the raw scores are for: the library's
 * time per delete over the floor's, per integration and format (the target is at most
 * 1.10), and each Feign transport over the floor.
 */
public final class BenchmarkMain {

    private static final Set<String> JMH_ONLY = Set.of("-h", "-l", "-lp", "-lprof", "-lrf");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        if (args.length > 0 && JMH_ONLY.contains(args[0])) {
            try {
                org.openjdk.jmh.Main.main(args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        System.out.println();
        print(results, System.out);
    }

    static void print(Collection<RunResult> results, PrintStream out) {
        Map<String, Result<?>> floor = scores(results, "FloorBenchmark.httpClient");
        Map<String, Result<?>> socket = scores(results, "FloorBenchmark.rawSocket");
        out.println("In-process delete against the loopback stub, time per operation in microseconds (± 99.9% CI)");
        out.println("ratio = library / bare HttpClient (target <= 1.10); vs socket = library / raw-socket exchange");
        String row = "%-13s %-11s %16s %16s %6s %9s %16s %9s%n";
        out.printf(Locale.ROOT, row, "integration", "format", "library", "HttpClient", "ratio", "added",
                "raw socket", "vs socket");
        for (RunResult run : select(results, "DeleteLeadBenchmark.library")) {
            String integration = run.getParams().getParam("integration");
            Result<?> library = run.getPrimaryResult();
            Result<?> base = floor.get(integration);
            Result<?> bare = socket.get(integration);
            out.printf(Locale.ROOT, row, integration, run.getParams().getParam("format"), score(library),
                    score(base), ratio(library, base),
                    base == null ? "-" : String.format(Locale.ROOT, "%+.1f", library.getScore() - base.getScore()),
                    score(bare), ratio(library, bare));
        }
        if (!floor.isEmpty() || !socket.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%-13s %16s %16s%n", "floors", "HttpClient", "raw socket");
            for (String integration : List.of("insightly", "pipeliner", "zendesk_sell")) {
                out.printf(Locale.ROOT, "%-13s %16s %16s%n", integration, score(floor.get(integration)),
                        score(socket.get(integration)));
            }
        }
        List<RunResult> clients = select(results, "FeignClientBenchmark.delete");
        if (!clients.isEmpty()) {
            Result<?> base = floor.get("pipeliner");
            Result<?> bare = socket.get("pipeliner");
            out.println();
            out.println("Feign transports, Pipeliner delete (200 + JSON body), time per operation in microseconds");
            out.printf(Locale.ROOT, "%-20s %16s %12s %10s%n", "client", "Feign+client", "/HttpClient", "/socket");
            for (RunResult run : clients) {
                out.printf(Locale.ROOT, "%-20s %16s %12s %10s%n", run.getParams().getParam("client"),
                        score(run.getPrimaryResult()), ratio(run.getPrimaryResult(), base),
                        ratio(run.getPrimaryResult(), bare));
            }
        }
    }

    private static Map<String, Result<?>> scores(Collection<RunResult> results, String benchmarkSuffix) {
        Map<String, Result<?>> byIntegration = new HashMap<>();
        for (RunResult run : select(results, benchmarkSuffix)) {
            byIntegration.put(run.getParams().getParam("integration"), run.getPrimaryResult());
        }
        return byIntegration;
    }

    private static List<RunResult> select(Collection<RunResult> results, String benchmarkSuffix) {
        return results.stream()
                .filter(run -> run.getParams().getBenchmark().endsWith(benchmarkSuffix))
                .toList();
    }

    private static String score(Result<?> result) {
        if (result == null) {
            return "-";
        }
        double error = result.getScoreError();
        return Double.isNaN(error)
                ? String.format(Locale.ROOT, "%.1f", result.getScore())
                : String.format(Locale.ROOT, "%.1f ± %.1f", result.getScore(), error);
    }

    private static String ratio(Result<?> numerator, Result<?> denominator) {
        if (denominator == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", numerator.getScore() / denominator.getScore());
    }
}
