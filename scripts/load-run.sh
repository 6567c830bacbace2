#!/usr/bin/env bash
# A bounded load run on the loopback interface only: fake providers, the service jar, and a driver
# sending REQUESTS deletes at CONCURRENCY. Prints answers by status, transport errors, latencies,
# and the service's heap after a full GC before and after the run.
#
#   scripts/load-run.sh                      # 20000 requests, concurrency 64
#   REQUESTS=50000 scripts/load-run.sh
#   AUDIT=on scripts/load-run.sh             # with an audit log (in a temporary folder), to measure its cost
#   SERVICE_FLAGS="-Dname=value" scripts/load-run.sh   # extra JVM flags for the service
#   SHARED_STATE=1 scripts/load-run.sh       # with shared_state on a redis-server of its own (free
#                                            # loopback port, no persistence); every KEYED_EVERY-th
#                                            # request (default 2) carries an Idempotency-Key
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-20000}
CONCURRENCY=${CONCURRENCY:-64}
PACED_EVERY=${PACED_EVERY:-20}
AUDIT=${AUDIT:-off}
SERVICE_FLAGS=${SERVICE_FLAGS:-}
SHARED_STATE=${SHARED_STATE:-0}
KEYED_EVERY=${KEYED_EVERY:-0}
JAR=api-http/target/api-http.jar
TOKEN="load-$(date +%s)-$RANDOM"
WORK=$(mktemp -d)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || ./mvnw -B -q -DskipTests package

wait_for_line() { # file pattern
  for _ in $(seq 1 300); do
    grep -m1 -o "$2" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "timed out waiting for '$2' in $1" >&2; cat "$1" >&2; return 1
}

heap_after_gc() { # pid
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | grep -o 'used [0-9]*K' | head -1
}

java -Dsun.net.httpserver.nodelay=true scripts/load/FakeProviders.java 0 >"$WORK/providers.out" 2>&1 &
PIDS+=($!)
PROVIDERS=$(wait_for_line "$WORK/providers.out" 'http://127.0.0.1:[0-9]*')

SHARED_STATE_JSON=""
if [ "$SHARED_STATE" = 1 ]; then
  source scripts/perf-lib.sh
  command -v redis-server >/dev/null || { echo "SHARED_STATE=1 needs redis-server: apt-get install redis-server" >&2; exit 1; }
  REDIS_PORT=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" \
    --maxmemory 256mb --maxmemory-policy volatile-lru >"$WORK/redis.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  SHARED_STATE_JSON="\"shared_state\": {\"redis_url\": \"redis://127.0.0.1:$REDIS_PORT/0\", \"key_prefix\": \"load:\"},"
  KEYED_EVERY=${KEYED_EVERY/#0/2}
fi

INSIGHTLY=5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12
PIPELINER=9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23
SELL=0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01
PACED=6e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b
AUDIT_ENTRY=""
if [ "$AUDIT" = on ]; then
  # In the temporary folder: forces cost what the file system under it makes them cost (tmpfs: nothing).
  AUDIT_ENTRY="\"audit_log\": \"$WORK/audit.jsonl\","
fi
cat >"$WORK/config.json" <<JSON
{
  "api_tokens": ["\${env:LOAD_TOKEN}"],$AUDIT_ENTRY
  "timeouts": {"connect_ms": 1000, "attempt_ms": 2000, "request_ms": 3000},
  $SHARED_STATE_JSON
  "accounts": [
    {"id": "$INSIGHTLY", "integration": "insightly", "base_url": "$PROVIDERS/insightly/v3.1",
     "credentials": {"api_key": "load-insightly-key"}, "rate_limit": {"requests_per_second": 0}},
    {"id": "$PIPELINER", "integration": "pipeliner", "base_url": "$PROVIDERS/pipeliner/api/v100/rest/spaces/sp",
     "context": {"space_id": "sp"}, "credentials": {"username": "load-user", "password": "load-password"}},
    {"id": "$SELL", "integration": "zendesk_sell", "base_url": "$PROVIDERS/sell/v2",
     "credentials": {"access_token": "load-sell-token"}, "rate_limit": {"requests_per_second": 0}},
    {"id": "$PACED", "integration": "insightly", "base_url": "$PROVIDERS/insightly/v3.1",
     "credentials": {"api_key": "load-paced-key"}, "rate_limit": {"requests_per_second": 5}}
  ]
}
JSON

# shellcheck disable=SC2086 # SERVICE_FLAGS holds several flags
LOAD_TOKEN="$TOKEN" java -Xmx256m $SERVICE_FLAGS -jar "$JAR" --config "$WORK/config.json" --port 0 --host 127.0.0.1 \
  >"$WORK/service.out" 2>"$WORK/service.err" &
SERVICE_PID=$!
PIDS+=($SERVICE_PID)
PORT=$(wait_for_line "$WORK/service.out" 'listening on http://127.0.0.1:[0-9]*' | grep -o '[0-9]*$')

ACCOUNTS=("$INSIGHTLY:insightly:unpaced" "$PIPELINER:pipeliner:unpaced" "$SELL:zendesk_sell:unpaced" "$PACED:insightly:paced")
echo "== warm-up: 1000 requests"
KEYED_EVERY=$KEYED_EVERY java scripts/load/LoadDriver.java "$PORT" "$TOKEN" 1000 "$CONCURRENCY" "$PACED_EVERY" "${ACCOUNTS[@]}" >/dev/null || true
echo "heap after GC at start: $(heap_after_gc $SERVICE_PID)"
echo "== run: $REQUESTS requests, concurrency $CONCURRENCY, one in $PACED_EVERY to the paced account (5/s)"
STATUS=0
KEYED_EVERY=$KEYED_EVERY java scripts/load/LoadDriver.java "$PORT" "$TOKEN" "$REQUESTS" "$CONCURRENCY" "$PACED_EVERY" "${ACCOUNTS[@]}" || STATUS=$?
echo "heap after GC at end:   $(heap_after_gc $SERVICE_PID)"
echo "provider requests received (warm-up included): $(curl -s "$PROVIDERS/requests")"
if [ "$AUDIT" = on ]; then
  echo "audit log lines: $(wc -l <"$WORK/audit.jsonl") on $(df -P "$WORK" | awk 'NR==2 {print $1}')"
fi
echo "service log lines at WARN or ERROR: $(grep -c -E ' (WARN|ERROR) ' "$WORK/service.err" || true)"
if [ "$SHARED_STATE" = 1 ]; then
  echo "redis: $(redis-cli -p "$REDIS_PORT" dbsize) keys, $(redis-cli -p "$REDIS_PORT" info memory | grep -m1 '^used_memory_human' | tr -d '\r')"
 grep -h -A1 'shared state: Redis' "$WORK/service.err" | head -4 || true
  echo "shared-state failures counted: $(curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/metrics" | grep '^unifiedcrm_shared_state_failures_total' | tr '\n' ' ')"
fi
exit $STATUS
