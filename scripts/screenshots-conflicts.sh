#!/usr/bin/env bash
# Takes docs/screenshots/{outbox,conflicts-panel,conflict-three-way}.png: one etagere on an
# Xvfb display edits offline (the outbox), somebody else changes the same records meanwhile
# (Zoe, with curl), and the edits come back as conflicts (the panel, the three-column
# dialog). Alice and Zoe each sign in with an account of their own.
# Needs: xvfb openbox xdotool imagemagick curl python3.
# Usage: scripts/screenshots-conflicts.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshots-common.sh "${1:-build/release}"
start_display D 1280x800
add_person alice
add_person zoe
start_server
PORT=${URL##*:} # the server comes back on the same port
start_as $D alice -qwindowgeometry 1270x770+0+0
sleep 2
ZOE=$(token zoe)
ids=($(api "$ZOE" "$URL/v1/collections/tasks/records" | python3 -c 'import json,sys; print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["records"])))'))
edit_cell() { # ROW COLUMN TEXT
    DISPLAY=$D xdotool mousemove 300 181 click 1 sleep 0.3 \
        key --delay 80 ctrl+Home $(repeat Down "$1") $(repeat Right "$2") F2 ctrl+a type --delay 30 "$3"
    DISPLAY=$D xdotool key Return; sleep 0.4
}
patch() { # ID JSON
    local etag
    etag=$(api "$ZOE" -I "$URL/v1/collections/tasks/records/$1" | sed -n 's/^[Ee][Tt]ag: *//p' | tr -d '\r')
    api "$ZOE" -o /dev/null -w '%{http_code}\n' -X PATCH -H "If-Match: $etag" -H 'Content-Type: application/merge-patch+json' \
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
# Back online (the reconnection waits a while): the new record reaches the server.
for ((i = 0; i < 120; ++i)); do
    api "$ZOE" "$URL/v1/collections/tasks/records" | grep -q 'Order new laptops' && break
    sleep 0.5
done
sleep 32 # and the live connection (its reconnection waits up to 30 s after so long offline)
import -display $D -window root "$OUT/conflicts-panel.png"
# The dialog of the record with the most to show (row 1: one field merged from each side,
# one in conflict): select it in the table, then Resolve Conflict (Ctrl+R).
DISPLAY=$D xdotool mousemove 300 181 click 1 sleep 0.3 key --delay 100 ctrl+Home Down ctrl+r
sleep 1.5
import -display $D -window root "$OUT/conflict-three-way.png"
