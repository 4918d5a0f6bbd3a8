#!/bin/sh
# check-icons.sh ICON_DIR APP_ID SIZE...: the app icon's SVG is there, every PNG rendering
# (ICON_DIR/hicolor/NxN/apps/APP_ID.png) has its size, there is none besides them, and
# they were rendered from the SVG as it is now (scripts/render-icons.sh writes the hash).
set -eu
. "$(dirname "$0")/lib.sh"
icon_dir=$1
app_id=$2
shift 2

svg=$icon_dir/$app_id.svg
[ -f "$svg" ] || fail "no SVG icon $svg"
grep -q '<svg ' "$svg" || fail "$svg is not an SVG image"

# The width and height in a PNG's IHDR chunk: two big-endian 32-bit numbers at offset 16.
png_size()
{
    od -A n -t u1 -j 16 -N 8 "$1" | awk '{ print ($1 * 16777216 + $2 * 65536 + $3 * 256 + $4) "x" ($5 * 16777216 + $6 * 65536 + $7 * 256 + $8) }'
}

expected=""
for size in "$@"; do
    png=$icon_dir/hicolor/${size}x${size}/apps/$app_id.png
    expected="$expected ${size}x${size}"
    if [ ! -f "$png" ]; then
        fail "no ${size} px icon $png: run scripts/render-icons.sh"
        continue
    fi
    [ "$(od -A n -t x1 -N 8 "$png" | tr -d ' ')" = 89504e470d0a1a0a ] || fail "$png is not a PNG image"
    [ "$(png_size "$png")" = "${size}x${size}" ] || fail "$png is $(png_size "$png"), not ${size}x${size}"
done
for dir in "$icon_dir"/hicolor/*/; do
    name=$(basename "$dir")
    case " $expected " in *" $name "*) ;; *) fail "$dir is not one of the icon sizes ($*)";; esac
done
(cd "$icon_dir" && sha256sum --quiet --check hicolor/source.sha256) \
    || fail "the PNG icons were not rendered from $svg as it is now: run scripts/render-icons.sh"
finish
