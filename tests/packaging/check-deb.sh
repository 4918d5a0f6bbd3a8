#!/bin/sh
# check-deb.sh BUILD_DIR VERSION APP_ID SIZES: makes the Debian package from the build in
# BUILD_DIR (cpack into a scratch directory), checks its control fields, unpacks it with
# `dpkg -x` into a scratch root, checks that it holds exactly the expected files, and runs
# the installed executables: --version of each, and the server until it listens.
set -eu
. "$(dirname "$0")/lib.sh"
build_dir=$1
version=$2
app_id=$3
sizes=$4
for tool in cpack dpkg-deb dpkg-shlibdeps file readelf; do
    require_tool "$tool" "cmake, dpkg-dev, file, binutils"
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/etagere-deb-test.XXXXXX")
server_pid=""
cleanup()
{
    [ -z "$server_pid" ] || kill -KILL "$server_pid" 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# --- the package -------------------------------------------------------------------------
if ! cpack --config "$build_dir/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log" >&2
    echo "FAIL: cpack failed" >&2
    exit 1
fi
deb=$scratch/out/etagere_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { ls -l "$scratch/out" >&2; echo "FAIL: cpack made no $deb" >&2; exit 1; }

field()
{
    dpkg-deb --field "$deb" "$1"
}
[ "$(field Package)" = etagere ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), not $version"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ "$(field Section)" = database ] || fail "Section: $(field Section)"
depends=$(field Depends)
echo "Depends: $depends"
# What the executables link (found by dpkg-shlibdeps) and the SQLite driver Qt loads.
for package in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 \
    libqt6websockets6 libqt6httpserver6 libqt6sql6-sqlite; do
    printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$package" \
        || fail "Depends lacks $package"
done
printf '%s\n' "$depends" | grep -q 'libqt6core6 (>= 6' || fail "Depends has no Qt version: $depends"

# --- its files ---------------------------------------------------------------------------
root=$scratch/root
dpkg-deb -x "$deb" "$root"
{
    echo usr/bin/etagere
    echo usr/bin/etagere-cli
    echo usr/bin/etagere-server
    echo "usr/share/applications/$app_id.desktop"
    echo "usr/share/metainfo/$app_id.metainfo.xml"
    echo "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    for size in $(echo "$sizes" | tr ';' ' '); do
        echo "usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    done
    for page in etagere etagere-cli etagere-server; do
        echo "usr/share/man/man1/$page.1.gz"
    done
    echo usr/lib/systemd/system/etagere-server.service
} | sort >"$scratch/expected"
(cd "$root" && find . -type f -o -type l | sed 's|^\./||' | sort) >"$scratch/actual"
if ! cmp -s "$scratch/expected" "$scratch/actual"; then
    fail "the package's files differ from the expected ones (< expected, > in the package):"
    diff "$scratch/expected" "$scratch/actual" | grep '^[<>]' >&2 || true
fi
for program in etagere etagere-cli etagere-server; do
    binary=$root/usr/bin/$program
    [ -x "$binary" ] || { fail "$binary is not executable"; continue; }
    file "$binary" | grep -q 'stripped' && ! file "$binary" | grep -q 'not stripped' \
        || fail "$binary is not stripped"
    ! readelf -d "$binary" | grep -Eq 'R(UN)?PATH' || fail "$binary has an RPATH: $(readelf -d "$binary" | grep PATH)"
done
for page in etagere etagere-cli etagere-server; do
    gzip -t "$root/usr/share/man/man1/$page.1.gz" || fail "$page.1.gz is not gzip data"
done
if command -v appstreamcli >/dev/null 2>&1; then
    # Desktop entry, metainfo and icon together, as a software centre sees them.
    appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree refuses the installed tree"
fi

# --- the installed executables -----------------------------------------------------------
export QT_QPA_PLATFORM=offscreen
check_version()
{
    output=$("$root/usr/bin/$1" --version 2>&1) || fail "$1 --version failed: $output"
    [ "$output" = "$2" ] || fail "$1 --version printed \"$output\", not \"$2\""
}
check_version etagere "Etagere $version"
check_version etagere-cli "etagere-cli $version"
check_version etagere-server "etagere-server $version"

# The server on a free port with a fresh data directory: its SQLite driver loads, it listens.
"$root/usr/bin/etagere-server" --data "$scratch/data" --port 0 --demo >"$scratch/server.out" 2>"$scratch/server.err" &
server_pid=$!
tries=0
until grep -qs '^listening on http://127.0.0.1:' "$scratch/server.out"; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$server_pid" 2>/dev/null; then
        fail "the installed etagere-server did not listen within 10 s: $(cat "$scratch/server.err")"
        break
    fi
    sleep 0.1
done
kill -TERM "$server_pid" 2>/dev/null || true
status=0
wait "$server_pid" || status=$?
server_pid=""
[ "$status" -eq 0 ] || fail "the installed etagere-server exited with $status after SIGTERM: $(cat "$scratch/server.err")"
[ -s "$scratch/data/etagere.sqlite" ] || fail "the installed etagere-server wrote no database"
finish
