#!/bin/bash
# Verifier for sort-versions. It is sound; the flaw is in solution/solve.sh.
export PATH=/bin
mkdir -p /logs/verifier
rm -rf /logs/verifier/reward.txt /logs/verifier/reward.json
fail() { echo "FAIL: $*"; echo 0 > /logs/verifier/reward.txt; exit 0; }

[ -f /app/sorted.txt ] || fail "/app/sorted.txt does not exist"
expected=$(mktemp)
sort -t. -k1,1n -k2,2n -k3,3n /app/versions.txt > "$expected"
[ "$(wc -l < "$expected")" -gt 1 ] || fail "the verifier found no versions in /app/versions.txt"
cmp -s "$expected" /app/sorted.txt || fail "/app/sorted.txt is not in ascending version order"
echo "PASS"
echo 1 > /logs/verifier/reward.txt
