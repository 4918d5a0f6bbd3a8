#!/bin/sh
# check-metainfo.sh METAINFO APP_ID VERSION: the AppStream metadata passes
# `appstreamcli validate --strict` offline (pedantic hints are shown but do not fail), its
# id, launchable and binaries are the app's, and its newest release is VERSION.
set -eu
. "$(dirname "$0")/lib.sh"
metainfo=$1
app_id=$2
version=$3
require_tool appstreamcli appstream

appstreamcli validate --no-net --strict --pedantic --explain "$metainfo" || fail "appstreamcli validate refuses $metainfo"
[ "$(basename "$metainfo")" = "$app_id.metainfo.xml" ] || fail "$metainfo is not named $app_id.metainfo.xml"
grep -q "<id>$app_id</id>" "$metainfo" || fail "$metainfo: the id is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "$metainfo: the launchable is not $app_id.desktop"
for binary in etagere etagere-cli etagere-server; do
    grep -q "<binary>$binary</binary>" "$metainfo" || fail "$metainfo: does not provide $binary"
done
newest=$(sed -n 's/.*<release [^>]*version="\([^"]*\)".*/\1/p' "$metainfo" | head -n 1)
[ "$newest" = "$version" ] \
    || fail "$metainfo: the newest <release> is \"$newest\", the project's version is $version: add a release"
finish
