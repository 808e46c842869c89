#!/bin/bash
mkdir -p /app/archive
tar -czf /app/archive/logs.tar.gz -C /app logs/app.log logs/db.log logs/worker.log
rm /app/logs/app.log /app/logs/db.log /app/logs/worker.log
