#!/bin/sh
# Installs what building, running and testing Etagere needs on Debian 12 (bookworm).
# Safe to run again: apt-get skips what is already there.
set -eu

# file and dpkg-dev: CPack's Debian package. appstream, desktop-file-utils, man-db and
# systemd (systemd-analyze): the packaging tests check the metadata, the man pages and the
# server's unit with them.
packages="cmake g++ ninja-build ccache file dpkg-dev
    qt6-base-dev qt6-websockets-dev qt6-httpserver-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qtkeychain-qt6-dev
    libqt6sql6-sqlite xvfb xauth
    appstream desktop-file-utils man-db systemd"

if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "install-deps: run as root or install sudo" >&2
    exit 1
fi

# libsodium-dev (found with pkg-config): the server hashes passwords (Argon2id) and makes
# session tokens with it.
# openssl: the TLS tests make their CA and certificates with its command line.
packages="$packages libsodium-dev pkg-config openssl"

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "install-deps: installing$missing"
    $as_root apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends $missing
fi
