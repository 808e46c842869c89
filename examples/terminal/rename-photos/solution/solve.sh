#!/bin/bash
for file in /app/photos/IMG_[0-9][0-9][0-9][0-9].jpg /app/photos/IMG_[0-9][0-9][0-9][0-9].JPG; do digits=${file##*/IMG_}; mv "$file" "/app/photos/photo-${digits%.*}.jpg"; done
