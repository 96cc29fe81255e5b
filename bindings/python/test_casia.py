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
    # observations.csv has 1987 rows and extra_observations.csv 172
    assert len(ds) == 1987 + 172
    assert len(ds.sources) == 145
    assert len(ds.memberships) == 31
    assert len(ds.votes) == 18
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
    assert len(df) == 2159
    assert list(df.columns) == list(casia.Observation._fields)
    # 1987 + 172 rows: 449 arms.import_tiv among them
    assert (df.indicator == "arms.import_tiv").sum() == 449
