#!/usr/bin/env bash
# Measures the lakehouse's numbers (docs/BENCHMARKS.md, issue 3) on the whole system:
#   1. `bin/suqi up --demo` on a fresh data dir, then how long the demo history (Debezium
#      snapshot of retail.*) takes to be complete in gold.sales_daily
#   2. `bin/suqi bench-lakehouse`: POS events → bronze → silver → gold, side by side with a plain
#      Kafka consumer on the same records, and freshness retail.* → gold.sales_daily
#   3. resident memory (JVM RSS, PostgreSQL PSS) before and, sampled every second, under that load
#   4. CPU per measured event, by JVM thread (digits in names folded) and Postgres process kind
# Usage: bench/lakehouse.sh [EVENTS] [FRESHNESS_SAMPLES] [WARMUP_EVENTS] [ROUNDS]
#   (default ports; stop other suqi first). The warm-up events go through first, unmeasured, while
#   the JIT compiles the pipeline; then ROUNDS rounds of EVENTS each are measured.
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
samples=${2:-30}
warmup=${3:-200000}
rounds=${4:-1}
http=http://127.0.0.1:8080
pg=postgresql://postgres@127.0.0.1:55432/suqi
data=$(mktemp -d /tmp/suqi-bench.XXXXXX)
log=$data.log
[ -f platform/target/suqi-platform.jar ] || mvn -B -q -DskipTests install

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/"$jvm"/status; }
pg_pss_mb() {
  local pm; pm=$(head -1 "$data/postgres/postmaster.pid")
  for p in $pm $(pgrep -P "$pm"); do awk '/^Pss:/ {print $2}' /proc/$p/smaps_rollup 2>/dev/null; done |
    awk '{s+=$1} END {printf "%.0f", s/1024}'
}
q() { psql -At "$pg" -c "$1"; }
# "<group> <clock ticks>" for every thread of the JVM and every Postgres process.
cpu_snapshot() {
  local pm t p stat name
  pm=$(head -1 "$data/postgres/postmaster.pid")
  for t in /proc/"$jvm"/task/*; do
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    name=${stat#*(}; name=${name%)*}
    echo "jvm:$(echo "$name" | sed 's/[0-9]\+/N/g; s/ /_/g') $(echo "${stat##*) }" | awk '{print $12 + $13}')"
  done
  for p in $pm $(pgrep -P "$pm"); do
    stat=$(cat /proc/"$p"/stat 2>/dev/null) || continue
    name=$(tr '\0' ' ' </proc/"$p"/cmdline | sed 's/^postgres: //; s/ [0-9.]*(\?[0-9]*)\?.*$//; s/ /_/g')
    echo "pg:$name $(echo "${stat##*) }" | awk '{print $12 + $13}')"
  done
}
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
t0=$(date +%s.%N)
setsid bin/suqi up --demo --data-dir "$data" >>"$log" 2>&1 &
pid=$!
until curl -fsS -o /dev/null $http/v1/health 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { echo "suqi up exited; see $log"; tail -20 "$log"; exit 1; }
  sleep 0.2
done
jvm=$(pgrep -f "SuqiCli up --demo --data-dir $data" | head -1)
printf "ready in %.1f s; RSS: JVM %s MB, PostgreSQL %s MB (PSS)\n" "$(echo "$(date +%s.%N) - $t0" | bc)" "$(rss_mb)" "$(pg_pss_mb)"
# Complete when gold's totals equal the source's: completed transactions and their revenue.
expected=$(q "SELECT count(*) || '|' || coalesce(sum(r), 0) FROM (SELECT t.txn_id, (SELECT coalesce(sum(quantity * unit_price - discount), 0)
  FROM retail.transaction_items i WHERE i.txn_id = t.txn_id) AS r FROM retail.transactions t WHERE t.status = 'completed') s")
until [ "$(q "SELECT coalesce(sum(txn_count), 0) || '|' || coalesce(sum(revenue), 0) FROM gold.sales_daily")" = "$expected" ]; do
  (( $(echo "$(date +%s.%N) - $t0 > 600" | bc) )) && { echo "the demo history was not complete in gold after 600 s"; exit 1; }
  sleep 1
done
printf "demo history complete in gold (completed transactions|revenue: %s) %.1f s after the start\n" "$expected" \
  "$(echo "$(date +%s.%N) - $t0" | bc)"
echo "RSS with the history in: JVM $(rss_mb) MB, PostgreSQL $(pg_pss_mb) MB (PSS)"
(while kill -0 "$jvm" 2>/dev/null; do echo "$(rss_mb) $(pg_pss_mb)"; sleep 1; done) >"$data.rss" 2>/dev/null &
sampler=$!
bin/suqi bench-lakehouse --events "$events" --freshness-samples "$samples" --warmup-events "$warmup" \
  --rounds "$rounds" --data-dir "$data" | grep --line-buffered -v '^  pipeline: ' | while IFS= read -r line; do
    case "$line" in
      "round 1 of"*) cpu_snapshot >"$data.cpu0" ;;
      "freshness:"*) cpu_snapshot >"$data.cpu1" ;;
    esac
    echo "$line"
  done
kill $sampler 2>/dev/null || true
sort -n "$data.rss" | tail -1 | awk '{print "peak RSS under load: JVM " $1 " MB"}'
sort -n -k2 "$data.rss" | tail -1 | awk '{print "peak PostgreSQL PSS under load: " $2 " MB"}'
rm -f "$data.rss"
if [ -s "$data.cpu0" ] && [ -s "$data.cpu1" ]; then
  ticks=$(getconf CLK_TCK)
  echo "CPU per measured event (µs), measured rounds, the benchmark's own client not included:"
  awk -v n=$((events * rounds)) -v hz="$ticks" 'NR == FNR {a[$1] += $2; next} {b[$1] += $2}
    END {for (k in b) {d = (b[k] - a[k]) * 1e6 / hz / n; if (d > 0) {t += d; printf "%8.1f  %s\n", d, k}}
         printf "%8.1f  total\n", t}' "$data.cpu0" "$data.cpu1" | sort -rn | head -16
fi
rm -f "$data.cpu0" "$data.cpu1"
