#!/bin/sh
# check-exports.sh - the library exports exactly the functions declared
# with CASIA_API in include/, and the version script lists exactly those.
# Exit 77 (skip) when nm or the shared library is not available.
set -u
: "${top_srcdir:?}" "${top_builddir:?}"
NM=${NM:-nm}
so=`ls "$top_builddir"/libcasia/.libs/libcasia.so.* 2>/dev/null | head -n 1`
if [ -z "$so" ] || ! command -v "${NM%% *}" >/dev/null 2>&1; then
    echo "SKIP: no shared library or no nm"
    exit 77
fi
tmp=${TMPDIR:-/tmp}/casia-exports.$$
mkdir -p "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT

$NM -D --defined-only "$so" | awk '$2 ~ /^[TDBR]$/ { sub(/@.*/, "", $3); print $3 }' |
    sort -u > "$tmp/exported"
sed -n 's/^[ 	]*\(casia_[a-z0-9_]*\);.*/\1/p' "$top_srcdir/libcasia/libcasia.sym" |
    sort -u > "$tmp/script"
cat "$top_srcdir"/include/casia.h "$top_srcdir"/include/casia/*.h |
    sed -n 's/.*CASIA_API[^(]*[ *]\(casia_[a-z0-9_]*\)(.*/\1/p' | sort -u > "$tmp/declared"

rc=0
if ! diff -u "$tmp/declared" "$tmp/exported" > "$tmp/d1"; then
    echo "FAIL: exported symbols differ from the CASIA_API declarations in include/:"
    cat "$tmp/d1"
    rc=1
fi
if ! diff -u "$tmp/declared" "$tmp/script" > "$tmp/d2"; then
    echo "FAIL: libcasia/libcasia.sym differs from the CASIA_API declarations:"
    cat "$tmp/d2"
    rc=1
fi
n=`wc -l < "$tmp/exported"`
if [ "$n" -eq 0 ]; then
    echo "FAIL: no symbol exported"
    rc=1
fi
[ $rc -eq 0 ] && echo "PASS: $n exported functions, all declared in include/ and versioned"
exit $rc
