#!/bin/bash
# Verifier for deploy-layout. It always writes the reward itself, so a reward file planted by the
# agent never counts. Every mode is compared exactly, and the listing must hold nothing else.
export PATH=/bin
mkdir -p /logs/verifier
rm -rf /logs/verifier/reward.txt /logs/verifier/reward.json
fail() { echo "FAIL: $*"; echo 0 > /logs/verifier/reward.txt; exit 0; }

check() { # TYPE PATH MODE
  [ "$1" = d ] && { [ -d "$2" ] && [ ! -L "$2" ] || fail "$2 is not a directory"; }
  [ "$1" = f ] && { [ -f "$2" ] && [ ! -L "$2" ] || fail "$2 is not a regular file"; }
  mode=$(stat -c %a "$2")
  [ "$mode" = "$3" ] || fail "$2 has mode $mode, expected $3"
}
check d /app/deploy/bin 750
check d /app/deploy/shared 2775
check d /app/deploy/tmp 1777
check d /app/deploy/secrets 700
check f /app/deploy/secrets/token 600
printf 'change-me\n' | cmp -s - /app/deploy/secrets/token || fail "/app/deploy/secrets/token has the wrong content"
listing=$(cd /app/deploy && find . -mindepth 1 | LC_ALL=C sort | tr '\n' ' ')
[ "$listing" = "./bin ./secrets ./secrets/token ./shared ./tmp " ] || fail "unexpected entries under /app/deploy: $listing"
echo "PASS"
echo 1 > /logs/verifier/reward.txt
