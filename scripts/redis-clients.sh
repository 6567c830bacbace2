#!/usr/bin/env bash
# Lettuce against Jedis, on a redis-server of its own (free loopback port, no persistence): claim-shaped
# writes and Bucket4j turns from 64 threads. The figures behind the client choice in
# shared-state-redis/README.md.
#
#   scripts/redis-clients.sh                 # 20000 operations of each kind, 64 threads
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/perf-lib.sh
OPS=${OPS:-20000}
THREADS=${THREADS:-64}
command -v redis-server >/dev/null || die "redis-server is missing: apt-get install redis-server"
WORK=$(mktemp -d)
PORT=$(free_port)
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.out" 2>&1 &
REDIS=$!
trap 'kill $REDIS 2>/dev/null; wait $REDIS 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
./mvnw -B -q -f scripts/redis-clients/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >&2
java -cp "$(cat "$WORK/classpath")" scripts/redis-clients/ClientComparison.java "$PORT" "$OPS" "$THREADS"
