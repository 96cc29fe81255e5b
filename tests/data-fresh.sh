#!/bin/sh
# data-fresh.sh - run by `make check`: the committed data/ca5.json,
# data/SOURCES.md and docs/coverage.md are byte for byte what
# data/ca5_convert.py makes of the cited CSV files now.
#
# The harness exports CASIA_CA5_SOURCE_DIR, the directory of the cited CSV
# files that configure found or was given (--with-ca5-source; empty when
# none), and PYTHON. Without either there is nothing to compare with, and
# the test is skipped (exit 77): so it is in `make distcheck`, whose tree
# has no CSV files beside it.
set -u

top=${top_srcdir:-`dirname "$0"`/..}
src=${CASIA_CA5_SOURCE_DIR:-}
py=${PYTHON:-}

skip() {
    echo "SKIP: $*"
    exit 77
}

[ -n "$src" ] || skip "no directory of cited CSV files configured (configure --with-ca5-source=DIR)"
case $py in
'' | :) skip "no Python (configure PYTHON=...)" ;;
esac
"$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 7) else 1)' 2>/dev/null ||
    skip "$py is not a Python >= 3.7"
if [ ! -r "$src/observations.csv" ]; then
    echo "FAIL: the configured CSV directory $src has no observations.csv"
    exit 1
fi

tmp=`mktemp -d "${TMPDIR:-/tmp}/casia-fresh.XXXXXX" 2>/dev/null` || {
    tmp=${TMPDIR:-/tmp}/casia-fresh.$$
    mkdir "$tmp" || exit 99
}
trap 'rm -rf "$tmp"' EXIT
trap 'exit 99' HUP INT TERM

if ! "$py" "$top/data/ca5_convert.py" --source "$src" \
    --extra "$top/data/sources-extra.csv" --json "$tmp/ca5.json" \
    --sources-md "$tmp/SOURCES.md" --coverage-md "$tmp/coverage.md"; then
    echo "FAIL: data/ca5_convert.py cannot convert the cited CSV files in $src"
    exit 1
fi

status=0
for pair in ca5.json:data/ca5.json SOURCES.md:data/SOURCES.md \
    coverage.md:docs/coverage.md; do
    made=$tmp/${pair%%:*}
    committed=${pair#*:}
    if cmp -s "$top/$committed" "$made"; then
        echo "ok: $committed is up to date"
    else
        echo "FAIL: $committed differs from what data/ca5_convert.py makes of the CSV files:"
        diff -u "$top/$committed" "$made" | head -n 40
        echo "$committed is stale: run make regen-data"
        status=1
    fi
done
exit $status
