#!/usr/bin/env bash
# Published benchmarks through the `assay` command (the numbers in docs/performance.md): for each
# tau-bench and tau2-bench domain folder, `suites validate` (loading), `audit` (every probe) and
# runs of the oracle and null agents; then GSM8K's 1,319 test problems with both agents.
# Each line is the whole command, JVM start included, best of RUNS (default 3).
# Usage: scripts/bench-published.sh [BENCHMARKS_DIR] [RUNS]   (default: ../shared/benchmarks)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${1:-$root/../shared/benchmarks}"
runs="${2:-3}"
work="$root/target/bench-published"
rm -rf "$work" && mkdir -p "$work"
cd "$root"
./assay plugins > /dev/null # builds the command and its start-up cache first, outside the timings

best() { # LABEL COMMAND...: the fastest of $runs runs, in seconds; a run writes to $work/run
  local label="$1"; shift
  local fastest=""
  for _ in $(seq "$runs"); do
    local start end took status=0
    rm -rf "$work/run"
    start=$(date +%s.%N)
    "$@" > "$work/out.txt" 2>&1 || status=$?
    end=$(date +%s.%N)
    if [ "$status" -gt 1 ]; then # 1 is an audit with findings; anything else is a failed measurement
      echo "failed ($status): $*" >&2; cat "$work/out.txt" >&2; exit 1
    fi
    took=$(python3 -c "print(f'{$end - $start:.2f}')")
    if [ -z "$fastest" ] || python3 -c "import sys; sys.exit(0 if $took < $fastest else 1)"; then fastest=$took; fi
  done
  printf '%-40s %6s s\n' "$label" "$fastest"
}

for folder in tau1/airline tau1/retail tau2/airline tau2/retail; do
  dir="$data/tau-bench/$folder"
  best "$folder: suites validate" ./assay suites validate "$dir"
  best "$folder: audit" ./assay audit "$dir"
  best "$folder: run --agent oracle" ./assay run "$dir" --agent oracle --out "$work/run" --progress none
  best "$folder: run --agent null" ./assay run "$dir" --agent null --out "$work/run" --progress none
done
best "gsm8k: suites validate" ./assay suites validate examples/gsm8k
for agent in oracle null; do
  best "gsm8k: run --agent $agent" ./assay run examples/gsm8k --agent "$agent" --out "$work/run" --progress none
done
