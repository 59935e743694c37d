#!/bin/sh
# Tests of the general-check, websocket-check and endpoint-check command
# lines: whole and chunked input give the same output, NDJSON, reports of
# unknown open-tag values in streamed arrays, --print round trips, exit
# statuses. Needs BIN (the directory of the check tools); run from the
# repository top. The inputs are the case corpora of tests/cases/ (written
# by tests/cases/make_cases_abi2.py) and a few messages written here.
set -u
: "${BIN:?set BIN to the directory holding the NAME-check tools}"
. tests/tools/lib.sh

same() { # FILE FILE DESCRIPTION
    if cmp -s "$1" "$2"; then ok; else
        bad "$3"; diff "$1" "$2" | head -5; fi
}

lines() { # FILE N DESCRIPTION
    cnt=$(wc -l <"$1")
    if [ "$cnt" -eq "$2" ]; then ok; else bad "$3: $cnt lines, wanted $2"; fi
}

# verdict TOOL MANIFEST CHUNK...: each case of a tests/cases manifest
# through the tool, whole (chunk 0) and in each chunk size: an ok case
# ends its stdout with "FILE: ok[ SHAPE]", an invalid one prints exactly
# "FILE:LINE:COL: error: PATH: ... [CODE]" on stderr.
verdict() {
    tool=$1 manifest=$2
    shift 2
    mdir=$(dirname "$manifest")
    grep -v -e '^#' -e '^$' "$manifest" >"$tmp/manifest"
    while read -r file code a b c; do
        f=$mdir/$file
        for n in "$@"; do
            chunk=""
            [ "$n" -gt 0 ] && chunk="--chunk $n"
            "$tool" $chunk "$f" >"$tmp/v.out" 2>"$tmp/v.err"
            st=$?
            if [ "$code" = ok ]; then
                want="$f: ok${a:+ $a}"
                if [ "$st" -eq 0 ] && [ ! -s "$tmp/v.err" ] &&
                    [ "$(tail -n 1 "$tmp/v.out")" = "$want" ]; then ok; else
                    bad "$f $chunk: wanted ok, exit $st: $(cat "$tmp/v.out" "$tmp/v.err" | tail -n 1)"
                fi
            else
                path="$c: "
                [ "$c" = - ] && path=""
                got=$(cat "$tmp/v.err")
                case "$got" in
                "$f:$b: error: $path"*"[$code]")
                    if [ "$st" -eq 1 ] && [ "$(wc -l <"$tmp/v.err")" -eq 1 ]
                    then ok; else bad "$f $chunk: exit $st, $got"; fi ;;
                *) bad "$f $chunk: wanted $code at $b ${c}, got $got" ;;
                esac
            fi
        done
    done <"$tmp/manifest"
}

E=8865aa96-f62d-4f9b-a912-ab2100f60f42
I=9e5e84e9-974d-4f16-9662-ab2200f27cb1
S=0f3c9a5e-2b1d-4c8e-9f7a-6d5e4c3b2a10

ev() { printf '{"Discriminator":"%s","Value":{"Id":"%s"}}' "$1" "${2:-$S}"; }
gw() { printf '{"EnterpriseId":"%s","IntegrationId":"%s","Events":[%s]}' \
    "$E" "$I" "$1"; }

# --- each tool over its whole corpus: whole and chunked agree -------------
for pkg in general websocket endpoint; do
    tool=$BIN/$pkg-check
    dir=tests/cases/$pkg
    verdict "$tool" tests/cases/$pkg.cases 0 1 2 7 64

    "$tool" $dir/valid/*.json $dir/invalid/*.json >"$tmp/whole.out" \
        2>"$tmp/whole.err"
    whole=$?
    [ "$whole" -eq 1 ] && ok || bad "$pkg: mixed corpus exit $whole"
    for n in 1 2 7 64; do
        "$tool" --chunk $n $dir/valid/*.json $dir/invalid/*.json \
            >"$tmp/chunk.out" 2>"$tmp/chunk.err"
        st=$?
        [ "$st" -eq "$whole" ] && ok || bad "$pkg: chunk $n exit $st"
        same "$tmp/whole.out" "$tmp/chunk.out" "$pkg: chunk $n stdout differs"
        same "$tmp/whole.err" "$tmp/chunk.err" "$pkg: chunk $n stderr differs"
    done
done

# --- ok lines: the shape a union chose, nothing for a plain root ----------
expect 0 "endpoint: seeds" -- "$BIN/endpoint-check" tests/seed/*.json
lines "$tmp/out" 6 "endpoint: one line per seed"
for s in tests/seed/*.json; do
    has_line "$tmp/out" "$s: ok IntegrationWebhook" "endpoint: seed $s shape"
done
gw "$(ev CustomerAdded)" >"$tmp/general.json"
expect 0 "endpoint: general webhook" -- "$BIN/endpoint-check" "$tmp/general.json"
has_line "$tmp/out" "$tmp/general.json: ok GeneralWebhook" "endpoint: general shape"
expect 0 "general: ok line" -- "$BIN/general-check" "$tmp/general.json"
has_line "$tmp/out" "$tmp/general.json: ok" "general: ok line has no label"
printf '{"Action":"IntegrationDisabled"}' >"$tmp/integ.json"
expect 1 "websocket: an integration webhook is not a websocket message" -- \
    "$BIN/websocket-check" "$tmp/integ.json"
has_line "$tmp/err" "$tmp/integ.json:1:32: error: Events: required member is missing [MISSING]" \
    "websocket: missing Events named"

# --- unknown open-tag values, reported per element ------------------------
gw "$(ev CustomerAdded),$(ev BillClosed),$(ev ResourceUpdated),$(ev RateUpdated)" \
    >"$tmp/unknown.json"
printf '%s: Events[1]: unknown Discriminator '"'"'BillClosed'"'"'\n%s: Events[3]: unknown Discriminator '"'"'RateUpdated'"'"'\n%s: ok\n' \
    "$tmp/unknown.json" "$tmp/unknown.json" "$tmp/unknown.json" \
    >"$tmp/unknown.want"
for n in 0 1 3 64; do
    chunk=""
    [ $n -gt 0 ] && chunk="--chunk $n"
    expect 0 "general: unknown discriminators $chunk" -- \
        "$BIN/general-check" $chunk "$tmp/unknown.json"
    same "$tmp/unknown.want" "$tmp/out" \
        "general: unknown discriminator lines $chunk"
    [ -s "$tmp/err" ] && bad "general: unknown discriminator is not an error" || ok
done
expect 0 "endpoint: unknown discriminator" -- \
    "$BIN/endpoint-check" "$tmp/unknown.json"
has_line "$tmp/out" "$tmp/unknown.json: Events[1]: unknown Discriminator 'BillClosed'" \
    "endpoint: unknown discriminator reported"
has_line "$tmp/out" "$tmp/unknown.json: ok GeneralWebhook" "endpoint: then ok"

printf '{"Events":[{"Type":"Resource","Id":"%s","State":"Blocked"},{"Type":"Customer","Id":"%s"},{"Id":"%s","State":"Started","Type":"NewThing"}]}' \
    "$S" "$S" "$S" >"$tmp/ws.json"
expect 0 "websocket: unknown Type" -- "$BIN/websocket-check" "$tmp/ws.json"
has_line "$tmp/out" "$tmp/ws.json: Events[1]: unknown Type 'Customer'" \
    "websocket: unknown Type reported"
has_line "$tmp/out" "$tmp/ws.json: Events[2]: unknown Type 'NewThing'" \
    "websocket: unknown Type last reported"
hasnt "$tmp/out" "Events[0]" "websocket: an unknown State is not reported"
lines "$tmp/out" 3 "websocket: two reports and an ok line"

# an unknown value in an event before an error: reported, then the error
gw "$(ev BillClosed),$(ev CustomerAdded not-a-uuid)" >"$tmp/unknown_bad.json"
expect 1 "general: unknown then invalid" -- \
    "$BIN/general-check" "$tmp/unknown_bad.json"
has_line "$tmp/out" "$tmp/unknown_bad.json: Events[0]: unknown Discriminator 'BillClosed'" \
    "general: report before the error"
col=$(($(grep -o '^.*not-a-uuid' "$tmp/unknown_bad.json" | wc -c) - 11))
grep -q "^$tmp/unknown_bad.json:1:$col: error: Events\[1\]\.Value\.Id: .* \[VALUE\]$" \
    "$tmp/err" && ok || bad "general: VALUE at 1:$col in Events[1]: $(cat "$tmp/err")"

# --- NDJSON: several messages, one line each ------------------------------
{
    gw "$(ev CustomerAdded)"; echo
    gw "$(ev CustomerAdded 123)"; echo
    echo
    gw "$(ev NewKind)"; echo
    printf '{"EnterpriseId":"%s"}\n' "$E"
    gw ""; echo
} >"$tmp/batch.ndjson"
for n in 0 1 2 7 64; do
    chunk=""
    [ $n -gt 0 ] && chunk="--chunk $n"
    expect 1 "general: ndjson $chunk" -- \
        "$BIN/general-check" --ndjson $chunk "$tmp/batch.ndjson"
    has_line "$tmp/out" "$tmp/batch.ndjson:1: ok" "ndjson $chunk: line 1"
    grep -q "^$tmp/batch.ndjson:2:[0-9]*: error: Events\[0\].Value.Id: .*\[VALUE\]$" \
        "$tmp/err" && ok || bad "ndjson $chunk: line 2: $(cat "$tmp/err")"
    has_line "$tmp/out" "$tmp/batch.ndjson:4: Events[0]: unknown Discriminator 'NewKind'" \
        "ndjson $chunk: line 4 report"
    has_line "$tmp/out" "$tmp/batch.ndjson:4: ok" "ndjson $chunk: line 4"
    grep -q "^$tmp/batch.ndjson:5:[0-9]*: error: .*\[MISSING\]$" "$tmp/err" &&
        ok || bad "ndjson $chunk: line 5: $(cat "$tmp/err")"
    has_line "$tmp/out" "$tmp/batch.ndjson:6: ok" "ndjson $chunk: line 6"
    lines "$tmp/err" 2 "ndjson $chunk: two errors"
    lines "$tmp/out" 4 "ndjson $chunk: three ok lines and a report"
    if [ $n -eq 0 ]; then cp "$tmp/out" "$tmp/nd.out"; cp "$tmp/err" "$tmp/nd.err"
    else
        same "$tmp/nd.out" "$tmp/out" "ndjson $chunk: stdout differs"
        same "$tmp/nd.err" "$tmp/err" "ndjson $chunk: stderr differs"
    fi
done
# endpoint over the seeds as NDJSON, one message a line
for s in tests/seed/*.json; do tr -d '\r\n' <"$s"; echo; done >"$tmp/seeds.ndjson"
gw "$(ev ResourceUpdated)" >>"$tmp/seeds.ndjson"; echo >>"$tmp/seeds.ndjson"
expect 0 "endpoint: ndjson" -- "$BIN/endpoint-check" --ndjson "$tmp/seeds.ndjson"
lines "$tmp/out" 7 "endpoint: ndjson one line per message"
has_line "$tmp/out" "$tmp/seeds.ndjson:1: ok IntegrationWebhook" "endpoint ndjson 1"
has_line "$tmp/out" "$tmp/seeds.ndjson:7: ok GeneralWebhook" "endpoint ndjson 7"
printf '{"Events":[]}\n{"Events":[{"Type":"Resource"}]}\n{"Events":[{"Type":"Bill"}]}\n' \
    >"$tmp/ws.ndjson"
expect 1 "websocket: ndjson" -- "$BIN/websocket-check" --ndjson --chunk 3 \
    "$tmp/ws.ndjson"
has_line "$tmp/out" "$tmp/ws.ndjson:1: ok" "websocket ndjson 1"
grep -q "^$tmp/ws.ndjson:2:[0-9]*: error: Events\[0\]\.\(Id\|State\): .*\[MISSING\]$" \
    "$tmp/err" && ok || bad "websocket ndjson 2: $(cat "$tmp/err")"
has_line "$tmp/out" "$tmp/ws.ndjson:3: Events[0]: unknown Type 'Bill'" \
    "websocket ndjson 3 report"
has_line "$tmp/out" "$tmp/ws.ndjson:3: ok" "websocket ndjson 3"

# --- --print: the printed message is valid for the same tool, and stable --
roundtrip() { # PKG FILE
    "$BIN/$1-check" --print "$2" >"$tmp/p1.json" 2>"$tmp/p1.err"
    st=$?
    [ "$st" -eq 0 ] && ok || bad "$1 --print $2: exit $st $(cat "$tmp/p1.err")"
    lines "$tmp/p1.json" 1 "$1 --print $2: one line"
    grep -q ': ok' "$tmp/p1.json" && bad "$1 --print $2: ok line printed" || ok
    "$BIN/$1-check" "$tmp/p1.json" >"$tmp/p2.out" 2>&1
    st=$?
    [ "$st" -eq 0 ] && ok || bad "$1: printed $2 rejected: $(cat "$tmp/p2.out")"
    "$BIN/$1-check" --print "$tmp/p1.json" >"$tmp/p2.json" 2>&1
    same "$tmp/p1.json" "$tmp/p2.json" "$1: printing $2 again differs"
}
for f in tests/cases/general/valid/all_seven_discriminators.json \
    tests/cases/general/valid/entities_large_skipped.json "$tmp/general.json"; do
    roundtrip general "$f"
done
for f in tests/cases/websocket/valid/all_four_types.json \
    tests/cases/websocket/valid/reservation_nulls.json; do
    roundtrip websocket "$f"
done
for f in tests/seed/*.json tests/cases/endpoint/valid/general.json \
    tests/cases/endpoint/valid/integration_apikey.json; do
    roundtrip endpoint "$f"
done
"$BIN/endpoint-check" --print tests/seed/IntegrationCreated.json >"$tmp/out"
grep -q '"AccessToken":"\*\*\*"' "$tmp/out" && ok || bad "endpoint: secret redacted"
hasnt "$tmp/out" "9E5E84E9974D4F169662AB2200F27CB1" "endpoint: secret printed"
"$BIN/endpoint-check" --print "$tmp/general.json" >"$tmp/out"
hasnt "$tmp/out" '"Action"' "endpoint: general shape prints no Action"
grep -q "\"EnterpriseId\":\"$E\"" "$tmp/out" && ok ||
    bad "endpoint: general shape prints EnterpriseId: $(cat "$tmp/out")"
# --print reports unknown values too, and stays one message per line
expect 0 "general: --print with unknown" -- "$BIN/general-check" --print \
    "$tmp/unknown.json"
has_line "$tmp/out" "$tmp/unknown.json: Events[1]: unknown Discriminator 'BillClosed'" \
    "--print keeps the report"

# --- exit statuses ----------------------------------------------------------
for pkg in general websocket endpoint; do
    tool=$BIN/$pkg-check
    case $pkg in
    general) valid=all_seven_discriminators invalid=missing_enterprise_id ;;
    websocket) valid=all_four_types invalid=missing_events ;;
    endpoint) valid=general invalid=neither_empty ;;
    esac
    valid=tests/cases/$pkg/valid/$valid.json
    invalid=tests/cases/$pkg/invalid/$invalid.json
    expect 0 "$pkg: one valid" -- "$tool" "$valid"
    expect 1 "$pkg: one invalid" -- "$tool" "$invalid"
    [ -s "$tmp/out" ] && bad "$pkg: stdout for an invalid message" || ok
    expect 1 "$pkg: valid then invalid" -- "$tool" "$valid" "$invalid"
    grep -q "^$valid: ok" "$tmp/out" && ok || bad "$pkg: valid one still reported"
    expect 2 "$pkg: missing file" -- "$tool" "$valid" "$tmp/nope.json"
    grep -q "nope.json" "$tmp/err" && ok || bad "$pkg: missing file named"
    expect 2 "$pkg: missing file after an invalid one" -- \
        "$tool" "$invalid" "$tmp/nope.json"
    expect 2 "$pkg: no files" -- "$tool"
    expect 2 "$pkg: unknown option" -- "$tool" --bogus "$valid"
    expect 2 "$pkg: bad chunk" -- "$tool" --chunk 0 "$valid"
    expect 2 "$pkg: chunk not a number" -- "$tool" --chunk x "$valid"
    expect 2 "$pkg: chunk without size" -- "$tool" --chunk
    expect 0 "$pkg: help" -- "$tool" --help
    grep -q "^usage: $pkg-check " "$tmp/out" && ok || bad "$pkg: help text"
    expect 0 "$pkg: stdin" -- sh -c "\"$tool\" - <\"$valid\""
    grep -q "^-: ok" "$tmp/out" && ok || bad "$pkg: stdin is named -"
    expect 1 "$pkg: empty input" -- sh -c "\"$tool\" - </dev/null"
    grep -q "\[TRUNCATED\]$" "$tmp/err" && ok || bad "$pkg: empty is TRUNCATED"
done

finish check-tools
