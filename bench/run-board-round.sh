#!/usr/bin/env bash
# Board round page benchmark (issue 12): the packaged app on a fresh embedded database holding the demo service at
# demo scale $scale (that many copies of each of the three demo wards; 112 gives 336 wards and 10,080 admitted
# patients), given 30 s of device readings (IngestLoad.java) so the board has scores and alerts, then driven by
# BoardRoundLoad.java: the board round page of one ward at a time, then of the whole service, as the demo consultant
# signed in through the login form.
# Usage: bench/run-board-round.sh [demo scale, default 112] [seconds, default 60] [concurrent clients, default 1]
# SKIP_PACKAGE=1 reuses target/homeward-0.1.0-SNAPSHOT.jar; MAVEN_ARGS=-o packages offline.
# DATA=/some/folder keeps the service in that folder: the first run loads the demo and its readings there, later runs
# start on it as it was left (scale 112 takes 35-50 minutes to load), migrating it to the jar's schema.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-112}; seconds=${2:-60}; clients=${3:-1}; port=18183
if [ -n "${DATA:-}" ]; then
  mkdir -p "$DATA"; data=$(cd "$DATA" && pwd)
  if [ -f "$data/readings-done" ]; then reused=1; else reused=0; fi
else
  data=$(mktemp -d /tmp/homeward-board-XXXX); reused=0
fi
if [ "${SKIP_PACKAGE:-0}" != 1 ]; then ./mvnw -q -B -DskipTests package; fi
javac -d "$data/classes" bench/BoardRoundLoad.java bench/IngestLoad.java
java -jar target/homeward-0.1.0-SNAPSHOT.jar --server.port=$port --homeward.data-dir="$data" \
  --homeward.demo-scale="$scale" --homeward.escalation.check-every=PT24H > "$data/app.log" 2>&1 &
app=$!
stop() {
  kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  # the embedded PostgreSQL normally stops with the app; if not, its postmaster is named in its own folder
  pid=$(find "$data" -name postmaster.pid -exec head -1 {} \; 2>/dev/null | head -1)
  if [ -n "$pid" ] && ps -p "$pid" -o args= | grep -q "$data"; then kill "$pid" 2>/dev/null || true; fi
}
trap stop EXIT
echo "== data folder $data; loading the demo service at scale $scale"
for _ in $(seq 1 3600); do
  curl -sf localhost:$port/actuator/health | grep -q UP && break
  kill -0 "$app" 2>/dev/null || { tail -50 "$data/app.log"; exit 1; }
  sleep 0.5
done
# the health check is UP while the demo still loads (DemoDataRunner runs after start-up): wait for its log line, so
# the load below never meets an empty service (stop 22's run signed in before the demo's users existed)
for _ in $(seq 1 14400); do
  grep -q "Demo data loaded\|Demo data not loaded" "$data/app.log" && break
  kill -0 "$app" 2>/dev/null || { tail -50 "$data/app.log"; exit 1; }
  sleep 1
done
grep -o "Demo data.*" "$data/app.log" | head -1 || true
# the port is the fourth line of postmaster.pid; the password is the one Homeward generated (EmbeddedDatabasePassword)
pgport=$(sed -n 4p "$(find "$data" -name postmaster.pid | head -1)")
export PGPASSWORD=$(cat "$data/postgres-password")
psql -At -h localhost -p "$pgport" -U postgres -d postgres -c "select 'wards ' || count(*) from virtual_ward" \
  -c "select 'admitted now ' || count(*) from admission where discharged_at is null"
# device readings for every admitted patient, so the board has scores to show (and, from the generator's abnormal
# readings, open alerts for about half the patients: nobody acknowledges them)
if [ "$reused" = 0 ]; then
  echo "== 30 s of device readings (IngestLoad as nurse), so every patient has a score"
  java -cp "$data/classes" IngestLoad http://localhost:$port nurse homeward-demo 2 1000 30 | tail -2
  touch "$data/readings-done"
else
  echo "== the service as a previous run left it in $data (no new readings)"
fi
psql -At -h localhost -p "$pgport" -U postgres -d postgres -c "select 'scored patients ' || count(*) from board_round_score" \
  -c "select 'open alerts ' || count(*) from alert where status <> 'CLOSED'"
# warm-up, not counted (the JIT compiles the page path), then the planner statistics autovacuum would give later
echo "== warm-up (20 s of ward boards, then whole-service boards, not counted) and ANALYZE"
java -cp "$data/classes" BoardRoundLoad http://localhost:$port consultant homeward-demo 20 "$clients" warmup
psql -q -h localhost -p "$pgport" -U postgres -d postgres -c "analyze"
echo "== board round page, $seconds s a board"
java -cp "$data/classes" BoardRoundLoad http://localhost:$port consultant homeward-demo "$seconds" "$clients"
