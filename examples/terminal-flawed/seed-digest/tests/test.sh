#!/bin/bash
# Verifier for seed-digest. It is sound; the flaw is in the image's ENTRYPOINT.
export PATH=/bin
mkdir -p /logs/verifier
rm -rf /logs/verifier/reward.txt /logs/verifier/reward.json
fail() { echo "FAIL: $*"; echo 0 > /logs/verifier/reward.txt; exit 0; }

[ -s /app/seed.txt ] || fail "/app/seed.txt is missing or empty"
[ -f /app/seed.sha256 ] || fail "/app/seed.sha256 does not exist"
sha256sum < /app/seed.txt | cut -d' ' -f1 | cmp -s - /app/seed.sha256 || fail "/app/seed.sha256 is not the SHA-256 of /app/seed.txt"
echo "PASS"
echo 1 > /logs/verifier/reward.txt
