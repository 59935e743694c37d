#!/bin/sh
# campaign.sh - `make fuzz`: every target under libFuzzer and then AFL++
# (with its CMPLOG build), SECONDS_EACH seconds each, one at a time (one
# core), then the corpus is minimised into fuzz/corpus/TARGET.
#
# Environment (set by fuzz/fuzz.mk): FZ build dir, SECONDS_EACH,
# TARGETS; optional ENGINES ("libfuzzer afl"), MAX_LEN (8192),
# CORPUS_MAX (400: past it, fuzz/setcover.py keeps the inputs that
# cover the most AFL++ edges).
# Exits 1 on any crash, leak, timeout or hang of either engine, and on a
# broken tool. Each run is boxed by `timeout`, so the whole campaign takes
# at most targets x engines x (SECONDS_EACH + 30) plus the merges (each
# boxed at 60 s plus a tenth of SECONDS_EACH, in practice a few seconds).
set -u
FZ=${FZ:-build/fuzz}
S=${SECONDS_EACH:-60}
TARGETS=${TARGETS:-"parser_mews parser_full compiler"}
ENGINES=${ENGINES:-"libfuzzer afl"}
MAX_LEN=${MAX_LEN:-8192}
CORPUS_MAX=${CORPUS_MAX:-400}
RUN=$FZ/run
# merges and maps grow with the corpus a long run leaves behind
MERGE_T=$((60 + S / 10))
fail=0
summary=""

export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    AFL_FAST_CAL=1 AFL_CMPLOG_ONLY_NEW=1 AFL_QUIET=1

note() { summary="$summary
$*"; echo "fuzz: $*"; }

dirs_with_files() {
    for d in "$@"; do
        [ -d "$d" ] && [ -n "$(ls -A "$d" 2>/dev/null)" ] && printf '%s ' "$d"
    done
}

for t in $TARGETS; do
    W=$RUN/$t
    rm -rf "$W"
    mkdir -p "$W/seed" "$W/lf" "$W/afl-in" "$W/min"
    dict=$FZ/dict/$t.dict

    # starting corpus: what is committed plus fresh seeds, minimised
    src=$(dirs_with_files "fuzz/corpus/$t" "$FZ/seeds/$t")
    if [ -n "$src" ]; then
        # shellcheck disable=SC2086
        timeout -k 5 $MERGE_T "$FZ/lf/$t" -merge=1 -artifact_prefix="$W/merge-" -timeout=10 -max_len="$MAX_LEN" \
            "$W/seed" $src >"$W/merge-seed.log" 2>&1 ||
            { note "$t: merging the seeds failed (see $W/merge-seed.log)"; fail=1; }
    fi
    [ -n "$(ls -A "$W/seed")" ] || printf '\0\0{}' >"$W/seed/empty"

    for e in $ENGINES; do
        case $e in
        libfuzzer)
            cp "$W"/seed/* "$W/lf/"
            timeout -k 5 $((S + 30)) "$FZ/lf/$t" -max_total_time="$S" \
                -timeout=10 -rss_limit_mb=2048 -max_len="$MAX_LEN" \
                -dict="$dict" -artifact_prefix="$W/lf-" -print_final_stats=1 \
                "$W/lf" >"$W/libfuzzer.log" 2>&1
            rc=$?
            execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$W/libfuzzer.log")
            rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$W/libfuzzer.log")
            cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$W/libfuzzer.log" | tail -1)
            if [ $rc -ne 0 ] || ls "$W"/lf-* >/dev/null 2>&1; then
                fail=1
                note "$t libFuzzer: FAILED (exit $rc): $(ls "$W"/lf-* 2>/dev/null | tr '\n' ' ') log $W/libfuzzer.log"
            else
                note "$t libFuzzer: ok, ${execs:-?} execs, ${rate:-?}/s, ${cov:-?}"
            fi
            ;;
        afl)
            for f in "$W"/seed/*; do
                # AFL++ wants small inputs; the big ones stay in libFuzzer's
                [ "$(wc -c <"$f")" -le "$MAX_LEN" ] && cp "$f" "$W/afl-in/"
            done
            [ -n "$(ls -A "$W/afl-in")" ] || printf '\0\0{}' >"$W/afl-in/empty"
            timeout -k 5 $((S + 30)) afl-fuzz -V "$S" -i "$W/afl-in" \
                -o "$W/afl" -x "$dict" -t 2000 -m none -c "$FZ/cmplog/$t" \
                -- "$FZ/afl/$t" >"$W/afl.log" 2>&1
            rc=$?
            st=$W/afl/default/fuzzer_stats
            if [ ! -f "$st" ]; then
                fail=1
                note "$t AFL++: did not run (exit $rc), see $W/afl.log"
                continue
            fi
            get() { sed -n "s/^$1 *: *//p" "$st"; }
            crashes=$(get saved_crashes)
            hangs=$(get saved_hangs)
            if [ $rc -ne 0 ] || [ "${crashes:-1}" != 0 ] || [ "${hangs:-1}" != 0 ]; then
                fail=1
                note "$t AFL++: FAILED (exit $rc, $crashes crashes, $hangs hangs in $W/afl/default)"
            else
                note "$t AFL++: ok, $(get execs_done) execs, $(get execs_per_sec)/s, bitmap $(get bitmap_cvg), $(get corpus_count) queue"
            fi
            ;;
        *)
            echo "fuzz: unknown engine $e" >&2
            exit 2
            ;;
        esac
    done

    # minimise everything into fuzz/corpus/TARGET
    src=$(dirs_with_files "$W/seed" "$W/lf" "$W/afl/default/queue")
    # shellcheck disable=SC2086
    # edges only (no hit counters): keeps the committed corpus to a few
    # hundred files
    if timeout -k 5 $MERGE_T "$FZ/lf/$t" -merge=1 -use_counters=0 -artifact_prefix="$W/merge-" -timeout=10 -max_len="$MAX_LEN" \
        "$W/min" $src >"$W/merge.log" 2>&1 && [ -n "$(ls -A "$W/min")" ]; then
        keep=$W/min
        if [ "$(ls "$W/min" | wc -l)" -gt "$CORPUS_MAX" ]; then
            # too many for the repository: greedy set cover on AFL++ edges
            AFL_QUIET=1 timeout -k 5 $MERGE_T afl-showmap -i "$W/min" -o "$W/maps" \
                -t 2000 -m none -q -- "$FZ/afl/$t" >"$W/showmap.log" 2>&1
            python3 fuzz/setcover.py "$W/maps" "$W/min" "$W/cover" \
                "$CORPUS_MAX" >>"$W/showmap.log" 2>&1 && keep=$W/cover
            note "$t corpus: $(tail -1 "$W/showmap.log")"
        fi
        rm -rf "fuzz/corpus/$t"
        mkdir -p "fuzz/corpus/$t"
        cp "$keep"/* "fuzz/corpus/$t/"
        note "$t corpus: $(ls "fuzz/corpus/$t" | wc -l) files after minimising"
    else
        fail=1
        note "$t: minimising failed, see $W/merge.log"
    fi
done

echo "== fuzz summary ($S s per target and engine)$summary"
[ $fail -eq 0 ] && echo "fuzz: no findings" || echo "fuzz: FINDINGS or failures above"
exit $fail
