#!/bin/sh
# locale.sh - libcasia's numbers under a locale with a decimal comma.
# Debian's minimal systems have no such locale installed; this test makes
# de_DE.UTF-8 with localedef into a directory of its own (LOCPATH) and
# runs the Check programs whose locale tests then must find it
# (CASIA_TEST_NEED_COMMA): JSON, tidy CSV and index tables are written and
# read as in the C locale, byte for byte.
set -u
: "${top_builddir:?}"
command -v localedef > /dev/null 2>&1 || { echo "no localedef: skipped"; exit 77; }
if [ ! -r /usr/share/i18n/locales/de_DE ]; then
    echo "no locale sources (Debian package locales): skipped"
    exit 77
fi
tmp=${TMPDIR:-/tmp}/casia-locale.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
# localedef may warn (and exit 1) yet write the locale: judge by the result
localedef -i de_DE -f UTF-8 "$tmp/de_DE.UTF-8" > "$tmp/log" 2>&1
if [ ! -f "$tmp/de_DE.UTF-8/LC_NUMERIC" ]; then
    cat "$tmp/log"
    echo "localedef made no de_DE.UTF-8"
    exit 99
fi
status=0
for t in check_import check_comtrade check_sipri check_tidy check_merge \
    check_trade check_arms check_remittance check_institutions check_composite \
    check_periods check_table; do
    prog="$top_builddir/tests/$t"
    [ -x "$prog" ] || { echo "no $prog (built without Check): skipped"; exit 77; }
    echo "== $t under de_DE.UTF-8"
    LOCPATH="$tmp" CASIA_TEST_NEED_COMMA=1 "$prog" || status=1
done
exit $status
