#!/usr/bin/env bash
# Takes docs/screenshots/{outbox,conflicts-panel,conflict-three-way}.png: one etagere on an
# Xvfb display edits offline (the outbox), somebody else changes the same records meanwhile
# (curl), and the edits come back as conflicts (the panel, the three-column dialog).
# Needs: xvfb openbox xdotool imagemagick curl python3.
# Usage: scripts/screenshots-conflicts.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-build/release}/bin"
OUT=docs/screenshots
TMP=$(mktemp -d)
D=:73
PORT=${PORT:-18642}
URL=http://127.0.0.1:$PORT
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$TMP"' EXIT
Xvfb $D -screen 0 1280x800x24 -nolisten tcp & sleep 1
DISPLAY=$D openbox 2>/dev/null & sleep 1
start_server() {
    "$BIN/etagere-server" --data "$TMP/server" --port $PORT --demo >"$TMP/server.out" 2>/dev/null &
    SERVER=$!
    until grep -q '^listening on ' "$TMP/server.out"; do sleep 0.2; done
}
start_server
DISPLAY=$D XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" "$BIN/etagere" --server "$URL" -qwindowgeometry 1270x770+0+0 2>"$TMP/app.err" &
APP=$!
DISPLAY=$D xdotool search --sync --pid $APP --onlyvisible --class etagere >/dev/null
sleep 2
ids=($(curl -s "$URL/v1/collections/tasks/records" | python3 -c 'import json,sys; print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["records"])))'))
repeat() { for ((i = 0; i < $2; ++i)); do echo "$1"; done; }
edit_cell() { # ROW COLUMN TEXT
    DISPLAY=$D xdotool mousemove 700 120 click 1 sleep 0.3 \
        key --delay 80 ctrl+Home $(repeat Down "$1") $(repeat Right "$2") F2 ctrl+a type --delay 30 "$3"
    DISPLAY=$D xdotool key Return; sleep 0.4
}
patch() { # ID JSON
    local etag
    etag=$(curl -sI "$URL/v1/collections/tasks/records/$1" | sed -n 's/^[Ee][Tt]ag: *//p' | tr -d '\r')
    curl -s -o /dev/null -w '%{http_code}\n' -X PATCH -H "If-Match: $etag" -H 'Content-Type: application/merge-patch+json' \
        --data "$2" "$URL/v1/collections/tasks/records/$1"
}
# Offline: the server goes away, edits queue in the outbox.
kill $SERVER; wait $SERVER 2>/dev/null || true
sleep 2
edit_cell 1 0 "Draft the quarterly report"
edit_cell 1 4 "7.5"
edit_cell 3 2 "Alice"
edit_cell 4 0 "Book a venue for the March offsite"
DISPLAY=$D xdotool key ctrl+n sleep 0.5 type --delay 30 "Order new laptops"
DISPLAY=$D xdotool key Return; sleep 0.5
DISPLAY=$D xdotool key ctrl+shift+o; sleep 1
import -display $D -window root "$OUT/outbox.png"
# Meanwhile somebody else changes the same records; we are frozen until they are done.
kill -STOP $APP
start_server
patch "${ids[1]}" '{"priority":"high","estimate":9.5}'
patch "${ids[3]}" '{"owner":"Zoe"}'
patch "${ids[4]}" '{"title":"Book the offsite in Lyon"}'
kill -CONT $APP
sleep 5
sleep 1
import -display $D -window root "$OUT/conflicts-panel.png"
# The dialog of the record with the most to show (row 1: one field merged from each side,
# one in conflict): select it in the table, then Resolve Conflict (Ctrl+R).
DISPLAY=$D xdotool mousemove 700 120 click 1 sleep 0.3 key --delay 100 ctrl+Home Down ctrl+r
sleep 1.5
import -display $D -window root "$OUT/conflict-three-way.png"
