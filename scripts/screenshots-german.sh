#!/usr/bin/env bash
# Takes docs/screenshots/german.png: the main window in German (LANGUAGE=de, LANG=de_DE.UTF-8),
# on its own local demo server (started by etagere itself), with a record's cell being edited and the Record menu open.
# Needs, besides the project's build: xvfb openbox xdotool imagemagick (apt-get install).
# Usage: scripts/screenshots-german.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshots-common.sh "${1:-build/release}"
SCREEN=:73

Xvfb $SCREEN -screen 0 900x640x24 -nolisten tcp & sleep 1
DISPLAY=$SCREEN openbox 2>/dev/null &
sleep 1

DISPLAY=$SCREEN LANGUAGE=de LANG=de_DE.UTF-8 XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" \
    "$BIN/etagere" -qwindowgeometry 896x616+0+0 2>/dev/null &
DISPLAY=$SCREEN xdotool search --sync --pid $! --onlyvisible --class etagere >/dev/null
sleep 2

# The Record menu ("Datensatz", Alt+S) open over the table.
DISPLAY=$SCREEN xdotool mousemove 450 200 click 1 sleep 0.3 key --delay 150 alt+s
sleep 0.6
import -display $SCREEN -window root "$OUT/german.png"
