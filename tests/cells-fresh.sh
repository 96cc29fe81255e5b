#!/bin/sh
# cells-fresh.sh - run by `make check`: docs/coverage-cells.md is what
# docs/cells.sh makes of the default dataset now (`make coverage-cells`
# regenerates it), so the table of the 40 cells after 2021 cannot drift.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
casia="$top_builddir/tools/casia"
[ -x "$casia" ] || { echo "SKIP: $casia is not built"; exit 77; }
tmp=`mktemp "${TMPDIR:-/tmp}/casia-cells.XXXXXX"` || exit 99
trap 'rm -f "$tmp"' EXIT
sh "$top_srcdir/docs/cells.sh" "$casia" > "$tmp" || { echo "FAIL: docs/cells.sh"; exit 1; }
if cmp -s "$tmp" "$top_srcdir/docs/coverage-cells.md"; then
    echo "ok: docs/coverage-cells.md is up to date"
    exit 0
fi
echo "FAIL: docs/coverage-cells.md differs from what docs/cells.sh makes of the data:"
diff -u "$top_srcdir/docs/coverage-cells.md" "$tmp" | head -n 40
echo "docs/coverage-cells.md is stale: run make coverage-cells"
exit 1
