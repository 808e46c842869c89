#!/bin/bash
tail -n +2 /app/users.csv | cut -d, -f3 | tr 'A-Z' 'a-z' | LC_ALL=C sort -u > /app/emails.txt
