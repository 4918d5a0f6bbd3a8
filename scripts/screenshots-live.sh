#!/usr/bin/env bash
# Takes docs/screenshots/live-cues.png and editing-together.png: three people on one
# server, each at their own screen (three Xvfb displays) and signed in with an account of
# their own, so each has a colour and a name. Alice edits a task and keeps her
# editor open, Carol looks at one task, then renames another. The pictures are
# Bob's window: where the others are (the markers, one named in a tooltip), Carol's change
# flashing, the Activity panel; then Bob opens an editor on Alice's task and is warned.
# Needs, besides the project's build: xvfb openbox xdotool imagemagick (apt-get install).
# Usage: scripts/screenshots-live.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshots-common.sh "${1:-build/release}"
start_display ALICE 1280x720
start_display BOB 1280x720
start_display CAROL 1280x720

add_person alice
add_person bob
add_person carol
start_server
# click SCREEN ROW X: clicks the table's row ROW (0 is the first) at X, which makes it current.
click() {
    DISPLAY=$1 xdotool mousemove "$3" $((133 + 24 * $2)) click 1 sleep 0.3
}

start_as $ALICE alice -qwindowgeometry 1276x690+0+0
start_as $BOB bob -qwindowgeometry 1276x690+0+0
start_as $CAROL carol -qwindowgeometry 1276x690+0+0
sleep 2

# Bob is on the first task; Alice edits the owner of the fifth and leaves her editor open;
# Carol looks at the third.
click $BOB 0 300
click $ALICE 4 680
DISPLAY=$ALICE xdotool key F2 ctrl+a type --delay 40 "Alice"
click $CAROL 2 300
sleep 1
# Bob points at the marker on the fifth row: the tooltip says who is there.
DISPLAY=$BOB xdotool mousemove 423 $((133 + 24 * 4)) sleep 1.5
# Carol renames the eighth task; it flashes in Bob's window and lands in his Activity list.
click $CAROL 7 300
DISPLAY=$CAROL xdotool key F2 End type --delay 30 " (moved to Friday)"
DISPLAY=$CAROL xdotool key Return
sleep 0.5
# shot NAME: Bob's screen.
shot() {
    import -display $BOB -window root "$OUT/$1.png"
}
shot live-cues
# Bob starts editing the record Alice is editing: his editor warns him.
click $BOB 4 680
DISPLAY=$BOB xdotool key F2 sleep 0.8
shot editing-together
