#!/bin/bash
sha256sum < /app/seed.txt | cut -d' ' -f1 > /app/seed.sha256
