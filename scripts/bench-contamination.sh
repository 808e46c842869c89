#!/usr/bin/env bash
# `assay contamination` on a corpus of at least 1 GB with a 64 MB heap (the numbers in docs/trust.md,
# "Performance"): writes a corpus of random English-like words under /tmp (never the repository),
# with one arithmetic task's question quoted once in the middle, spread over lines; then scans it with
# the heap capped, and prints the wall time, throughput and the JVM's peak resident memory. The scan
# must find exactly that one task, so the figure is for a scan that works.
# Usage: scripts/bench-contamination.sh [MB] [HEAP] [txt|gz]   (default: 1024 64m txt; gz scans it gzip -1 compressed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
megabytes="${1:-1024}"
heap="${2:-64m}"
form="${3:-txt}"
work="${TMPDIR:-/tmp}/assay-bench-contamination"
mkdir -p "$work"
cd "$root"
./assay plugins > /dev/null # builds the command first, outside the timings

corpus="$work/corpus-${megabytes}mb.txt"
if [ ! -s "$corpus" ]; then
  python3 - "$corpus" "$megabytes" <<'PY'
import random, sys
path, megabytes = sys.argv[1], int(sys.argv[2])
random.seed(16)
vocabulary = [w for w in """the of and to in a is that for it as was with be by on not he this are or his from at which
but have an they you were her she there been one all we their has would when if so no will more about can out up them some
could into other time these two may then do first any my now such like our over man me even most made after also did many
before must through back years where much your way well down should because each just those people how too little state
good very make world still own see men work long get here between both life being under never day same another know while
last might us great old year off come since against go came right used take three ship cape storm keeper harbour river""".split()]
quote = ('Homework thread: "Mia buys 3 notebooks at $2.45 each and a pen for $1.30.\n'
         'She pays with a $10 bill. How much change does she get, in dollars?"\n')
blocks = []
for _ in range(64):
    lines = []
    size = 0
    while size < 1 << 20:
        line = " ".join(random.choice(vocabulary) for _ in range(random.randint(8, 24)))
        line = line[0].upper() + line[1:] + random.choice([".", ",", "!", "?", ";", "."]) + "\n"
        lines.append(line)
        size += len(line)
    blocks.append("".join(lines))
with open(path, "w") as out:
    for i in range(megabytes):
        out.write(random.choice(blocks))
        if i == megabytes // 2:
            out.write(quote)
PY
fi
text_size=$(stat -c %s "$corpus")
if [ "$form" = gz ]; then
  [ -s "$corpus.gz" ] || gzip -1 -c "$corpus" > "$corpus.gz"
  corpus="$corpus.gz"
fi
size=$(stat -c %s "$corpus")
log="$work/time.txt"
ASSAY_JAVA_OPTS="-Xmx$heap" /usr/bin/time -v ./assay contamination examples/arithmetic --corpus "$corpus" \
  --format json --output "$work/report.json" 2> "$log" || [ $? -eq 1 ]
overlap=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(','.join(t['task'] for t in r['tasks'] if t['status']=='overlap'))" "$work/report.json")
[ "$overlap" = "money-change" ] || { echo "expected exactly money-change to overlap, got '$overlap'" >&2; exit 1; }
seconds=$(python3 -c "
import re, sys
text = open(sys.argv[1]).read()
clock = re.search(r'Elapsed \(wall clock\) time.*: (.*)', text).group(1).split(':')
print(sum(float(part) * 60 ** i for i, part in enumerate(reversed(clock))))" "$log")
cpu=$(python3 -c "
import re, sys
text = open(sys.argv[1]).read()
print(sum(float(re.search(label + r' \(seconds\): (.*)', text).group(1)) for label in ('User time', 'System time')))" "$log")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
printf 'corpus            %8d MB on disk  (%s)\n' $(( size / 1048576 )) "$corpus"
printf 'heap limit        %8s\n' "$heap"
printf 'wall time         %8.1f s  (JVM start included)\n' "$seconds"
printf 'throughput        %8.1f MB/s of text (%.1f MB/s read from disk)\n' \
  "$(python3 -c "print($text_size / 1048576 / $seconds)")" "$(python3 -c "print($size / 1048576 / $seconds)")"
printf 'cpu time          %8.1f s  (%.1f MB of text per cpu second; the wall time is longer on a busy machine)\n' \
  "$cpu" "$(python3 -c "print($text_size / 1048576 / $cpu)")"
printf 'peak resident     %8d MB\n' $(( rss / 1024 ))
printf 'overlapping tasks %8s\n' "$overlap"
