#!/bin/bash
sed -i 's/first=no; fi/first=no; continue; fi/' /app/total.sh
sed -i 's/total + region/total + amount/' /app/total.sh
sed -i 's/^echo "total: \$total"$/echo "$total"/' /app/total.sh
