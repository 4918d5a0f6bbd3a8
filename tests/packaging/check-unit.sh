#!/bin/sh
# check-unit.sh UNIT SERVER: the systemd unit passes `systemd-analyze verify` without a
# remark (its ExecStart pointed at the built SERVER, since /usr/bin has none), runs the
# server with the data directory the unit gives it, and stays hardened: an exposure level
# of at most 2.0 in `systemd-analyze security` (0 is best, 10 worst).
set -eu
. "$(dirname "$0")/lib.sh"
unit=$1
server=$2
require_tool systemd-analyze systemd

scratch=$(mktemp -d "${TMPDIR:-/tmp}/etagere-unit-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
copy=$scratch/$(basename "$unit")
sed "s|^ExecStart=/usr/bin/etagere-server |ExecStart=$server |" "$unit" >"$copy"
grep -q "^ExecStart=$server --data /var/lib/etagere " "$copy" \
    || fail "$unit: ExecStart does not run /usr/bin/etagere-server --data /var/lib/etagere"
grep -qx "StateDirectory=etagere" "$unit" || fail "$unit: the state directory is not /var/lib/etagere"
grep -qx "DynamicUser=yes" "$unit" || fail "$unit: the server does not run as a user of its own"

report=$(systemd-analyze verify --man=no "$copy" 2>&1) || fail "systemd-analyze verify refuses $unit"
[ -z "$report" ] || fail "systemd-analyze verify: $report"
systemd-analyze security --offline=true --threshold=20 "$copy" >"$scratch/security" 2>&1 \
    || fail "$unit is less hardened than it was: $(grep 'Overall exposure' "$scratch/security")"
finish
