#!/usr/bin/env bash
# FHIR ingest benchmark: the packaged app on a fresh embedded database with the demo service, driven over HTTP by
# IngestLoad.java in its fhir mode: transaction Bundles of vital-sign Observations for random admitted patients.
# Usage: bench/run-fhir-ingest.sh [clients, default 8] [observations a bundle, default 10] [seconds, default 30]
#        [demo scale, default 5]     (SKIP_PACKAGE=1 to run the jar already in target/; MODE=fhir-client for a
#        system client with a bearer token, whose key set IngestLoad serves on 127.0.0.1, hence the private-address
#        setting; APP_ARGS for application settings; JAVA_OPTS for the JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}; size=${2:-10}; seconds=${3:-30}; scale=${4:-5}; port=18182
data=$(mktemp -d /tmp/homeward-bench-XXXX)
[ "${SKIP_PACKAGE:-}" = 1 ] || ./mvnw -q -B -DskipTests package
java ${JAVA_OPTS:-} -jar target/homeward-0.1.0-SNAPSHOT.jar --server.port=$port --homeward.data-dir="$data" \
  --homeward.demo-scale="$scale" --homeward.escalation.check-every=PT24H \
  --homeward.fhir.summary.publish-every=PT24H --homeward.fhir.validation.warm-up-at-start=false \
  --homeward.system-clients.allow-private-jwks-addresses=true ${APP_ARGS:-} > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; pkill -f "$data" 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do curl -sf localhost:$port/actuator/health | grep -q UP && break; sleep 0.5; done
pgport=$(ps -eo args | grep "$data" | grep postgres | grep -v grep | grep -o -- '-p [0-9]*' | head -1 | awk '{print $2}')
export PGPASSWORD=$(cat "$data/postgres-password")
echo "== warm-up (20 s, not counted) and ANALYZE"
java bench/IngestLoad.java http://localhost:$port nurse homeward-demo "$clients" "$size" 20 "${MODE:-fhir}" > /dev/null
psql -q -h localhost -p "$pgport" -U postgres -d postgres -c "analyze"
# CPU seconds used by the app and by PostgreSQL, and transactions committed, around the measured run
postmaster=$(pgrep -f -- "$data.*-p $pgport" | head -1)
cpu() { echo "$(ps -o cputimes= -p $app)" "$(ps -o cputimes= --ppid "$postmaster" | awk '{ s += $1 } END { print s + 0 }')"; }
commits() { psql -At -h localhost -p "$pgport" -U postgres -d postgres -c "select sum(xact_commit) from pg_stat_database"; }
read -r app0 pg0 <<< "$(cpu)"; c0=$(commits)
echo "== FHIR transaction bundles"
java bench/IngestLoad.java http://localhost:$port nurse homeward-demo "$clients" "$size" "$seconds" "${MODE:-fhir}" | tee "$data/load.out"
read -r app1 pg1 <<< "$(cpu)"; c1=$(commits)
bundles=$(grep -o 'requests=[0-9]*' "$data/load.out" | cut -d= -f2)
echo "== CPU during the run: app $((app1 - app0)) s, PostgreSQL $((pg1 - pg0)) s; $((c1 - c0)) transactions committed" \
  "for $bundles bundles"
echo "== alerts open after the run: $(psql -At -h localhost -p "$pgport" -U postgres -d postgres -c "select count(*) from alert where status <> 'CLOSED'")"
