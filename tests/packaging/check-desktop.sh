#!/bin/sh
# check-desktop.sh DESKTOP_FILE APP_ID: the desktop entry passes desktop-file-validate without
# a single remark, is named after the app id and uses it as its icon.
set -eu
. "$(dirname "$0")/lib.sh"
desktop=$1
app_id=$2
require_tool desktop-file-validate desktop-file-utils

[ "$(basename "$desktop")" = "$app_id.desktop" ] || fail "$desktop is not named $app_id.desktop"
report=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate refuses $desktop"
[ -z "$report" ] || fail "desktop-file-validate: $report"
grep -qx "Icon=$app_id" "$desktop" || fail "$desktop: the icon is not Icon=$app_id"
grep -qx "Exec=etagere" "$desktop" || fail "$desktop: does not run etagere"
finish
