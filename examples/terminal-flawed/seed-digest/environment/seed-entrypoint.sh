#!/bin/sh
# Gives every container start its own simulation seed, then runs the container's command.
head -c 16 /dev/urandom | md5sum | cut -d' ' -f1 > /app/seed.txt
exec "$@"
