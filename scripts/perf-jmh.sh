#!/usr/bin/env bash
# JMH benchmarks of the in-process path: the library's delete per integration and format
# against two floors (a bare java.net.http.HttpClient DELETE and a raw-socket exchange) on a
# loopback stub, and Feign over each HTTP client. Builds the `benchmarks` profile with the reactor,
# runs benchmarks.jar (any JMH option passes through: a regex, -f, -i, -wi, -prof gc, ...), keeps
# the raw output and JSON in PERF_OUT, and ends with the ratio table.
#   scripts/perf-jmh.sh                      # everything, annotation defaults (about 6 minutes)
#   scripts/perf-jmh.sh DeleteLead Floor     # the library and the floors only
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${PERF_OUT:-target/perf-jmh}
if [ "${PERF_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -Pbenchmarks -DskipTests package -pl benchmarks -am
fi
mkdir -p "$OUT"
{
  echo "perf-jmh: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1)"
} | tee "$OUT/header.txt"
java -jar benchmarks/target/benchmarks.jar -rf json -rff "$OUT/jmh.json" "$@" | tee "$OUT/jmh.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/header.txt"
