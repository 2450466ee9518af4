#!/usr/bin/env bash
# FHIR ingest benchmark: the packaged app on a fresh embedded database with the demo service, driven over HTTP by
# IngestLoad.java in its fhir mode: transaction Bundles of vital-sign Observations for random admitted patients.
# Usage: bench/run-fhir-ingest.sh [clients, default 8] [observations a bundle, default 10] [seconds, default 30]
#        [demo scale, default 5]     (SKIP_PACKAGE=1 to run the jar already in target/)
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}; size=${2:-10}; seconds=${3:-30}; scale=${4:-5}; port=18182
data=$(mktemp -d /tmp/homeward-bench-XXXX)
[ "${SKIP_PACKAGE:-}" = 1 ] || ./mvnw -q -B -DskipTests package
java -jar target/homeward-0.1.0-SNAPSHOT.jar --server.port=$port --homeward.data-dir="$data" \
  --homeward.demo-scale="$scale" --homeward.escalation.check-every=PT24H \
  --homeward.fhir.summary.publish-every=PT24H --homeward.fhir.validation.warm-up-at-start=false > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; pkill -f "$data" 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do curl -sf localhost:$port/actuator/health | grep -q UP && break; sleep 0.5; done
pgport=$(ps -eo args | grep "$data" | grep postgres | grep -v grep | grep -o -- '-p [0-9]*' | head -1 | awk '{print $2}')
export PGPASSWORD=$(cat "$data/postgres-password")
echo "== warm-up (20 s, not counted) and ANALYZE"
java bench/IngestLoad.java http://localhost:$port nurse homeward-demo "$clients" "$size" 20 fhir > /dev/null
psql -q -h localhost -p "$pgport" -U postgres -d postgres -c "analyze"
echo "== FHIR transaction bundles"
java bench/IngestLoad.java http://localhost:$port nurse homeward-demo "$clients" "$size" "$seconds" fhir
echo "== alerts open after the run: $(psql -At -h localhost -p "$pgport" -U postgres -d postgres -c "select count(*) from alert where status <> 'CLOSED'")"
