#!/bin/bash
cd /app && find data -type f | LC_ALL=C sort | while IFS= read -r file; do sha256sum "$file"; done > /app/MANIFEST.sha256
