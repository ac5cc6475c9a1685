#!/usr/bin/env bash
# The project's test command: builds every module and runs all their tests (unit tests, and the tests that start
# a private PostgreSQL, a headless Chromium or the built server). Extra arguments go to Maven, e.g.
#   ./test.sh -pl test-support -am        one module and what it needs
#   ./test.sh -Dtest=PostgresClusterTest -Dsurefire.failIfNoSpecifiedTests=false
# Needs Java 17 and Maven 3.8+; the browser and database tests need Debian's chromium, chromium-driver and
# postgresql packages (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")"

args=(-B -ntp)
if [ "${CI:-}" = "true" ]; then
  # In CI: test every module even after a failure, so one run shows all failures.
  args+=(--fail-at-end)
fi

status=0
mvn "${args[@]}" verify "$@" || status=$?
exit "$status"
