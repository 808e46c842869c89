#!/usr/bin/env bash
# The Slurm executor's overhead: a 100,000-trial run (null agent, exact check: macro benchmark 1's
# suite) in one process, then split over SHARDS tasks of a Slurm job array
# (`assay run --executor slurm --shards SHARDS`). Measures the wall time of each whole command, as a
# user waits for it: for Slurm that is preparing the run, submitting, the tasks' JVMs, waiting in the
# queue when there are more shards than CPUs, and the last shard's combination. Runs the two back to
# back ROUNDS times, alternating, so that both see the same load; checks that every run holds each
# trial once and the same summary. Needs a running Slurm (scripts/start-slurm.sh).
# The machine's CPU seconds during each command are printed too (every process: the tasks' JVMs
# run under slurmd, not under the command), so run it on an otherwise idle machine.
# Usage: scripts/bench-slurm.sh [SHARDS] [ROUNDS] [WORK_DIR]   (default: 4, 3, target/bench-slurm)
# BENCH_NO_BUILD=1 measures the jar as built, without building it first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shards="${1:-4}"
rounds="${2:-3}"
work="$(mkdir -p "${3:-$root/target/bench-slurm}" && cd "${3:-$root/target/bench-slurm}" && pwd)"
# shellcheck source=../.mvn/find-jdk.sh
. "$root/.mvn/find-jdk.sh"
assay_find_jdk
command -v sbatch >/dev/null || { echo "bench-slurm: no sbatch on the PATH; start Slurm with scripts/start-slurm.sh" >&2; exit 2; }

(cd "$root" && [ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -B -q -DskipTests -pl harness-cli,harness-bench -am package)
rm -rf "$work" && mkdir -p "$work"
"$JAVA_HOME/bin/java" -cp "$root/harness-bench/target/benchmarks.jar" io.assay.bench.BenchmarkSuites "$work/suite-100k" 100000
# Both through ./assay, as users run them: on JDK 25 it starts the JVM with the build's start-up
# cache (made here, once, before timing), and the Slurm tasks' JVMs get the same flags and cache.
"$root/assay" --version > /dev/null

cpu() { # CPU seconds the whole machine has spent (user, nice, system, irq, softirq), from /proc/stat
  awk -v hz="$(getconf CLK_TCK)" '/^cpu /{printf "%.2f\n", ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat
}

timed() { # LABEL ARGS...: runs `./assay ARGS`, prints the wall time and the machine's CPU seconds meanwhile
  local label=$1 start end cpu_start cpu_end
  shift
  cpu_start=$(cpu)
  start=$(date +%s.%N)
  "$root/assay" "$@" --progress none > "$work/$label.out" 2> "$work/$label.err"
  end=$(date +%s.%N)
  cpu_end=$(cpu)
  python3 -c "import sys; a = [float(x) for x in sys.argv[2:]]; print(f'{sys.argv[1]:<14} {a[1] - a[0]:6.2f} s wall {a[3] - a[2]:6.2f} CPU-s')" \
    "$label" "$start" "$end" "$cpu_start" "$cpu_end"
  echo "$start $end" > "$work/$label.times"
}

timeline() { # LABEL: where a Slurm run's time went, from its run directory's file times, in seconds from the command's start
  python3 - "$work/$1" $(cat "$work/$1.times") <<'PY'
import glob, os, re, sys
run, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
at = lambda path: os.path.getmtime(os.path.join(run, path)) - start
count = len(glob.glob(f"{run}/shards/*-of-*.done"))
def began(shard):  # a shard another task took began when it took it; else when its own task's log appeared
    claim = f"{run}/slurm/shard-{shard}.claim"
    if os.path.exists(claim):
        return os.path.getmtime(claim) - start, " (taken)"
    logs = glob.glob(f"{run}/slurm/shard-{shard}.*.log")
    return max(float(os.popen(f"stat -c %.3W {log}").read()) for log in logs) - start, ""  # the last task's log
shards = []
for shard in range(count):
    b, how = began(shard)
    shards.append(f"shard {shard} {b:.1f}-{at(f'shards/{shard}-of-{count}.done'):.1f}{how}")
print(f"  submitted {at('slurm/jobs'):.1f}; prepared {at('slurm/prepared'):.1f}; " + "; ".join(shards)
      + f"; combined {at('manifest.json'):.1f} (trials.jsonl {at('trials.jsonl'):.1f}); command ended {end - start:.1f}")
PY
}


echo "nproc $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  timed "one-$round" run "$work/suite-100k" --agent null --out "$work/one-$round"
  timed "slurm-$round" run "$work/suite-100k" --agent null --out "$work/slurm-$round" --executor slurm --shards "$shards"
  timeline "slurm-$round"
  python3 - "$work/one-$round" "$work/slurm-$round" <<'PY'
import json, sys
one, sharded = sys.argv[1], sys.argv[2]
keys = lambda run: [(t["task"], t["epoch"]) for t in map(json.loads, open(f"{run}/trials.jsonl"))]
assert len(set(keys(sharded))) == len(keys(sharded)) == len(keys(one)) == 100000, "every trial once"
assert json.load(open(f"{one}/summary.json")) == json.load(open(f"{sharded}/summary.json")), "same summary"
PY
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
