#!/usr/bin/env bash
# Builds the server (first run: a few minutes of downloads from Maven Central) and starts it on the
# embedded database with the demo workspace. It prints the URL to open. Extra arguments go to
# `socialdesk serve`, e.g. ./start.sh --port 9090   or   ./start.sh --db jdbc:postgresql://localhost/socialdesk
# Needs only Java 17 and Maven 3.8+.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -ntp -pl server -am package -DskipTests
exec java -jar server/target/socialdesk.jar serve --demo "$@"
