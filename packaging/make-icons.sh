#!/usr/bin/env bash
# Writes the app icon at the hicolor sizes the .deb installs (32 to 256 px; the
# 512 px one is src-tauri/icons/icon.png itself) into src-tauri/icons/, from
# src-tauri/icons/icon.png, with ImageMagick's `convert`. The results are
# committed (a few kB in all); run this again after changing icon.png.
set -euo pipefail
cd "$(dirname "$0")/../src-tauri/icons"
for size in 32 48 64 128 256; do
    # -strip and no date chunks: the same bytes on every run.
    convert icon.png -resize "${size}x${size}" -strip \
        -define png:exclude-chunks=date,time "${size}x${size}.png"
done
ls -l icon.png [0-9]*x[0-9]*.png
