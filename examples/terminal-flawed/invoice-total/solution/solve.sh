#!/bin/bash
awk -F, 'NR > 1 { sum += $3 } END { print sum + 0 }' /app/invoices.csv > /app/total.txt
