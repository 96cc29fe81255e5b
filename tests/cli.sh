#!/bin/sh
# cli.sh - the casia command-line tool, run as a user would: every
# subcommand, every --format, every exit code, bad arguments, a missing or
# corrupt --data file. Expected values are read off the cited CSV files
# (row quoted) or tests/data/small.json.
set -u
: "${top_builddir:?}" "${CASIA_TEST_DATADIR:?}"
casia="$top_builddir/tools/casia"
[ -x "$casia" ] || { echo "no $casia"; exit 99; }
tmp=${TMPDIR:-/tmp}/casia-cli.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
small="$CASIA_TEST_DATADIR/small.json"
pass=0 fail=0

# run EXPECTED_STATUS ARGS...: runs casia, keeps stdout/stderr in $out/$err
run() {
    want=$1
    shift
    "$casia" "$@" > "$tmp/out" 2> "$tmp/err"
    got=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: casia $* exited $got, expected $want"
        sed 's/^/  stderr: /' "$tmp/err" | head -5
        fail=$((fail + 1))
        return 1
    fi
    return 0
}
ok() { pass=$((pass + 1)); }
no() { echo "FAIL: $*"; fail=$((fail + 1)); }
# has TEXT...: each TEXT is in the output
has() {
    for s in "$@"; do
        case $out in *"$s"*) ;; *) no "output of the last command lacks '$s'"; return 1 ;; esac
    done
    ok
}
err_has() {
    case $err in *"$1"*) ok ;; *) no "stderr lacks '$1': $err" ;; esac
}

# --- help and version
run 0 --help && has "Commands:" "observations" "Exit status"
run 0 --version && has "casia " "libcasia "
for c in observations sources coverage country validate export version help; do
    run 0 "$c" --help && has "usage: casia $c"
done
run 2 && err_has "usage: casia"
run 2 frobnicate && err_has "no command named 'frobnicate'"
run 2 --format yaml sources && err_has "unknown format 'yaml'"
run 2 observations --colour && err_has "unknown option --colour"
run 2 observations --from && err_has "needs a value"
run 2 observations --from 1850 && err_has "is not a year"
run 2 observations --basis mirror && err_has "is not reporter"

# --- observations
# observations.csv: trade.import,UZB,CHN,2023,11260000000,USD,national_stats,gazeta_uz_20240209
run 0 observations --indicator trade.import --reporter Uzbekistan --partner CN \
    --from 2023 --to 2023 --basis national_stats &&
    has "11,260,000,000" "gazeta_uz_20240209" "national_stats"
run 0 --format csv observations -i trade.import -r UZB -p CHN --from 2023 --to 2023 --basis national_stats &&
    has "indicator,reporter,partner,year,value,unit,basis,source,note" \
        "trade.import,UZB,CHN,2023,11260000000,USD,national_stats,gazeta_uz_20240209,Uzbek Statistics Agency: imports from China surged 1.7x to \$11.26 billion"
run 0 --format json observations -i trade.import -r UZB -p CHN --from 2023 --to 2023 --basis national_stats &&
    has '"value": 11260000000' '"unit": "USD"' '"basis": "national_stats"' '"source": "gazeta_uz_20240209"'
# two sources of one key stay apart: desht_mirror_china 14000000000 and
# silkroad_kz_2021 13980000000 (trade.import,KAZ,CHN,2021,partner_mirror)
run 0 --format csv observations -i trade.import -r KZ -p 156 --from 2021 --to 2021 --basis partner_mirror &&
    has ",14000000000,USD,partner_mirror,desht_mirror_china," ",13980000000,USD,partner_mirror,silkroad_kz_2021,"
run 1 observations -i trade.import -r KAZ --from 1990 --to 1991 && err_has "no observation matches"
run 2 observations -r Atlantis && err_has 'unknown country "Atlantis"'
run 2 observations -r Korea && err_has "ambiguous"

# --- sources
run 0 sources gazeta_uz_20240209 && has "Gazeta.uz" "https://www.gazeta.uz/en/2024/02/09/trade-partners/"
run 1 sources no_such_source && err_has "no source with id 'no_such_source'"
run 0 --format csv sources && [ "$(printf '%s\n' "$out" | wc -l)" -gt 145 ] && ok
run 0 --format json sources libcasia_classification && has '"id": "libcasia_classification"' '"publisher": "libcasia"'

# --- coverage (docs/coverage.md: arms.import_tiv TKM 134 values)
run 0 coverage --country TKM --indicator arms.import_tiv && has "arms.import_tiv" "TKM" "134"
# observations.csv, trade.import KAZ basis reporter: imf_dots_2022_KAZ gives
# 19 partners x 2015-2020 (114 rows), desht_mirror_china CHN 2021 (1 row)
run 0 --format csv coverage --indicator trade.import --country KAZ &&
    has "trade.import,reporter,KAZ,19,2015-2021,115"
run 1 coverage --indicator no.such

# --- country
run 0 country KZ 398 "Kyrgyz Republic" "$(printf 'T\303\274rkiye')" W00 &&
    has "KAZ" "KGZ" "TUR" "WLD" "aggregate"
run 2 country Korea && err_has "KOR, PRK"
run 0 --format json country "Soviet Union" && has '"code": "SUN"' '"kind": "former state"'

# --- --data: another dataset, a missing one, a corrupt one
run 0 --data "$small" observations -i trade.import -r KAZ -p RUS && has "200"
run 0 --data "$small" --format csv sources && has "src_a,Pub A,First source"
run 3 --data "$tmp/missing.json" sources && err_has "missing.json: cannot open"
printf '{"format": "casia-dataset/1",\n "series": [' > "$tmp/cut.json"
run 3 --data "$tmp/cut.json" sources && err_has "cut.json:2:13: unexpected end of input"

# --- validate
run 0 validate "$small" && has "valid json: 7 observations"
run 3 validate "$small" "$tmp/cut.json" && has "valid json: 7" && err_has "cut.json:2:13:"
run 2 validate && err_has "give at least one file"

# --- export: JSON round trip through validate, CSV one row per observation
run 0 --data "$small" export -o "$tmp/small-out.json" &&
    run 0 validate "$tmp/small-out.json" && has "valid json: 7 observations"
run 0 export --format csv && [ "$(printf '%s\n' "$out" | wc -l)" -eq 2427 ] && ok   # 2426 + header
run 0 --data "$small" --format json export && has '"casia-dataset/1"' '"src_a"'
run 3 export -o /nonexistent/dir/x.json && err_has "cannot create"

# --- index commands. Expected values computed from the cited CSV files
# with a few lines of Python (csv module):
#   UZB 2023, national_stats (gazeta_uz_20240209, intellinews_308876):
#     imports  CHN 11.26e9 / 38.1e9 = 0.29554, RUS 6.58e9 / 38.1e9 = 0.17270
#     turnover CHN (11.26 + 2.46) / (38.1 + 24.4) = 0.21952, RUS 9.88 / 62.5 = 0.15808
#   TKM 2020, reporter (imf_dots_2022_TKM): turnover CHN 0.49768, RUS 0.09935
#   KGZ 2019 turnover, reporter: 17 partners (WLD and EUU left out), shares
#     sum to 0.91730, HHI 0.16577, upper bound 0.16577 + (1 - 0.91730)^2 =
#     0.17261; top CHN 0.26443, then RUS 0.23774, KAZ 0.13793
#   TKM arms 2013-2024, sipri_register_2026: CHN 245.6 of 1233.75 TIV = 0.19907
#   TJK 2023 remittances: 5.7e9 / 12060602008.8478 GDP = 47.26% (computed);
#     published 48.2 (buffett_ru_tjk_remit2023) and 37.84
#   KAZ-CHN 2021 imports: China's figure 14.0e9 vs Kazakhstan's 8.2e9
#     (desht_mirror_china): (14.0 - 8.2) / 8.2 = +0.70732
run 0 share UZB CHN 2023 --flow import && has "29.6%" "national_stats" "[1] sources: gazeta_uz_20240209; intellinews_308876"
run 0 --format csv share Uzbekistan Russia 2023 --flow import && has ",0.1727034120734908" ",national_stats,"
run 0 --format json share UZB CHN 2023 && has '"value": 0.21952' '"unit": "fraction"' '"basis": "national_stats"' '"sources": ["gazeta_uz_20240209", "intellinews_308876"]'
run 0 share TKM CHN 2020 && has "49.8%" "reporter" "sources: imf_dots_2022_TKM"
run 0 share TKM RUS 2020 --basis reporter && has "9.9%"
run 1 share UZB CHN 1995 && err_has "no data for it"
run 2 share UZB CHN && err_has "expected 3 arguments"
run 2 share UZB CHN 2023 --flow sideways && err_has "--flow"
run 2 share UZB CHN 2023 --mirror sometimes && err_has "--mirror"
run 0 top KGZ 2019 -n 3 && has "1  CHN" "26.4%" "2  RUS" "23.8%" "3  KAZ" "13.8%"
run 0 --format csv top KGZ 2019 -n 1 && has "1,CHN,China,"
run 0 hhi KGZ 2019 && has "0.166" "0.173" "91.7%"
run 0 --format csv hhi KGZ 2019 && has ",0.1657672746628" ",17"
run 0 arms TKM CHN 2013-2024 && has "19.9%" "sipri_register_2026"
run 0 arms TKM 2013-2024 && has "CHN" "TUR"
run 2 arms TKM CHN 2024-2013 && err_has "is not a window"
run 0 remit TJK 2023 && has "47.3%" "disagree" "48.2%"
run 0 gap KAZ CHN 2021 --flow import && has "+70.7%" "70.7%"
run 0 compare import_share UZB CHN && has "import_share" "CHN" "RUS" "2019" "2022"
run 2 compare nonsense UZB CHN && err_has "is not an annual index"
run 0 composite UZB 2023 && has "composite" "trade" "CHN" "RUS" "weightings drawn from Dirichlet"
run 0 composite UZB 2023 --weights trade=1 && has "Composite on China: 0.220" "Composite on Russian Federation: 0.158"
run 2 composite UZB 2023 --weights gold=1 && err_has "--weights"
# ties: memberships.csv rows of KAZ held in 2023: CSTO 1992-, SCO 2001-,
# EAEU 2015-, CIS 1991-, C+C5 mechanism 2019-, C5+1 2015- (6); led by
# China: SCO and the C+C5 mechanism (2); by Russia: CSTO and EAEU (2)
run 0 ties KAZ 2023 && has "Collective Security Treaty Organization" "RUS" "1992" "Led by China in 2023: 2" "Led by Russian Federation in 2023: 2"
run 0 --format csv ties KAZ 2023 && has "organisation,name,led_by,from,to,source" "CSTO,Collective Security Treaty Organization,RUS,1992,,"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 7 ] && ok || no "ties KAZ 2023: 6 rows and a header"
# Uzbekistan left the CSTO in 2012 (memberships.csv: UZB,CSTO,2006,2012)
run 0 --format csv ties UZB 2013 && case $out in *CSTO*) no "ties UZB 2013 lists the CSTO" ;; *) ok ;; esac
run 1 ties KAZ 1980 && err_has "no membership for that year"
# the measures of a country alone take no partner
run 2 compare remittance_gdp TJK CHN && err_has "measure of the country alone"
run 0 compare remittance_gdp TJK && has "remittance_gdp" "TJK" "2019" "2022"
# votes: un_votes.csv and un_resolutions.csv. Tajikistan abstained on
# ES-11/1 (nextshark_20220303), China abstained (londoneconomic_314563),
# Russia voted no (unpress_ga12407): agreement 1 with China, 0.5 with Russia
run 0 votes TJK && has "Aggression against Ukraine" "ES-11/1" "abstain" "no"
run 0 --format csv votes TJK --against RUS && has "resolution,date,title,vote,RUS_vote,agreement_RUS,source" "ES-11/1,2022-03-02,Aggression against Ukraine,abstain,no,0.5,nextshark_20220303"
run 2 votes TJK --against TJK && err_has "the country itself"
# events: events.csv, 2022-01-csto-deploy-kaz, a CSTO deployment (led by Russia)
run 0 events KAZ --with RUS --type deployment && has "2022-01-06" "CSTO" "deployment" "armradio_20220106"
run 0 --format csv events KGZ --type base && has "base-kant-rus-kgz"
run 2 events KAZ --type parade && err_has "--type"
run 1 events TKM --type base && err_has "none in the dataset"

# --- claims (docs/claims.md): the built-in claims of the source analysis,
# and a user's claims on a user's dataset
# observations.csv: trade.import,UZB,CHN,2023,11260000000,USD,national_stats,gazeta_uz_20240209
run 0 claims --id uzb-imports-china-2023 && has "supported" "11,260,000,000" "gazeta_uz_20240209" "approximately \$12 billion"
run 0 claims --help && has "usage: casia claims"
run 0 --format csv claims && has "id,verdict,value,against,margin" "kaz-csto-deployment-2022,supported"
run 0 claims --format json --id tjk-abstained-2022-2023 && has '"verdict": "contradicted"' '"quote": '
# claims_dataset.json: KAZ imports 2023, reporter CHN 70 RUS 35, national
# statistics CHN 30 RUS 50 (of 200): China leads in one source, not the other
run 0 --data "$CASIA_TEST_DATADIR/claims_dataset.json" claims "$CASIA_TEST_DATADIR/claims_fixture.json" --id top-set &&
    has "depends_on_source" "holds: default, reporter, source:rep" "fails: national_stats, source:nso"
run 0 --data "$CASIA_TEST_DATADIR/claims_dataset.json" claims "$CASIA_TEST_DATADIR/claims_fixture.json" --views --id arms-flip &&
    has "source:sipA" "source:sipB" "fails"
run 3 claims "$CASIA_TEST_DATADIR/bad_claims_unit.json" && err_has "bad_claims_unit.json:9:18: threshold in \"pct\""
run 3 claims "$tmp/no-such-claims.json" && err_has "no-such-claims.json"
run 2 claims --id no-such-claim && err_has "no claim with id 'no-such-claim'"
# the events index in the period comparison: events.csv rows of KAZ with
# RUS, the CSTO or CA+RUS, plus the Baikonur base (1994-): 10 in 2019-2021
# and 12 in 2022-2023, means 3.33333 and 6
run 0 compare events KAZ RUS && has "3.33333" " 6  count"
# energy: obs_gas_pipeline.csv, CHN-TKM 2024 energy.pipeline_gas_import_share_pct
# 45.37 (frominsideasia_pos2_2024): Turkmenistan's share of China's pipeline gas
run 0 energy CHN TKM 2024 && has "45.4%" "published_share pipeline" "pipeline gas imports"
# trade shares from published figures (docs/indices.md, the order of inputs):
#   KAZ-RUS 2022: 26.1e9 (urdupoint_20230411, national_stats) / 134.4e9
#     (cjtouch_kz_trade2022, national_stats) = 0.19419642857142858
#   KGZ-CHN 2024: the published 35% (timesca_edb_2024, other)
#   TJK-CHN 2023: 1.5e9 (khovar_50697_tj_cn2023) / 8.328e9 (trend_3873977) = 0.18011527
#   UZB-CHN 2021: 8e9 (azernews_203490, other) / 42e9 (cis_minsk_uz2021) = 0.19047619
#   TKM-RUS 2022: 0.865e9 (daryo_ru_tm_20230525, other) / 20e9 (nca_20230802_trapeznikov) = 0.04325
run 0 --format csv share KAZ RUS 2022 && has "KAZ,RUS,2022,turnover,0.19419642857142858,fraction,national_stats,total_world published_turnover"
run 0 share KGZ CHN 2024 && has "35.0%" "published_share" "the share as published"
run 0 --format csv share TJK CHN 2023 && has ",0.18011527377521613," "khovar_50697_tj_cn2023"
run 0 --format csv share UZB CHN 2021 && has ",0.19047619047619047,fraction,mixed,"
run 0 --format csv share TKM RUS 2022 && has ",0.04325,fraction,other,"
# the turnover gap of two published turnovers: KGZ-CHN 2024, China's 22.7e9
# (24kg_317870) against Kyrgyzstan's 5.3e9 (24kg_336366): +328.3%
run 0 gap KGZ CHN 2024 && has "+328.3%" "published_turnover"
# the index options are explained in every index command's help
run 0 top --help && has "Index options" "--min-partners N"
# the two partners of a comparison must differ; the mirror basis needs mirrors
run 2 compare turnover_share KAZ CHN CHN && err_has "give two partners"
run 2 share KAZ CHN 2022 --basis partner_mirror --mirror never && err_has "--mirror never forbids"
run 2 observations --from 2020 --to 2010 && err_has "--to 2010 is before --from 2020"
run 1 share KAZ CHN 2022 --source bogus && err_has "no source with id 'bogus'"
# flags by the library's names (casia_result_flag_name) in the table CSV
run 0 --format csv table && has ",reporter,total_world"
run 0 --format csv table -o "$tmp/table.csv" && [ "$(head -n 1 "$tmp/table.csv")" = "reporter,partner,year,index,value,unit,basis,flags" ] && ok
grep -q '^UZB,CHN,2023,import_share,0.2955380577427' "$tmp/table.csv" && ok || no "table lacks UZB,CHN,2023,import_share"

# --- report: the main job (values as above)
run 0 report && has "Kazakhstan (KAZ)" "Uzbekistan (UZB)" "Turkmenistan (TKM)" "Sources"
# the latest year in which both have a turnover share: UZB 2025, national
# statistics: CHN 17.2e9 (caspianpost_cn_ca_2025) / 81.2e9
# (prime_20260122_uz_ru) = 0.21182266, RUS 12.986e9 / 81.2e9 = 0.15992611;
# TKM 2022: CHN 11.181e9 (cctv_tm_2022, mirror) / 20e9 = 0.55905, RUS 0.04325
run 0 report --country UZB && has "trade share: turnover" "21.2% \$17.2bn" "16.0% \$13.0bn" "2025" "national_stats" "China against Russia (turnover share, 2025): China leads, 21.2% against 16.0%."
run 0 report --country TKM && has "55.9%" "4.3%" "2022"
run 0 --format csv report --country UZB &&
    has "country,measure,partner,from,to,value,unit,basis,flags,sources" "UZB,turnover_share,CHN,2025,2025,0.21182266009852216"
run 0 --format json report --country TJK && has '"measure": "remittance_gdp"'
# after 2022 for every state: a turnover share of both partners from 2022
# or later (docs/coverage-cells.md: each of the five has one for China and
# for Russia), and the 2022-2023 mean of both
pyc=${PYTHON:-python3}
[ "$pyc" = : ] && pyc=python3
run 0 --format json report &&
    printf '%s' "$out" | "$pyc" -c '
import json, sys
r = json.load(sys.stdin)
late = {(x["country"], x["partner"]) for x in r
        if x["measure"] == "turnover_share" and x["to"] >= 2022}
mean = {(x["country"], x["partner"]) for x in r
        if x["measure"] == "turnover_share_mean" and x["from"] == 2022}
want = {(c, p) for c in ("KAZ", "KGZ", "TJK", "TKM", "UZB") for p in ("CHN", "RUS")}
assert late == want, sorted(want - late)
assert mean == want, sorted(want - mean)' && ok || no "report: a share after 2022 and the 2022-2023 mean for every state and partner"
run 2 report --country Atlantis && err_has "unknown country"
run 2 report --country China && err_has "measures dependence on China and Russia"
run 2 report --from 2030 && err_has "after the dataset's latest year"
# a country named twice is reported once; the 2019-2021 vs 2022-2023 change
# only when --to takes in 2023
run 0 report --country KAZ --country Kazakhstan &&
    [ "$(printf '%s\n' "$out" | grep -c '^Kazakhstan (KAZ)')" -eq 1 ] && ok || no "KAZ reported twice"
run 0 report --country UZB --to 2020 && case $out in *"mean 2022-2023"*) no "change past --to" ;; *) ok ;; esac

# --- import: providers' files as they come; validate every bad row
#   tests/data/bad_rows.csv: a tidy CSV with bad rows (see its lines)
run 0 import "$CASIA_TEST_DATADIR/tidy.csv" -o "$tmp/tidy.json" && err_has "wrote"
run 0 validate "$tmp/tidy.json" && has "valid json"
# a pipe is read once: detection and import share what was read (the
# tidy CSV has 3 rows; the monthly Comtrade file, read directly, gives
# the same observations as through a pipe)
cat "$CASIA_TEST_DATADIR/tidy.csv" | "$casia" import /dev/stdin -o "$tmp/piped.json" 2> "$tmp/err" &&
    grep -q "3 rows, 3 observations" "$tmp/err" && ok || no "import from a pipe: $(cat "$tmp/err")"
"$casia" import --sum-months "$CASIA_TEST_DATADIR/comtrade_plus_monthly.csv" -o "$tmp/direct.csv" 2> /dev/null
cat "$CASIA_TEST_DATADIR/comtrade_plus_monthly.csv" |
    "$casia" import --sum-months /dev/stdin -o "$tmp/piped.csv" 2> "$tmp/err" &&
    [ -s "$tmp/direct.csv" ] && [ "$(cut -d, -f1-5 "$tmp/direct.csv")" = "$(cut -d, -f1-5 "$tmp/piped.csv")" ] &&
    ok || no "monthly Comtrade through a pipe: $(cat "$tmp/err")"
run 0 --data "$CASIA_TEST_DATADIR/tidy.csv" observations && has "trade.import"
run 0 export --format csv -o "$tmp/all.csv" && err_has "31 memberships, 53 UN votes, 8 resolutions, 293 events" &&
    run 0 import "$tmp/all.csv" -o "$tmp/all.json" &&
    run 0 validate "$tmp/all.json" && has "valid json: 2426 observations"
run 3 validate "$CASIA_TEST_DATADIR/bad_rows.csv" && err_has "bad_rows.csv:"
py=${PYTHON:-python3}
[ "$py" = : ] && py=python3
run 3 --format json validate "$small" "$CASIA_TEST_DATADIR/bad_rows.csv" &&
    printf '%s' "$out" | "$py" -c 'import json,sys; r=json.load(sys.stdin); assert [x["valid"] for x in r]==["yes","no"] and r[0]["observations"]==7, r' &&
    ok || no "validate --format json"
run 3 import --from wdi "$CASIA_TEST_DATADIR/tidy.csv" -o "$tmp/x.json" && err_has "not a World Bank WDI file"
run 2 import "$CASIA_TEST_DATADIR/tidy.csv" && err_has "give the output"
run 2 import --from excel "$CASIA_TEST_DATADIR/tidy.csv" -o "$tmp/x.json" && err_has "--from"
sipri="${CASIA_SHARED_DATADIR:-}/formats/sipri/TIV-Import-TRK-1950-2021.csv"
if [ -r "$sipri" ]; then
    # TIV-Import-TRK-1950-2021.csv, supplier rows summed over the columns
    # 2013-2021 with the csv module: China 234, Turkey 500, all suppliers
    # 1205; 234 / 1205 = 0.19419
    run 0 --data "$sipri" arms TKM CHN 2013-2021 && has "19.4%"
    run 0 import "$sipri" "${CASIA_SHARED_DATADIR}/formats/worldbank_wdi/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv" \
        -o "$tmp/merged.json" && err_has "wrote"
    # the Comtrade Plus sample, China 2022 (csv module): flows M and X of
    # every partner but W00 sum to 6309598952863, USA 761712939598 (12.07%)
    ct="${CASIA_SHARED_DATADIR}/formats/un_comtrade/comtradeplus_TradeData_2022_CHN-DEU-USA_total.csv"
    run 0 --format csv stream "$ct" && has "CHN,2022,6309598952863," ",USA,0.1207228772047"
fi
run 2 stream && err_has "give at least one UN Comtrade file"
run 3 stream "$CASIA_TEST_DATADIR/tidy.csv" && err_has "tidy.csv"
# a bad --chapters list is the user's mistake, not the file's: exit 2
run 2 stream --chapters 27,x "$CASIA_TEST_DATADIR/tidy.csv" && err_has '"27,x" is not a list of HS chapters'
run 2 import --chapters 270 "$CASIA_TEST_DATADIR/comtrade_legacy.csv" -o "$tmp/x.json" && err_has '"270" is not a list of HS chapters'


# --- chart (when built with cairo)
run 2 chart UZB && err_has "give the output file"
run 2 chart UZB -o "$tmp/x.gif" && err_has "must end in .svg or .png"
run 2 chart UZB --flow sideways -o "$tmp/x.svg" && err_has "--flow"
if "$casia" chart UZB -o "$tmp/probe.svg" 2> "$tmp/probe.err" ||
        ! grep -q "built without cairo" "$tmp/probe.err"; then
    # Uzbekistan's imports from China and Russia: in observations.csv each
    # partner has values under three bases (reporter: imf_dots_2022_UZB;
    # partner_mirror: imf_dots_2022_CHN/_RUS and comtradeplus_chn_2022;
    # national_stats: gazeta_uz_20240209, kursiv_uz_20230425): 6 series
    run 0 chart Uzbekistan -o "$tmp/uzb.svg" && err_has "(6 series)" &&
        if "${PYTHON:-python3}" "$top_srcdir/tests/chart_check.py" "$tmp/uzb.svg" 6; then ok; else no "uzb.svg"; fi
    run 0 chart UZ --flow import -o "$tmp/uzb.png" &&
        if "${PYTHON:-python3}" "$top_srcdir/tests/chart_check.py" "$tmp/uzb.png" 6; then ok; else no "uzb.png"; fi
    # only the country's own figures: CHN and RUS, basis reporter
    run 0 chart KAZ --basis reporter --flow turnover -o "$tmp/kaz.svg" &&
        if "${PYTHON:-python3}" "$top_srcdir/tests/chart_check.py" "$tmp/kaz.svg" 2; then ok; else no "kaz.svg"; fi
    run 1 chart KAZ --partners USA --basis national_stats -o "$tmp/none.svg" && err_has "no import figures"
else
    run 2 chart UZB -o "$tmp/x.svg" && err_has "libcairo2-dev"
fi

echo "cli.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
