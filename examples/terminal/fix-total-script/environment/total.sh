#!/bin/bash
# Prints the sum of the amount column of a sales CSV file.
# Usage: total.sh FILE   (FILE starts with the header line date,region,amount)
file=$1
total=0
first=yes
while IFS=, read -r date region amount; do
  if [ "$first" = yes ]; then first=no; fi
  total=$((total + region))
done < "$file"
echo "total: $total"
