#!/bin/sh
# tests/schemas/run.sh - the schema compiler's tests.
#
#   bad/NAME.hookc   must fail: exit 1, the first lines of stderr equal to
#                    bad/NAME.expect, and no file written
#   good/*.hookc, full.hookc, full2.hookc, schema/*.hookc
#                    must compile, give the same bytes twice, and the C
#                    must build warning-free with gcc and clang; their
#                    --emit jsonschema output must be valid JSON and the
#                    same bytes twice
#   jsonschema_check.py  the JSON Schema export gives hookc's verdicts
#                    (skipped when Python's jsonschema is missing)
#   the command line: --help, --version, bad usage, I/O errors
#
# Environment: HOOKC (default build/bin/hookc), RUNTIME (default runtime),
# both relative to the repository root or absolute. Prints one line per
# failure and ends with "N passed, M failed".

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 1

HOOKC=${HOOKC:-build/bin/hookc}
RUNTIME=${RUNTIME:-runtime}
case $HOOKC in /*) ;; *) HOOKC="$root/$HOOKC" ;; esac
case $RUNTIME in /*) ;; *) RUNTIME="$root/$RUNTIME" ;; esac
STRICT="-std=c99 -Wall -Wextra -Wpedantic -Werror"
VERSION=$(sed -n 's/^#define HOOKRT_VERSION "\(.*\)"/\1/p' "$RUNTIME/hookrt.h")

passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hookc-schemas.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

if [ ! -x "$HOOKC" ]; then
    echo "FAIL: $HOOKC is not built"
    echo "0 passed, 1 failed"
    exit 1
fi

# --- schemas that must be refused --------------------------------------

for schema in "$here"/bad/*.hookc; do
    name=$(basename "$schema")
    base=${name%.hookc}
    out="$tmp/bad-$base"
    mkdir "$out"
    # From inside bad/, so messages carry the relative name.
    (cd "$here/bad" && timeout 10 "$HOOKC" -o "$out" "$name") \
        >"$tmp/stdout" 2>"$tmp/stderr"
    status=$?
    # the first lines of the report, as many as the .expect file holds
    lines=$(grep -c '' "$here/bad/$base.expect" 2>/dev/null) || lines=1
    first=$(head -n "$lines" "$tmp/stderr")
    expected=$(cat "$here/bad/$base.expect" 2>/dev/null)
    if [ ! -f "$here/bad/$base.expect" ]; then
        fail "bad/$name: no bad/$base.expect"
    elif [ "$status" -ne 1 ]; then
        fail "bad/$name: exit status $status, expected 1"
    elif [ "$first" != "$expected" ]; then
        fail "bad/$name: got '$first', expected '$expected'"
    elif [ -n "$(ls -A "$out")" ]; then
        fail "bad/$name: wrote $(ls -A "$out" | tr '\n' ' ')"
    elif [ -s "$tmp/stdout" ]; then
        fail "bad/$name: printed on stdout"
    else
        pass
    fi
done

# --- schemas that must compile -----------------------------------------

compile_c() { # compiler, file, label
    if ! command -v "$1" >/dev/null 2>&1; then
        fail "$3: $1 is not installed"
    elif "$1" $STRICT -I"$RUNTIME" -c "$2" -o "$tmp/obj.o" 2>"$tmp/cc.log"
    then
        pass
    else
        fail "$3: $1 rejects $(basename "$2"): $(head -n 1 "$tmp/cc.log")"
    fi
}

for schema in schema/*.hookc tests/schemas/full.hookc \
              tests/schemas/full2.hookc "$here"/good/*.hookc; do
    label=${schema#"$root"/}
    one="$tmp/one-$(basename "$schema")"
    two="$tmp/two-$(basename "$schema")"
    mkdir "$one" "$two"
    # Once by a relative path, once by an absolute one: the output must
    # not depend on it.
    if ! timeout 30 "$HOOKC" -o "$one" "$schema" >"$tmp/stdout" 2>&1 ||
        [ -s "$tmp/stdout" ]; then
        fail "$label: hookc failed or printed: $(head -n 1 "$tmp/stdout")"
        continue
    fi
    pass
    case $schema in /*) abs=$schema ;; *) abs="$root/$schema" ;; esac
    timeout 30 "$HOOKC" -o "$two" "$abs" >/dev/null 2>&1
    same=yes
    for f in "$one"/*; do
        cmp -s "$f" "$two/$(basename "$f")" || same=no
    done
    if [ "$same" = yes ] && [ "$(ls "$one")" = "$(ls "$two")" ]; then
        pass
    else
        fail "$label: two runs gave different output"
    fi
    if grep -q "$root" "$one"/*; then
        fail "$label: output contains the path $root"
    else
        pass
    fi
    for c in "$one"/*.c; do
        compile_c gcc "$c" "$label"
        compile_c clang "$c" "$label"
    done

    # The JSON Schema export: valid JSON, and the same bytes twice.
    mkdir "$one/js" "$two/js"
    if timeout 30 "$HOOKC" --emit jsonschema -o "$one/js" "$schema" &&
        timeout 30 "$HOOKC" --emit jsonschema -o "$two/js" "$abs" &&
        python3 -m json.tool "$one/js"/*.schema.json >/dev/null 2>&1 &&
        cmp -s "$one/js"/*.schema.json "$two/js"/*.schema.json; then
        pass
    else
        fail "$label: --emit jsonschema invalid or not deterministic"
    fi
done

# Every export is a valid draft 2020-12 schema.
python3 "$here/jsonschema_check.py" --meta "$tmp"/one-*/js/*.schema.json \
    >"$tmp/js.log" 2>&1
case $? in
0) pass ;;
77) ;;
*) fail "--emit jsonschema: not a valid schema: $(tail -n 1 "$tmp/js.log")" ;;
esac

# The JSON Schema export accepts and refuses what the runtime does.
mkdir "$tmp/js"
"$HOOKC" --emit jsonschema -o "$tmp/js" tests/schemas/full2.hookc
"$HOOKC" --emit jsonschema -o "$tmp/js" schema/endpoint.hookc
python3 "$here/jsonschema_check.py" "$tmp/js" >"$tmp/js.log" 2>&1
case $? in
0) pass ;;
77) echo "SKIP: jsonschema_check.py: Python's jsonschema is not installed" ;;
*) fail "jsonschema_check.py: $(head -n 1 "$tmp/js.log")" ;;
esac

# endpoint.hookc copies the declarations of mews.hookc and
# general.hookc (the language has no import): the copies must match.
for part in mews general; do
    sed -n '/^record /,$p' "schema/$part.hookc" |
        sed 's/^message Webhook {/record @ {/' >"$tmp/part-$part"
done
sed -n '/^record /,$p' schema/endpoint.hookc |
    sed 's/^record \(Integration\|General\)Webhook {/record @ {/' \
    >"$tmp/part-endpoint"
if python3 - "$tmp/part-mews" "$tmp/part-general" "$tmp/part-endpoint" <<'PY'
import sys
parts = [open(p, encoding="utf-8").read().strip() for p in sys.argv[1:]]
sys.exit(0 if parts[0] in parts[2] and parts[1] in parts[2] else 1)
PY
then
    pass
else
    fail "schema/endpoint.hookc: its copies of mews.hookc or general.hookc drifted"
fi

# The generated header is usable from C++ too.
if command -v g++ >/dev/null 2>&1; then
    for h in "$tmp/one-full.hookc/full.h" "$tmp/one-full2.hookc/full2.h"; do
        if g++ -x c++ -std=c++11 -Wall -Wextra -Werror -I"$RUNTIME" \
            -fsyntax-only "$h" 2>"$tmp/cc.log"; then
            pass
        else
            fail "$(basename "$h"): g++ rejects it: $(head -n 1 "$tmp/cc.log")"
        fi
    done
fi

# The fuzzing dictionary names every member.
mkdir "$tmp/dict"
if "$HOOKC" --emit dict -o "$tmp/dict" schema/mews.hookc &&
    grep -q '"\\"AccessToken\\""' "$tmp/dict/mews.dict" &&
    grep -q '"\\"IntegrationApiKeyCreated\\""' "$tmp/dict/mews.dict"; then
    pass
else
    fail "--emit dict: mews.dict missing or incomplete"
fi
if "$HOOKC" --emit dict -o "$tmp/dict" tests/schemas/full2.hookc &&
    grep -q '^enum_[0-9]*="\\"checked-out\\""$' "$tmp/dict/full2.dict" &&
    grep -q '^tag_[0-9]*="\\"Heartbeat\\""$' "$tmp/dict/full2.dict" &&
    [ "$(grep -c '"\\"Id\\""' "$tmp/dict/full2.dict")" -eq 1 ]; then
    pass
else
    fail "--emit dict: full2.dict misses enum or tag values, or repeats names"
fi

# --- the command line --------------------------------------------------

expect_status() { # status, label, args...
    want=$1
    label=$2
    shift 2
    "$HOOKC" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
    got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$label: exit status $got, expected $want"
        return 1
    fi
    return 0
}

if expect_status 0 "--help" --help && grep -q '^usage: hookc' "$tmp/stdout"
then pass; else fail "--help: no usage on stdout"; fi

if expect_status 0 "-h" -h && grep -q '^usage: hookc' "$tmp/stdout"
then pass; else fail "-h: no usage on stdout"; fi

if expect_status 0 "--version" --version &&
    [ "$(cat "$tmp/stdout")" = "hookc $VERSION" ]; then
    pass
else
    fail "--version: printed '$(cat "$tmp/stdout")', expected 'hookc $VERSION'"
fi

for args in "" "-x schema/mews.hookc" "--emit nope schema/mews.hookc" \
            "-o" "--emit" "schema/mews.hookc schema/mews.hookc" \
            "--emit c --emit dict schema/mews.hookc" \
            "--emit=c --emit=dict schema/mews.hookc" \
            "-o $tmp -o $tmp schema/mews.hookc"; do
    # shellcheck disable=SC2086 # the words are the arguments
    if expect_status 2 "hookc $args" $args && [ -s "$tmp/stderr" ] &&
        [ ! -s "$tmp/stdout" ]; then
        pass
    else
        fail "hookc $args: not reported as bad usage"
    fi
done

if expect_status 1 "missing schema" -o "$tmp" "$tmp/absent.hookc" &&
    [ "$(cat "$tmp/stderr")" = \
      "hookc: $tmp/absent.hookc: No such file or directory" ]; then
    pass
else
    fail "missing schema: $(cat "$tmp/stderr")"
fi

if expect_status 1 "missing output directory" -o "$tmp/absent" \
        schema/mews.hookc &&
    [ "$(cat "$tmp/stderr")" = "hookc: $tmp/absent: No such file or directory" ]
then
    pass
else
    fail "missing output directory: $(cat "$tmp/stderr")"
fi

if expect_status 1 "schema is a directory" -o "$tmp" "$tmp"; then
    pass
fi

# A schema over the 4 MiB limit is refused before it is parsed.
head -c 4194305 /dev/zero | tr '\0' '#' >"$tmp/huge.hookc"
if expect_status 1 "schema over 4 MiB" -o "$tmp" "$tmp/huge.hookc" &&
    grep -q "larger than the 4194304-byte limit" "$tmp/stderr"; then
    pass
else
    fail "schema over 4 MiB: $(cat "$tmp/stderr")"
fi

# A failing run leaves an existing output untouched.
mkdir "$tmp/keep"
echo "old" >"$tmp/keep/nb.h"
(cd "$here/bad" && "$HOOKC" -o "$tmp/keep" nobound.hookc 2>/dev/null)
if [ "$(cat "$tmp/keep/nb.h")" = "old" ] &&
    [ "$(ls -A "$tmp/keep")" = "nb.h" ]; then
    pass
else
    fail "a failing run changed the output directory"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
