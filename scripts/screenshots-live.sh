#!/usr/bin/env bash
# Takes docs/screenshots/live-cues.png and editing-together.png: three people on one
# server, each at their own screen (three Xvfb displays). Alice edits a task and keeps her
# editor open, Carol looks at one task, then renames another. The pictures are
# Bob's window: where the others are (the markers, one named in a tooltip), Carol's change
# flashing, the Activity panel; then Bob opens an editor on Alice's task and is warned.
# Until the server has accounts, every window of it is the same local user: the markers
# then read "You ... in another window" and all wear that one user's colour.
# Needs, besides the project's build: xvfb openbox xdotool imagemagick (apt-get install).
# Usage: scripts/screenshots-live.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-build/release}/bin"
OUT=docs/screenshots
TMP=$(mktemp -d)
ALICE=:74
BOB=:75
CAROL=:76
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$TMP"' EXIT

for screen in $ALICE $BOB $CAROL; do
    Xvfb "$screen" -screen 0 1280x720x24 -nolisten tcp & sleep 1
    DISPLAY=$screen openbox 2>/dev/null &
done
sleep 1

# start_window SCREEN: an etagere on SCREEN. All share one data directory: the first starts
# the embedded server (etagere-server --demo), the others join it, each with its own journal.
start_window() {
    DISPLAY=$1 XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" \
        "$BIN/etagere" -qwindowgeometry 1276x690+0+0 2>/dev/null &
    DISPLAY=$1 xdotool search --sync --pid $! --onlyvisible --class etagere >/dev/null
}
# click SCREEN ROW X: clicks the table's row ROW (0 is the first) at X, which makes it current.
click() {
    DISPLAY=$1 xdotool mousemove "$3" $((107 + 24 * $2)) click 1 sleep 0.3
}

start_window $ALICE
sleep 2
start_window $BOB
start_window $CAROL
sleep 2

# Bob is on the first task; Alice edits the owner of the fifth and leaves her editor open;
# Carol looks at the third. (Clicks, not arrow keys: the server names them all the same
# user for now, and Carol passing over Alice's row would take Alice's marker with her.)
click $BOB 0 300
click $ALICE 4 680
DISPLAY=$ALICE xdotool key F2 ctrl+a type --delay 40 "Alice"
click $CAROL 2 300
sleep 1
# Bob points at the marker on the fifth row: the tooltip says who is there.
DISPLAY=$BOB xdotool mousemove 423 $((107 + 24 * 4)) sleep 1.5
# Carol renames the eighth task; it flashes in Bob's window and lands in his Activity list.
click $CAROL 7 300
DISPLAY=$CAROL xdotool key F2 End type --delay 30 " (moved to Friday)"
DISPLAY=$CAROL xdotool key Return
sleep 0.5
# shot NAME: Bob's screen. The status bar is left out: windows that share the embedded
# server report there that the server wrote no local session file, which it does not yet.
shot() {
    import -display $BOB -window root "$TMP/shot.png"
    convert "$TMP/shot.png" -crop 1280x688+0+0 +repage "$OUT/$1.png"
}
shot live-cues
# Bob starts editing the record Alice is editing: his editor warns him.
click $BOB 4 680
DISPLAY=$BOB xdotool key F2 sleep 0.8
shot editing-together
