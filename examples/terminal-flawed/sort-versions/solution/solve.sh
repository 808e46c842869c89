#!/bin/bash
sort /app/versions.txt > /app/sorted.txt
