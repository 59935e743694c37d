#!/bin/sh
# tests/quiet.sh PROGRAM [ARGS...] - runs one cmocka test program and
# leaves out its per-test "[ RUN ]" and "[ OK ]" lines, keeping the
# counts and anything else it prints; when it fails, everything it
# printed is shown. `make test V=1` runs the programs without it.
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
"$@" >"$log" 2>&1
status=$?
if [ "$status" -ne 0 ]; then
    cat "$log"
    echo "FAILED (exit $status): $*"
    exit "$status"
fi
grep -v -e '^\[ RUN      \]' -e '^\[       OK \]' "$log"
exit 0
