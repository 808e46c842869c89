#!/bin/bash
mkdir -p /app/deploy/bin /app/deploy/shared /app/deploy/tmp /app/deploy/secrets
chmod 750 /app/deploy/bin
chmod 2775 /app/deploy/shared
chmod 1777 /app/deploy/tmp
chmod 700 /app/deploy/secrets
printf 'change-me\n' > /app/deploy/secrets/token
chmod 600 /app/deploy/secrets/token
