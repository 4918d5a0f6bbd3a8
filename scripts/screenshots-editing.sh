#!/usr/bin/env bash
# Takes docs/screenshots/{sorted-filtered,record-form,form-live-change}.png: one etagere on
# an Xvfb display, the tasks sorted by estimate and filtered by a quick search with the
# record form beside them; an edit in the form with the Edit menu offering to undo it; and
# Bruno (curl, with his own account) changing the record while a field is being typed in the form.
# Needs: xvfb openbox xdotool imagemagick curl python3.
# Usage: scripts/screenshots-editing.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshots-common.sh "${1:-build/release}"
start_display D 1280x800
add_person alice
add_person bruno
start_server
start_as $D alice -qwindowgeometry 1270x770+0+0
sleep 2
key() { DISPLAY=$D xdotool key --delay 120 "$@"; }
type() { DISPLAY=$D xdotool type --delay 40 "$1"; }
click() { DISPLAY=$D xdotool mousemove "$1" "$2" click 1; sleep 0.4; }
# The places clicked: the columns are fitted to the demo's content, so they do not move.
ESTIMATE_HEADER="850 113"; SECOND_ROW="400 158"; FORM_TITLE="1150 177"; FORM_NOTES="1150 300"

# The Record panel alone on the right (the Activity panel hidden, View > Activity): the form
# gets the whole height.
key ctrl+shift+a
sleep 0.5

# 1. Sorted by estimate, largest first (two clicks on its header), filtered by a quick
# search; the second match selected, its record in the form.
click $ESTIMATE_HEADER
click $ESTIMATE_HEADER
key ctrl+f
type "bruno"
key Return
sleep 0.5
click $SECOND_ROW
sleep 0.5
import -display $D -window root "$OUT/sorted-filtered.png"

# 2. The record form: the notes get two more lines, saved when leaving the field (Tab); the
# Edit menu then offers to undo exactly that.
click $FORM_NOTES
key ctrl+End
type " Then send the draft to Ana for a review."
key Return
type "Keep the old numbers for comparison."
key Tab
sleep 0.8
key alt+e
sleep 0.6
import -display $D -window root "$OUT/record-form.png"
key Escape

# 3. A new title typed in the form while Bruno (curl) renames the same task and
# gives it to Ana: the owner follows at once, the title keeps what is typed and says what
# changed meanwhile (saving it would ask which to keep); the search keeps the record shown
# while it is being changed, although it no longer matches.
click $FORM_TITLE
key ctrl+a
type "Fix the crash on an empty CSV import"
BRUNO=$(token bruno)
ID=$(api "$BRUNO" "$URL/v1/collections/tasks/records" | python3 -c 'import json,sys; print([r["id"] for r in json.load(sys.stdin)["records"] if r["data"]["title"].startswith("Fix crash")][0])')
ETAG=$(api "$BRUNO" -I "$URL/v1/collections/tasks/records/$ID" | sed -n 's/^[Ee][Tt]ag: *//p' | tr -d '\r')
api "$BRUNO" -o /dev/null -X PATCH -H "If-Match: $ETAG" -H 'Content-Type: application/merge-patch+json' \
    --data '{"title":"Fix crash when importing an empty or huge CSV","owner":"Ana"}' "$URL/v1/collections/tasks/records/$ID"
sleep 1.5
import -display $D -window root "$OUT/form-live-change.png"
