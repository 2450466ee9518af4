#!/usr/bin/env bash
# HL7 v2 benchmark: the packaged app (demo service, so the trust's integration engine account exists) with its MLLP
# listener on, driven by AdtLoad.java over one and over four connections.
# Usage: bench/run-adt.sh [seconds, default 30]     (SKIP_PACKAGE=1 to run the jar already in target/)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}; port=18183; mllp=12575
data=$(mktemp -d /tmp/homeward-bench-XXXX)
[ "${SKIP_PACKAGE:-}" = 1 ] || ./mvnw -q -B -DskipTests package
java -jar target/homeward-0.1.0-SNAPSHOT.jar --server.port=$port --homeward.data-dir="$data" \
  --homeward.hl7v2.inbound.port=$mllp --homeward.escalation.check-every=PT24H \
  --homeward.fhir.summary.publish-every=PT24H --homeward.fhir.validation.warm-up-at-start=false > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; pkill -f "$data" 2>/dev/null || true' EXIT
for _ in $(seq 1 1200); do curl -sf localhost:$port/actuator/health | grep -q UP && break; sleep 0.5; done
echo "== warm-up (15 s, not counted)"
java bench/AdtLoad.java localhost $mllp 2 15 > /dev/null
for connections in 1 4; do
  echo "== $connections connection(s)"
  java bench/AdtLoad.java localhost $mllp "$connections" "$seconds"
done
