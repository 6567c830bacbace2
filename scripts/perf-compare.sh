#!/usr/bin/env bash
# HTTP load comparison against the performance targets, in one go so that every figure shares the machine's state:
#   (a) wrk straight to an nginx stub provider (nginx itself answers 202 / 200 + JSON / 204);
#   (b) wrk through an nginx reverse proxy to that stub: the floor for any HTTP hop;
#   (c) wrk through api-http.jar (accounts' base_url at the stub, unpaced, audit log on) to the stub;
#   (h) GET /health on api-http: the HTTP layer alone.
# Reports requests/second, p50 and p99 of each, CPU time per request, the ratios c/b, the time from
# `java -jar` to the first 200 on /health, and the service's peak RSS (VmHWM) over the whole load.
# The service is warmed up until its JIT settles (perf-lib.sh, warm_until_settled), not for a fixed time.
#
# Variants (PERF_VARIANTS): several services, one after the other, each started, warmed up and loaded
# the same way against the same nginx, whose (a) and (b) are measured once before the variants and (b)
# again after them; one table. A variant is "label=spec", variants separated by ";" or new lines; the
# spec holds JVM flags added to PERF_JVM_FLAGS and these words:
#   jar=PATH     this variant's jar (default PERF_JAR)
#   no-appcds    without the jar's class-data archive (by default used when the build made one)
# Named sets: PERF_VARIANTS=threads (the thread model: pool size, queue, hand-off, acceptors, selectors;
# see api-http/README.md, Thread model); PERF_VARIANTS=appcds (with and without the archive).
# Examples:
#   scripts/perf-compare.sh
#   PERF_VARIANTS="before=jar=/path/to/old/api-http.jar; after=" scripts/perf-compare.sh
#   PERF_VARIANTS=threads scripts/perf-compare.sh
#   PERF_VARIANTS="default=; pool16=-Dunifiedcrm.http.threads.max=16" PERF_INTEGRATIONS=pipeliner scripts/perf-compare.sh
#
# Loopback only; every wrk run is bounded by PERF_DURATION. Needs root (or nginx and wrk already
# installed) on Debian, and the JDK's jstat. Knobs (environment):
#   PERF_JAR (api-http/target/api-http.jar)  PERF_VARIANTS ("": one service, PERF_JAR)
#   PERF_CONNECTIONS (32)  PERF_THREADS (2)  PERF_DURATION (15s)  PERF_INTEGRATIONS ("insightly pipeliner zendesk_sell")
#   PERF_FORMAT (unified)  PERF_JVM_FLAGS (the README's run flags)  PERF_SKIP_BUILD (0)  PERF_OUT (target/perf-compare)
#   warm-up: PERF_WARMUP_STEP (5s of load per integration, and of /health, per step)  PERF_WARMUP_MAX (300 s)  PERF_WARMUP_MIN (10 s)
#            PERF_SETTLE_COMPILES (5)  PERF_SETTLE_STEPS (2): settled after that many steps in a row with at
#            most that many JIT compilations each
#   PERF_SWEEP ("": off; e.g. "4 16 64 256"): after each variant's runs, (c) again for the first
#   integration at each connection count ((b) once for the baseline), with the service's thread count.
set -euo pipefail

cd "$(dirname "$0")/.."
# shellcheck source=scripts/perf-lib.sh
. scripts/perf-lib.sh
ROOT=$PWD
CONNECTIONS=${PERF_CONNECTIONS:-32}
THREADS=${PERF_THREADS:-2}
DURATION=${PERF_DURATION:-15s}
WARMUP_STEP=${PERF_WARMUP_STEP:-5s}
INTEGRATIONS=${PERF_INTEGRATIONS:-"insightly pipeliner zendesk_sell"}
FORMAT=${PERF_FORMAT:-unified}
OUT=${PERF_OUT:-$ROOT/target/perf-compare}
BUILT_JAR=$ROOT/api-http/target/api-http.jar
JAR=${PERF_JAR:-$BUILT_JAR}
# The run command's flags (perf-lib.sh: a fixed 96 MiB heap, the serial collector); the class-data
# archive is added per variant when its jar has one.
JVM_FLAGS=${PERF_JVM_FLAGS:-$RUN_FLAGS}
case ${PERF_VARIANTS:-} in
  "") VARIANTS="default=" ;;
  threads) VARIANTS="default=
pool-16=-Dunifiedcrm.http.threads.max=16 -Dunifiedcrm.http.threads.min=16
pool-32=-Dunifiedcrm.http.threads.max=32
pool-64=-Dunifiedcrm.http.threads.max=64
queue-64=-Dunifiedcrm.http.threads.max=32 -Dunifiedcrm.http.queue=64
handoff-always=-Dunifiedcrm.http.threads.reserved=0
reserved-4=-Dunifiedcrm.http.threads.reserved=4
selectors-2=-Dunifiedcrm.http.selectors=2
acceptors-0=-Dunifiedcrm.http.acceptors=0" ;;
  appcds) VARIANTS="appcds=; no-appcds=no-appcds" ;;
  *) VARIANTS=$PERF_VARIANTS ;;
esac


# --- tools ---------------------------------------------------------------------------------------
ensure_tools nginx wrk curl
command -v jstat >/dev/null 2>&1 || die "jstat (part of the JDK) is missing: install a full JDK 17"

# --- build ---------------------------------------------------------------------------------------
if [ "${PERF_SKIP_BUILD:-0}" != 1 ]; then
  log "building (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi
# Every variant's jar must be there before anything starts.
while IFS= read -r variant; do
  for word in ${variant#*=}; do
    case $word in jar=*) [ -f "${word#jar=}" ] || die "variant ${variant%%=*}: ${word#jar=} is missing" ;; esac
  done
done < <(tr ';' '\n' <<<"$VARIANTS" | sed 's/^[[:space:]]*//; /^$/d')
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

# --- the service's configuration -----------------------------------------------------------------
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
write_config() { # file audit-file: only the integrations under test, so the file also loads where an adapter is missing
  cat >"$1" <<JSON
{
  "api_tokens": ["\${env:PERF_API_TOKEN}"],
  "audit_log": "$2",
  "accounts": [
    $accounts
  ]
}
JSON
}

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
run_wrk() { # key url lua duration [connections]: the service's figures are those of SERVICE_PID, when set
  local file="$OUT/wrk-$1.txt" nginx_before service_before=0 requests accepts_before
  local connections=${5:-$CONNECTIONS}
  # shellcheck disable=SC2046
  nginx_before=$(cpu_ticks $(nginx_pids))
  if [ -n "$SERVICE_PID" ]; then
    service_before=$(cpu_ticks "$SERVICE_PID")
    thread_ticks "$SERVICE_PID" >"$TMP/threads-before"
  fi
  accepts_before=$(nginx_accepts)
  wrk -t"$THREADS" -c"$connections" -d"$4" --timeout 5s --latency -s "$3" "$2" >"$file" 2>&1 \
    || { cat "$file" >&2; die "wrk failed for $1"; }
  requests=$(awk '/requests in/ {print $1}' "$file")
  ACCEPTS[$1]=$(( $(nginx_accepts) - accepts_before - 1 ))
  # CPU time per request (microseconds): unlike req/s it hardly depends on what else the machine runs.
  # shellcheck disable=SC2046
  NGINX_CPU[$1]=$(awk -v t="$(( $(cpu_ticks $(nginx_pids)) - nginx_before ))" -v n="$requests" -v hz="$CLK_TCK" \
    'BEGIN {printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}')
  SERVICE_CPU[$1]=""
  if [ -n "$SERVICE_PID" ]; then
    thread_ticks "$SERVICE_PID" >"$TMP/threads-after"
    # Where the service's CPU went, per thread group, in microseconds per request.
    awk -v n="$requests" -v hz="$CLK_TCK" 'NR == FNR { b[$1] = $2; next }
      { d = $2 - b[$1]; if (d > 0 && n > 0) printf "%-18s %8.1f\n", $1, d * 1e6 / hz / n }' \
      "$TMP/threads-before" "$TMP/threads-after" | sort -k2 -nr >"$OUT/threads-$1.txt"
    SERVICE_CPU[$1]=$(awk -v t="$(( $(cpu_ticks "$SERVICE_PID") - service_before ))" -v n="$requests" -v hz="$CLK_TCK" \
      'BEGIN {printf "%.1f", (n > 0 ? t * 1e6 / hz / n : 0)}')
  fi
  RPS[$1]=$(awk '/^Requests\/sec:/ {print $2}' "$file")
  P50[$1]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$file")")
  P99[$1]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
  BAD[$1]=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$file")
  BAD[$1]=${BAD[$1]:-0}
  if grep -q 'Socket errors' "$file"; then BAD[$1]="${BAD[$1]}+sock"; fi
}
expect() { # url expected-status auth-header
  local got
  got=$(curl -s -o "$TMP/check.body" -w '%{http_code}' -X DELETE -H "Authorization: $3" "$1" || true)
  [ "$got" = "$2" ] || { cat "$TMP/check.body" >&2; echo >&2; die "DELETE $1 answered $got, expected $2"; }
}
for integration in $INTEGRATIONS; do
  lua "$TMP/provider-$integration.lua" "$(provider_auth "$integration")"
done
lua "$TMP/service.lua" "Bearer $TOKEN"
printf 'wrk.method = "GET"\n' >"$TMP/health.lua"

# --- the baseline: (a) and (b), before the variants ----------------------------------------------
SERVICE_PID=""
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for integration in $INTEGRATIONS; do
  path=$(provider_path "$integration")
  expect "http://127.0.0.1:$STUB_PORT$path" "$(provider_status "$integration")" "$(provider_auth "$integration")"
  expect "http://127.0.0.1:$PROXY_PORT$path" "$(provider_status "$integration")" "$(provider_auth "$integration")"
  log "$integration: (a) nginx stub, (b) nginx proxy; $CONNECTIONS connections, $THREADS threads, $DURATION each"
  run_wrk "a-$integration" "http://127.0.0.1:$STUB_PORT$path" "$TMP/provider-$integration.lua" "$DURATION"
  run_wrk "b-$integration" "http://127.0.0.1:$PROXY_PORT$path" "$TMP/provider-$integration.lua" "$DURATION"
done
SWEEP_FIRST=${INTEGRATIONS%% *}
for connections in ${PERF_SWEEP:-}; do
  log "sweep baseline: (b) $SWEEP_FIRST, $connections connections"
  run_wrk "sweep-b-$connections" "http://127.0.0.1:$PROXY_PORT$(provider_path "$SWEEP_FIRST")" \
    "$TMP/provider-$SWEEP_FIRST.lua" "$DURATION" "$connections"
done

# --- each variant: start, check, warm up until the JIT settles, load -----------------------------
declare -A V_FLAGS V_JAR V_STARTUP V_RSS V_THREADS V_WARMUP V_AUDIT V_LOAD
LABELS=()
warm_step() { # one warm-up step: every integration in turn, then /health
  local integration
  for integration in $INTEGRATIONS; do
    run_wrk "warmup" "http://127.0.0.1:$SERVICE_PORT$(service_path "$integration")" "$TMP/service.lua" "$WARMUP_STEP"
  done
  run_wrk "warmup" "http://127.0.0.1:$SERVICE_PORT/health" "$TMP/health.lua" "$WARMUP_STEP"
}
run_variant() { # label spec
  local label=$1 jar=$JAR flags=$JVM_FLAGS appcds=1 word archive started_ns healthy_ns health integration
  for word in $2; do
    case $word in
      jar=*) jar=${word#jar=} ;;
      no-appcds) appcds=0 ;;
      *) flags="$flags $word" ;;
    esac
  done
  archive=$(archive_of "$jar" || true)
  if [ "$appcds" = 1 ] && [ -n "$archive" ]; then flags="-XX:SharedArchiveFile=$archive $flags"; fi
  LABELS+=("$label")
  V_FLAGS[$label]=$flags
  V_JAR[$label]=$jar
  V_LOAD[$label]=$(cut -d' ' -f1 /proc/loadavg)
  SERVICE_PORT=$(free_port)
  write_config "$TMP/config-$label.json" "$TMP/audit-$label.jsonl"
  log "variant $label: java $flags -jar $jar --config FILE --port $SERVICE_PORT"
  started_ns=$(date +%s%N)
  # shellcheck disable=SC2086
  PERF_API_TOKEN=$TOKEN java $flags -jar "$jar" --config "$TMP/config-$label.json" --host 127.0.0.1 --port "$SERVICE_PORT" \
    >"$OUT/service-$label.out" 2>"$OUT/service-$label.err" &
  SERVICE_PID=$!
  health=000
  for _ in $(seq 1 3000); do
    health=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$SERVICE_PORT/health" || true)
    [ "$health" = 200 ] && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$OUT/service-$label.err" >&2; die "variant $label: the service exited during start-up"; }
    sleep 0.005
  done
  healthy_ns=$(date +%s%N)
  [ "$health" = 200 ] || die "variant $label: /health never answered 200"
  V_STARTUP[$label]=$(( (healthy_ns - started_ns) / 1000000 ))
  log "variant $label: first /health 200 after ${V_STARTUP[$label]} ms"
  for integration in $INTEGRATIONS; do
    expect "http://127.0.0.1:$SERVICE_PORT$(service_path "$integration")" 200 "Bearer $TOKEN"
  done
  log "variant $label: warming up until the JIT settles ($WARMUP_STEP per integration per step)"
  warm_until_settled "$SERVICE_PID" warm_step
  V_WARMUP[$label]="${WARMUP_SECONDS}s/$WARMUP_COMPILED/$WARMUP_SETTLED"
  for integration in $INTEGRATIONS; do
    log "variant $label: (c) api-http $integration, $DURATION"
    run_wrk "c-$label-$integration" "http://127.0.0.1:$SERVICE_PORT$(service_path "$integration")" "$TMP/service.lua" "$DURATION"
  done
  log "variant $label: (h) GET /health, $DURATION"
  run_wrk "h-$label" "http://127.0.0.1:$SERVICE_PORT/health" "$TMP/health.lua" "$DURATION"
  for connections in ${PERF_SWEEP:-}; do
    log "variant $label: sweep, (c) $SWEEP_FIRST, $connections connections"
    run_wrk "sweep-c-$label-$connections" "http://127.0.0.1:$SERVICE_PORT$(service_path "$SWEEP_FIRST")" \
      "$TMP/service.lua" "$DURATION" "$connections"
    SWEEP_THREADS[$label-$connections]=$(awk '/^Threads:/ {print $2}' "/proc/$SERVICE_PID/status")
  done
  V_RSS[$label]=$(( $(awk '/^VmHWM:/ {print $2}' "/proc/$SERVICE_PID/status") / 1024 ))
  V_THREADS[$label]=$(awk '/^Threads:/ {print $2}' "/proc/$SERVICE_PID/status")
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
  V_AUDIT[$label]=$( [ -f "$TMP/audit-$label.jsonl" ] && wc -l <"$TMP/audit-$label.jsonl" || echo 0)
}
declare -A SWEEP_THREADS
while IFS= read -r variant; do
  [[ $variant == *=* ]] || die "variant '$variant' is not label=spec"
  label=${variant%%=*}
  label=${label//[^A-Za-z0-9._-]/_}
  [ -z "${V_JAR[$label]:-}" ] || die "two variants are labelled $label"
  run_variant "$label" "${variant#*=}"
done < <(tr ';' '\n' <<<"$VARIANTS" | sed 's/^[[:space:]]*//; s/[[:space:]]*$//; /^$/d')

# --- the baseline again: how far nginx's own figures drifted over the variants --------------------
for integration in $INTEGRATIONS; do
  log "$integration: (b) nginx proxy again, after the variants"
  run_wrk "b2-$integration" "http://127.0.0.1:$PROXY_PORT$(provider_path "$integration")" \
    "$TMP/provider-$integration.lua" "$DURATION"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# --- summary -------------------------------------------------------------------------------------
mean() { awk -v x="$1" -v y="$2" 'BEGIN {printf "%.3f", (x + y) / 2}'; }
{
  echo
  echo "perf-compare: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "load average before/after: $LOAD_BEFORE / $LOAD_AFTER; wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; format=$FORMAT"
  echo "(b) for the ratios: the mean of the runs before and after the variants (b2 shows the drift)."
  echo "cpu us/req: CPU time (user + system) per request of all nginx processes and of the service's JVM;"
  echo "conns: TCP connections nginx accepted during the run; start_ms: java -jar to the first /health 200;"
  echo "rss: the service's peak RSS (VmHWM) over its whole run, MiB; load: 1-minute load average when the variant started"
  printf '%-16s %-13s %-14s %9s %8s %8s %7s %8s %8s %6s %6s %6s %8s %5s %5s\n' variant integration path req/s p50_ms \
    p99_ms non2xx nginx_us jvm_us conns c/b c/b_p99 start_ms rss load
  row() { # variant integration path key ratio-base-key
    local k=$4 ratio="" ratio99="" start="" rss="" load=""
    if [ -n "${5:-}" ]; then
      ratio=$(awk -v c="${RPS[$k]}" -v b="$(mean "${RPS[b-$5]}" "${RPS[b2-$5]}")" 'BEGIN {printf "%.2f", (b > 0 ? c / b : 0)}')
      ratio99=$(awk -v c="${P99[$k]}" -v b="$(mean "${P99[b-$5]}" "${P99[b2-$5]}")" 'BEGIN {printf "%.1f", (b > 0 ? c / b : 0)}')
    fi
    if [ -n "${V_STARTUP[$1]:-}" ]; then start=${V_STARTUP[$1]} rss=${V_RSS[$1]} load=${V_LOAD[$1]}; fi
    printf '%-16s %-13s %-14s %9.0f %8.3f %8.3f %7s %8s %8s %6s %6s %6s %8s %5s %5s\n' "$1" "$2" "$3" "${RPS[$k]}" \
      "${P50[$k]}" "${P99[$k]}" "${BAD[$k]}" "${NGINX_CPU[$k]}" "${SERVICE_CPU[$k]:--}" "${ACCEPTS[$k]}" \
      "${ratio:--}" "${ratio99:--}" "${start:--}" "${rss:--}" "${load:--}"
  }
  for integration in $INTEGRATIONS; do
    row "(nginx)" "$integration" "(a) stub" "a-$integration"
    row "(nginx)" "$integration" "(b) proxy" "b-$integration"
    row "(nginx)" "$integration" "(b2) proxy" "b2-$integration"
  done
  for label in "${LABELS[@]}"; do
    for integration in $INTEGRATIONS; do
      row "$label" "$integration" "(c) api-http" "c-$label-$integration" "$integration"
    done
    row "$label" "-" "(h) GET /health" "h-$label"
  done
  echo "targets: c/b >= 0.5; c/b_p99 <= 2; jvm_us <= 150 per delete and <= 30 per /health; start_ms < 1500; rss < 300"
  echo
  echo "variants (warm-up: seconds / methods the JIT compiled / settled):"
  for label in "${LABELS[@]}"; do
    echo "  $label: java ${V_FLAGS[$label]} -jar ${V_JAR[$label]}"
    echo "    warm-up ${V_WARMUP[$label]}; ${V_THREADS[$label]} threads at the end; audit lines ${V_AUDIT[$label]}"
    for integration in $INTEGRATIONS; do
      echo "    JVM CPU us/req by thread group, (c) $integration: $(head -6 "$OUT/threads-c-$label-$integration.txt" | awk '{printf "%s %s; ", $1, $2}')"
    done
  done
  if [ -n "${PERF_SWEEP:-}" ]; then
    echo
    echo "connection sweep (PERF_SWEEP), $SWEEP_FIRST, $DURATION each; threads: the service's JVM threads after the run"
    printf '%-16s %6s %10s %9s %9s %9s %9s %8s %8s\n' variant conns "req/s" p50_ms p99_ms jvm_us "b req/s" "b p99" threads
    for label in "${LABELS[@]}"; do
      for connections in $PERF_SWEEP; do
        k=sweep-c-$label-$connections
        printf '%-16s %6s %10.0f %9.3f %9.3f %9s %9.0f %9.3f %8s\n' "$label" "$connections" "${RPS[$k]}" "${P50[$k]}" \
          "${P99[$k]}" "${SERVICE_CPU[$k]}" "${RPS[sweep-b-$connections]}" "${P99[sweep-b-$connections]}" \
          "${SWEEP_THREADS[$label-$connections]}"
      done
    done
  fi
  echo "raw wrk output: $OUT"
} | tee "$OUT/summary.txt"
