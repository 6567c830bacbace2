#!/usr/bin/env bash
# Start-up of api-http.jar under several JVM flag sets: the time from `java -jar` to the first 200
# on /health (median of PERF_STARTS starts) and the resident set right after it (VmRSS).
# The target: under 1.5 s. Needs curl; builds nothing (run ./mvnw -B -q -DskipTests package first).
#   scripts/perf-startup.sh                         # the flag sets below
#   scripts/perf-startup.sh "-Xmx64m" "-XX:+UseSerialGC" # flag sets of your own, one per argument
#   PERF_JAR=/path/to/other/api-http.jar scripts/perf-startup.sh
#   scripts/perf-startup.sh "jar=/path/to/old/api-http.jar -XX:+UseSerialGC" "@archive -XX:+UseSerialGC"
# A word "jar=PATH" in a flag set starts that jar instead of PERF_JAR (default api-http/target/api-http.jar).
# In a flag set, "@archive" stands for the class-data archive the build wrote next to the jar
# (api-http.jsa, from a training run of the sandbox: the README's run command uses it), and "@appcds"
# for an archive made here by one start of the jar to its first /health under -XX:ArchiveClassesAtExit.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/perf-lib.sh
. scripts/perf-lib.sh
JAR=${PERF_JAR:-api-http/target/api-http.jar}
STARTS=${PERF_STARTS:-5}
[ -f "$JAR" ] || { echo "$JAR is missing: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
if [ $# -gt 0 ]; then
  FLAG_SETS=("$@")
else
  FLAG_SETS=(
    ""
    "$RUN_FLAGS"
    "$RUN_FLAGS -XX:TieredStopAtLevel=1"
    "$RUN_FLAGS @appcds"
  )
  if [ -n "$(archive_of "$JAR" || true)" ]; then FLAG_SETS+=("@archive $RUN_FLAGS"); fi
fi
TMP=$(mktemp -d /tmp/perf-startup.XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cat >"$TMP/config.json" <<JSON
{
  "api_tokens": ["perf-startup-token"],
  "accounts": [
    { "id": "0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01", "integration": "zendesk_sell",
      "base_url": "http://127.0.0.1:9/sell/v2", "credentials": { "access_token": "perf" },
      "rate_limit": { "requests_per_second": 0 } }
  ]
}
JSON
start_and_wait() { # flags port: starts the service into PID, waits for /health 200
  local jar=$JAR flags="" word
  for word in $1; do
    case $word in jar=*) jar=${word#jar=} ;; *) flags="$flags $word" ;; esac
  done
  [ -f "$jar" ] || { echo "$jar is missing" >&2; exit 1; }
  # shellcheck disable=SC2086
  java $flags -jar "$jar" --config "$TMP/config.json" --port "$2" >/dev/null 2>"$TMP/err" &
  PID=$!
  local code=000
  for _ in $(seq 1 3000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$2/health" || true)
    [ "$code" = 200 ] && return
    kill -0 "$PID" 2>/dev/null || { cat "$TMP/err" >&2; exit 1; }
    sleep 0.005
  done
  echo "no /health 200 with flags: $1" >&2
  exit 1
}
echo "perf-startup: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $STARTS starts each"
printf '%9s %9s %9s %8s  %s\n' median_ms min_ms max_ms rss_mib flags
for flags in "${FLAG_SETS[@]}"; do
  times=()
  rss=0
  label=$flags
  if [[ " $flags " == *" @archive "* ]]; then
    jar=$JAR
    for word in $flags; do case $word in jar=*) jar=${word#jar=} ;; esac; done
    archive=$(archive_of "$jar" || true)
    [ -n "$archive" ] || { echo "no class-data archive next to $jar (the build writes ${jar%.jar}.jsa)" >&2; exit 1; }
    flags=${flags//@archive/-XX:SharedArchiveFile=$archive}
  fi
  if [[ " $flags " == *" @appcds "* ]]; then
    base=${flags//@appcds/}
    start_and_wait "$base -XX:ArchiveClassesAtExit=$TMP/app.jsa" "$(free_port)"
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
    flags="$base -XX:SharedArchiveFile=$TMP/app.jsa"
  fi
  for _ in $(seq 1 "$STARTS"); do
    started=$(date +%s%N)
    start_and_wait "$flags" "$(free_port)"
    times+=($(( ($(date +%s%N) - started) / 1000000 )))
    rss=$(awk '/^VmRSS:/ {print int($2 / 1024)}' "/proc/$PID/status")
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  printf '%9s %9s %9s %8s  %s\n' "${sorted[$(( ${#sorted[@]} / 2 ))]}" "${sorted[0]}" "${sorted[-1]}" "$rss" "${label:-(JVM defaults)}"
done
