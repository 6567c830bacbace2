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
