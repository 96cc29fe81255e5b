#!/bin/sh
# stream-reference.sh - casia-bench's streaming job agrees with the
# independent Python reference (bench/reference.py, csv module and exact
# fractions) on a Comtrade Plus file made by gen_comtrade.py: 6 reporters,
# 2022-2023, monthly. Skips (77) without the generator or Python.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
PYTHON=${PYTHON:-python3}
bench=$top_builddir/bench/casia-bench
if [ -z "${GEN_COMTRADE:-}" ] || [ ! -r "$GEN_COMTRADE" ]; then
    echo "SKIP: no gen_comtrade.py (GEN_COMTRADE)"
    exit 77
fi
if ! "$PYTHON" -c 'import fractions' 2>/dev/null; then
    echo "SKIP: no Python ($PYTHON)"
    exit 77
fi
if [ ! -x "$bench" ]; then
    echo "SKIP: $bench is not built"
    exit 77
fi
tmp=`mktemp -d "${TMPDIR:-/tmp}/casia-sref.XXXXXX"` || exit 1
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" "$GEN_COMTRADE" --size S --reporters 6 --years 2022-2023 \
    --monthly yes --seed 3 -q -o "$tmp/c.csv" || exit 1
"$bench" comtrade "$tmp/c.csv" > "$tmp/casia.csv" || exit 1
"$PYTHON" "$top_srcdir/bench/reference.py" "$tmp/c.csv" > "$tmp/ref.csv" || exit 1
"$PYTHON" "$top_srcdir/bench/compare.py" "$tmp/casia.csv" "$tmp/ref.csv"
