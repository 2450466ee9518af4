#!/usr/bin/env bash
# Visit routing benchmarks (issue 4): Solomon VRPTW, Mankowska HHCRSP and the county day, each solved for a fixed
# time on one solver thread and costed by the independent RouteEvaluator next to the best-known values.
# Usage: bench/run-routing.sh [solomon|hhcrsp|county|all] [seconds per instance, default 30] [instance ids...]
#   e.g. bench/run-routing.sh solomon 30          bench/run-routing.sh hhcrsp 10 A1 B1
# The instance files are read from ../shared/bench beside the repository (or -Dbench.data=... in MAVEN_OPTS).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile
./mvnw -q -B -ntp exec:java -Dexec.mainClass=org.homeward.visit.routing.bench.RoutingBenchmark \
  -Dexec.classpathScope=test -Dlogback.configurationFile=bench/routing-logback.xml -Dexec.args="${*:-all 30}"
