# tests/tools/lib.sh - helpers shared by the command-line test scripts,
# sourced after `set -u`. Each check counts one pass or one failure;
# `finish NAME` prints "NAME: N passed, M failed" and sets the status.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
failed=0

ok() { pass=$((pass + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# expect STATUS DESCRIPTION -- COMMAND...: runs it, output in $tmp/out, err
expect() {
    want=$1 what=$2
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, wanted $want"; fi
}

has() { # FILE TEXT DESCRIPTION: TEXT somewhere in FILE
    if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2' in $(cat "$1")"; fi
}

has_line() { # FILE TEXT DESCRIPTION: TEXT as a whole line of FILE
    if grep -qxF -- "$2" "$1"; then ok; else
        bad "$3: no line '$2' in: $(cat "$1")"; fi
}

hasnt() { # FILE TEXT DESCRIPTION
    if grep -qF -- "$2" "$1"; then bad "$3: '$2' found"; else ok; fi
}

finish() { # NAME
    echo "$1: $pass passed, $failed failed"
    [ "$failed" -eq 0 ]
}
