#!/bin/bash
sed -E 's/([0-9]{1,3}\.){3}[0-9]{1,3}/x.x.x.x/g' /app/access.log > /app/public.log
