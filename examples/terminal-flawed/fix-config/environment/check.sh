#!/bin/bash
# Checks /app/service.conf: every setting is `key = value`, and the required keys are present.
conf=/app/service.conf
bad=$(grep -vE '^(#.*)?$' "$conf" | grep -vE '^[a-z_]+ = [^ ].*$')
[ -z "$bad" ] || { echo "malformed lines:"; echo "$bad"; exit 1; }
for key in name port workers log_level cache_mb; do
  grep -qE "^$key = " "$conf" || { echo "missing setting: $key"; exit 1; }
done
echo "configuration ok"
