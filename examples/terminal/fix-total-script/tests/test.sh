#!/bin/bash
# Verifier for fix-total-script. It always writes the reward itself, so a reward file planted by
# the agent never counts. The script is the thing under test, so it is run on inputs the agent
# never saw, and each expected total is computed here, independently of the script.
export PATH=/bin
mkdir -p /logs/verifier
rm -rf /logs/verifier/reward.txt /logs/verifier/reward.json
fail() { echo "FAIL: $*"; echo 0 > /logs/verifier/reward.txt; exit 0; }

[ -f /app/total.sh ] || fail "/app/total.sh does not exist"
inputs=$(mktemp -d)
cp /app/sales.csv "$inputs/example.csv"
printf 'date,region,amount\n2024-11-02,east,17\n2024-11-03,west,5\n2024-11-03,north,1200\n2024-11-04,south,0\n' \
  > "$inputs/unseen.csv"
printf 'date,region,amount\n' > "$inputs/header-only.csv"
printf 'date,region,amount\n2024-12-31,west,999\n' > "$inputs/one-sale.csv"
for input in "$inputs"/*.csv; do
  expected=$(awk -F, 'NR > 1 { sum += $3 } END { print sum + 0 }' "$input")
  actual=$(cd /tmp && timeout 10 bash /app/total.sh "$input" 2>&1)
  [ "$actual" = "$expected" ] || fail "total.sh $(basename "$input"): expected '$expected', got '$actual'"
done
echo "PASS"
echo 1 > /logs/verifier/reward.txt
