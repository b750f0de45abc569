#!/usr/bin/env bash
# Builds sdk-bench and runs every measurement in BENCHMARKS.md, printing the tables.
# About 10-13 minutes on a 2-core machine. Run from anywhere:
#
#   sdk-bench/run-benchmarks.sh                 # everything
#   sdk-bench/run-benchmarks.sh jmh paired      # some parts: build jmh async paired telemetry scale streams startup
#
# Environment: MVN_FLAGS (extra Maven flags, default none; "-o" builds offline),
#              JAVA (default: java on the PATH), OUT (default sdk-bench/target/bench-results).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="${OUT:-$ROOT/sdk-bench/target/bench-results}"
JAVA="${JAVA:-java}"
MVN_FLAGS="${MVN_FLAGS-}"
PARTS="${*:-build jmh async paired telemetry scale streams startup}"
mkdir -p "$OUT"

want() { [[ " $PARTS " == *" $1 "* ]]; }
section() { printf '\n==== %s (%s)\n' "$1" "$(date +%T)" >&2; }

section "machine"
{
  echo "### Machine"
  echo
  echo '```'
  echo "nproc: $(nproc)"
  "$JAVA" -version 2>&1
  echo "os: $(uname -srm)"
  echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "date: $(date -u +%FT%TZ)"
  echo '```'
} | tee "$OUT/machine.md"

if want build; then
  section "build (mvn $MVN_FLAGS -pl sdk-bench -am package, tests skipped)"
  # Builds core, testkit and bench; writes each module's runtime class path (no install).
  mvn -q $MVN_FLAGS -pl sdk-bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime
fi

CP="$ROOT/sdk-bench/target/classes:$(cat "$ROOT/sdk-bench/target/classpath.txt")"
CORE_JAR="$(ls "$ROOT"/sdk-core/target/puffle-sdk-core-*.jar | grep -v -e sources -e javadoc | head -1)"
CORE_CP="$CORE_JAR:$(cat "$ROOT/sdk-core/target/classpath.txt")"

if want jmh; then
  section "JMH: PerCallBenchmark, DecodeBenchmark (2 forks x 5 x 2 s after 6 x 2 s warm-up, -prof gc)"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main 'PerCallBenchmark|DecodeBenchmark' \
    -f 2 -wi 6 -w 2s -i 5 -r 2s \
    -prof gc -prof ai.puffle.sdk.bench.ClientAllocProfiler \
    -rf json -rff "$OUT/jmh-percall-decode.json" > "$OUT/jmh-percall-decode.txt"
  sed -n '/^Benchmark/,$p' "$OUT/jmh-percall-decode.txt"
fi

if want async; then
  section "JMH: AsyncTurnThroughputBenchmark (1 fork x 5 x 2 s, -prof gc)"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main AsyncTurnThroughputBenchmark \
    -f 1 -wi 2 -w 2s -i 5 -r 2s -prof gc \
    -rf json -rff "$OUT/jmh-async.json" > "$OUT/jmh-async.txt"
  grep '\[AsyncTurnThroughput' "$OUT/jmh-async.txt" || true
  sed -n '/^Benchmark/,$p' "$OUT/jmh-async.txt"
fi

if want jmh || want async; then
  section "JMH summary"
  files=()
  for f in "$OUT/jmh-percall-decode.json" "$OUT/jmh-async.json"; do [[ -s "$f" ]] && files+=("$f"); done
  "$JAVA" -cp "$CP" ai.puffle.sdk.bench.JmhSummary "${files[@]}" | tee "$OUT/jmh.md"
fi

if want paired; then
  section "per call and decode, paired in one JVM (30 ABBA rounds of 1000)"
  "$JAVA" -cp "$CP" ai.puffle.sdk.bench.PairedPerCall 30 1000 10 | tee "$OUT/paired.md"
  section "per-call cost, step by step (16 rounds of 1000 calls)"
  "$JAVA" -cp "$CP" ai.puffle.sdk.bench.PerCallBreakdown 16 1000 10 | tee "$OUT/breakdown.md"
fi

if want telemetry; then
  section "per call with the OpenTelemetry module, paired in one JVM (30 ABBA rounds of 1000)"
  "$JAVA" -cp "$CP" ai.puffle.sdk.bench.PairedTelemetry 30 1000 10 | tee "$OUT/telemetry.md"
fi

if want scale; then
  section "scale harness (each scenario in a fresh JVM, -Xmx512m)"
  "$JAVA" -Xmx256m -cp "$CP" ai.puffle.sdk.bench.ScaleHarness | tee "$OUT/scale.md"
fi

if want streams; then
  section "streamed turns: chunk latency, 8 and 1,000 turns at once (-Xmx512m)"
  "$JAVA" -Xmx512m -cp "$CP" ai.puffle.sdk.bench.StreamLatency 8 1000 | tee "$OUT/streams.md"
fi

if want startup; then
  section "footprint and startup (15 fresh JVMs each, alternating)"
  "$JAVA" -cp "$CP" ai.puffle.sdk.bench.StartupProbe "$CORE_CP" "$ROOT/sdk-bench/target/classes" 15 \
    | tee "$OUT/startup.md"
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.md"
section "done; tables in $OUT"
