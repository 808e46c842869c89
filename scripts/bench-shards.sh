#!/usr/bin/env bash
# A 100,000-trial run (null agent, exact check: macro benchmark 1's suite) in one process, then
# split over SHARDS processes started at once on this machine (`assay run --shard I/SHARDS`),
# each in a 256 MiB heap: wall time of the whole thing, the last shard's combination included.
# Checks that both runs hold every trial once and the same summary. The numbers are in the
# "Performance" section of the scale-out docs.
# Usage: scripts/bench-shards.sh [WORK_DIR]   (default: target/bench-shards)
#        SHARDS=4 REPEATS=3 TASKS=100000 SKIP_BUILD=1 scripts/bench-shards.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$root/target/bench-shards}"
shards="${SHARDS:-4}"
repeats="${REPEATS:-3}"
tasks="${TASKS:-100000}"
# shellcheck source=../.mvn/find-jdk.sh
. "$root/.mvn/find-jdk.sh"
assay_find_jdk

if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests -pl harness-cli,harness-bench -am package)
fi
jar="$root/harness-cli/target/assay.jar"
flags=(-Xmx256m)
if [ "$(assay_java_major "$JAVA_HOME")" -ge 24 ]; then flags+=(--sun-misc-unsafe-memory-access=allow); fi
rm -rf "$work" && mkdir -p "$work"
"$JAVA_HOME/bin/java" -cp "$root/harness-bench/target/benchmarks.jar" io.assay.bench.BenchmarkSuites "$work/suite" "$tasks"
assay() { "$JAVA_HOME/bin/java" "${flags[@]}" -jar "$jar" "$@"; }
now() { date +%s.%N; }

echo "== $tasks trials, null agent, exact check: one process vs $shards shard processes at once ($(nproc) cores)"
for repeat in $(seq 1 "$repeats"); do
  single="$work/single-$repeat"
  sharded="$work/sharded-$repeat"
  start=$(now)
  assay run "$work/suite" --agent null --out "$single" --progress none > "$single.out"
  middle=$(now)
  pids=()
  for i in $(seq 0 $((shards - 1))); do
    assay run "$work/suite" --agent null --out "$sharded" --shard "$i/$shards" --progress none > "$sharded-$i.out" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  end=$(now)
  python3 - "$start" "$middle" "$end" "$single" "$sharded" "$shards" <<'PY'
import json, sys
start, middle, end = map(float, sys.argv[1:4])
single, sharded, shards = sys.argv[4], sys.argv[5], int(sys.argv[6])
def keys(run):
    return sorted((t["task"], t["epoch"]) for t in map(json.loads, open(run + "/trials.jsonl")))
a, b = keys(single), keys(sharded)
assert a == b and len(set(b)) == len(b), "the sharded run does not hold every trial once"
assert json.load(open(single + "/summary.json")) == json.load(open(sharded + "/summary.json")), "summaries differ"
assert json.load(open(sharded + "/manifest.json"))["status"] == "completed"
one, split = middle - start, end - middle
print(f"one process: {one:.2f} s; {shards} shards at once, combination included: {split:.2f} s "
      f"({split / one:.2f}x); {len(b)} trials each, same summary")
PY
done
