#!/bin/bash
sed -i 's/^port: 8080$/port = 8080/' /app/service.conf
sed -i 's/^workers=4$/workers = 4/' /app/service.conf
sed -i 's/^cache_mb  =  64$/cache_mb = 64/' /app/service.conf
