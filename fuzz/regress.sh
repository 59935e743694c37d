#!/bin/sh
# regress.sh - `make fuzz-regress`: replays fuzz/corpus/TARGET and every
# fuzz/regressions/NAME/inputs with the plain replay binaries.
#
# A regression folder holds TARGET (the target's name), README (what it
# broke and why), inputs/ (the reproducers) and, while the bug is not
# fixed, PENDING: those are listed, not run (`--pending` runs only them,
# for whoever fixes the bug).
set -u
FZ=${FZ:-build/fuzz}
TARGETS=${TARGETS:-"parser_mews parser_full compiler"}
pending_only=0
[ "${1:-}" = --pending ] && pending_only=1
fail=0
ran=0

replay() { # target dir
    out=$(timeout 600 "$FZ/replay/$1" "$2" 2>&1)
    rc=$?
    ran=$((ran + 1))
    if [ $rc -ne 0 ]; then
        echo "$out" | tail -20
        echo "fuzz-regress: $2 FAILED under $1 (exit $rc)"
        fail=1
    fi
}

if [ $pending_only -eq 0 ]; then
    echo "== fuzz corpus and regressions (replay)"
    for t in $TARGETS; do
        [ -d "fuzz/corpus/$t" ] && replay "$t" "fuzz/corpus/$t"
    done
fi
for r in fuzz/regressions/*/; do
    [ -f "$r/TARGET" ] || continue
    t=$(cat "$r/TARGET")
    if [ -f "$r/PENDING" ]; then
        if [ $pending_only -eq 1 ]; then
            replay "$t" "$r/inputs"
        else
            echo "fuzz-regress: pending, not run: $r ($(head -1 "$r/README" 2>/dev/null))"
        fi
    elif [ $pending_only -eq 0 ]; then
        replay "$t" "$r/inputs"
    fi
done
[ $fail -eq 0 ] && echo "$ran passed, 0 failed" && exit 0
exit 1
