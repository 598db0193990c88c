#!/usr/bin/env bash
# Per-thread wake-ups and CPU of one JVM (or any process) per request of a wrk run, from /proc.
# Usage: benchmarks/scripts/wakeups.sh PID SECONDS WRK_ARGUMENTS...
#   e.g. benchmarks/scripts/wakeups.sh "$(pgrep -f process-manager)" 10 -c1 -s post.lua http://127.0.0.1:8081/v1/apps/bench/processes/w1/invoke/echo
# Prints, for each thread that woke or ran: voluntary context switches (it blocked and was woken),
# involuntary ones (preempted) and CPU microseconds, each per request; then the totals.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  sed -n '2,6p' "$0" >&2
  exit 2
fi
pid=$1 seconds=$2
shift 2
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
[[ -d /proc/$pid ]] || { echo "no process $pid" >&2; exit 1; }
ticks_per_second=$(getconf CLK_TCK)

snapshot() {
  for task in /proc/"$pid"/task/*; do
    name=$(tr ' ' '_' < "$task/comm" 2>/dev/null) || continue
    voluntary=$(awk '/^voluntary_ctxt_switches/ {print $2}' "$task/status" 2>/dev/null) || continue
    involuntary=$(awk '/^nonvoluntary_ctxt_switches/ {print $2}' "$task/status" 2>/dev/null) || continue
    ticks=$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null) || continue
    echo "${task##*/} $name $voluntary $involuntary $ticks"
  done | sort
}

before=$(mktemp) after=$(mktemp)
trap 'rm -f "$before" "$after"' EXIT
snapshot > "$before"
report=$(wrk -t1 -d"${seconds}s" --latency "$@")
snapshot > "$after"
requests=$(awk '/requests in/ {print $1}' <<< "$report")
echo "requests: $requests, $(awk '/ 50%/ {print "p50 " $2} / 99%/ {print ", p99 " $2}' <<< "$report" | tr -d '\n')"
# threads that started during the run are not in the first snapshot and are left out
join "$before" "$after" | awk -v r="$requests" -v hz="$ticks_per_second" '
  { v = $7 - $3; nv = $8 - $4; cpu = ($9 - $5) * 1e6 / hz
    if (v + nv > r / 20 || cpu / r > 3) {
      printf "%-18s woken/req %5.2f  preempted/req %5.2f  cpu_us/req %7.1f\n", $2, v / r, nv / r, cpu / r
      tv += v; tc += cpu } }
  END { printf "%-18s woken/req %5.2f  %20s cpu_us/req %7.1f\n", "TOTAL", tv / r, "", tc / r }'
