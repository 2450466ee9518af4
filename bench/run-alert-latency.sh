#!/usr/bin/env bash
# Alert latency benchmark: the packaged app on a fresh embedded database holding the demo service loaded $scale
# times over (scale 15: 1,350 admitted patients), driven by AlertLatency.java at a steady rate of readings while a
# signed-in board listens for server-sent events.
# Usage: bench/run-alert-latency.sh [readings per second] [seconds] [probes per second] [demo scale] [open alerts held]
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-1000}; seconds=${2:-60}; probes=${3:-2}; scale=${4:-15}; hold=${5:-1000}; port=18182
data=$(mktemp -d /tmp/homeward-latency-XXXX)
./mvnw -q -B -DskipTests package
javac -d "$data/classes" bench/IngestLoad.java bench/AlertLatency.java
java -jar target/homeward-0.1.0-SNAPSHOT.jar --server.port=$port --homeward.data-dir="$data" \
  --homeward.demo-scale="$scale" --homeward.escalation.check-every=PT24H > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; pkill -f "$data" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf localhost:$port/actuator/health | grep -q UP && break; sleep 0.5; done
grep -o "Demo data loaded.*" "$data/app.log" | head -1 || true
pgport=$(ps -eo args | grep "$data" | grep postgres | grep -v grep | grep -o -- '-p [0-9]*' | head -1 | awk '{print $2}')
# the embedded PostgreSQL demands the password Homeward generated into the data folder (EmbeddedDatabasePassword)
export PGPASSWORD=$(cat "$data/postgres-password")
# warm-up, not counted, then the planner statistics autovacuum would give a minute later (see run-ingest.sh)
echo "== warm-up (20 s of normal readings at the same rate, no probes, not counted) and ANALYZE"
java -cp "$data/classes" AlertLatency http://localhost:$port nurse homeward-demo "$rate" 20 0 > /dev/null
psql -q -h localhost -p "$pgport" -U postgres -d postgres -c "analyze"
echo "== alert latency"
java -cp "$data/classes" AlertLatency http://localhost:$port nurse homeward-demo "$rate" "$seconds" "$probes" "$hold"
