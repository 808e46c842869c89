#!/bin/bash
# Verifier for checksum-manifest. It always writes the reward itself, so a reward file planted by
# the agent never counts. The expected manifest is written out here, so changing the data files
# to match a wrong manifest cannot pass.
export PATH=/bin
mkdir -p /logs/verifier
rm -rf /logs/verifier/reward.txt /logs/verifier/reward.json
fail() { echo "FAIL: $*"; echo 0 > /logs/verifier/reward.txt; exit 0; }

[ -f /app/MANIFEST.sha256 ] || fail "/app/MANIFEST.sha256 does not exist"
expected=$(mktemp)
cat > "$expected" <<'MANIFEST'
419e45a5569f62863b89821470d308c620e8b6c67dfcadd2b8fde5c0dec86e98  data/config/app.ini
b8d1f183430e85efc11d13aa0af94a9fc38bc7e2052fbfc492430e9bb6d24181  data/config/db.ini
b8b3fb6e13cecb71141cf032e2e8ecfca286ddb82cfbe202523e1e624d8d1429  data/docs/readme.txt
b183d5f10e10015698addfe66023b7bacfad0f6d38b5ef3f50ac003b213450d3  data/docs/release notes.txt
e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  data/empty.txt
c1d6c82d60ad703dfb967ec544f74f6ee2cd9b18a99cdebd797f736208cc1324  data/images/logo.svg
MANIFEST
if ! cmp -s "$expected" /app/MANIFEST.sha256; then
  echo "expected:"; cat "$expected"; echo "got:"; head -n 20 /app/MANIFEST.sha256
  fail "/app/MANIFEST.sha256 is not the expected manifest"
fi
(cd /app && sha256sum -c -s MANIFEST.sha256) || fail "the files under /app/data no longer match the manifest"
[ "$(cd /app && find data -type f | wc -l)" -eq 6 ] || fail "files were added under /app/data"
echo "PASS"
echo 1 > /logs/verifier/reward.txt
