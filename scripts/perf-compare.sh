#!/usr/bin/env bash
# HTTP load comparison against the performance targets, in one go so that every figure shares the machine's state:
#   (a) wrk straight to an nginx stub provider (nginx itself answers 202 / 200 + JSON / 204);
#   (b) wrk through an nginx reverse proxy to that stub: the floor for any HTTP hop;
#   (c) wrk through api-http.jar (accounts' base_url at the stub, unpaced, audit log on) to the stub.
# Reports requests/second, p50 and p99 of each, the ratios c/b, the time from `java -jar` to the
# first 200 on /health, and the service's peak RSS (VmHWM) over the whole load.
#
# Loopback only; every wrk run is bounded by PERF_DURATION. Needs root (or nginx and wrk already
# installed) on Debian. Knobs (environment):
#   PERF_CONNECTIONS (32)  PERF_THREADS (2)  PERF_DURATION (15s)  PERF_WARMUP (20s)
#   PERF_INTEGRATIONS ("insightly pipeliner zendesk_sell")  PERF_FORMAT (unified)
#   PERF_JVM_FLAGS (see below)  PERF_SKIP_BUILD (0)  PERF_OUT (target/perf-compare)
#   PERF_SWEEP ("": off; e.g. "1 4 16 64 256"): after the main runs, (b) and (c) again for the first
#   integration at each connection count, with the service's thread count: how the server's
#   thread pool and the machine's cores bound throughput and p99.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/perf-lib.sh
. scripts/perf-lib.sh
ROOT=$PWD
CONNECTIONS=${PERF_CONNECTIONS:-32}
THREADS=${PERF_THREADS:-2}
DURATION=${PERF_DURATION:-15s}
WARMUP=${PERF_WARMUP:-20s}
INTEGRATIONS=${PERF_INTEGRATIONS:-"insightly pipeliner zendesk_sell"}
FORMAT=${PERF_FORMAT:-unified}
OUT=${PERF_OUT:-$ROOT/target/perf-compare}
JAR=$ROOT/api-http/target/api-http.jar
# The run command's flags (docs/performance.md has the measurements behind them): a fixed 96 MiB
# heap (the live set is a few MiB; JVM defaults size the heap from the machine's memory) with the
# serial collector, whose footprint is the smallest and whose pauses on such a heap are a few
# milliseconds, on 2 cores where G1's concurrent threads would compete with request threads.
JVM_FLAGS=${PERF_JVM_FLAGS:-"-XX:+UseSerialGC -Xms96m -Xmx96m -XX:MaxMetaspaceSize=128m"}


# --- tools ---------------------------------------------------------------------------------------
ensure_tools nginx wrk curl

# --- build ---------------------------------------------------------------------------------------
if [ "${PERF_SKIP_BUILD:-0}" != 1 ]; then
  log "building (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi
[ -f "$JAR" ] || die "$JAR is missing"

# --- scratch space and cleanup -------------------------------------------------------------------
TMP=$(mktemp -d /tmp/perf-compare.XXXXXX)
chmod 755 "$TMP"
NGINX_PID=""
SERVICE_PID=""
cleanup() {
  if [ -n "$SERVICE_PID" ]; then kill "$SERVICE_PID" 2>/dev/null || true; wait "$SERVICE_PID" 2>/dev/null || true; fi
  if [ -n "$NGINX_PID" ]; then kill -QUIT "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$OUT"

STUB_PORT=$(free_port)
PROXY_PORT=$(free_port)
SERVICE_PORT=$(free_port)
STATUS_PORT=$(free_port)

# --- the accounts: same ids, ids and paths as the JMH benchmarks ---------------------------------
INSIGHTLY_ACCOUNT=5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12
PIPELINER_ACCOUNT=9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23
SELL_ACCOUNT=0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01
PIPELINER_LEAD=8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90
NUMERIC_LEAD=4242424242
TOKEN=perf-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
STUB=http://127.0.0.1:$STUB_PORT

provider_path() {
  case $1 in
    insightly) echo "/insightly/v3.1/Leads/$NUMERIC_LEAD" ;;
    pipeliner) echo "/pipeliner/api/v100/rest/spaces/bench/entities/Leads/$PIPELINER_LEAD" ;;
    zendesk_sell) echo "/sell/v2/leads/$NUMERIC_LEAD" ;;
    *) die "unknown integration $1" ;;
  esac
}
provider_auth() {
  case $1 in
    insightly) echo "Basic $(printf 'perf-insightly-key:' | base64 -w0)" ;;
    pipeliner) echo "Basic $(printf 'perf-user:perf-password' | base64 -w0)" ;;
    zendesk_sell) echo "Bearer perf-sell-token" ;;
  esac
}
provider_status() {
  case $1 in insightly) echo 202 ;; pipeliner) echo 200 ;; zendesk_sell) echo 204 ;; esac
}
service_path() {
  local account lead
  case $1 in
    insightly) account=$INSIGHTLY_ACCOUNT lead=$NUMERIC_LEAD ;;
    pipeliner) account=$PIPELINER_ACCOUNT lead=$PIPELINER_LEAD ;;
    zendesk_sell) account=$SELL_ACCOUNT lead=$NUMERIC_LEAD ;;
  esac
  echo "/unified/crm/leads/$lead?integrated_account_id=$account&truto_response_format=$FORMAT"
}

# --- nginx: the stub provider and the reverse proxy to it ----------------------------------------
mkdir -p "$TMP/nginx/logs"
cat >"$TMP/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server_tokens off;
  keepalive_requests 100000000;
  keepalive_timeout 75s;
  client_body_temp_path $TMP/nginx/client_body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;

$(stub_provider_server "$STUB_PORT")

  # nginx's counters: "accepts" tells how many TCP connections were opened to it during a run.
  server {
    listen 127.0.0.1:$STATUS_PORT;
    location = /status { stub_status; }
  }

  # The floor for any HTTP hop: a reverse proxy with kept-alive upstream connections.
  upstream stub {
    server 127.0.0.1:$STUB_PORT;
    keepalive 256;
    keepalive_requests 100000000;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://stub;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
"$NGINX" -t -q -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -g 'daemon off;' 2>"$TMP/nginx/test.log" \
  || { cat "$TMP/nginx/test.log" >&2; die "nginx configuration rejected"; }
"$NGINX" -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
for _ in $(seq 1 100); do
  port_is_free "$STUB_PORT" || port_is_free "$PROXY_PORT" || break
  kill -0 "$NGINX_PID" 2>/dev/null || break
  sleep 0.05
done
if port_is_free "$STUB_PORT" || port_is_free "$PROXY_PORT"; then
  die "nginx is not listening on $STUB_PORT and $PROXY_PORT (see the lines above)"
fi

# --- the service ---------------------------------------------------------------------------------
account_json() {
  case $1 in
    insightly) printf '{ "id": "%s", "integration": "insightly", "base_url": "%s/insightly/v3.1",
      "credentials": { "api_key": "perf-insightly-key" }, "rate_limit": { "requests_per_second": 0 } }' \
      "$INSIGHTLY_ACCOUNT" "$STUB" ;;
    pipeliner) printf '{ "id": "%s", "integration": "pipeliner", "base_url": "%s/pipeliner/api/v100/rest/spaces/bench",
      "context": { "space_id": "bench" },
      "credentials": { "username": "perf-user", "password": "perf-password" }, "rate_limit": { "requests_per_second": 0 } }' \
      "$PIPELINER_ACCOUNT" "$STUB" ;;
    zendesk_sell) printf '{ "id": "%s", "integration": "zendesk_sell", "base_url": "%s/sell/v2",
      "credentials": { "access_token": "perf-sell-token" }, "rate_limit": { "requests_per_second": 0 } }' \
      "$SELL_ACCOUNT" "$STUB" ;;
  esac
}
accounts=""
for integration in $INTEGRATIONS; do
  accounts="${accounts:+$accounts,
    }$(account_json "$integration")"
done
# Only the integrations under test, so the file also loads where an adapter is missing.
cat >"$TMP/config.json" <<EOF
{
  "api_tokens": ["\${env:PERF_API_TOKEN}"],
  "audit_log": "$TMP/audit.jsonl",
  "accounts": [
    $accounts
  ]
}
EOF
log "starting: java $JVM_FLAGS -jar api-http.jar --config FILE --port $SERVICE_PORT"
started_ns=$(date +%s%N)
# shellcheck disable=SC2086
PERF_API_TOKEN=$TOKEN java $JVM_FLAGS -jar "$JAR" --config "$TMP/config.json" --host 127.0.0.1 --port "$SERVICE_PORT" \
  >"$OUT/service.out" 2>"$OUT/service.err" &
SERVICE_PID=$!
health=000
for _ in $(seq 1 3000); do
  health=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$SERVICE_PORT/health" || true)
  [ "$health" = 200 ] && break
  kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$OUT/service.err" >&2; die "the service exited during start-up"; }
  sleep 0.005
done
healthy_ns=$(date +%s%N)
[ "$health" = 200 ] || die "/health never answered 200"
STARTUP_MS=$(( (healthy_ns - started_ns) / 1000000 ))
log "first /health 200 after ${STARTUP_MS} ms"

# --- check every path answers what it should before loading it ----------------------------------
expect() { # url expected-status auth-header
  local got
  got=$(curl -s -o "$TMP/check.body" -w '%{http_code}' -X DELETE -H "Authorization: $3" "$1" || true)
  [ "$got" = "$2" ] || { cat "$TMP/check.body" >&2; echo >&2; die "DELETE $1 answered $got, expected $2"; }
}
for integration in $INTEGRATIONS; do
  path=$(provider_path "$integration")
  expect "http://127.0.0.1:$STUB_PORT$path" "$(provider_status "$integration")" "$(provider_auth "$integration")"
  expect "http://127.0.0.1:$PROXY_PORT$path" "$(provider_status "$integration")" "$(provider_auth "$integration")"
  expect "http://127.0.0.1:$SERVICE_PORT$(service_path "$integration")" 200 "Bearer $TOKEN"
done

# --- load ----------------------------------------------------------------------------------------
lua() { # file auth-header
  printf 'wrk.method = "DELETE"\nwrk.headers["Authorization"] = "%s"\nwrk.headers["Accept"] = "application/json"\n' "$2" >"$1"
}
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # pid...: user + system ticks of these processes, all their threads
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
thread_ticks() { # pid: "group ticks" per thread of the JVM, thread names with their numbers stripped
  local task
  for task in /proc/"$1"/task/*; do
    awk '{ c = $0; sub(/^[^(]*\(/, "", c); sub(/\).*$/, "", c); gsub(/[-#0-9]+$/, "", c); gsub(/ /, "_", c);
           n = split($0, f, ") "); split(f[n], g, " "); print c, g[12] + g[13] }' "$task/stat" 2>/dev/null
  done | awk '{ t[$1] += $2 } END { for (k in t) print k, t[k] }'
}
nginx_pids() { echo "$NGINX_PID $(ps -o pid= --ppid "$NGINX_PID" | tr '\n' ' ')"; }
nginx_accepts() { curl -s "http://127.0.0.1:$STATUS_PORT/status" | awk 'NR == 3 {print $1}'; }
declare -A RPS P50 P99 BAD NGINX_CPU SERVICE_CPU ACCEPTS
run_wrk() { # key url lua duration
  local file="$OUT/wrk-$1.txt" nginx_before service_before requests accepts_before
  # shellcheck disable=SC2046
  nginx_before=$(cpu_ticks $(nginx_pids))
  service_before=$(cpu_ticks "$SERVICE_PID")
  thread_ticks "$SERVICE_PID" >"$TMP/threads-before"
  accepts_before=$(nginx_accepts)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --timeout 5s --latency -s "$3" "$2" >"$file" 2>&1 \
    || { cat "$file" >&2; die "wrk failed for $1"; }
  requests=$(awk '/requests in/ {print $1}' "$file")
  thread_ticks "$SERVICE_PID" >"$TMP/threads-after"
  ACCEPTS[$1]=$(( $(nginx_accepts) - accepts_before - 1 ))
  # Where the service's CPU went, per thread group, in microseconds per request.
  awk -v n="$requests" -v hz="$CLK_TCK" 'NR == FNR { b[$1] = $2; next }
    { d = $2 - b[$1]; if (d > 0 && n > 0) printf "%-18s %8.1f\n", $1, d * 1e6 / hz / n }' \
    "$TMP/threads-before" "$TMP/threads-after" | sort -k2 -nr >"$OUT/threads-$1.txt"
  # CPU time per request (microseconds): unlike req/s it hardly depends on what else the machine runs.
  # shellcheck disable=SC2046
  NGINX_CPU[$1]=$(awk -v t="$(( $(cpu_ticks $(nginx_pids)) - nginx_before ))" -v n="$requests" -v hz="$CLK_TCK" \
    'BEGIN {printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}')
  SERVICE_CPU[$1]=$(awk -v t="$(( $(cpu_ticks "$SERVICE_PID") - service_before ))" -v n="$requests" -v hz="$CLK_TCK" \
    'BEGIN {printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}')
  RPS[$1]=$(awk '/^Requests\/sec:/ {print $2}' "$file")
  P50[$1]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")
  P99[$1]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
  BAD[$1]=$(awk '/Non-2xx or 3xx responses:/ {print $NF} /Socket errors:/ {s = $0} END {}' "$file")
  BAD[$1]=${BAD[$1]:-0}
  if grep -q 'Socket errors' "$file"; then BAD[$1]="${BAD[$1]}+sock"; fi
}

for integration in $INTEGRATIONS; do
  lua "$TMP/provider-$integration.lua" "$(provider_auth "$integration")"
done
lua "$TMP/service.lua" "Bearer $TOKEN"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "warming the service up: $WARMUP per integration (not reported)"
for integration in $INTEGRATIONS; do
  run_wrk "warmup-$integration" "http://127.0.0.1:$SERVICE_PORT$(service_path "$integration")" "$TMP/service.lua" "$WARMUP"
done
for integration in $INTEGRATIONS; do
  path=$(provider_path "$integration")
  log "$integration: (a) stub, (b) nginx proxy, (c) api-http; $CONNECTIONS connections, $THREADS threads, $DURATION each"
  run_wrk "a-$integration" "http://127.0.0.1:$STUB_PORT$path" "$TMP/provider-$integration.lua" "$DURATION"
  run_wrk "b-$integration" "http://127.0.0.1:$PROXY_PORT$path" "$TMP/provider-$integration.lua" "$DURATION"
  run_wrk "c-$integration" "http://127.0.0.1:$SERVICE_PORT$(service_path "$integration")" "$TMP/service.lua" "$DURATION"
done
# What the HTTP layer alone costs (Jetty, Javalin, request id, access log line): GET /health, no provider call.
log "(h) api-http GET /health"
printf 'wrk.method = "GET"\n' >"$TMP/health.lua"
run_wrk "h" "http://127.0.0.1:$SERVICE_PORT/health" "$TMP/health.lua" "$DURATION"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
PEAK_RSS_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVICE_PID/status")
RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVICE_PID/status")
SERVICE_THREADS=$(awk '/^Threads:/ {print $2}' "/proc/$SERVICE_PID/status")
SWEEP_ROWS=""
if [ -n "${PERF_SWEEP:-}" ]; then
  integration=${INTEGRATIONS%% *}
  path=$(provider_path "$integration")
  for connections in $PERF_SWEEP; do
    log "sweep: $integration, $connections connections"
    saved=$CONNECTIONS; CONNECTIONS=$connections
    run_wrk "sweep-b-$connections" "http://127.0.0.1:$PROXY_PORT$path" "$TMP/provider-$integration.lua" "$DURATION"
    run_wrk "sweep-c-$connections" "http://127.0.0.1:$SERVICE_PORT$(service_path "$integration")" "$TMP/service.lua" "$DURATION"
    CONNECTIONS=$saved
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$SERVICE_PID/status")
    SWEEP_ROWS+=$(printf '%-12s %6s %10.0f %9.3f %9.3f %10.0f %9.3f %9.3f %8s %8s' "$integration" "$connections" \
      "${RPS[sweep-b-$connections]}" "${P50[sweep-b-$connections]}" "${P99[sweep-b-$connections]}" \
      "${RPS[sweep-c-$connections]}" "${P50[sweep-c-$connections]}" "${P99[sweep-c-$connections]}" \
      "$threads" "${BAD[sweep-c-$connections]}")$'\n'
  done
fi
SWEEP_PEAK_RSS_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVICE_PID/status")
AUDIT_LINES=$( [ -f "$TMP/audit.jsonl" ] && wc -l <"$TMP/audit.jsonl" || echo "0 (no audit file)")

# --- summary -------------------------------------------------------------------------------------
{
  echo
  echo "perf-compare: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "load average before/after: $LOAD_BEFORE / $LOAD_AFTER; wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; format=$FORMAT"
  echo "service: java $JVM_FLAGS -jar api-http.jar"
  echo
  echo "cpu us/req: CPU time (user + system) per request of all nginx processes and of the service's JVM;"
  echo "conns: TCP connections nginx accepted during the run (wrk's own for a and b, plus the proxy's or the service's to the stub)"
  printf '%-13s %-16s %10s %9s %9s %8s %10s %10s %8s\n' integration path req/s p50_ms p99_ms non2xx "nginx cpu" "jvm cpu" conns
  for integration in $INTEGRATIONS; do
    for key in a b c; do
      case $key in a) what="(a) nginx stub" ;; b) what="(b) nginx proxy" ;; c) what="(c) api-http" ;; esac
      k=$key-$integration
      printf '%-13s %-16s %10.0f %9.3f %9.3f %8s %10s %10s %8s\n' "$integration" "$what" "${RPS[$k]}" "${P50[$k]}" \
        "${P99[$k]}" "${BAD[$k]}" "${NGINX_CPU[$k]}" "${SERVICE_CPU[$k]}" "${ACCEPTS[$k]}"
    done
  done
  printf '%-13s %-16s %10.0f %9.3f %9.3f %8s %10s %10s %8s\n' "-" "(h) GET /health" "${RPS[h]}" "${P50[h]}" \
    "${P99[h]}" "${BAD[h]}" "${NGINX_CPU[h]}" "${SERVICE_CPU[h]}" "${ACCEPTS[h]}"
  echo
  printf '%-13s %14s %14s\n' integration "c/b req/s" "c/b p99"
  for integration in $INTEGRATIONS; do
    printf '%-13s %14.2f %14.2f\n' "$integration" \
      "$(awk -v c="${RPS[c-$integration]}" -v b="${RPS[b-$integration]}" 'BEGIN {print c / b}')" \
      "$(awk -v c="${P99[c-$integration]}" -v b="${P99[b-$integration]}" 'BEGIN {print (b > 0 ? c / b : 0)}')"
  done
  echo "targets: c/b req/s >= 0.5; c/b p99 <= 2"
  echo
  echo "start to first /health 200: ${STARTUP_MS} ms (target < 1500)"
  echo "service peak RSS (VmHWM) over the load: $((PEAK_RSS_KB / 1024)) MiB (target < 300); RSS at end $((RSS_KB / 1024)) MiB; $SERVICE_THREADS threads"
  if [ -n "$SWEEP_ROWS" ]; then
    echo
    echo "connection sweep (PERF_SWEEP), $DURATION each; threads = the service's JVM threads after the run"
    printf '%-12s %6s %10s %9s %9s %10s %9s %9s %8s %8s\n' integration conns "b req/s" "b p50" "b p99" \
      "c req/s" "c p50" "c p99" threads non2xx
    printf '%s' "$SWEEP_ROWS"
    echo "service peak RSS including the sweep: $((SWEEP_PEAK_RSS_KB / 1024)) MiB"
  fi
  echo "audit lines written: $AUDIT_LINES; raw wrk output: $OUT"
  for integration in $INTEGRATIONS; do
    echo "service CPU us/req by thread group, (c) $integration: $(head -6 "$OUT/threads-c-$integration.txt" | awk '{printf "%s %s; ", $1, $2}')"
  done
} | tee "$OUT/summary.txt"
