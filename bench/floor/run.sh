#!/usr/bin/env bash
# The floor (docs/performance.md): what a C proc connector reader costs per exec for the reads exectrace makes,
# against extrace and exectrace, in the same rounds. Every round is printed, then the medians and the ratios to extrace.
# Usage, as root from the repository root: bench/floor/run.sh [ROUNDS] [EXECS]   (defaults 3, 3000)
# Needs gcc, extrace (apt-get install -y gcc extrace) and a built exectrace (dotnet build src/Tracing.Cli -c Release).
set -euo pipefail
rounds=${1:-3}
count=${2:-3000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exectrace=$root/src/Tracing.Cli/bin/Release/net10.0/exectrace
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/cnproc-floor" "$here/cnproc-floor.c"
gcc -O2 -o "$work/storm" "$here/storm.c"
command -v extrace >/dev/null || { echo "extrace is missing: apt-get install -y extrace" >&2; exit 1; }
[ -x "$exectrace" ] || { echo "$exectrace is missing: dotnet build src/Tracing.Cli -c Release" >&2; exit 1; }

# CPU of every thread of PID, in ns (schedstat: exact, where /proc/PID/stat counts 10 ms ticks).
cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s += $1} END {print s + 0}'; }

# measure COMMAND...: start the tracer, let it subscribe, run the storm, print µs of its CPU per exec.
measure() {
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep 1.5                                  # subscribed (exectrace warms up first); not part of the figure
  local before; before=$(cpu_ns "$pid")
  "$work/storm" "$count"
  sleep 0.3                                  # the last events read
  local after; after=$(cpu_ns "$pid")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  awk -v a="$after" -v b="$before" -v n="$count" 'BEGIN {printf "%.1f", (a - b) / 1000 / n}'
}

declare -A rows=(
  [extrace]="extrace -o $work/extrace.out"
  [floor-receive-only]="chrt -f 10 $work/cnproc-floor 0"
  [floor-cmdline]="chrt -f 10 $work/cnproc-floor 1"
  [floor-cmdline+pidfd]="chrt -f 10 $work/cnproc-floor 17"
  [floor-json-reads]="chrt -f 10 $work/cnproc-floor 63"
  [exectrace-text]="$exectrace -o $work/text.out"
  [exectrace-text-nocontainer]="$exectrace --no-container -o $work/text-nc.out"
  [exectrace-json]="$exectrace --json -o $work/json.out"
)
order=(extrace floor-receive-only floor-cmdline floor-cmdline+pidfd floor-json-reads exectrace-text exectrace-text-nocontainer exectrace-json)
declare -A all
depth_of() { local n=0 p=$1; while [ "$p" -gt 1 ]; do p=$(awk '/^PPid:/ {print $2}' /proc/"$p"/status); n=$((n + 1)); done; echo "$n"; }
echo "storm processes sit $(( $(depth_of $$) + 1 )) below pid 1 (extrace's cost grows with it); $count execs a storm, $rounds rounds"
for round in $(seq 1 "$rounds"); do
  for row in "${order[@]}"; do
    # shellcheck disable=SC2086
    value=$(measure ${rows[$row]})
    all[$row]="${all[$row]:-} $value"
    echo "round $round  $row  $value µs/exec"
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
anchor=$(echo "${all[extrace]}" | median)
echo
echo "| row | CPU per exec, every round (µs) | median | × extrace |"
echo "|---|---|---|---|"
for row in "${order[@]}"; do
  m=$(echo "${all[$row]}" | median)
  echo "| $row | ${all[$row]# } | $m | $(awk -v m="$m" -v a="$anchor" 'BEGIN {printf "%.2f", m / a}') |"
done
