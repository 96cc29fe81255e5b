"""Tests of the Python package `casia` (run by `make check` with pytest).

Expected values are read off the cited CSV files of the default dataset
(the row is quoted above each check) or off tests/data/small.json.
"""
import json
import os
import threading

import pytest

import casia

DATADIR = os.environ.get("CASIA_TEST_DATADIR", "tests/data")
SMALL = os.path.join(DATADIR, "small.json")


@pytest.fixture(scope="module")
def ds():
    return casia.Dataset.default()


def test_version():
    assert casia.version() == casia.__version__
    assert casia.__version__.count(".") == 2
    assert len(casia.default_sha256()) == 64


def test_default_dataset_counts(ds):
    # rows of data/ca5 (csv.DictReader): observations.csv 1987,
    # extra_observations.csv 172 and the topic files obs_*.csv 218 + 12 +
    # 32 + 5; sources.csv and sources_*.csv 144 + 147 + 58 + 6 + 19 + 5 +
    # 20, and sources-extra.csv 1; un_votes.csv 53; events.csv 293
    assert len(ds) == 1987 + 172 + 218 + 12 + 32 + 5
    assert len(ds.sources) == 144 + 147 + 58 + 6 + 19 + 5 + 20 + 1
    assert len(ds.memberships) == 31
    assert len(ds.votes) == 53
    assert len(ds.events()) == 293
    assert len(ds.resolutions) == 8
    assert ds.title.startswith("Central Asia five")


def test_get_national_stats(ds):
    # observations.csv: trade.import,UZB,CHN,2023,11260000000,USD,
    #   national_stats,gazeta_uz_20240209,...
    o = ds.get("trade.import", "Uzbekistan", "CN", 2023, basis="national_stats")
    assert o == casia.Observation(
        "trade.import", "UZB", "CHN", 2023, 11260000000.0, "national_stats",
        "gazeta_uz_20240209", "USD",
        "Uzbek Statistics Agency: imports from China surged 1.7x to $11.26 billion")
    assert ds.value("trade.import", "UZB", "RUS", 2023, basis="national_stats") == 6580000000


def test_two_sources_stay_apart(ds):
    # trade.import,KAZ,CHN,2021: partner_mirror from desht_mirror_china
    # (14000000000) and silkroad_kz_2021 (13980000000)
    found = ds.query("trade.import", "KAZ", "CHN", 2021, basis="partner_mirror")
    assert sorted((o.source, o.value) for o in found) == [
        ("desht_mirror_china", 14000000000.0), ("silkroad_kz_2021", 13980000000.0)]
    with pytest.raises(casia.AmbiguousError):
        ds.get("trade.import", "KAZ", "CHN", 2021, basis="partner_mirror")
    assert ds.get("trade.import", "KAZ", "CHN", 2021, basis="partner_mirror",
                  source="silkroad_kz_2021").value == 13980000000


def test_query_years(ds):
    # remittance.inflow_pct_gdp TJK WLD: gh_fozich_remit_panel and others;
    # every year returned lies in the window
    rows = ds.query("remittance.inflow_pct_gdp", "TJK", "WLD", years=(2022, 2023))
    assert rows and all(2022 <= o.year <= 2023 for o in rows)
    assert ds.query("remittance.inflow_pct_gdp", "TJK", "WLD", years=range(2022, 2024)) == rows


def test_errors():
    with pytest.raises(casia.AmbiguousError) as e:
        casia.resolve_country("Korea")
    assert "KOR" in str(e.value) and e.value.status == "EAMBIGUOUS"
    with pytest.raises(casia.NotFoundError):
        casia.resolve_country("Atlantis")
    with pytest.raises(LookupError):            # a NotFoundError is a LookupError
        casia.resolve_country("Atlantis")
    with pytest.raises(casia.IOError_) as e:
        casia.Dataset.load("/nonexistent/file.json")
    assert isinstance(e.value, OSError)
    with pytest.raises(casia.InvalidArgumentError):
        casia.Dataset.default().query(basis="mirror")


def test_parse_error_position():
    text = '{"format": "casia-dataset/1",\n "series": ['
    with pytest.raises(casia.ParseError) as e:
        casia.Dataset.from_json(text, "cut.json")
    err = e.value
    assert (err.source, err.line, err.column) == ("cut.json", 2, 13)
    assert str(err).startswith("cut.json:2:13: ")
    assert isinstance(err, ValueError)


def test_schema_error():
    with pytest.raises(casia.SchemaError) as e:
        casia.Dataset.from_json('{"format": "casia-dataset/2"}')
    assert "unsupported format version" in e.value.message


def test_small_fixture():
    small = casia.Dataset.load(SMALL)
    assert len(small) == 7
    assert small[0].indicator == "custom.index" and small[0].value == -3.25
    assert small[-1].partner == "WLD"
    assert [o.value for o in small[2:5]] == [90.5, 100, 150]
    assert small.indicators == {"custom.index": "points", "trade.export": "USD",
                                "trade.import": "USD"}
    assert small.source("src_a").publisher == "Pub A"
    assert small.organisations[0] == casia.Organisation(
        "CSTO", "Collective Security Treaty Organization", "RUS", "src_a", None)
    assert small.memberships[0].end_year is None
    assert small.votes[1].vote == "absent"


def test_round_trip_json(tmp_path):
    small = casia.Dataset.load(SMALL)
    text = small.to_json()
    assert json.loads(text)["format"] == "casia-dataset/1"
    again = casia.Dataset.from_json(text)
    assert list(again) == list(small)
    path = tmp_path / "out.json"
    small.save(path)
    assert casia.Dataset.load(path).to_json() == text


def test_country_registry():
    assert casia.resolve_country("398") == "KAZ"
    assert casia.resolve_country("T\u00fcrkiye") == "TUR"
    assert casia.country("Soviet Union") == casia.Country(
        "SUN", "", "810", "USSR, Union of Soviet Socialist Republics", "former state")
    assert len(casia.countries()) > 300


def test_threads_read_one_dataset(ds):
    results = []

    def work():
        results.append(sum(1 for o in ds if o.indicator == "arms.import_tiv"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [449] * 4   # 449 arms.import_tiv rows in observations.csv


def test_to_pandas(ds):
    pandas = pytest.importorskip("pandas")
    df = ds.to_pandas()
    assert isinstance(df, pandas.DataFrame)
    assert len(df) == 2426   # rows of data/ca5: observations, extra_observations, obs_*.csv
    assert list(df.columns) == list(casia.Observation._fields)
    # 1987 + 172 rows: 449 arms.import_tiv among them
    assert (df.indicator == "arms.import_tiv").sum() == 449


# --- indices. Expected values computed from the cited CSV files with the
# csv module (the computation is in tests/cli.sh's comments):
#   UZB 2023 national_stats imports: CHN 11.26e9 / 38.1e9, RUS 6.58e9 / 38.1e9
#   KGZ 2019 turnover (IMF DOTS, world row 6869305444): HHI 0.16577, upper
#     0.17261, coverage 0.91730, 17 partners; CHN 1816439555 (0.26443)
#   TKM arms 2013-2024 (sipri_register_2026): CHN 245.6 of 1233.75 TIV
#   TJK 2023 remittances: 5.7e9 / 12060602008.8478 = 47.261%, published 48.2

def test_trade_share(ds):
    r = ds.trade_share("Uzbekistan", "CN", 2023, flow="import")
    assert r.value == pytest.approx(11.26e9 / 38.1e9, rel=1e-15)
    assert (r.unit, r.basis) == ("fraction", "national_stats")
    assert r.numerator == 11.26e9 and r.denominator == 38.1e9
    assert "total_world" in r.flags and r.years == [2023]
    assert r.sources == ["gazeta_uz_20240209", "intellinews_308876"]
    ratio = r.value / ds.trade_share("UZB", "RUS", 2023, "import").value
    assert ratio == pytest.approx(11.26 / 6.58, rel=1e-12)   # 1.711: China/Russia
    with pytest.raises(casia.NotFoundError) as e:
        ds.trade_share("UZB", "CHN", 1995)
    assert "turnover_share UZB-CHN 1995" in str(e.value)
    with pytest.raises(ValueError):
        ds.trade_share("UZB", "CHN", 2023, flow="sideways")


def test_top_and_hhi(ds):
    ranks, total = ds.top_partners("KGZ", 2019, n=3)
    assert [r.partner for r in ranks] == ["CHN", "RUS", "KAZ"]
    assert ranks[0].value == 1816439555.0
    assert ranks[0].share == pytest.approx(1816439555 / 6869305444, rel=1e-15)
    assert total.value == 6869305444.0
    h = ds.hhi("KGZ", 2019)
    assert h.value == pytest.approx(0.16576727466282218, rel=1e-12)
    assert h.upper == pytest.approx(0.17260624160515634, rel=1e-12)
    assert h.coverage == pytest.approx(0.9173019532133064, rel=1e-12)
    assert h.count == 17


def test_arms_and_remittances(ds):
    a = ds.arms_share("Turkmenistan", "China", (2013, 2024))
    assert a.value == pytest.approx(245.6 / 1233.75, rel=1e-12)
    assert a.sources == ["sipri_register_2026"]
    suppliers, total = ds.arms_suppliers("TKM", range(2013, 2025))
    assert suppliers[0].partner == "TUR" and total.value == pytest.approx(1233.75)
    r = ds.remittance_gdp("TJK", 2023)
    assert r.value == pytest.approx(100 * 5.7e9 / 12060602008.8478, rel=1e-12)
    assert r.unit == "pct_gdp" and "disagree" in r.flags and r.other == 48.2


def test_compare_composite_sensitivity(ds):
    c = ds.compare("import_share", "UZB")
    assert c.partners == ("CHN", "RUS") and c.change_unit == "pp"
    assert c.periods == ((2019, 2021), (2022, 2023))
    # 2023 import share of China, from the national figures above
    assert c.means[0][1].years[-1] == 2023
    comp = ds.composite("UZB", "RUS", 2023, weights={"trade": 1})
    assert comp.result.value == pytest.approx((6.58 + 3.3) / (38.1 + 24.4), rel=1e-12)
    assert comp.dimensions["trade"][1] == 1.0
    assert comp.dimensions["energy"] == (None, 0.0, "ENOTFOUND")
    s1 = ds.sensitivity("UZB", 2023, draws=1000, seed=7)
    s2 = ds.sensitivity("UZB", 2023, draws=1000, seed=7)
    assert s1 == s2 and s1.count == 1000 and 0 <= s1.value <= 1


def test_index_table(ds):
    rows = ds.index_table()
    uzb = [r for r in rows if (r.reporter, r.partner, r.year, r.index) ==
           ("UZB", "CHN", 2023, "import_share")]
    assert len(uzb) == 1
    assert uzb[0].value == pytest.approx(11.26e9 / 38.1e9, rel=1e-15)
    assert set(r.index for r in rows) <= set(casia.INDICES)


# --- importing, merging, streaming
SHARED = os.environ.get("CASIA_SHARED_DATADIR", "")
COMTRADE = os.path.join(SHARED, "formats", "un_comtrade",
                        "comtradeplus_TradeData_2022_CHN-DEU-USA_total.csv")


def test_tidy_csv_round_trip(tmp_path):
    small = casia.Dataset.load(SMALL)
    path = tmp_path / "small.csv"
    path.write_text(small.to_csv())
    again = casia.Dataset.import_file(path)
    assert again.import_report["format"] == "csv"
    assert [(o.indicator, o.reporter, o.partner, o.year, o.value) for o in again] == \
        [(o.indicator, o.reporter, o.partner, o.year, o.value) for o in small]


def test_merge_and_conflict():
    a = casia.Dataset.from_json(
        '{"format": "casia-dataset/1", "sources": [{"id": "s"}], "series": ['
        '{"indicator": "trade.import", "reporter": "KAZ", "partner": "CHN", '
        '"basis": "reporter", "source": "s", "values": {"2020": 1}}]}')
    b = casia.Dataset.from_json(
        '{"format": "casia-dataset/1", "sources": [{"id": "s"}], "series": ['
        '{"indicator": "trade.import", "reporter": "KAZ", "partner": "CHN", '
        '"basis": "reporter", "source": "s", "values": {"2020": 2}}]}')
    assert len(casia.Dataset.merge([a, a])) == 1
    with pytest.raises(casia.ConflictError):
        casia.Dataset.merge([a, b])


@pytest.mark.skipif(not os.path.exists(COMTRADE), reason="no shared sample files")
def test_import_and_stream_comtrade():
    # China 2022, flows M and X, TOTAL, computed with the csv module:
    # partners but W00 sum to 6309598952863; USA 761712939598
    ds = casia.Dataset.import_file(COMTRADE)
    assert ds.import_report["format"] == "comtrade-plus"
    assert ds.import_report["rows"] == 1352
    ranks, total = ds.top_partners("CHN", 2022, n=1)
    assert ranks[0].partner == "USA" and ranks[0].value == 761712939598
    rows = {(r.reporter, r.year): r for r in casia.stream(COMTRADE)}
    chn = rows[("CHN", 2022)]
    assert chn.turnover == 6309598952863 and chn.top_partner == "USA"
    assert chn.top_share == pytest.approx(761712939598 / 6309598952863, rel=1e-15)
    with pytest.raises(casia.FormatError):
        casia.Dataset.import_file(COMTRADE, format="wdi")


def test_latin1_bytes_in_errors(tmp_path):
    # a Comtrade Plus file (ISO-8859-1, as Comtrade serves it) whose only
    # partner is the unknown code 999 "C\xf4te": strict import raises a
    # casia.Error (never a UnicodeDecodeError); lenient import keeps the
    # reason of the skipped row as text
    src = os.path.join(DATADIR, "comtrade_plus_monthly.csv")
    with open(src, "rb") as f:
        header = f.readline()
        row = f.readline()
    row = row.replace(b",0,W00,\"World\",0", b",999,C\xf4te,\"C\xf4te\",0", 1)
    path = tmp_path / "latin1.csv"
    path.write_bytes(header + row)
    with pytest.raises(casia.Error) as e:
        casia.Dataset.import_file(path, sum_months=True)
    assert isinstance(e.value.message, str)
    ds = casia.Dataset.import_file(path, lenient=True, sum_months=True)
    assert ds.import_report["skipped"] == 1
    assert all(isinstance(x, str) for x in ds.import_report["errors"])
    assert ds.import_report["errors"][0].upper()


def test_none_arguments(ds):
    with pytest.raises((casia.Error, TypeError)):
        ds.index("import_share", None, "CHN", 2023)


# ---------------------------------------------------------------------------
# Published aggregates and the ledger, on tests/data/published.json (the
# arithmetic is in tests/check_published.c)

PUBLISHED = os.path.join(DATADIR, "published.json")


@pytest.fixture(scope="module")
def pub():
    return casia.Dataset.load(PUBLISHED)


def test_published_turnover_and_share(pub):
    # KGZ-CHN 2022: turnover 1500 over the world turnover 6000
    r = pub.trade_share("Kyrgyzstan", "China", 2022)
    assert r.value == 0.25
    assert r.flags == frozenset({"total_world", "published_turnover"})
    # KGZ-CHN 2023: the published 35%
    r = pub.trade_share("KGZ", "CHN", 2023)
    assert r.value == 0.35 and "published_share" in r.flags
    # a partial year is never a year's value
    with pytest.raises(casia.NotFoundError):
        pub.trade_share("KGZ", "RUS", 2023)


def test_votes_with_partners(pub):
    assert len(pub.votes) == 3
    rows = pub.votes("Kazakhstan")
    assert len(rows) == 1
    v = rows[0]
    assert (v.resolution, v.title, v.vote) == ("ES-11/1", "Aggression against Ukraine",
                                               "abstain")
    # abstain with China's abstain: 1; with Russia's no: 0.5
    assert v.partner_votes == {"CHN": "abstain", "RUS": "no"}
    assert v.agreement == {"CHN": 1.0, "RUS": 0.5}
    assert pub.votes("KAZ", against="RUS")[0].agreement == {"RUS": 0.5}
    assert pub.resolutions[0].title == "Aggression against Ukraine"


def test_events(pub):
    everything = pub.events()
    assert [e.id for e in everything][:2] == ["base-201-tjk", "drill-kgz-2019"]
    # Kazakhstan with Russia: the CSTO deployment (Russia leads the CSTO)
    e = pub.events("KAZ", partner="RUS")
    assert [x.id for x in e] == ["csto-kaz-2022"]
    assert e[0].end_year == 2022 and e[0].type == "deployment"
    assert len(pub.events("KAZ", partner="CHN")) == 2
    assert len(pub.events(partner="CIS")) == 1
    # a base stands from its date on
    assert [x.id for x in pub.events(types="base", years=2020)] == ["base-201-tjk"]
    assert len(pub.events(types=["summit", "visit"], years=(2023, 2024))) == 2
    with pytest.raises(casia.InvalidArgumentError):
        pub.events(types="parade")
    with pytest.raises(casia.NotFoundError):
        pub.events("Kazakstan")


def test_events_to_pandas(pub):
    pandas = pytest.importorskip("pandas")
    df = pub.events("KAZ").to_pandas()
    assert isinstance(df, pandas.DataFrame)
    assert list(df["id"]) == ["cis-kaz-2021", "csto-kaz-2022", "cc5-kaz-2023",
                              "visit-kaz-2024"]


def test_ties(ds):
    # memberships.csv: KAZ,CSTO,1992,,... and the SCO; the ties of 2024
    # include both, the CSTO led by Russia and the SCO by China
    ties = {t.organisation: t for t in ds.ties("Kazakhstan", 2024)}
    assert ties["CSTO"].led_by == "RUS" and ties["CSTO"].end_year is None
    assert ties["SCO"].led_by == "CHN"
    # Uzbekistan was in the CSTO 1992-1999 and 2006-2012 (memberships.csv):
    # not a tie of 2024
    assert "CSTO" not in {t.organisation for t in ds.ties("UZB", 2024)}


def test_check_claims_fixture():
    # tests/data/claims_dataset.json: KAZ imports 2023, reporter tables (rep)
    # CHN 70 and RUS 35 of 200, statistics office (nso) CHN 30 and RUS 50
    # of 200: China leads under rep (0.35 against 0.175), not under nso
    data = casia.Dataset.load(os.path.join(DATADIR, "claims_dataset.json"))
    rows = data.check_claims(os.path.join(DATADIR, "claims_fixture.json"))
    by_id = {r.id: r for r in rows}
    top = by_id["top-set"]
    assert top.verdict == "depends_on_source"
    assert top.value == pytest.approx(0.35) and top.against == pytest.approx(0.175)
    views = {v.view: v for v in top.views}
    assert views["source:rep"].holds is True
    assert views["source:nso"].holds is False
    assert views["partner_mirror"].holds is None
    # no import figure of 2019 at all
    assert by_id["value-no-year"].verdict == "not_testable"
    assert "2019" in by_id["value-no-year"].missing
    assert by_id["value-no-year"].value is None
    # remittances 28, 31, 33, 35 % of GDP in 2019-2022: fails since 2019
    assert by_id["since-2019"].verdict == "contradicted"
    assert by_id["since-2019"].year == 2019


def test_check_claims_builtin(ds):
    rows = ds.check_claims()
    assert len(rows) >= 25
    # observations.csv: trade.import,UZB,CHN,2023,11260000000,...,gazeta_uz_20240209
    uzb = next(r for r in rows if r.id == "uzb-imports-china-2023")
    assert uzb.verdict == "supported" and uzb.value == 11260000000
    assert uzb.sources == ("gazeta_uz_20240209",)
    assert {r.verdict for r in rows} <= {"supported", "contradicted",
                                         "depends_on_source", "not_testable"}


def test_check_claims_errors(ds, tmp_path):
    # bad_claims_unit.json line 9: `      "min": 12, "unit": "pct"`, the
    # key "unit" at column 18; trade.import is in USD
    with pytest.raises(casia.SchemaError) as e:
        ds.check_claims(os.path.join(DATADIR, "bad_claims_unit.json"))
    assert (e.value.line, e.value.column) == (9, 18)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "casia-claims/1", "claims": [')
    with pytest.raises(casia.ParseError):
        ds.check_claims(bad)


def test_check_claims_to_pandas(ds):
    pandas = pytest.importorskip("pandas")
    df = ds.check_claims().to_pandas()
    assert isinstance(df, pandas.DataFrame)
    assert "verdict" in df.columns and len(df) >= 25
