#!/usr/bin/env bash
# Measures the walking skeleton's numbers (docs/BENCHMARKS.md):
#   1. `bin/suqi up --demo` on a fresh data dir: seconds until GET /v1/health answers
#   2. resident memory (RSS) of the process once ready
#   3. /v1/ask latency, analytics path: p50/p99 over N questions (default 1000), one at a time
#      and 8 in flight
#   4. restart on the same data dir: seconds until ready again
# Usage: bench/skeleton.sh [QUESTIONS]   (uses the default ports; stop other suqi first)
set -euo pipefail
cd "$(dirname "$0")/.."
questions=${1:-1000}
http=http://127.0.0.1:8080
data=$(mktemp -d /tmp/suqi-bench.XXXXXX)
log=$data.log
[ -f platform/target/suqi-platform.jar ] || mvn -B -q -DskipTests install

start() {
  local t0=$(date +%s.%N)
  setsid bin/suqi up --demo --data-dir "$data" >>"$log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null $http/v1/health 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "suqi up exited; see $log"; tail -20 "$log"; exit 1; }
    sleep 0.2
  done
  ready=$(echo "$(date +%s.%N) - $t0" | bc)
}
stop() { kill -TERM $pid; wait $pid 2>/dev/null || true; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/"$(pgrep -f "SuqiCli up --demo --data-dir $data" | head -1)"/status; }
# PostgreSQL runs as its own processes: the postmaster and its children, summed by PSS (shared
# memory counted once).
pg_pss_mb() {
  local pm; pm=$(head -1 "$data/postgres/postmaster.pid")
  for p in $pm $(pgrep -P "$pm"); do awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null; done |
    awk '{s+=$1} END {printf "%.0f", s/1024}'
}
trap 'kill -TERM $pid 2>/dev/null; rm -rf "$data"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
start
printf "fresh start with --demo: ready in %.1f s\n" "$ready"
sleep 2
echo "RSS after start: JVM $(rss_mb) MB, PostgreSQL $(pg_pss_mb) MB (PSS)"
tenant=$(psql -At "postgresql://postgres@127.0.0.1:55432/suqi" -c "SELECT tenant_id FROM retail.tenants ORDER BY tenant_id LIMIT 1")
key=$(bin/suqi tenant create "$tenant" --data-dir "$data" | tail -1)
bin/suqi bench-ask --key "$key" --questions "$questions" --data-dir "$data"
bin/suqi bench-ask --key "$key" --questions "$questions" --concurrency 8 --warmup 0 --data-dir "$data"
echo "RSS after the questions: JVM $(rss_mb) MB, PostgreSQL $(pg_pss_mb) MB (PSS)"
stop
start
printf "restart on the same data dir: ready in %.1f s\n" "$ready"
stop
