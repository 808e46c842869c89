#!/usr/bin/env bash
# The viewer on a 100,000-trial run (the numbers in docs/performance.md#viewer): makes a suite of
# 20,000 sums read through a dataset block, runs it for 5 epochs with a scripted agent that gets
# about a third wrong, then starts `assay view` on a cold JVM and times the documents the run and
# tasks pages read, first request (the index is built) and again (it is read from memory), and a
# transcript; then the viewer's resident memory.
# Usage: scripts/bench-viewer.sh [TASKS] [EPOCHS]   (default: 20000 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tasks="${1:-20000}"
epochs="${2:-5}"
work="$root/target/bench-viewer"
rm -rf "$work" && mkdir -p "$work/suite"
cd "$root"
./assay plugins > /dev/null # builds the command first, outside the timings

python3 - "$work" "$tasks" <<'PY'
import json, random, sys
work, tasks = sys.argv[1], int(sys.argv[2])
random.seed(14)
with open(f"{work}/suite/problems.jsonl", "w") as problems, open(f"{work}/predictions.jsonl", "w") as predictions:
    for i in range(tasks):
        a, b = random.randint(1, 999), random.randint(1, 999)
        problems.write(json.dumps({"id": f"sum-{i}", "question": f"What is {a} + {b}?", "answer": str(a + b),
                                   "level": random.choice(["easy", "medium", "hard"])}) + "\n")
        reply = a + b if random.random() < 0.65 else a + b + 1
        predictions.write(json.dumps({"task_id": f"sum-{i}", "output": f"The sum is {reply}."}) + "\n")
with open(f"{work}/suite/suite.yaml", "w") as suite:
    suite.write("id: sums\ndescription: Sums, for the viewer at scale.\nmeasures: Addition.\n"
                "dataset:\n  path: problems.jsonl\n  fields: {id: id, prompt: question, answer: answer, metadata: [level]}\n"
                "reward: {type: numeric, extract: last}\n")
PY
start=$(date +%s.%N)
./assay run "$work/suite" --agent scripted -A file="$work/predictions.jsonl" --epochs "$epochs" \
  --out "$work/runs/sums" --progress none > "$work/run.txt" || [ $? -eq 1 ]
printf '%-44s %6.2f s  (%s trials, %s MB trials.jsonl)\n' "run" "$(python3 -c "print($(date +%s.%N) - $start)")" \
  "$(wc -l < "$work/runs/sums/trials.jsonl")" "$(( $(stat -c %s "$work/runs/sums/trials.jsonl") / 1048576 ))"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
./assay view "$work/runs" --port "$port" --no-open > "$work/view.txt" 2>&1 &
viewer=$!
trap 'kill $viewer 2>/dev/null || true' EXIT
until grep -q "Assay viewer on" "$work/view.txt"; do sleep 0.1; done
base="http://127.0.0.1:$port"
get() { # LABEL PATH: one request's time and size
  local took
  took=$(curl -s -o "$work/body" -w "%{time_total}" "$base/$2")
  printf '%-44s %6.3f s  %s bytes\n' "$1" "$took" "$(stat -c %s "$work/body")"
}
get "api/index (runs page; cold JVM)" api/index
get "api/runs/sums (run page; builds the index)" api/runs/sums
get "api/runs/sums (again)" api/runs/sums
get "api/runs/sums/tasks (tasks page)" api/runs/sums/tasks
get "api/runs/sums/tasks (again)" api/runs/sums/tasks
get "api/runs/sums/tasks/sum-19999 (transcripts)" api/runs/sums/tasks/sum-19999
printf '%-44s %6s MB\n' "viewer resident memory" "$(( $(ps -o rss= -p "$(pgrep -f "assay.jar view" | head -1)") / 1024 ))"
