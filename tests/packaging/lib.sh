# Helpers of the packaging tests (sourced). Each check prints what it found wrong and the
# test fails at its end, so that one run shows every problem.
failures=0

fail()
{
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# Ends the test: exit status 1 when a check failed.
finish()
{
    if [ "$failures" -gt 0 ]; then
        echo "$failures check(s) failed" >&2
        exit 1
    fi
    echo "all checks passed"
}

# require_tool NAME PACKAGE: stops the test when a tool is missing.
require_tool()
{
    command -v "$1" >/dev/null 2>&1 || {
        echo "FAIL: $1 is missing: scripts/install-deps.sh installs it (Debian package $2)" >&2
        exit 1
    }
}
