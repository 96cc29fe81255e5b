#!/bin/sh
# ca5-indices.sh - the example examples/ca5-indices runs and prints, for
# the default dataset, figures computed independently from the cited CSV
# files (observations.csv) with Python's csv module:
#
#   UZB 2023 (Uzbek statistics, gazeta_uz_20240209 and intellinews_308876):
#     turnover share CHN (11.26 + 2.46) / (38.1 + 24.4) = 0.21952 -> 22.0%
#                    RUS (6.58 + 3.3) / 62.5 = 0.15808            -> 15.8%
#     HHI over CHN, RUS, KAZ (3.03 + 1.37) and KGZ (Kyrgyz statistics,
#       trend_3870143: 0.290766 + 0.403222): 0.0783, upper 0.3708
#     arms 2019-2023, sipri_register_2026: RUS 147 / 221.6 = 0.6634 -> 66.3%,
#       CHN no delivery -> 0.0%
#     remittances % GDP: published only, 13.8 (gh_fozich_remit_panel, the
#       smaller of two source ids; timesca_uz_kz_migrants gives 17.8)
#     UN votes of 2023 (un_votes.csv, ES-11/6 of 2023-02-23): UZB
#       abstained, China abstained (agreement 1), Russia voted no (0.5)
#     composite CHN (0.21952 + 0 + 0.5 + 1) / 4 = 0.430 (trade, arms,
#       institutions: SCO and C+C5 of four state-led memberships, UN votes)
#     composite RUS (0.15808 + 0.66336 + 0.78 + 0.25 + 0.5) / 5 = 0.470
#       (with the Central Bank of Uzbekistan's 78% share of remittances
#       from Russia)
#     sensitivity over trade, arms, institutions and UN votes: 6207 of
#       10000 draws (the generator's transcription in tests/check_composite.c,
#       sens([0.21952, 0, 0.5, 1], [0.15808, 147 / 221.6, 0.25, 0.5]))
#   KGZ 2019 (IMF DOTS): turnover shares CHN 26.4%, RUS 23.8%; HHI 0.1658,
#     upper 0.1726; arms 2015-2019 (register): RUS 40.49 of 40.49 -> 100.0%;
#     remittances published 28.79; institutions CHN 2/6 (SCO, C+C5), RUS
#     3/6 (CSTO, EAEU, Kant); composite CHN (0.2644 + 0 + 1/3) / 3 = 0.199,
#     RUS (0.2377 + 1 + 0.5) / 3 = 0.579; sensitivity 42 of 10000 draws
#   TJK 2022: remittances 100 * 5.3e9 / 10713525200.4 = 49.47% of GDP
set -u
: "${top_builddir:?}"
prog="$top_builddir/examples/ca5-indices"
out=`"$prog"` || { echo "FAIL: $prog exited with $?"; exit 1; }
rc=0
expect() {
    # expect SECTION YEAR FIELD... : the line of YEAR after SECTION's header
    section=$1 year=$2
    shift 2
    line=`printf '%s\n' "$out" | awk -v s="$section" -v y="$year" '
        index($0, s) == 1 { on = 1; next }
        on && $1 == y { print; exit }'`
    want="$year $*"
    got=`echo $line`
    if [ "$got" != "$want" ]; then
        echo "FAIL: $section $year"
        echo "  want: $want"
        echo "  got:  $got"
        rc=1
    fi
}
expect "Uzbekistan (UZB)" 2023 22.0% 15.8% CHN 22.0% 0.078 [0.371] 0.0% 66.3% 13.80r 0.430 0.470 0.6207
expect "Kyrgyzstan (KGZ)" 2019 26.4% 23.8% CHN 26.4% 0.166 [0.173] 0.0% 100.0% 28.79r 0.199 0.579 0.0042
n=`printf '%s\n' "$out" | awk '$1 ~ /^20[0-9][0-9]$/' | wc -l`
if [ "$n" -ne 55 ]; then
    echo "FAIL: $n year lines, expected 5 states x 11 years (2015-2025)"
    rc=1
fi
if ! printf '%s\n' "$out" | awk 'index($0, "Tajikistan (TJK)") == 1 { on = 1 } on && $1 == 2022' |
        grep -q ' 49\.47 '; then
    echo "FAIL: TJK 2022 remittances are not 49.47% of GDP"
    rc=1
fi
[ $rc -eq 0 ] && echo "PASS: ca5-indices prints the independently computed figures"
exit $rc
