#!/bin/sh
# summary.sh DIR... - totals of every test run by `make check` in the
# given build directories, as one line "N passed, N failed".
#
# automake's harness keeps one .trs (the verdict) and one .log per test
# program. A Check program runs many tests and writes its own count
# ("100%: Checks: 12, Failures: 0, Errors: 0") to its log; a pytest run
# writes "5 passed, 1 failed in 0.3s"; the project's shell tests end with
# "name: 5 passed, 1 failed". Those are counted test by
# test; any other program counts as one test. A program that failed
# without such a line (a crash) counts as one failure. Skipped programs
# are reported on a line of their own.
passed=0
failed=0
skipped=0
for dir in "$@"; do
    # other build directories inside this one (a sanitizer build, a
    # distcheck tree) are counted only when named themselves
    nested=`find "$dir" -mindepth 2 -name config.status 2>/dev/null | sed 's|/config.status$|/|'`
    for trs in `find "$dir" -name '*.trs' | sort`; do
        skip=
        for n in $nested; do
            case $trs in "$n"*) skip=1 ;; esac
        done
        [ -n "$skip" ] && continue
        log=${trs%.trs}.log
        verdict=`sed -n 's/^:test-result: //p' "$trs" | head -n 1`
        check=`sed -n 's/.*%: Checks: \([0-9]*\), Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2 \3/p' "$log" 2>/dev/null | tail -n 1`
        pyline=`grep -E '[0-9]+ (passed|failed|errors?)\b.* in [0-9.]+s' "$log" 2>/dev/null | tail -n 1`
        shline=`grep -E '^[A-Za-z0-9_.-]+: [0-9]+ passed, [0-9]+ failed$' "$log" 2>/dev/null | tail -n 1`
        before=$failed
        if [ -n "$shline" ]; then
            set -- `echo "$shline" | sed 's/^[^:]*: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/'`
            passed=$((passed + $1))
            failed=$((failed + $2))
        elif [ -n "$check" ]; then
            set -- $check
            passed=$((passed + $1 - $2 - $3))
            failed=$((failed + $2 + $3))
        elif [ -n "$pyline" ]; then
            p=`echo " $pyline" | sed -n 's/.* \([0-9][0-9]*\) passed.*/\1/p'`
            f=`echo " $pyline" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p'`
            e=`echo " $pyline" | sed -n 's/.* \([0-9][0-9]*\) error.*/\1/p'`
            passed=$((passed + ${p:-0}))
            failed=$((failed + ${f:-0} + ${e:-0}))
            [ -z "$p$f$e" ] && [ "$verdict" != PASS ] && failed=$((failed + 1))
        else
            case $verdict in
            PASS|XFAIL) passed=$((passed + 1)) ;;
            SKIP) skipped=$((skipped + 1)) ;;
            *) failed=$((failed + 1)) ;;
            esac
        fi
        # a program can fail after its own count said all passed
        # (a sanitizer report at exit, a leak): that is one failure
        case $verdict in
        FAIL|ERROR|XPASS)
            [ "$failed" -eq "$before" ] && failed=$((failed + 1)) ;;
        esac
    done
done
[ "$skipped" -gt 0 ] && echo "($skipped test programs skipped)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
