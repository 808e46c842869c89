#!/usr/bin/env bash
# Macro benchmarks of the `assay` command itself (the numbers in docs/performance.md):
#   1. a 100,000-trial run (null agent, exact check) in a 256 MiB heap;
#   2. an agent that sleeps 100 ms at --concurrency 1000: trials/s against the ideal 10,000/s;
#   3. `assay audit` of a 10,000-task suite, every probe (target: under 30 s);
#   4. the chat agent against a fake model endpoint answering after 200 ms, cold through ./assay: a
#      one-task run (target 0.8 s), 2,000 trials at --concurrency 500 as work beyond that run (ideal
#      0.8 s) beside a bare client's (scripts/bare-chat-client.py), 20,000 trials (ideal 8 s); and
#      2,000 trials in a warm JVM (JMH);
#   5. a sandbox trial's own cost against a plain `docker run --rm IMAGE true` (needs Docker);
#   6. `assay audit examples/terminal` (6 sandboxed tasks, target: under 40 s) against as many plain
#      `docker run --rm IMAGE true` of the same images, as many at once as the audit's --concurrency.
# Usage: scripts/bench-macro.sh [WORK_DIR]   (default: target/bench-macro)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-$root/target/bench-macro}"
# shellcheck source=../.mvn/find-jdk.sh
. "$root/.mvn/find-jdk.sh"
assay_find_jdk

(cd "$root" && ./mvnw -B -q -DskipTests -pl harness-cli,harness-bench -am package)
jar="$root/harness-cli/target/assay.jar"
flags=()
if [ "$(assay_java_major "$JAVA_HOME")" -ge 24 ]; then flags+=(--sun-misc-unsafe-memory-access=allow); fi
rm -rf "$work" && mkdir -p "$work"

suite() { # DIR TASKS [CHECK]
  "$JAVA_HOME/bin/java" -cp "$root/harness-bench/target/benchmarks.jar" io.assay.bench.BenchmarkSuites "$@"
}
seconds_between() { # MANIFEST: ended - started, in seconds
  python3 -c 'import json,sys,datetime as d
m=json.load(open(sys.argv[1])); p=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00")[:26]+"+00:00")
print((p(m["ended"])-p(m["started"])).total_seconds())' "$1"
}

echo "== 1. 100,000 trials, null agent, exact check, -Xmx256m"
suite "$work/suite-100k" 100000
start=$(date +%s.%N)
"$JAVA_HOME/bin/java" "${flags[@]}" -Xmx256m -jar "$jar" run "$work/suite-100k" --agent null \
  --out "$work/run-100k" --progress none > "$work/run-100k.out"
end=$(date +%s.%N)
trials=$(wc -l < "$work/run-100k/trials.jsonl")
trial_phase=$(seconds_between "$work/run-100k/manifest.json")
python3 -c "import sys; w=float(sys.argv[2])-float(sys.argv[1]); t=int(sys.argv[3]); p=float(sys.argv[4])
print(f'trials recorded: {t}; whole command (JVM start, load, run, summary): {w:.2f} s; trial phase {p:.2f} s = {p/t*1e6:.1f} us/trial')" \
  "$start" "$end" "$trials" "$trial_phase"

echo "== 2. sleep agent (100 ms), --concurrency 1000, 100,000 trials (ideal: 10,000 trials/s, 10 s)"
suite "$work/suite-sleep" 100000
"$JAVA_HOME/bin/java" "${flags[@]}" -jar "$jar" run "$work/suite-sleep" --agent sleep -A ms=100 \
  --concurrency 1000 --out "$work/run-sleep" --progress none > "$work/run-sleep.out"
phase=$(seconds_between "$work/run-sleep/manifest.json")
python3 - "$work/run-sleep/trials.jsonl" "$phase" <<'PY'
import collections, datetime, json, sys
starts = [json.loads(line)["started"] for line in open(sys.argv[1])]
stamp = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "")[:26])
first = min(stamp(s) for s in starts)
per_second = collections.Counter(int((stamp(s) - first).total_seconds()) for s in starts)
whole = len(starts) / float(sys.argv[2])
steady = [per_second[s] for s in sorted(per_second)[1:-1]]  # without the JIT warm-up second and the tail
print(f"trials: {len(starts)} in {float(sys.argv[2]):.2f} s = {whole:.0f} trials/s overall, {whole / 100:.1f}% of ideal")
print(f"trials started per second: {[per_second[s] for s in sorted(per_second)]}")
print(f"steady state (seconds 2..n-1): {sum(steady) / len(steady):.0f} trials/s, {sum(steady) / len(steady) / 100:.1f}% of ideal")
PY

echo "== 3. assay audit of a 10,000-task suite (numeric check), every probe"
suite "$work/suite-audit" 10000 numeric
start=$(date +%s.%N)
set +e
"$JAVA_HOME/bin/java" "${flags[@]}" -jar "$jar" audit "$work/suite-audit" --format json --output "$work/audit.json" 2> "$work/audit.err"
code=$?
set -e
end=$(date +%s.%N)
python3 - "$start" "$end" "$code" "$work/audit.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[4]))
s = report["summary"]
print(f"whole command: {float(sys.argv[2]) - float(sys.argv[1]):.2f} s (exit {sys.argv[3]}); "
      f"{s['tasks']} tasks, {len(s['probes'])} probes; {s['error']} errors, {s['warning']} warnings, {s['info']} info")
PY

echo "== 4. chat agent against a fake endpoint (200 ms), --concurrency 500: cold commands through ./assay"
# As users meet it: `./assay` from the shell, with its start-up cache (JDK 25+), prepared here first.
"$root/assay" --version > /dev/null
"$JAVA_HOME/bin/java" -cp "$root/harness-bench/target/benchmarks.jar" io.assay.bench.FakeModelEndpoint 200 "$work/fake-url" &
fake=$!
trap 'kill $fake 2>/dev/null || true' EXIT
while [ ! -f "$work/fake-url" ]; do sleep 0.1; done
url=$(cat "$work/fake-url")
wall() { # COMMAND...: its wall time in seconds, its output dropped
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$end"
}
chat_run() { # SUITE OUT
  ASSAY_BENCH_KEY=unused "$root/assay" run "$1" --agent chat --model openai/bench --base-url "$url" \
    --api-key-env ASSAY_BENCH_KEY --concurrency 500 --out "$2" --progress none
}
# "Work" is a run's wall time minus a one-task run's (start-up, loading, writing the summary), both
# through ./assay; the bare client's is its 2,000 requests' wall time minus its single request's.
# Each attempt measures all four back to back, so a busy machine weighs on both sides alike.
suite "$work/suite-chat-1" 1 numeric
suite "$work/suite-chat-2000" 2000 numeric
for attempt in 1 2 3 4 5; do
  one=$(wall chat_run "$work/suite-chat-1" "$work/run-chat-1-$attempt")
  many=$(wall chat_run "$work/suite-chat-2000" "$work/run-chat-2000-$attempt")
  bare_one=$(wall python3 "$root/scripts/bare-chat-client.py" "$url" 1 500)
  bare_many=$(wall python3 "$root/scripts/bare-chat-client.py" "$url" 2000 500)
  phase=$(seconds_between "$work/run-chat-2000-$attempt/manifest.json")
  echo "$one $many $bare_one $bare_many $phase $(wc -l < "$work/run-chat-2000-$attempt/trials.jsonl")" >> "$work/chat-cold.txt"
done
python3 - "$work/chat-cold.txt" <<'PY'
import statistics, sys
rows = [list(map(float, line.split())) for line in open(sys.argv[1])]
assert all(int(r[5]) == 2000 for r in rows), "a run recorded fewer than 2,000 trials"
spread = lambda xs: f"min {min(xs):.2f} s, median {statistics.median(xs):.2f} s"
one = [r[0] for r in rows]
work = [r[1] - r[0] for r in rows]
bare = [r[3] - r[2] for r in rows]
ratio = [w / b for w, b in zip(work, bare)]
for r, w, b in zip(rows, work, bare):
    print(f"one task {r[0]:.2f} s, 2,000 trials {r[1]:.2f} s (trial phase {r[4]:.2f} s): work {w:.2f} s;"
          f" bare client 1 request {r[2]:.2f} s, 2,000 {r[3]:.2f} s: work {b:.2f} s; assay/bare {w / b:.2f}")
bare_one = [r[2] for r in rows]
print(f"one-task model run, whole ./assay command: {spread(one)} (target 0.8 s); bare client, 1 request:"
      f" {spread(bare_one)}; assay/bare: median {statistics.median([o / b for o, b in zip(one, bare_one)]):.2f}")
print(f"2,000 trials, work: {spread(work)} = {min(work) / 0.8:.2f}-{statistics.median(work) / 0.8:.2f}x the ideal 0.8 s"
      f" (target 1.0 s); bare client: {spread(bare)}; assay/bare: min {min(ratio):.2f}, median {statistics.median(ratio):.2f}")
PY
suite "$work/suite-chat-20000" 20000 numeric
for attempt in 1 2 3; do
  chat_run "$work/suite-chat-20000" "$work/run-chat-20000-$attempt" > /dev/null
  phase=$(seconds_between "$work/run-chat-20000-$attempt/manifest.json")
  python3 -c "import sys; p=float(sys.argv[1]); print(f'cold command, 20000 trials: trial phase {p:.3f} s = {p/8:.2f}x the ideal 8.0 s')" "$phase"
done
kill $fake
echo "warm JVM (JMH, the fake in its own process): one run of 2,000 trials per measured invocation"
ASSAY_BENCH_KEY=unused "$JAVA_HOME/bin/java" "${flags[@]}" -jar "$root/harness-bench/target/benchmarks.jar" \
  ModelAgentBenchmark -rf json -rff "$work/model-agent-jmh.json" | grep -E '^(Iteration|Benchmark|ModelAgent)'

echo "== 5. sandbox overhead per trial against a plain 'docker run --rm IMAGE true' (needs Docker)"
if ! docker info >/dev/null 2>&1; then
  echo "skipped: no Docker engine"
  exit 0
fi
trials=20
sandbox_suite() { # DIR WARM_POOL: TRIALS trivial Harbor tasks sharing one image, verifier writes 1
  mkdir -p "$1"
  printf 'id = "sandbox-bench"\nmeasures = "sandbox overhead only"\ncanary = "assay-canary:bench"\nwarm_pool = %s\n' "$2" > "$1/suite.toml"
  for i in $(seq 1 "$trials"); do
    t="$1/task-$i"
    mkdir -p "$t/environment" "$t/tests"
    printf 'version = "1.0"\n[agent]\ntimeout_sec = 60.0\n[verifier]\ntimeout_sec = 60.0\n' > "$t/task.toml"
    echo "Do nothing." > "$t/instruction.md"
    printf 'FROM assay/busybox:latest\nWORKDIR /app\n' > "$t/environment/Dockerfile"
    printf '#!/bin/bash\necho 1 > /logs/verifier/reward.txt\n' > "$t/tests/test.sh"
  done
}
docker run --rm --network none assay/busybox:latest true  # warm the engine's caches, as the harness's image build does
start=$(date +%s.%N)
for _ in $(seq 1 "$trials"); do docker run --rm --network none assay/busybox:latest true; done
end=$(date +%s.%N)
plain=$(python3 -c "import sys; print((float(sys.argv[2]) - float(sys.argv[1])) / int(sys.argv[3]))" "$start" "$end" "$trials")
echo true > "$work/sandbox-commands.txt"
for pool in 0 2; do
  sandbox_suite "$work/sandbox-pool-$pool" "$pool"
  # First run builds the image (cached by content hash); the second is measured. The shell agent runs
  # one command, `true`, as the plain run does; the verifier's time is reported apart, since a plain
  # run has no verifier.
  for out in warmup measured; do
    "$JAVA_HOME/bin/java" "${flags[@]}" -jar "$jar" run "$work/sandbox-pool-$pool" --agent shell \
      -A file="$work/sandbox-commands.txt" --concurrency 1 --out "$work/run-sandbox-$pool-$out" --progress none > /dev/null
  done
  phase=$(seconds_between "$work/run-sandbox-$pool-measured/manifest.json")
  python3 - "$work/run-sandbox-$pool-measured/trials.jsonl" "$phase" "$plain" "$pool" <<'PY'
import json, sys
trials = [json.loads(line) for line in open(sys.argv[1])]
per_trial = float(sys.argv[2]) / len(trials) * 1000
grading = sum(t["grading_ms"] for t in trials) / len(trials)
plain = float(sys.argv[3]) * 1000
sandbox = per_trial - grading
print(f"warm_pool {sys.argv[4]}: {per_trial:.0f} ms per trial = verifier {grading:.0f} ms + sandbox {sandbox:.0f} ms "
      f"(container start, one command, removal); docker run --rm true: {plain:.0f} ms; sandbox/plain = {sandbox / plain:.2f}")
PY
done

echo "== 6. assay audit examples/terminal (6 sandboxed tasks) against plain 'docker run --rm' of its containers"
# The baseline starts and removes as many containers as the audit did, of the same task images, as
# many at once as the audit runs trials: what the containers alone cost, with nothing done in them.
# The audit's JSON is kept, so its findings can be compared between builds.
"$JAVA_HOME/bin/java" "${flags[@]}" -jar "$jar" audit "$root/examples/terminal" --format json \
  --output "$work/audit-terminal-warmup.json" 2>/dev/null || true  # builds the task images once
# Watched live: the engine keeps only its last 256 events, fewer than an audit makes.
docker events --filter type=container --filter label=assay.managed=true --filter event=create \
  --format '{{.From}}' > "$work/audit-terminal-images.txt" &
watcher=$!
sleep 0.5
start=$(date +%s.%N)
status=0
"$JAVA_HOME/bin/java" "${flags[@]}" -jar "$jar" audit "$root/examples/terminal" --format json \
  --output "$work/audit-terminal.json" 2>/dev/null || status=$?
end=$(date +%s.%N)
sleep 0.5
kill "$watcher"
[ "$status" -le 1 ] || { echo "the audit failed (exit $status)"; exit 1; }
containers=$(wc -l < "$work/audit-terminal-images.txt")
at_once=$((2 * $(nproc)))  # the audit's default --concurrency: twice the cores
plain_start=$(date +%s.%N)
xargs -P "$at_once" -I IMAGE docker run --rm --network none IMAGE true < "$work/audit-terminal-images.txt"
plain_end=$(date +%s.%N)
python3 -c "import sys
audit = float(sys.argv[2]) - float(sys.argv[1]); plain = float(sys.argv[4]) - float(sys.argv[3]); n = int(sys.argv[5])
print(f'audit: {audit:.1f} s for 6 tasks ({audit / 6:.1f} s per task, target 40 s), {n} containers; '
      f'{n} x docker run --rm true, {sys.argv[6]} at once: {plain:.1f} s; audit/plain = {audit / plain:.2f}')" \
  "$start" "$end" "$plain_start" "$plain_end" "$containers" "$at_once"
