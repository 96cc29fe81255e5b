#!/bin/sh
# run.sh - what `make bench` runs (see bench/README.md).
#
# Generates Comtrade Plus files with gen_comtrade.py (sizes $BENCH_SIZES,
# default S M L) into $BENCH_DIR (default: a temporary directory, removed
# afterwards), then for each file, read once beforehand so that it is in the
# page cache, runs in separate processes, in turn, best of $BENCH_RUNS
# (default 5):
#   newlines  read() into a reused buffer + line-feed count (the reference)
#   stream    the streaming job (casia-bench comtrade)
#   load      the full load into a dataset (casia-bench load)
# and prints MB/s, rows/s and peak RSS of each, the stream's share of the
# reference's throughput and the load's bytes per observation. On the S
# file it also checks casia-bench's output against bench/reference.py.
#
# Environment: PYTHON, GEN_COMTRADE, CASIA_BENCH (the casia-bench program),
# BENCH_DIR, BENCH_SIZES, BENCH_RUNS. Argument: the source directory.
set -u
srcdir=${1:-.}
PYTHON=${PYTHON:-python3}
BENCH_SIZES=${BENCH_SIZES:-S M L}
BENCH_RUNS=${BENCH_RUNS:-5}
: "${CASIA_BENCH:?CASIA_BENCH must name the casia-bench program}"

if [ -z "${GEN_COMTRADE:-}" ] || [ ! -r "$GEN_COMTRADE" ]; then
    echo "bench: skipped: no generator at '${GEN_COMTRADE:-}'"
    echo "bench: run 'make bench GEN_COMTRADE=/path/to/gen_comtrade.py'"
    exit 0
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 6))' 2>/dev/null; then
    echo "bench: skipped: no Python 3 named '$PYTHON'"
    exit 0
fi

cleanup=
dir=${BENCH_DIR:-}
if [ -z "$dir" ]; then
    dir=`mktemp -d "${TMPDIR:-/tmp}/casia-bench.XXXXXX"` || exit 1
    cleanup=$dir
fi
mkdir -p "$dir" || exit 1
trap '[ -n "$cleanup" ] && rm -rf "$cleanup"' EXIT INT TERM

# field VALUE NAME LINE: the value of NAME=... in a --stats line
field() {
    printf '%s\n' "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

# run JOB FILE: runs casia-bench --stats JOB FILE once and prints its
# stats line
run() {
    line=`"$CASIA_BENCH" --stats "$1" "$2" 2>&1 >/dev/null | grep '^job='`
    if [ -z "$line" ]; then
        echo "bench: casia-bench $1 $2 failed" >&2
        return 1
    fi
    printf '%s\n' "$line"
}

# faster A B: prints whichever stats line has the smaller time (A if B is
# empty)
faster() {
    if [ -z "$2" ]; then
        printf '%s\n' "$1"
        return
    fi
    ta=$(field seconds "$1")
    tb=$(field seconds "$2")
    if awk -v a="$ta" -v b="$tb" 'BEGIN { exit !(a + 0 <= b + 0) }'; then
        printf '%s\n' "$1"
    else
        printf '%s\n' "$2"
    fi
}

status=0
echo "casia-bench: one thread, file in the page cache, best of $BENCH_RUNS runs"
printf '%-4s %-9s %9s %8s %9s %11s %10s  %s\n' size job MB seconds MB/s rows/s "peak RSS" notes
for size in $BENCH_SIZES; do
    f=$dir/comtrade_$size.csv
    if [ ! -s "$f" ]; then
        "$PYTHON" "$GEN_COMTRADE" --size "$size" --seed 1 -q -o "$f.tmp" &&
            mv "$f.tmp" "$f" || { echo "bench: cannot generate $f"; exit 1; }
    fi
    cat "$f" > /dev/null
    # the three jobs in turn, so that each one's best run comes from the
    # same stretch of time (the machine's load varies)
    nl= st= ld= i=0 failed=0
    while [ $i -lt "$BENCH_RUNS" ]; do
        l=`run newlines "$f"` && nl=`faster "$l" "$nl"` &&
            l=`run comtrade "$f"` && st=`faster "$l" "$st"` &&
            l=`run load "$f"` && ld=`faster "$l" "$ld"` || { failed=1; break; }
        i=`expr $i + 1`
    done
    [ $failed -eq 0 ] || { status=1; continue; }
    for line in "$nl" "$st" "$ld"; do
        job=`field job "$line"`
        mbps=`field MBps "$line"`
        case $job in
        newlines) ref=$mbps; note="the reference" ;;
        stream) note=`awk "BEGIN { printf \"%.1f %% of newlines; %s pairs\", 100 * $mbps / $ref, \"\`field pairs "$line"\`\" }"` ;;
        load) note="`field observations "$line"` observations, store `field store_bytes_per_obs "$line"` B/obs, peak `field peak_bytes_per_obs "$line"` B/obs" ;;
        esac
        printf '%-4s %-9s %9.1f %8s %9s %11s %7.1f MiB  %s\n' "$size" "$job" \
            `awk "BEGIN { print \`field bytes "$line"\` / 1e6 }"` \
            "`field seconds "$line"`" "$mbps" "`field rowsps "$line"`" \
            `awk "BEGIN { print \`field peak_rss_kib "$line"\` / 1024 }"` "$note"
    done
    if [ "$size" = S ]; then
        "$CASIA_BENCH" comtrade "$f" > "$dir/S.casia.csv" &&
            "$PYTHON" "$srcdir/bench/reference.py" "$f" > "$dir/S.reference.csv" &&
            printf 'S    reference check: ' &&
            "$PYTHON" "$srcdir/bench/compare.py" "$dir/S.casia.csv" "$dir/S.reference.csv" ||
            status=1
    fi
done
exit $status
