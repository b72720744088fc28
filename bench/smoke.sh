#!/usr/bin/env bash
# CI smoke pass: every benchmark once, briefly, to prove the suite builds, runs and reports.
# The figures are meaningless; bench/run.sh measures. Fails when any benchmark fails.
# Heavy parameters are pinned (-p ...) so the pass stays within a few minutes on 2 cores: one
# fleet size for lookups, small queues and small fleets for the simulator benchmarks.
# Set SKIP_BUILD=1 when bench/target/benchmarks.jar is already fresh.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=bench/target/benchmarks.jar
out=bench/target/jmh-smoke.json
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q package -pl bench -am -DskipTests
fi

rm -f "$out"
# The figures are not used, so another JMH run on the machine (JMH's /tmp/jmh.lock) must not fail the pass.
java -Djmh.ignoreLock=true -jar "$jar" \
  -foe true -f 1 -wi 0 -i 1 -w 100ms -r 200ms \
  -p nodes=100 -p pending=1000 \
  -p fleetSize=20 -p fleetSeconds=30 -p restartSize=20 -p restartSeconds=90 -p warmSize=20 -p warmSeconds=30 \
  -rf json -rff "$out" \
  "$@"

# Every benchmark must have produced a result, and the report tool must read the file.
expected=$(java -jar "$jar" -l "$@" | tail -n +2 | grep -c .)
got=$(java -cp "$jar" io.fleetlab.bench.report.JmhTable "$out" | tail -n +3 \
  | awk -F'|' '{gsub(/ /, "", $2); print $2}' | sort -u | grep -c .)
if [[ "$got" -ne "$expected" ]]; then
  echo "smoke: $expected benchmarks listed but $got reported in $out" >&2
  exit 1
fi
echo "smoke: $got benchmarks ran; results in $out"
