# Sourced by scripts/screenshots*.sh from the repository's root, with the build directory as
# its argument: `source scripts/screenshots-common.sh BUILD_DIR`. Sets BIN (the build's bin
# directory), OUT (where the pictures go) and TMP (a scratch directory, removed at exit with
# every process the script started); then offers a server with accounts, the people who
# sign in to it and Xvfb screens.
BIN="$1/bin"
OUT=docs/screenshots
TMP=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$TMP"' EXIT

# repeat WORD N: WORD, N times (xdotool keys).
repeat() { for ((i = 0; i < $2; ++i)); do echo "$1"; done; }

# start_server [OPTIONS...]: etagere-server --demo on a free loopback port with its data in
# $TMP/server (the accounts made before it starts are kept); sets SERVER (its pid) and URL.
start_server() {
    rm -f "$TMP/server.out" # not to read the line of a server started before
    "$BIN/etagere-server" --data "$TMP/server" --port "${PORT:-0}" --demo "$@" >"$TMP/server.out" 2>"$TMP/server.err" &
    SERVER=$!
    until grep -qs '^listening on ' "$TMP/server.out"; do
        kill -0 $SERVER 2>/dev/null || { cat "$TMP/server.err" >&2; exit 1; }
        sleep 0.2
    done
    URL=$(sed -n 's/^listening on //p' "$TMP/server.out")
}
# add_person NAME: an account NAME (password "NAME-secret") that may write the tasks.
add_person() {
    echo "$1-secret" | "$BIN/etagere-server" --data "$TMP/server" user add "$1" >/dev/null
    "$BIN/etagere-server" --data "$TMP/server" grant "$1" tasks write >/dev/null
}
# token NAME: signs NAME in at $URL (etagere-cli login) and prints the session token.
token() {
    echo "$1-secret" | "$BIN/etagere-cli" --server "$URL" login "$1"
}
# start_as SCREEN NAME [ARGS...]: an etagere on SCREEN signed in as NAME, with its own
# settings and data; waits for its window and sets APP (its pid).
start_as() {
    local screen=$1 name=$2
    shift 2
    DISPLAY=$screen XDG_CONFIG_HOME="$TMP/$name/config" XDG_DATA_HOME="$TMP/$name/data" \
        ETAGERE_TOKEN=$(token "$name") "$BIN/etagere" --server "$URL" --account "$name" "$@" 2>>"$TMP/app.err" &
    APP=$!
    DISPLAY=$screen xdotool search --sync --pid $APP --onlyvisible --class etagere >/dev/null
}
# api TOKEN CURL_ARGS...: curl with the session token TOKEN.
api() {
    local bearer=$1
    shift
    curl -s -H "Authorization: Bearer $bearer" "$@"
}
# start_display VAR WxH: an Xvfb screen of WxH on a display number nobody uses (Xvfb picks
# it), with openbox as window manager so dialogs have title bars; sets VAR to ":N".
start_display() {
    local number="$TMP/display-$1"
    Xvfb -displayfd 3 -screen 0 "${2}x24" -nolisten tcp 3>"$number" 2>/dev/null &
    until [ -s "$number" ]; do sleep 0.1; done
    printf -v "$1" ':%s' "$(head -1 "$number")"
    DISPLAY=${!1} openbox 2>/dev/null &
    sleep 1
}
