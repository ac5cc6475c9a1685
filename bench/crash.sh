#!/bin/sh
# The long publishing crash test: a real server SIGKILLed KILLS times (default 200) at random moments while it
# publishes to a recording network (server/src/test/java/io/socialdesk/server/PublishingCrashIT.java).
# Figures: bench/results/publishing-crash-KILLS.txt; servers' output: server/target/publishing-crash-logs/.
# Usage: bench/crash.sh [KILLS] [SEED]      (about 5 s a kill on 2 cores)
set -eu
cd "$(dirname "$0")/.."
KILLS="${1:-200}"
SEED="${2:-$(date +%s)}"
OUT="$PWD/bench/results/publishing-crash-$KILLS.txt"
mkdir -p "$(dirname "$OUT")"
mvn -o -q -pl server -am verify -Dit.test=PublishingCrashIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcrash.kills="$KILLS" -Dcrash.seed="$SEED" -Dcrash.figures="$OUT"
cat "$OUT"
