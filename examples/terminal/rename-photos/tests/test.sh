#!/bin/bash
# Verifier for rename-photos. It always writes the reward itself, so a reward file planted by the
# agent never counts. Names and contents are both checked: the expected hash of every file is
# written out here, so renaming the wrong file onto a right name cannot pass.
export PATH=/bin
mkdir -p /logs/verifier
rm -rf /logs/verifier/reward.txt /logs/verifier/reward.json
fail() { echo "FAIL: $*"; echo 0 > /logs/verifier/reward.txt; exit 0; }

[ -d /app/photos ] || fail "/app/photos does not exist"
expected=$(mktemp)
cat > "$expected" <<'FILES'
b64b346f120e1dea683baea297e1534b080abf2e95c1d2b7099d7bbb9dcac5e2  IMG_index.txt
eb8b001f03de8fd9253dcf0df90f90977f705396711bc0d158f340a17b93b5ba  keep.txt
fdfc253eb636ad8dfe860596d4bf0ff877ab1d1445a7bdea25594edddb092ded  photo-0001.jpg
c19b46cf975954d22c270088e3d9405de4ec7e32ad30f537140bbc6fb9f7cc74  photo-0002.jpg
ede4f9bd3e2e3f5797fe8f022c6555e7a83989b222130c740a1ca31edc833d5f  photo-0007.jpg
389d6943365b1a36667418f3135693ebf15e1f58991405f25ec434a1d1f2a351  photo-0012.jpg
1961c539c81e2f5266b300b110af8e57d23448777a7474785ba68f25180de49d  photo-0013.jpg
FILES
actual=$(mktemp)
(cd /app/photos && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort | while IFS= read -r name; do
  if [ -f "$name" ] && [ ! -L "$name" ]; then sha256sum "$name"; else echo "not-a-regular-file  $name"; fi
done) > "$actual"
if ! cmp -s "$expected" "$actual"; then
  echo "expected:"; cat "$expected"; echo "got:"; cat "$actual"
  fail "/app/photos does not hold exactly the renamed files with their original contents"
fi
echo "PASS"
echo 1 > /logs/verifier/reward.txt
