#!/usr/bin/env bash
# Takes docs/screenshots/new-collection.png: the New Collection dialog of etagere, filled in
# with the keyboard (xdotool) on an Xvfb display: a name, a title and six fields, one of
# them a Choice with its values; then new-collection-problems.png: the same with a name
# that is not valid and a value listed twice, each shown where it is.
# Needs: xvfb openbox xdotool imagemagick.
# Usage: scripts/screenshots-newcollection.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshots-common.sh "${1:-build/release}"
start_display D 1280x800
add_person alice
start_server
start_as $D alice -qwindowgeometry 1270x770+0+0
sleep 2
key() { DISPLAY=$D xdotool key --delay 90 "$@"; sleep 0.2; }
type() { DISPLAY=$D xdotool type --delay 40 "$1"; sleep 0.2; }
# field NAME TITLE DOWNS: Add Field, its name, its title, then the type DOWNS steps down
# the list from "One line of text" (each step picks a type and closes the list).
field() {
    key alt+a; type "$1"; key Return Right; type "$2"; key Return Right
    for ((i = 0; i < $3; ++i)); do key F2 Down; done
}

key ctrl+shift+n
DISPLAY=$D xdotool search --sync --pid $APP --onlyvisible --name "New Collection" >/dev/null
type "books"; key Tab; type "Books"
field author "Author" 0
key Right space                       # the author is required
field pages "Pages" 2                 # Whole number
field read "Read" 4                   # Yes or no
field published "Published" 5         # Date
field genre "Genre" 7                 # Choice
for choice in Novel Essay Poetry Comics; do key alt+c; type "$choice"; key Return; done
sleep 0.5
DIALOG=$(DISPLAY=$D xdotool search --onlyvisible --name "New Collection" | head -1)
import -display $D -frame -window "$DIALOG" "$OUT/new-collection.png"
key alt+c; type "Novel"; key Return
key alt+n ctrl+a; type "My books"
sleep 0.5
import -display $D -frame -window "$DIALOG" "$OUT/new-collection-problems.png"
echo "wrote $OUT/new-collection.png $OUT/new-collection-problems.png"
