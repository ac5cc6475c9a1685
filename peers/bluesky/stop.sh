#!/usr/bin/env bash
# Stops what start.sh started (network.mjs, Redis, the private PostgreSQL cluster) and throws their data away.
# Safe to run when nothing runs, or twice. --quiet: print nothing when there was nothing to stop.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="$here/.run"
quiet=false
[ "${1:-}" = "--quiet" ] && quiet=true
say() { echo "==> bluesky: $*"; }

[ -d "$run" ] || { $quiet || say "nothing to stop"; exit 0; }
started=$SECONDS
did=false

# The network first (it still writes to both databases while it closes): SIGTERM, then SIGKILL after 30 s.
if [ -f "$run/network.pid" ]; then
  pid="$(cat "$run/network.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    did=true
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "stop.sh: network.mjs (pid $pid) did not close within 30 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$run/network.pid"
fi

if [ -f "$run/redis.pid" ]; then
  pid="$(cat "$run/redis.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    did=true
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$run/redis.pid" "$run/redis.port"
fi

if [ -f "$run/pg.dir" ]; then
  pg_dir="$(cat "$run/pg.dir")"
  if [ -f "$pg_dir/data/postmaster.pid" ]; then
    did=true
    pg_bin="${SOCIALDESK_PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
    as_pg=()
    [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
    "${as_pg[@]}" "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m fast -w -t 30 >/dev/null 2>&1 \
      || "${as_pg[@]}" "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m immediate -w -t 30 >/dev/null 2>&1 \
      || echo "stop.sh: could not stop PostgreSQL in $pg_dir" >&2
  fi
  case "$pg_dir" in /tmp/socialdesk-bluesky-pg-*) rm -rf "$pg_dir" ;; esac
  rm -f "$run/pg.dir"
fi

# The logs stay for a look after a failure; the PDS's data and the env file go.
rm -rf "$run/tmp" "$run/env"
if $did; then say "stopped in $((SECONDS - started)) s"; elif ! $quiet; then say "nothing to stop"; fi
