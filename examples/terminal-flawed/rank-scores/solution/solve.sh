#!/bin/bash
tail -n +2 /app/scores.csv | LC_ALL=C sort -t, -k2,2nr -k1,1 | cut -d, -f1 > /app/ranking.txt
