#!/bin/sh
# coverage.sh - the second half of `make coverage` (fuzz/fuzz.mk): after
# the suite's unit and case tests ran under coverage (tests/tests.mk as
# flavour "cov", binaries in $COV/t/cov), runs the conformance edges and
# corpora, the test_coverage_* units and the fuzz corpora, then prints
# the line and branch summary of the runtime and the generated Mews
# parser.
set -u
COV=${COV:-build/coverage}
P=$COV/profiles
export LLVM_PROFILE_FILE="$(pwd)/$P/%p-%m.profraw"
fail=0
run() { # log, command...
    log=$1
    shift
    "$@" >"$P/$log.log" 2>&1 || { echo "coverage: $* failed (see $P/$log.log)"; fail=1; }
}

run edges "$COV/t/cov/runner-mews" tests/conformance/edges.cases
if [ -d "$DATA/jsontestsuite" ]; then
    run conformance "$COV/t/cov/conformance" "$DATA" tests/conformance/i_verdicts.tsv
fi
for u in $UNITS; do
    run "$u" "$COV/$u"
done
for t in parser_mews parser_full; do
    [ -d "fuzz/corpus/$t" ] && run "$t" "$COV/fuzz-$t" "fuzz/corpus/$t"
done

llvm-profdata merge -sparse -o "$COV/all.profdata" "$P"/*.profraw || exit 1
first=""
objs=""
for b in "$COV"/t/cov/* "$COV"/*; do
    [ -f "$b" ] && [ -x "$b" ] || continue
    if [ -z "$first" ]; then first=$b; else objs="$objs -object $b"; fi
done
# shellcheck disable=SC2086
llvm-cov report -instr-profile="$COV/all.profdata" "$first" $objs \
    $REPORT_FILES | tee "$COV/summary.txt"
# shellcheck disable=SC2086
llvm-cov show -instr-profile="$COV/all.profdata" "$first" $objs \
    -show-branches=count -show-line-counts-or-regions $REPORT_FILES \
    >"$COV/lines.txt"
echo "coverage: line by line in $COV/lines.txt"
# the floor fuzz/README.md promises: 95% of lines, 90% of branches
awk '$1 == "TOTAL" {
    lines = $10; branches = $13; sub("%", "", lines); sub("%", "", branches)
    ok = lines + 0 >= 95 && branches + 0 >= 90
    printf "coverage: lines %s%%, branches %s%% (floor 95%%, 90%%): %s\n",
        lines, branches, ok ? "ok" : "BELOW"
    exit !ok
}' "$COV/summary.txt" || fail=1
exit $fail
