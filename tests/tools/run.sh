#!/bin/sh
# Tests of the mews-check command line: output format, exit status,
# chunked and NDJSON input, printing and secret redaction.
# Needs CHECK (path of mews-check); run from the repository top.
set -u
: "${CHECK:?set CHECK to the mews-check binary}"
. tests/tools/lib.sh

seed=tests/seed
created=$seed/IntegrationCreated.json

expect 0 "seeds are valid" -- "$CHECK" $seed/*.json
[ "$(wc -l <"$tmp/out")" -eq 6 ] && ok || bad "one line per seed"
has "$tmp/out" "$created: ok IntegrationCreated" "ok line format"
[ -s "$tmp/err" ] && bad "nothing on stderr for valid input" || ok

for n in 1 2 3 7 64 4096; do
    expect 0 "chunk $n" -- "$CHECK" --chunk $n $seed/*.json
    cp "$tmp/out" "$tmp/chunked"
    "$CHECK" $seed/*.json >"$tmp/whole"
    cmp -s "$tmp/chunked" "$tmp/whole" && ok || bad "chunk $n differs"
done

sed 's/9e5e84e9-974d/9e5e84e9-97/' $created >"$tmp/baduuid.json"
expect 1 "invalid message" -- "$CHECK" "$tmp/baduuid.json"
has "$tmp/err" "$tmp/baduuid.json:13:13: error: Data.Integration.Id: " \
    "error line format"
has "$tmp/err" "[VALUE]" "error code shown"
[ -s "$tmp/out" ] && bad "nothing on stdout for invalid input" || ok

expect 1 "mixed valid and invalid" -- "$CHECK" $created "$tmp/baduuid.json"
has "$tmp/out" "ok IntegrationCreated" "valid one still reported"

expect 0 "stdin" -- sh -c "\"$CHECK\" - <$created"
has "$tmp/out" "-: ok IntegrationCreated" "stdin is named -"

printf '%s\n' '{"Action":"IntegrationDisabled","Data":{"Integration":{"Id":"9e5e84e9-974d-4f16-9662-ab2200f27cb1","Name":"a"}}}' \
    '{"Action":"IntegrationDisabled","Data":{}}' \
    '' \
    '{"Action":"IntegrationEnabled","Data":{"Integration":{"Id":"9e5e84e9-974d-4f16-9662-ab2200f27cb1","Name":"b"}}}' \
    >"$tmp/batch.ndjson"
for n in 0 1 5; do
    chunk=""
    [ $n -gt 0 ] && chunk="--chunk $n"
    expect 1 "ndjson $chunk" -- "$CHECK" --ndjson $chunk "$tmp/batch.ndjson"
    has "$tmp/out" "batch.ndjson:1: ok IntegrationDisabled" "ndjson line 1"
    has "$tmp/err" "batch.ndjson:2:" "ndjson line 2 rejected"
    has "$tmp/out" "batch.ndjson:4: ok IntegrationEnabled" "ndjson line 4"
    [ "$(cat "$tmp/out" "$tmp/err" | wc -l)" -eq 3 ] && ok ||
        bad "ndjson: one line per message, blank lines skipped"
done

expect 0 "print" -- "$CHECK" --print $created
has "$tmp/out" '"AccessToken":"***"' "secret redacted"
hasnt "$tmp/out" "9E5E84E9974D4F169662AB2200F27CB1" "secret value printed"
has "$tmp/out" '"Action":"IntegrationCreated"' "printed action"
# the printed form is itself a valid message
"$CHECK" --print $created >"$tmp/printed.json"
expect 0 "printed output is valid" -- "$CHECK" "$tmp/printed.json"

long=$(printf 'S%.0s' $(seq 1 600))
sed "s/\"AccessToken\":\"[^\"]*\"/\"AccessToken\":\"$long\"/" $created \
    >"$tmp/longsecret.json"
expect 1 "over-long secret" -- "$CHECK" "$tmp/longsecret.json"
has "$tmp/err" "Data.AccessToken: string is longer than 512 bytes" \
    "bound named"
hasnt "$tmp/err" "SSSS" "secret echoed in error"

expect 2 "missing file" -- "$CHECK" "$tmp/nope.json"
has "$tmp/err" "nope.json" "missing file named"
expect 2 "no files" -- "$CHECK"
expect 2 "unknown option" -- "$CHECK" --bogus $created
expect 2 "bad chunk" -- "$CHECK" --chunk 0 $created
expect 2 "chunk without size" -- "$CHECK" --chunk
expect 0 "help" -- "$CHECK" --help
has "$tmp/out" "usage: mews-check" "help text"

finish mews-check
