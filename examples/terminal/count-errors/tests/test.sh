#!/bin/bash
# Verifier for count-errors. It always writes the reward itself, so a reward file planted by the
# agent never counts, and it recomputes the answer from the log after checking the log is intact.
export PATH=/bin
mkdir -p /logs/verifier
rm -rf /logs/verifier/reward.txt /logs/verifier/reward.json
fail() { echo "FAIL: $*"; echo 0 > /logs/verifier/reward.txt; exit 0; }

log_sha256=7a0b75ecef65f252494bb3a642e783952d517714d6705cb7770dba4524e58c4c
[ "$(sha256sum < /app/server.log | cut -d' ' -f1)" = "$log_sha256" ] || fail "/app/server.log was modified"
[ -f /app/error_count.txt ] || fail "/app/error_count.txt does not exist"
expected=$(awk '$3 == "ERROR" { n++ } END { print n + 0 }' /app/server.log)
printf '%s\n' "$expected" | cmp -s - /app/error_count.txt \
  || fail "/app/error_count.txt should hold '$expected' and a newline, got: $(head -c 80 /app/error_count.txt)"
echo "PASS"
echo 1 > /logs/verifier/reward.txt
