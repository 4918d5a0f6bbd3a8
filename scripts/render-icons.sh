#!/bin/sh
# Renders the app icon's PNG sizes from its SVG source, for the hicolor icon theme and the
# app's resources: resources/icons/hicolor/NxN/apps/org.etagere.Etagere.png.
# Run it after changing resources/icons/org.etagere.Etagere.svg and commit what it writes.
# The PNGs are committed rather than made at build time so that building Etagere needs no
# SVG renderer; resources/icons/hicolor/source.sha256 records which SVG they were rendered
# from, and the packaging_icons test fails when the SVG changed without them.
# Needs rsvg-convert (Debian package librsvg2-bin).
set -eu
cd "$(dirname "$0")/../resources/icons"

id=org.etagere.Etagere
command -v rsvg-convert >/dev/null 2>&1 || {
    echo "render-icons: rsvg-convert is missing (apt-get install librsvg2-bin)" >&2
    exit 1
}
for size in 16 22 24 32 48 64 128 256; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" --output "hicolor/${size}x${size}/apps/$id.png" "$id.svg"
done
sha256sum "$id.svg" > hicolor/source.sha256
echo "render-icons: rendered $id.svg into resources/icons/hicolor/"
