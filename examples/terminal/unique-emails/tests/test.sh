#!/bin/bash
# Verifier for unique-emails. It always writes the reward itself, so a reward file planted by the
# agent never counts, and it derives the expected list from the CSV after checking it is intact.
export PATH=/bin
mkdir -p /logs/verifier
rm -rf /logs/verifier/reward.txt /logs/verifier/reward.json
fail() { echo "FAIL: $*"; echo 0 > /logs/verifier/reward.txt; exit 0; }

csv_sha256=db526d8093e26493183e679a481c1dcae90c0f77dbb0b8f9769da85060c590cb
[ "$(sha256sum < /app/users.csv | cut -d' ' -f1)" = "$csv_sha256" ] || fail "/app/users.csv was modified"
[ -f /app/emails.txt ] || fail "/app/emails.txt does not exist"
expected=$(mktemp)
awk -F, 'NR > 1 { print tolower($3) }' /app/users.csv | LC_ALL=C sort | uniq > "$expected"
[ "$(wc -l < "$expected")" -gt 1 ] || fail "the verifier found no addresses in /app/users.csv"
if ! cmp -s "$expected" /app/emails.txt; then
  echo "expected:"; cat "$expected"; echo "got:"; head -n 40 /app/emails.txt
  fail "/app/emails.txt differs from the distinct lower-cased addresses in byte order"
fi
echo "PASS"
echo 1 > /logs/verifier/reward.txt
