#!/usr/bin/env bash
# Ingest benchmark: the packaged app on a fresh embedded database with the demo service, driven over HTTP by
# IngestLoad.java; then the same number of rows loaded by PostgreSQL COPY into the same table as the ceiling.
# Usage: bench/run-ingest.sh [clients] [batch] [seconds] [demo scale]      (needs psql for the COPY ceiling)
# Demo scale 15 (the default) loads the demo service 15 times over: 1,350 admitted patients.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-2}; batch=${2:-1000}; seconds=${3:-30}; scale=${4:-15}; port=18181
data=$(mktemp -d /tmp/homeward-bench-XXXX)
[ "${SKIP_PACKAGE:-}" = 1 ] || ./mvnw -q -B -DskipTests package
java -jar target/homeward-0.1.0-SNAPSHOT.jar --server.port=$port --homeward.data-dir="$data" \
  --homeward.demo-scale="$scale" --homeward.escalation.check-every=PT24H --homeward.fhir.summary.publish-every=PT24H \
  --homeward.fhir.validation.warm-up-at-start=false ${APP_ARGS:-} > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; pkill -f "$data" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -sf localhost:$port/actuator/health | grep -q UP && break; sleep 0.5; done
pgport=$(ps -eo args | grep "$data" | grep postgres | grep -v grep | grep -o -- '-p [0-9]*' | head -1 | awk '{print $2}')
# the embedded PostgreSQL demands the password Homeward generated into the data folder (EmbeddedDatabasePassword)
export PGPASSWORD=$(cat "$data/postgres-password")
# Warm-up, not counted: the JIT compiles the ingest path, and the observation tables fill from empty. PostgreSQL plans
# from statistics that autovacuum refreshes about a minute after a table starts filling; the ANALYZE below gives now
# what autovacuum gives a minute later (measured without it, the first minute runs at a quarter of the speed).
echo "== warm-up (20 s, not counted) and ANALYZE"
java bench/IngestLoad.java http://localhost:$port nurse homeward-demo "$clients" "$batch" 20 > /dev/null
psql -q -h localhost -p "$pgport" -U postgres -d postgres -c "analyze"
echo "== HTTP batch ingest"
java bench/IngestLoad.java http://localhost:$port nurse homeward-demo "$clients" "$batch" "$seconds" | tee "$data/load.txt"
rows=$(sed -n 's/.*stored_readings=\([0-9]*\).*/\1/p' "$data/load.txt")
echo "== COPY ceiling: $rows rows into observation_reading (PostgreSQL port $pgport)"
psql -At -h localhost -p "$pgport" -U postgres -d postgres -c "copy (select gen_random_uuid(), patient_id, source, gen_random_uuid()::text, device_id, parameter, numeric_value, code_value, recorded_at, received_at, 'copy' from observation_reading limit $rows) to stdout with csv" > "$data/rows.csv"
start=$(date +%s.%N)
psql -q -h localhost -p "$pgport" -U postgres -d postgres -c "\\copy observation_reading from '$data/rows.csv' with csv"
end=$(date +%s.%N)
awk -v r="$rows" -v s="$start" -v e="$end" 'BEGIN { printf "copy_rows=%d copy_s=%.2f copy_rows_per_s=%.0f\n", r, e-s, r/(e-s) }'
