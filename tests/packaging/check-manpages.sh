#!/bin/sh
# check-manpages.sh MAN_DIR BIN_DIR VERSION: each executable's man page (MAN_DIR/NAME.1)
# renders without a troff warning, carries VERSION, and documents every option, command and
# exit code that the executable's --help lists.
set -eu
. "$(dirname "$0")/lib.sh"
man_dir=$1
bin_dir=$2
version=$3
require_tool man man-db

# The lines of section $2 ("Commands:", "Exit codes:") of the help text $1: from the
# heading to the next empty line.
help_section()
{
    printf '%s\n' "$1" | awk -v heading="$2" '$0 == heading { on = 1; next } on && $0 == "" { exit } on'
}

check_page()
{
    program=$1
    page=$man_dir/$program.1
    [ -f "$page" ] || { fail "no man page $page"; return; }
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "$page: man --warnings: $warnings"
    grep -q "^\.TH .*\"Etagere $version\"" "$page" || fail "$page: .TH does not name Etagere $version"

    help=$(QT_QPA_PLATFORM=offscreen "$bin_dir/$program" --help) || { fail "$program --help failed"; return; }
    # The options the page documents: those in the tag line of a .TP item (troff writes
    # each "-" as "\-").
    documented=$(awk 'previous == ".TP" { print } { previous = $0 }' "$page" | sed 's/\\-/-/g' \
        | grep -o -- '--[a-z][a-z0-9-]*' | sort -u)
    for option in $(printf '%s\n' "$help" | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
        printf '%s\n' "$documented" | grep -qx -- "$option" || fail "$page does not document $program's option $option"
    done
    for command in $(help_section "$help" "Commands:" | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p'); do
        grep -Eq "^\.BI? \"?$command( |\"|\$)" "$page" || fail "$page does not document $program's command $command"
    done
    for code in $(help_section "$help" "Exit codes:" | sed -n 's/^  \([0-9][0-9]*\) .*/\1/p'); do
        grep -qx "\.B $code" "$page" || fail "$page does not document $program's exit code $code"
    done
}

for program in etagere etagere-cli etagere-server; do
    check_page "$program"
done
finish
