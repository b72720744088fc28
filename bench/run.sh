#!/usr/bin/env bash
# Full benchmark run with the GC profiler (B/op). Writes bench/target/jmh-full.json and the
# Markdown table bench/target/jmh-full.md. Extra arguments go to JMH, e.g. a filter regex or
# shorter iterations: bench/run.sh -wi 2 -i 3 -w 1s -r 1s 'lookup'
set -euo pipefail
cd "$(dirname "$0")/.."

jar=bench/target/benchmarks.jar
out=bench/target/jmh-full.json
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q package -pl bench -am -DskipTests
fi

java -jar "$jar" -foe true -prof gc -rf json -rff "$out" "$@"
java -cp "$jar" io.fleetlab.bench.report.JmhTable "$out" | tee bench/target/jmh-full.md
