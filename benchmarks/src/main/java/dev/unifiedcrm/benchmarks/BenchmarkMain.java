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

    private static final Set<String> JMH_ONLY = Set.of("-h", "-l", "-lp", "-lprof", "-lrf", "-v");

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
        Map<String, Result<?>> floor = new HashMap<>();
        for (RunResult run : results) {
            if (run.getParams().getBenchmark().endsWith("FloorBenchmark.httpClient")) {
                floor.put(run.getParams().getParam("integration"), run.getPrimaryResult());
            }
        }
        out.println("In-process delete against the loopback stub: library / bare HttpClient (target <= 1.10)");
        out.printf(Locale.ROOT, "%-13s %-11s %18s %18s %7s %10s%n",
                "integration", "format", "library us/op", "floor us/op", "ratio", "added us");
        for (RunResult run : sorted(results, "DeleteLeadBenchmark.library")) {
            String integration = run.getParams().getParam("integration");
            Result<?> library = run.getPrimaryResult();
            Result<?> base = floor.get(integration);
            out.printf(Locale.ROOT, "%-13s %-11s %18s %18s %7s %10s%n", integration, run.getParams().getParam("format"),
                    score(library), base == null ? "-" : score(base), base == null ? "-" : ratio(library, base),
                    base == null ? "-" : String.format(Locale.ROOT, "%+.1f", library.getScore() - base.getScore()));
        }
        List<RunResult> clients = sorted(results, "FeignClientBenchmark.delete");
        if (!clients.isEmpty()) {
            Result<?> base = floor.get("pipeliner");
            out.println();
            out.println("Feign transports, Pipeliner delete (200 + JSON body): Feign over each client / bare HttpClient");
            out.printf(Locale.ROOT, "%-16s %18s %7s%n", "client", "us/op", "ratio");
            for (RunResult run : clients) {
                out.printf(Locale.ROOT, "%-16s %18s %7s%n", run.getParams().getParam("client"),
                        score(run.getPrimaryResult()), base == null ? "-" : ratio(run.getPrimaryResult(), base));
            }
        }
        for (var entry : floor.entrySet()) {
            out.printf(Locale.ROOT, "floor %-13s %18s%n", entry.getKey(), score(entry.getValue()));
        }
    }

    private static List<RunResult> sorted(Collection<RunResult> results, String benchmarkSuffix) {
        return results.stream()
                .filter(run -> run.getParams().getBenchmark().endsWith(benchmarkSuffix))
                .toList();
    }

    private static String score(Result<?> result) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", result.getScore(), result.getScoreError());
    }

    private static String ratio(Result<?> numerator, Result<?> denominator) {
        return String.format(Locale.ROOT, "%.2f", numerator.getScore() / denominator.getScore());
    }
}
