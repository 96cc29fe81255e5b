#!/bin/sh
# examples.sh - the example programs run and answer their questions.
# Expected figures were computed from the cited CSV files with the csv
# module, independently of libcasia:
#   IMF DOTS (basis reporter) turnover rankings 2015-2020: China on top for
#     TKM and UZB in every year, Russia for KAZ; TKM 2020 China 0.49768
#   UZB 2023 imports (national statistics): CHN 11.26 bn of 38.1 bn
#     (29.6%), RUS 6.58 bn (17.3%); 11.26 / 6.58 = 1.711
#   TKM arms 2013-2024 (sipri_register_2026): 1233.75 TIV in all, Turkiye
#     534.10 (43.3%), China 245.60 (19.9%), Russia 117.80 (9.5%)
#   TJK remittances 2023: 5.7 bn / 12.06 bn GDP = 47.3% (published: 48.2)
set -u
: "${top_builddir:?}" "${top_srcdir:?}"
tmp=${TMPDIR:-/tmp}/casia-examples.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# check NAME PROGRAM...: runs it; then `expect TEXT...` on its output
check() {
    name=$1
    shift
    if "$@" > "$tmp/out" 2> "$tmp/err"; then
        pass=$((pass + 1))
    else
        echo "FAIL: $name exited $?"; cat "$tmp/err"; fail=$((fail + 1))
    fi
}
expect() {
    for s in "$@"; do
        if grep -qF -- "$s" "$tmp/out"; then
            pass=$((pass + 1))
        else
            echo "FAIL: $name: no line with '$s'"; fail=$((fail + 1))
        fi
    done
}

ex="$top_builddir/examples"
check top-partner "$ex/top-partner"
expect "Turkmenistan  China              49.8% of trade in 2020, on top since 2015" \
       "Kazakhstan    Russian Federation 21.4% of trade in 2020, on top since 2015"
check uzbekistan-imports "$ex/uzbekistan-imports"
expect "2023         29.6%     11.26          17.3%      6.58  national_stats" \
       "2023: China's share is 1.711 times Russia's"
check arms-turkmenistan "$ex/arms-turkmenistan"
expect "1233.75 million TIV" "534.10   43.3%" "China                  245.60   19.9%" \
       "Russian Federation     117.80    9.5%"

# comtrade-rank on the Comtrade Plus sample (China 2022, flows M and X,
# TOTAL): the World rows sum to 6309598952863; USA 761712939598 (12.07%),
# KOR 362288546066 (5.74%), JPN 357424430706 (5.66%) - computed with the
# csv module from the file. On a small hand-written legacy file otherwise.
sample="${CASIA_SHARED_DATADIR:-}/formats/un_comtrade/comtradeplus_TradeData_2022_CHN-DEU-USA_total.csv"
if [ -r "$sample" ]; then
    check comtrade-rank "$ex/comtrade-rank" "$sample" CHN 2022 3
    expect "6309598952863 USD with the world" \
           " 1. USA  United States                      761712939598  12.07%" \
           " 2. KOR  South Korea                        362288546066   5.74%" \
           " 3. JPN  Japan                              357424430706   5.66%"
fi
"$ex/comtrade-rank" > "$tmp/out" 2> "$tmp/err"
if [ $? -eq 2 ] && grep -q "usage: comtrade-rank" "$tmp/err"; then
    pass=$((pass + 1))
else
    echo "FAIL: comtrade-rank without arguments"; fail=$((fail + 1))
fi

if [ -n "${PYTHON:-}" ] && [ "$PYTHON" != ":" ] &&
        "$PYTHON" -c 'import casia; casia.Dataset' 2> /dev/null; then
    check remittances.py "$PYTHON" "$top_srcdir/examples/remittances.py"
    expect "2023   47.3% of GDP, computed (the other figure: 48.2%)"
    check composite.py "$PYTHON" "$top_srcdir/examples/composite.py"
    expect "Turkmenistan  2022"   # China's 11.181e9 over Turkmenistan's 20e9 (published turnovers)
    check uzbekistan_imports.py "$PYTHON" "$top_srcdir/examples/uzbekistan_imports.py"
    expect "2023"
else
    echo "(the Python examples are skipped: no casia module for ${PYTHON:-python})"
fi

echo "examples.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
