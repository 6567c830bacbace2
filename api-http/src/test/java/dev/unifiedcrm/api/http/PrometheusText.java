package dev.unifiedcrm.api.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A scrape in the Prometheus text format, read into series: name, labels, value. */
final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final Map<String, Map<Map<String, String>, Double>> series;

    private PrometheusText(Map<String, Map<Map<String, String>, Double>> series) {
        this.series = series;
    }

    static PrometheusText parse(String text) {
        var series = new LinkedHashMap<String, Map<Map<String, String>, Double>>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
            var labels = new TreeMap<String, String>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                int end = 0;
                while (label.find() && label.start() == end) {
                    labels.put(label.group(1), label.group(2));
                    end = label.end();
                }
                assertThat(end).as("labels of %s", line).isEqualTo(sample.group(2).length());
            }
            Double previous = series.computeIfAbsent(sample.group(1), name -> new LinkedHashMap<>())
                    .put(labels, Double.parseDouble(sample.group(3)));
            assertThat(previous).as("one sample per series: %s", line).isNull();
        }
        return new PrometheusText(series);
    }

    /** The value of the series with exactly these labels (name, value, name, value, ...). */
    double value(String name, String... labels) {
        var wanted = new TreeMap<String, String>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        Double value = series(name).get(wanted);
        assertThat(value).as("series %s%s in %s", name, wanted, series.getOrDefault(name, Map.of()).keySet()).isNotNull();
        return value;
    }

    Map<Map<String, String>, Double> series(String name) {
        return series.getOrDefault(name, Map.of());
    }

    double sum(String name) {
        return series(name).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    List<String> names() {
        return List.copyOf(series.keySet());
    }
}
