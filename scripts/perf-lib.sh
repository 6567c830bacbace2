# Shared by the perf-*.sh scripts (source it): logging, tools, free loopback ports, wrk latency
# units, and the nginx stub provider that every comparison must share.

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Installs what is missing among the given commands (Debian packages of the same name); sets NGINX.
ensure_tools() { # command...
  local missing=() tool
  for tool in "$@"; do
    if [ "$tool" = nginx ]; then
      command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    else
      command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "missing ${missing[*]}: run as root, or apt-get install -y ${missing[*]}"
    log "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# Ports are drawn below the kernel's ephemeral range (32768 and up by default), where wrk's own
# client sockets live; TAKEN keeps one script from drawing the same port twice.
port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((10000 + RANDOM % 20000))
    if port_is_free "$port" && [[ " ${TAKEN:-} " != *" $port "* ]]; then
      TAKEN="${TAKEN:-} $port"
      echo "$port"
      return
    fi
  done
  die "no free loopback port found"
}

to_ms() { # wrk latency ("123.45us", "1.20ms", "1.01s") to milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.3f", n }'
}

# The stub provider, an nginx server block: each provider's documented delete success, 404 elsewhere.
stub_provider_server() { # port
  cat <<EOF
  server {
    listen 127.0.0.1:$1;
    location ~ ^/insightly/v3\.1/Leads/[0-9]+\$ {
      add_header X-RateLimit-Limit 100000 always;
      add_header X-RateLimit-Remaining 99999 always;
      return 202;
    }
    location ~ ^/pipeliner/api/v100/rest/spaces/bench/entities/Leads/([0-9a-f-]+)\$ {
      default_type application/json;
      return 200 '{"success":true,"data":"\$1"}';
    }
    location ~ ^/sell/v2/leads/[0-9]+\$ {
      return 204;
    }
    location / {
      return 404;
    }
  }
EOF
}

# The run command's JVM flags (the README's, and docs/performance.md section 3 for why), without the
# class-data archive, which belongs to one jar: jvm_flags_for adds it when the jar has one.
RUN_FLAGS="-XX:+UseSerialGC -Xms96m -Xmx96m -XX:MaxMetaspaceSize=128m"

# The class-data archive the build writes next to a jar (api-http.jar -> api-http.jsa), if there is one.
archive_of() { # jar
  local archive=${1%.jar}.jsa
  [ -f "$archive" ] && echo "$archive"
}

# Methods the JIT has compiled so far in a JVM, from its performance counters (jstat -compiler).
jit_compiled() { # pid
  jstat -compiler "$1" 2>/dev/null | awk 'NR == 2 {print $1; found = 1} END {if (!found) print -1}'
}

# Warms a JVM up until its JIT settles instead of for a fixed time: runs the load step ("$@") again and
# again, and after each step counts the methods the JIT compiled during it. Settled: PERF_SETTLE_STEPS (2)
# steps in a row with at most PERF_SETTLE_COMPILES (5) compilations each. Stops at PERF_WARMUP_MAX seconds
# (300) in any case, after at least PERF_WARMUP_MIN seconds (10). Sets WARMUP_SECONDS, WARMUP_STEPS,
# WARMUP_SETTLED (yes / "no (cap)") and WARMUP_COMPILED (methods compiled during the warm-up).
warm_until_settled() { # pid step-command...
  local pid=$1 started=$SECONDS quiet=0 before after first delta
  shift
  local settle_steps=${PERF_SETTLE_STEPS:-2} settle_compiles=${PERF_SETTLE_COMPILES:-5}
  local most=${PERF_WARMUP_MAX:-300} least=${PERF_WARMUP_MIN:-10}
  first=$(jit_compiled "$pid")
  [ "$first" -ge 0 ] || die "jstat cannot read the JIT counters of process $pid (is -XX:-UsePerfData set?)"
  before=$first
  WARMUP_STEPS=0
  WARMUP_SETTLED="no (cap of ${most}s)"
  while :; do
    "$@"
    WARMUP_STEPS=$((WARMUP_STEPS + 1))
    after=$(jit_compiled "$pid")
    delta=$((after - before))
    before=$after
    if [ "$delta" -le "$settle_compiles" ]; then quiet=$((quiet + 1)); else quiet=0; fi
    log "  warm-up step $WARMUP_STEPS: $delta methods compiled (JIT total $after), $((SECONDS - started)) s so far"
    if [ "$quiet" -ge "$settle_steps" ] && [ $((SECONDS - started)) -ge "$least" ]; then
      WARMUP_SETTLED=yes
      break
    fi
    [ $((SECONDS - started)) -lt "$most" ] || break
  done
  WARMUP_SECONDS=$((SECONDS - started))
  WARMUP_COMPILED=$((after - first))
}
