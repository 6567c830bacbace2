#!/usr/bin/env bash
# A/B comparison of two api-http runs on a busy machine: both services run side by side against the
# same nginx stub provider, and wrk loads them in turns (A, B, A, B, ...), so that each pair of runs
# shares the machine's state. Prints each round and the medians: requests/second, p50, p99, and the
# service's CPU time per request (the figure least moved by other load).
#
#   PERF_A_JAR / PERF_B_JAR    jars to compare (default: api-http/target/api-http.jar for both)
#   PERF_A_FLAGS / PERF_B_FLAGS JVM flags of each (default: the run command's flags for both)
#   PERF_ROUNDS (5)  PERF_DURATION (10s)  PERF_CONNECTIONS (32)  PERF_THREADS (2)
#   warm-up until each JIT settles: PERF_WARMUP_STEP (5s)  PERF_WARMUP_MAX (300 s) and the other
#   PERF_WARMUP_* / PERF_SETTLE_* knobs of warm_until_settled in perf-lib.sh
#   PERF_INTEGRATION (pipeliner)  PERF_FORMAT (unified)
#   PERF_A_AUDIT / PERF_B_AUDIT (1): 0 runs that service without an audit_log
# Example: does a 16-thread server pool beat the default?
#   PERF_B_FLAGS="$DEFAULT -Dsome.flag=16" scripts/perf-ab.sh
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/perf-lib.sh
. scripts/perf-lib.sh
DEFAULT_FLAGS=$RUN_FLAGS
A_JAR=${PERF_A_JAR:-api-http/target/api-http.jar}
B_JAR=${PERF_B_JAR:-api-http/target/api-http.jar}
A_FLAGS=${PERF_A_FLAGS:-$DEFAULT_FLAGS}
B_FLAGS=${PERF_B_FLAGS:-$DEFAULT_FLAGS}
ROUNDS=${PERF_ROUNDS:-5}
DURATION=${PERF_DURATION:-10s}
WARMUP_STEP=${PERF_WARMUP_STEP:-5s}
CONNECTIONS=${PERF_CONNECTIONS:-32}
THREADS=${PERF_THREADS:-2}
INTEGRATION=${PERF_INTEGRATION:-pipeliner}
FORMAT=${PERF_FORMAT:-unified}


ensure_tools nginx wrk curl
[ -f "$A_JAR" ] && [ -f "$B_JAR" ] || die "build the jars first (./mvnw -B -q -DskipTests package)"

TMP=$(mktemp -d /tmp/perf-ab.XXXXXX)
chmod 755 "$TMP"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

STUB_PORT=$(free_port)
A_PORT=$(free_port)
B_PORT=$(free_port)
STUB=http://127.0.0.1:$STUB_PORT

mkdir -p "$TMP/nginx/logs"
cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  client_body_temp_path $TMP/nginx/client_body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
$(stub_provider_server "$STUB_PORT")
}
EOF
"$NGINX" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=($!)

case $INTEGRATION in
  insightly) ACCOUNT=5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12 LEAD=4242424242
    ACCOUNT_JSON="\"integration\": \"insightly\", \"base_url\": \"$STUB/insightly/v3.1\", \"credentials\": { \"api_key\": \"k\" }" ;;
  pipeliner) ACCOUNT=9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23 LEAD=8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90
    ACCOUNT_JSON="\"integration\": \"pipeliner\", \"base_url\": \"$STUB/pipeliner/api/v100/rest/spaces/bench\", \"context\": { \"space_id\": \"bench\" }, \"credentials\": { \"username\": \"u\", \"password\": \"p\" }" ;;
  zendesk_sell) ACCOUNT=0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01 LEAD=4242424242
    ACCOUNT_JSON="\"integration\": \"zendesk_sell\", \"base_url\": \"$STUB/sell/v2\", \"credentials\": { \"access_token\": \"t\" }" ;;
  *) die "unknown integration $INTEGRATION" ;;
esac
TOKEN=perf-ab-$RANDOM$RANDOM
start_service() { # name jar flags port
  local audit_var="PERF_${1}_AUDIT" audit=""
  [ "${!audit_var:-1}" = 1 ] && audit="\"audit_log\": \"$TMP/$1-audit.jsonl\","
  cat >"$TMP/$1.json" <<EOF
{ "api_tokens": ["$TOKEN"], $audit
  "accounts": [ { "id": "$ACCOUNT", $ACCOUNT_JSON, "rate_limit": { "requests_per_second": 0 } } ] }
EOF
  # shellcheck disable=SC2086
  java $3 -jar "$2" --config "$TMP/$1.json" --port "$4" >/dev/null 2>"$TMP/$1.err" &
  PIDS+=($!)
  eval "${1}_PID=$!"
  for _ in $(seq 1 1000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$4/health" || true)" = 200 ] && return
    sleep 0.02
  done
  cat "$TMP/$1.err" >&2
  die "service $1 did not start"
}
start_service A "$A_JAR" "$A_FLAGS" "$A_PORT"
start_service B "$B_JAR" "$B_FLAGS" "$B_PORT"
PATH_QUERY="/unified/crm/leads/$LEAD?integrated_account_id=$ACCOUNT&truto_response_format=$FORMAT"
for port in "$A_PORT" "$B_PORT"; do
  code=$(curl -s -o "$TMP/check" -w '%{http_code}' -X DELETE -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port$PATH_QUERY")
  [ "$code" = 200 ] || { cat "$TMP/check" >&2; die "service on $port answered $code"; }
done
printf 'wrk.method = "DELETE"\nwrk.headers["Authorization"] = "Bearer %s"\n' "$TOKEN" >"$TMP/load.lua"

HZ=$(getconf CLK_TCK)
run() { # name port duration -> "req/s p50 p99 cpu_us_per_req"
  local pid_var="${1}_PID" before after file="$TMP/wrk-$1.txt" requests
  before=$(awk '{print $14 + $15}' "/proc/${!pid_var}/stat")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --timeout 5s --latency -s "$TMP/load.lua" "http://127.0.0.1:$2$PATH_QUERY" >"$file" 2>&1
  after=$(awk '{print $14 + $15}' "/proc/${!pid_var}/stat")
  requests=$(awk '/requests in/ {print $1}' "$file")
  if grep -q "Non-2xx" "$file"; then die "$1 answered errors: $(grep Non-2xx "$file")"; fi
  printf '%s %s %s %s\n' "$(awk '/^Requests\/sec:/ {print $2}' "$file")" \
    "$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")" "$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")" \
    "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$HZ" 'BEGIN {printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}')"
}
command -v jstat >/dev/null 2>&1 || die "jstat (part of the JDK) is missing: install a full JDK 17"
warm_a() { run A "$A_PORT" "$WARMUP_STEP" >/dev/null; }
warm_b() { run B "$B_PORT" "$WARMUP_STEP" >/dev/null; }
log "warming A up until its JIT settles"
warm_until_settled "$A_PID" warm_a
A_WARMUP="${WARMUP_SECONDS}s, $WARMUP_COMPILED methods compiled, settled: $WARMUP_SETTLED"
log "warming B up until its JIT settles"
warm_until_settled "$B_PID" warm_b
B_WARMUP="${WARMUP_SECONDS}s, $WARMUP_COMPILED methods compiled, settled: $WARMUP_SETTLED"
echo "perf-ab: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$INTEGRATION, format=$FORMAT, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS rounds"
echo "A: $A_FLAGS -jar $A_JAR (audit log: ${PERF_A_AUDIT:-1}; warm-up $A_WARMUP)"
echo "B: $B_FLAGS -jar $B_JAR (audit log: ${PERF_B_AUDIT:-1}; warm-up $B_WARMUP)"
printf '%-6s %10s %9s %9s %9s   %10s %9s %9s %9s\n' round "A req/s" "A p50" "A p99" "A cpu/req" "B req/s" "B p50" "B p99" "B cpu/req"
: >"$TMP/a.txt"; : >"$TMP/b.txt"
for round in $(seq 1 "$ROUNDS"); do
  # Alternate who goes first, so neither always follows the other.
  if [ $((round % 2)) = 1 ]; then a=$(run A "$A_PORT" "$DURATION"); b=$(run B "$B_PORT" "$DURATION")
  else b=$(run B "$B_PORT" "$DURATION"); a=$(run A "$A_PORT" "$DURATION"); fi
  echo "$a" >>"$TMP/a.txt"; echo "$b" >>"$TMP/b.txt"
  # shellcheck disable=SC2086
  printf '%-6s %10.0f %9.3f %9.3f %9.1f   %10.0f %9.3f %9.3f %9.1f\n' "$round" $a $b
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
m() { awk -v c="$2" '{print $c}' "$1" | median; }
printf '%-6s %10.0f %9.3f %9.3f %9.1f   %10.0f %9.3f %9.3f %9.1f\n' median \
  "$(m "$TMP/a.txt" 1)" "$(m "$TMP/a.txt" 2)" "$(m "$TMP/a.txt" 3)" "$(m "$TMP/a.txt" 4)" \
  "$(m "$TMP/b.txt" 1)" "$(m "$TMP/b.txt" 2)" "$(m "$TMP/b.txt" 3)" "$(m "$TMP/b.txt" 4)"
echo "B/A req/s: $(awk -v a="$(m "$TMP/a.txt" 1)" -v b="$(m "$TMP/b.txt" 1)" 'BEGIN {printf "%.2f", b / a}');" \
  "B/A cpu per request: $(awk -v a="$(m "$TMP/a.txt" 4)" -v b="$(m "$TMP/b.txt" 4)" 'BEGIN {printf "%.2f", b / a}')"
echo "peak RSS (VmHWM): A $(awk '/^VmHWM:/ {print int($2 / 1024)}' "/proc/$A_PID/status") MiB," \
  "B $(awk '/^VmHWM:/ {print int($2 / 1024)}' "/proc/$B_PID/status") MiB;" \
  "threads: A $(awk '/^Threads:/ {print $2}' "/proc/$A_PID/status"), B $(awk '/^Threads:/ {print $2}' "/proc/$B_PID/status")"
