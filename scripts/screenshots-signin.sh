#!/usr/bin/env bash
# Takes docs/screenshots/login.png and certificate.png: etagere started with --server on a
# server with accounts and no saved session (Xvfb has no keychain), so it asks to sign in,
# the user name typed; then etagere on a server with a self-signed certificate (made here
# with openssl), so it asks whether to trust it, with its SHA-256 fingerprint.
# Needs: xvfb openbox xdotool imagemagick openssl.
# Usage: scripts/screenshots-signin.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/screenshots-common.sh "${1:-build/release}"
start_display D 1280x800
# open_app NAME: etagere --server $URL with fresh settings and data in $TMP/NAME; waits
# for the window titled like "$2".
open_app() {
    DISPLAY=$D XDG_CONFIG_HOME="$TMP/$1/config" XDG_DATA_HOME="$TMP/$1/data" \
        "$BIN/etagere" --server "$URL" -qwindowgeometry 1270x770+0+0 2>>"$TMP/app.err" &
    APP=$!
    DISPLAY=$D xdotool search --sync --pid $APP --onlyvisible --name "$2" >/dev/null
    sleep 1
}

# 1. Sign in: Ana's first start against the team server; she types her name (the dialog
# offers the name she has on this computer) and her password.
add_person ana
start_server
open_app login "Sign in"
DISPLAY=$D xdotool key shift+Tab ctrl+a type --delay 60 "ana"
DISPLAY=$D xdotool key Tab type --delay 60 "ana-secret"
sleep 0.5
import -display $D -window root "$OUT/login.png"
kill $APP $SERVER
wait $APP $SERVER 2>/dev/null || true

# 2. The same server behind a self-signed certificate: the app asks before sending anything.
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=127.0.0.1/O=Example Team" \
    -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$TMP/key.pem" -out "$TMP/cert.pem" 2>/dev/null
start_server --tls-cert "$TMP/cert.pem" --tls-key "$TMP/key.pem"
open_app certificate "Untrusted certificate"
import -display $D -window root "$OUT/certificate.png"
echo "wrote $OUT/login.png $OUT/certificate.png"
