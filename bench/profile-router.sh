#!/usr/bin/env bash
# CPU profile of the router benchmark (RouterThroughputBenchmark), every thread of its JVM (stream
# thread, producer, broker, watcher, GC, JIT), with async-profiler: round 3's bytes pass-through and
# router are each profiled, into collapsed stacks (one line per stack, the thread first), and
# summarised per thread group in microseconds of CPU per question.
# Usage: bench/profile-router.sh [QUESTIONS] [OUT_DIR]   (default 1000000, /tmp/suqi-profile)
# The profiler samples every 200 µs of CPU, which slows every topology by about a fifth: compare
# shares within a profile, and take rates from an unprofiled run (bench/orchestrator.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
questions=${1:-1000000}
out=${2:-/tmp/suqi-profile}
version=3.0
mkdir -p "$out"
jar=~/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar
[ -f "$jar" ] || mvn -B -q dependency:get -Dartifact=tools.profiler:async-profiler:$version -Dtransitive=false
unzip -o -q -d "$out" "$jar" 'linux-x64/libasyncProfiler.so'
lib=$out/linux-x64/libasyncProfiler.so
[ -f platform/target/suqi-platform.jar ] || mvn -B -q -DskipTests install
log=$out/benchmark.log
mvn -B -q -o -pl platform test -Dtest=RouterThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbenchmark.questions="$questions" -Dbenchmark.rounds=3 -Dbenchmark.withAssembler=false > "$log" 2>&1 &
mvn_pid=$!
trap 'kill $mvn_pid 2>/dev/null || true' EXIT
profiler() { java bench/profile/Attach.java "$fork" "$lib" "$1" > /dev/null; }
round3_has() { sed -n '/^round 3 of 3/,$p' "$log" | grep -q "$1"; }
# Stops with the benchmark's last output when it ended early.
benchmark_running() { kill -0 $mvn_pid 2>/dev/null || { tail -20 "$log"; exit 1; }; }
wait_for() { until round3_has "$1"; do benchmark_running; sleep 0.05; done; }

echo "running the benchmark ($questions questions × 3 rounds); its output: $log"
fork=
until [ -n "$fork" ]; do
  benchmark_running
  sleep 0.5; fork=$(jcmd -l | awk '/surefire/ && !/Launcher/ {print $1; exit}')
done
wait_for 'round 3 of 3'
profiler start,event=cpu,interval=200us,threads
wait_for '^pass-through .*steady'
profiler stop,collapsed,file="$out/pass-through.collapsed"
wait_for '^typed pass-through .*steady'
profiler start,event=cpu,interval=200us,threads
wait_for '^router .*steady'
profiler stop,collapsed,file="$out/router.collapsed"
wait $mvn_pid
trap - EXIT
grep -E '^(round 3|pass-through|typed|router) |CPU per question' "$log" | tail -7
python3 bench/profile/threads.py "$questions" "$out/pass-through.collapsed" "$out/router.collapsed"
echo "stacks: $out/*.collapsed (flame graphs: any collapsed-stack viewer)"
