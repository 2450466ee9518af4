#!/usr/bin/env bash
# Crash benchmark (issue 10): the packaged app on a fresh embedded database with the demo service, device batches at a
# set rate, and kill -9 of the app (mode app) or of its PostgreSQL postmaster (mode db) mid-stream, N times. Counts
# acknowledged readings and alerts missing afterwards, and times each recovery. See CrashRecovery.java.
# Usage: bench/run-crash.sh [mode app|db, default app] [kills, default 3] [readings/s, default 200]
#                           [seconds between kills, default 30] [seconds the app gets to restore its database, default 60]
# SKIP_PACKAGE=1 reuses target/homeward-0.1.0-SNAPSHOT.jar as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-app}; kills=${2:-3}; rate=${3:-200}; every=${4:-30}; selfheal=${5:-60}
jar=target/homeward-0.1.0-SNAPSHOT.jar
[ "${SKIP_PACKAGE:-0}" = 1 ] || ./mvnw -q -B -DskipTests package
data=$(mktemp -d /tmp/homeward-crash-XXXX)
# the PostgreSQL driver from the packaged jar, so the harness can count rows without anything else installed
driver=$(unzip -Z1 "$jar" | awk '/BOOT-INF\/lib\/postgresql-.*\.jar$/ && !found { print; found = 1 }')
unzip -q -o -j "$jar" "$driver" -d "$data/lib"
java -cp "$data/lib/$(basename "$driver")" bench/CrashRecovery.java "$PWD/$jar" "$mode" "$kills" "$rate" "$every" \
  "$selfheal" "$data" | tee "$data/crash.txt"
