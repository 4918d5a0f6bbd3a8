#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/: Alice and Bob, each at their own screen (two
# Xvfb displays), each signed in with an account of their own on one server; an edit of
# Alice's shows at Bob's, then both edit the same field at once. Each picture puts the two
# screens side by side.
# Needs, besides the project's build: xvfb openbox xdotool imagemagick (apt-get install).
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshots-common.sh "${1:-build/release}"
start_display ALICE 800x760
start_display BOB 800x760

add_person alice
add_person bob
start_server
# edit_cell SCREEN ROW COLUMN KEY TEXT [commit]: opens the cell's editor, presses KEY
# (ctrl+a replaces, End appends), types TEXT; Return commits it.
edit_cell() {
    DISPLAY=$1 xdotool mousemove 400 140 click 1 sleep 0.3 \
        key --delay 120 ctrl+Home $(repeat Down "$2") $(repeat Right "$3") F2 "$4" type --delay 40 "$5"
    if [ "${6:-}" = commit ]; then DISPLAY=$1 xdotool key Return; fi
}
# shot NAME [WAIT]: both screens side by side, with a gap.
shot() {
    sleep "${2:-0.3}"
    import -display $ALICE -window root "$TMP/a.png"
    import -display $BOB -window root "$TMP/b.png"
    convert "$TMP/a.png" -size 12x760 xc:'#303030' "$TMP/b.png" +append "$OUT/$1.png"
}

start_as $ALICE alice -qwindowgeometry 796x736+0+0
start_as $BOB bob -qwindowgeometry 796x736+0+0
sleep 2

# 1. Alice renames a task; Bob's window shows it at once, highlighted.
edit_cell $ALICE 2 0 End " by Friday" commit
shot two-windows 0.4

# 2. Both type a new owner for one task; Alice saves first, then Bob: his window asks.
edit_cell $BOB 5 2 ctrl+a "Bob"
edit_cell $ALICE 5 2 ctrl+a "Alice" commit
sleep 1.5
shot both-editing 0
DISPLAY=$BOB xdotool key Return
shot conflict-dialog 1

# 3. Bob keeps his value: it is written over Alice's version and reaches both windows.
DISPLAY=$BOB xdotool key Return
shot conflict-resolved 1.5
