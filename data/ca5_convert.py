#!/usr/bin/env python3
"""ca5_convert.py - builds libcasia's default dataset from the cited CSV files.

Reads the five CSV files of the CA5 data directory (observations.csv,
extra_observations.csv, memberships.csv, un_votes.csv, sources.csv) and the
project's own sources (data/sources-extra.csv), and writes:

  --json         the native dataset, "casia-dataset/1" (docs/format.md);
  --sources-md   data/SOURCES.md, every source and what cites it;
  --coverage-md  docs/coverage.md, which years each series covers.

The conversion is lossless and strict. Every observation row becomes one
value of one series; nothing is estimated, rounded or dropped. A row that
cannot be converted exactly (an unexpected column layout, a value that is
not a plain decimal number, an unknown indicator or unit, an undefined
source, one observation given twice with different values, ...) stops the
conversion with FILE:LINE: REASON on stderr and exit status 1, and nothing
is written. The outputs depend on the input bytes only: they carry no
dates and no machine paths, so the same input gives the same bytes.

Python 3 standard library only.
"""

import argparse
import csv
import datetime
import hashlib
import io
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict

FORMAT_ID = "casia-dataset/1"

# The column layout of each input file, exactly and in this order.
OBSERVATION_COLUMNS = ("indicator", "reporter", "partner", "year", "value",
                       "unit", "basis", "source_id", "note")
MEMBERSHIP_COLUMNS = ("country", "organisation", "start_year", "end_year",
                      "source_id", "note")
VOTE_COLUMNS = ("resolution", "date", "country", "vote", "source_id")
RESOLUTION_COLUMNS = ("resolution", "date", "title", "source_id", "note")
EVENT_COLUMNS = ("id", "type", "date", "end_year", "country", "partner",
                 "title", "source_id", "note")
EVENT_TYPES = ("base", "defence_agreement", "exercise", "deployment", "visit",
               "summit")
EVENT_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+-]*\Z")
EVENT_DATE_RE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\Z")
SOURCE_COLUMNS = ("source_id", "title", "publisher", "url_or_repo_path",
                  "what_it_gives")

# The indicators libcasia knows and their fixed units. Keep in step with
# libcasia/indicator.c and docs/format.md. The default dataset holds only
# these: an indicator missing here is far more likely a typo than a new
# kind of figure, so it is refused rather than carried as a user indicator.
KNOWN_UNITS = {
    "arms.import_share_pct_period": "pct",
    "arms.import_tiv": "TIV_million",
    "arms.import_tiv_period": "TIV_million",
    "debt.external_share_pct": "pct",
    "debt.external_usd": "USD",
    "energy.gas_export_bcm": "bcm",
    "energy.gas_export_usd": "USD",
    "energy.gas_import_bcm": "bcm",
    "energy.gas_import_usd": "USD",
    "energy.pipeline_gas_import_bcm": "bcm",
    "energy.pipeline_gas_import_share_pct": "pct",
    "energy.pipeline_gas_import_usd": "USD",
    "fdi.flow_usd": "USD",
    "fdi.stock_usd": "USD",
    "finance.loan_usd": "USD",
    "gdp.current_usd": "USD",
    "gdp.per_capita_usd": "USD",
    "migrants.count": "persons",
    "migrants.inflow_count": "persons",
    "population.total": "persons",
    "remittance.inflow_pct_gdp": "pct_gdp",
    "remittance.inflow_usd": "USD",
    "remittance.share_from_partner_pct": "pct",
    "remittance.transfers_usd": "USD",
    "trade.export": "USD",
    "trade.export_share_pct": "pct",
    "trade.import": "USD",
    "trade.import_share_pct": "pct",
    "trade.reexport": "USD",
    "trade.reimport": "USD",
    "trade.turnover": "USD",
    "trade.turnover_partial": "USD",
    "trade.turnover_share_pct": "pct",
}

# The bases, in the order docs/format.md lists them and libcasia's writer
# sorts series by (casia_basis: reporter = 1, ..., other = 4).
BASES = ("reporter", "partner_mirror", "national_stats", "other")

VOTE_CHOICES = ("yes", "no", "abstain", "absent")

# The format's year range (CASIA__YEAR_MIN, CASIA__YEAR_MAX).
YEAR_MIN, YEAR_MAX = 1900, 2100

# JSON numbers are read as IEEE doubles: integers up to 2^53 are exact.
MAX_EXACT_INTEGER = 2 ** 53

# A plain non-negative decimal number: digits, optionally a point and more
# digits. No sign (libcasia's indicators cannot be negative), no exponent,
# no thousands separators, no leading zeros, no surrounding spaces.
DECIMAL_RE = re.compile(r"(?:0|[1-9][0-9]*)(\.[0-9]+)?\Z")

# The shape of a canonical country code: an ISO alpha-3 code or one of
# libcasia's additions (WLD, EUU, UNK, S19, _X, ...). The library's loader
# checks the codes against its registry; this catches alpha-2 codes,
# numbers and names early, with the CSV line.
COUNTRY_RE = re.compile(r"(?:[A-Z][A-Z0-9]{2}|_[A-Z])\Z")

YEAR_RE = re.compile(r"[0-9]{4}\Z")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")

# The source of libcasia's own attribution of organisations to a leading
# state; defined in data/sources-extra.csv.
CLASSIFICATION_SOURCE = "libcasia_classification"

# Every organisation string of memberships.csv, kept verbatim as the id:
# its full name and the state that leads it as the institutional-ties
# index counts it (None: not counted as led by one state). A membership
# naming an organisation missing here stops the conversion, so that each
# new organisation gets a deliberate attribution.
ORGANISATIONS = {
    "CSTO": (
        "Collective Security Treaty Organization", "RUS"),
    "EAEU": (
        "Eurasian Economic Union", "RUS"),
    "EAEU observer": (
        "Eurasian Economic Union (observer status)", "RUS"),
    "Russian military base (201st, host)": (
        "Russia's 201st military base in Tajikistan (host country)", "RUS"),
    "Russian military base (Kant air base, host)": (
        "Russia's Kant air base in Kyrgyzstan (host country)", "RUS"),
    "SCO": (
        "Shanghai Cooperation Organisation", "CHN"),
    "C+C5 (China-Central Asia) mechanism": (
        "China-Central Asia (C+C5) cooperation mechanism", "CHN"),
    "Chinese security facility (host, unacknowledged)": (
        "Chinese security facility in Tajikistan (host country; "
        "officially unacknowledged)", "CHN"),
    "C5+1 (with United States)": (
        "C5+1 diplomatic platform of the five Central Asian states and "
        "the United States", "USA"),
    "CIS": (
        "Commonwealth of Independent States", None),
    "CIS associate member": (
        "Commonwealth of Independent States (associate membership)", None),
    # formats that only events name (no membership rows)
    "C+C5": (
        "China-Central Asia summit format (C+C5)", "CHN"),
    "CA+RUS": (
        "Russia-Central Asia summit format", "RUS"),
}
NOT_LED_NOTE = "not counted as led by one state"

TITLE = "Central Asia five (CA5): ties with Russia, China and other partners"
DESCRIPTION = (
    "libcasia's default dataset: cited observations of the trade, arms "
    "imports, remittances, gas trade and migration of Kazakhstan, "
    "Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan with Russia, "
    "China and other partners, their memberships of regional "
    "organisations and their votes in the UN General Assembly on Ukraine. "
    "Every value is stated by the source it cites; nothing is interpolated "
    "or estimated, and where sources disagree every version is kept under "
    "its own basis and source. Generated by data/ca5_convert.py from the "
    "cited CSV files; do not edit by hand (see data/README.md, "
    "data/SOURCES.md and docs/coverage.md).")


class Log:
    """Collects conversion errors ("FILE:LINE: reason") and, for each input
    file read, its number of data rows and its SHA-256."""

    def __init__(self):
        self.errors = []
        self.rows = Counter()
        self.digests = {}

    def add(self, where, message):
        self.errors.append("%s: %s" % (where, message))

    def __bool__(self):
        return bool(self.errors)


# ----------------------------------------------------------------------
# Reading CSV files

def read_csv(path, columns, log):
    """Reads a CSV file whose header must be exactly `columns`.

    Returns a list of (line, row) with row a dict of column -> text and
    line the physical line on which the record starts. Records that do not
    have one field per column are reported and left out of the result
    (which is then never written, since log is not empty).
    """
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        log.add(path, "cannot read: %s" % e.strerror)
        return []
    log.digests[path] = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        log.add("%s:%d" % (path, line),
                "invalid UTF-8 (byte 0x%02X)" % raw[e.start])
        return []

    # newline="" keeps line breaks inside quoted fields as they are and
    # splits records only at \n, \r\n and \r.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = []
    header = None
    end_of_last = 0
    try:
        for record in reader:
            line = end_of_last + 1
            end_of_last = reader.line_num
            where = "%s:%d" % (path, line)
            if header is None:
                header = tuple(record)
                if header != columns:
                    log.add(where, "unknown column layout %s; expected %s"
                            % (",".join(header), ",".join(columns)))
                    return []
                continue
            log.rows[path] += 1
            if not record:
                log.add(where, "empty line")
                continue
            if len(record) != len(columns):
                log.add(where, "%d fields; the header has %d"
                        % (len(record), len(columns)))
                continue
            if any("\0" in field for field in record):
                log.add(where, "NUL character in a field")
                continue
            rows.append((line, dict(zip(columns, record))))
    except csv.Error as e:
        log.add("%s:%d" % (path, reader.line_num), "CSV error: %s" % e)
        return []
    if header is None:
        log.add(path, "empty file: no header %s" % ",".join(columns))
    return rows


# ----------------------------------------------------------------------
# Field checks (each returns the converted value, or None after reporting)

def parse_number(where, text, log):
    """The JSON number for a plain decimal text: int for integer text, float
    for decimal text (its repr reads back to the same double)."""
    m = DECIMAL_RE.match(text)
    if not m:
        log.add(where, "value %r is not a plain decimal number (digits, "
                "optionally a point and digits; no sign, exponent, separator, "
                "space or leading zero)" % text)
        return None
    if m.group(1) is None:
        n = int(text)
        if n > MAX_EXACT_INTEGER:
            log.add(where, "value %s is above 2^53 and would not read "
                    "back exactly as a double" % text)
            return None
        return n
    x = float(text)
    if not math.isfinite(x):
        log.add(where, "value %s is out of the range of a double" % text)
        return None
    return x


def parse_year(where, column, text, log):
    if not YEAR_RE.match(text) or not YEAR_MIN <= int(text) <= YEAR_MAX:
        log.add(where, "%s %r is not a year %d-%d"
                % (column, text, YEAR_MIN, YEAR_MAX))
        return None
    return int(text)


def check_country(where, column, code, log):
    if not COUNTRY_RE.match(code):
        log.add(where, "%s %r is not a canonical country code "
                "(ISO alpha-3 such as KAZ, or WLD, EUU, UNK)"
                % (column, code))
        return False
    return True


def check_source(where, source_id, sources, log):
    if source_id not in sources:
        log.add(where, "source_id %r is not defined in sources.csv or "
                "sources-extra.csv" % source_id)
        return False
    return True


# ----------------------------------------------------------------------
# The five kinds of rows

def read_sources(paths, log):
    """sources.csv and sources-extra.csv -> {id: source object}."""
    sources = {}
    defined_at = {}
    for path in paths:
        for line, row in read_csv(path, SOURCE_COLUMNS, log):
            where = "%s:%d" % (path, line)
            sid = row["source_id"]
            if not sid:
                log.add(where, "empty source_id")
                continue
            if sid in sources:
                log.add(where, "source_id %r is already defined at %s"
                        % (sid, defined_at[sid]))
                continue
            defined_at[sid] = where
            sources[sid] = {
                "id": sid,
                "title": row["title"],
                "publisher": row["publisher"],
                "url": row["url_or_repo_path"],
                "description": row["what_it_gives"],
            }
    return sources


def read_observations(paths, sources, log):
    """observations.csv and extra_observations.csv -> {key: observation}.

    key = (indicator, reporter, partner, year, basis, source); an
    observation is a dict with value, note and where (FILE:LINE). The same
    key twice is refused unless both rows are identical (same value and
    note), which the format keeps once; such repeats are returned as
    (where, where_first) pairs so the caller can report them.
    """
    observations = {}
    repeats = []
    for path in paths:
        for line, row in read_csv(path, OBSERVATION_COLUMNS, log):
            where = "%s:%d" % (path, line)
            n_before = len(log.errors)
            indicator, unit = row["indicator"], row["unit"]
            if indicator not in KNOWN_UNITS:
                log.add(where, "unknown indicator %r (libcasia knows %s)"
                        % (indicator, ", ".join(sorted(KNOWN_UNITS))))
            elif unit != KNOWN_UNITS[indicator]:
                log.add(where, "unit %r for %s; libcasia's unit is %r"
                        % (unit, indicator, KNOWN_UNITS[indicator]))
            check_country(where, "reporter", row["reporter"], log)
            check_country(where, "partner", row["partner"], log)
            year = parse_year(where, "year", row["year"], log)
            value = parse_number(where, row["value"], log)
            if row["basis"] not in BASES:
                log.add(where, "basis %r is not one of %s"
                        % (row["basis"], ", ".join(BASES)))
            check_source(where, row["source_id"], sources, log)
            if len(log.errors) != n_before:
                continue

            key = (indicator, row["reporter"], row["partner"], year,
                   row["basis"], row["source_id"])
            obs = {"value": value, "note": row["note"], "where": where}
            first = observations.get(key)
            what = "%s %s-%s %d (%s, %s)" % (indicator, key[1], key[2], year,
                                             key[4], key[5])
            if first is None:
                observations[key] = obs
            elif first["value"] != value:
                log.add(where, "%s is %s here but %s at %s"
                        % (what, row["value"], first["value"], first["where"]))
            elif first["note"] != obs["note"]:
                log.add(where, "%s is given again with another note (first "
                        "at %s); the format holds one note per year: merge "
                        "the two rows" % (what, first["where"]))
            else:
                repeats.append((where, first["where"]))
    return observations, repeats


def read_memberships(path, sources, log):
    memberships = []
    seen = {}
    for line, row in read_csv(path, MEMBERSHIP_COLUMNS, log):
        where = "%s:%d" % (path, line)
        n_before = len(log.errors)
        check_country(where, "country", row["country"], log)
        organisation = row["organisation"]
        if not organisation:
            log.add(where, "empty organisation")
        elif organisation not in ORGANISATIONS:
            log.add(where, "organisation %r has no entry in "
                    "ORGANISATIONS of ca5_convert.py (name and leading "
                    "state)" % organisation)
        start = parse_year(where, "start_year", row["start_year"], log)
        end = None
        if row["end_year"]:
            end = parse_year(where, "end_year", row["end_year"], log)
            if end is not None and start is not None and end < start:
                log.add(where, "end_year %d is before start_year %d"
                        % (end, start))
        check_source(where, row["source_id"], sources, log)
        if len(log.errors) != n_before:
            continue
        key = (row["country"], organisation, start)
        if key in seen:
            log.add(where, "%s in %s from %d is already given at %s"
                    % (key[0], key[1], start, seen[key]))
            continue
        seen[key] = where
        membership = {
            "country": row["country"],
            "organisation": organisation,
            "start": start,
            "end": end,
            "source": row["source_id"],
        }
        if row["note"]:
            membership["note"] = row["note"]
        memberships.append(membership)
    return memberships


def read_votes(path, sources, log):
    votes = []
    seen = {}
    dates = {}
    for line, row in read_csv(path, VOTE_COLUMNS, log):
        where = "%s:%d" % (path, line)
        n_before = len(log.errors)
        resolution, date = row["resolution"], row["date"]
        if not resolution:
            log.add(where, "empty resolution")
        if not DATE_RE.match(date):
            log.add(where, "date %r is not YYYY-MM-DD" % date)
        else:
            try:
                d = datetime.date.fromisoformat(date)
                if not YEAR_MIN <= d.year <= YEAR_MAX:
                    raise ValueError
            except ValueError:
                log.add(where, "date %r is not a calendar date %d-%d"
                        % (date, YEAR_MIN, YEAR_MAX))
        check_country(where, "country", row["country"], log)
        if row["vote"] not in VOTE_CHOICES:
            log.add(where, "vote %r is not one of %s"
                    % (row["vote"], ", ".join(VOTE_CHOICES)))
        check_source(where, row["source_id"], sources, log)
        if len(log.errors) != n_before:
            continue
        # A resolution is adopted on one day, and a country votes on it once.
        first_date = dates.setdefault(resolution, (date, where))
        if first_date[0] != date:
            log.add(where, "%s is dated %s here but %s at %s"
                    % (resolution, date, first_date[0], first_date[1]))
            continue
        key = (resolution, row["country"])
        if key in seen:
            log.add(where, "%s's vote on %s is already given at %s"
                    % (key[1], resolution, seen[key]))
            continue
        seen[key] = where
        votes.append({
            "resolution": resolution,
            "date": date,
            "country": row["country"],
            "vote": row["vote"],
            "source": row["source_id"],
        })
    return votes


def read_resolutions(path, sources, votes, log):
    """un_resolutions.csv (optional) -> resolutions, each with the date its
    votes have."""
    resolutions = []
    if not os.path.exists(path):
        return resolutions
    vote_dates = {v["resolution"]: v["date"] for v in votes}
    seen = {}
    for line, row in read_csv(path, RESOLUTION_COLUMNS, log):
        where = "%s:%d" % (path, line)
        n_before = len(log.errors)
        res, date = row["resolution"], row["date"]
        if not res:
            log.add(where, "empty resolution")
        if not DATE_RE.match(date):
            log.add(where, "date %r is not YYYY-MM-DD" % date)
        elif res in vote_dates and vote_dates[res] != date:
            log.add(where, "%s is dated %s here but its votes %s"
                    % (res, date, vote_dates[res]))
        if not row["title"]:
            log.add(where, "empty title")
        check_source(where, row["source_id"], sources, log)
        if res in seen:
            log.add(where, "%s is already given at %s" % (res, seen[res]))
        if len(log.errors) != n_before:
            continue
        seen[res] = where
        entry = {"id": res, "date": date, "title": row["title"],
                 "source": row["source_id"]}
        if row["note"]:
            entry["note"] = row["note"]
        resolutions.append(entry)
    return sorted(resolutions, key=lambda r: (r["date"], r["id"]))


def event_year(date):
    """The year of "YYYY", "YYYY-MM" or "YYYY-MM-DD", or None."""
    if not EVENT_DATE_RE.match(date):
        return None
    try:
        if len(date) == 10:
            datetime.date.fromisoformat(date)
        elif len(date) == 7:
            datetime.date.fromisoformat(date + "-01")
    except ValueError:
        return None
    year = int(date[:4])
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def read_events(path, sources, log):
    """events.csv (optional) -> the ledger, sorted by date and id."""
    events = []
    if not os.path.exists(path):
        return events
    seen = {}
    for line, row in read_csv(path, EVENT_COLUMNS, log):
        where = "%s:%d" % (path, line)
        n_before = len(log.errors)
        if not EVENT_ID_RE.match(row["id"]):
            log.add(where, "id %r: letters, digits and _.+- only" % row["id"])
        elif row["id"] in seen:
            log.add(where, "id %r is already given at %s"
                    % (row["id"], seen[row["id"]]))
        if row["type"] not in EVENT_TYPES:
            log.add(where, "type %r is not one of %s"
                    % (row["type"], ", ".join(EVENT_TYPES)))
        year = event_year(row["date"])
        if year is None:
            log.add(where, "date %r is not YYYY, YYYY-MM or YYYY-MM-DD"
                    % row["date"])
        end = None
        if row["end_year"]:
            end = parse_year(where, "end_year", row["end_year"], log)
            if end is not None and year is not None and end < year:
                log.add(where, "end_year %d is before the date" % end)
        check_country(where, "country", row["country"], log)
        partner = row["partner"]
        if partner not in ORGANISATIONS and not COUNTRY_RE.match(partner):
            log.add(where, "partner %r is neither a country code nor an "
                    "organisation" % partner)
        if not row["title"]:
            log.add(where, "empty title")
        if not row["note"]:
            log.add(where, "empty note: quote the source")
        check_source(where, row["source_id"], sources, log)
        if len(log.errors) != n_before:
            continue
        seen[row["id"]] = where
        event = {"id": row["id"], "type": row["type"], "date": row["date"]}
        if end is not None:
            event["end"] = end
        event.update({"country": row["country"], "partner": partner,
                      "title": row["title"], "source": row["source_id"],
                      "note": row["note"]})
        events.append(event)
    return sorted(events, key=lambda e: (e["date"], e["id"]))


def build_organisations(memberships, events, sources, log, extra_path):
    """One organisation per distinct membership organisation string, and
    per organisation that an event names as its partner."""
    if CLASSIFICATION_SOURCE not in sources:
        log.add(extra_path, "source_id %r, which the organisations' "
                "leading states cite, is not defined"
                % CLASSIFICATION_SOURCE)
    organisations = []
    used = {m["organisation"] for m in memberships}
    used |= {e["partner"] for e in events if e["partner"] in ORGANISATIONS}
    for org_id in sorted(used):
        name, led_by = ORGANISATIONS[org_id]
        org = {"id": org_id, "name": name}
        if led_by:
            org["led_by"] = led_by
        org["source"] = CLASSIFICATION_SOURCE
        if not led_by:
            org["note"] = NOT_LED_NOTE
        organisations.append(org)
    return organisations


# ----------------------------------------------------------------------
# The dataset

def series_sort_key(key):
    indicator, reporter, partner, basis, source = key
    return (indicator, reporter, partner, BASES.index(basis), source)


def group_series(observations):
    """{(indicator, reporter, partner, basis, source): {year: observation}}"""
    series = defaultdict(dict)
    for (indicator, reporter, partner, year, basis, source), obs in \
            observations.items():
        series[(indicator, reporter, partner, basis, source)][year] = obs
    return series


def build_dataset(sources, series, memberships, organisations, votes,
                  resolutions=(), events=()):
    """The casia-dataset/1 document, every list in canonical order."""
    series_list = []
    for key in sorted(series, key=series_sort_key):
        indicator, reporter, partner, basis, source = key
        years = sorted(series[key])
        entry = {
            "indicator": indicator,
            "reporter": reporter,
            "partner": partner,
            "basis": basis,
            "source": source,
            "unit": KNOWN_UNITS[indicator],
            "values": {str(y): series[key][y]["value"] for y in years},
        }
        notes = {str(y): series[key][y]["note"] for y in years
                 if series[key][y]["note"]}
        if notes:
            entry["notes"] = notes
        series_list.append(entry)

    indicators = sorted({key[0] for key in series})
    dataset = {
        "format": FORMAT_ID,
        "title": TITLE,
        "description": DESCRIPTION,
        "sources": [sources[sid] for sid in sorted(sources)],
        "indicators": [{"id": i, "unit": KNOWN_UNITS[i]} for i in indicators],
        "series": series_list,
        "organisations": organisations,
        "memberships": sorted(memberships, key=lambda m: (
            m["country"], m["organisation"], m["start"])),
        "votes": sorted(votes, key=lambda v: (
            v["date"], v["resolution"], v["country"])),
    }
    if resolutions:
        dataset["resolutions"] = list(resolutions)
    if events:
        dataset["events"] = list(events)
    return dataset


def dataset_json(dataset):
    """One member per line, UTF-8 text, final newline."""
    return json.dumps(dataset, ensure_ascii=False, indent=1,
                      allow_nan=False) + "\n"


# ----------------------------------------------------------------------
# Markdown

GENERATED_NOTE = (
    "Generated by `data/ca5_convert.py` from the cited CSV files "
    "(observations, extra observations, memberships, UN votes and sources of "
    "the CA5 data) and `data/sources-extra.csv`; do not edit by hand. "
    "`make` regenerates it when the CSV files change (see `data/README.md`).")


def md_text(text):
    """Escapes text for Markdown prose and table cells."""
    text = text.replace("\\", "\\\\")
    for ch in "`*[]<|$":
        text = text.replace(ch, "\\" + ch)
    # "_" emphasises only at a word boundary ("foo_bar" stays as it is)
    return re.sub(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])", r"\\_", text)


def md_address(url):
    if not url:
        return "(none)"
    if re.match(r"https?://[^\s<>]+\Z", url):
        return "<%s>" % url
    return "`%s`" % url.replace("`", "'")


def year_runs(years):
    """[2015, 2016, 2017, 2019] -> "2015-2017, 2019"."""
    runs = []
    for y in sorted(set(years)):
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(str(a) if a == b else "%d-%d" % (a, b) for a, b in runs)


def plural(n, word):
    """plural(2, "value") -> "2 values"; "series" stays as it is."""
    if n == 1 or word.endswith("s"):
        return "%d %s" % (n, word)
    return "%d %ss" % (n, word)


def inputs_table(inputs):
    lines = ["| file | rows | SHA-256 |", "|---|---:|---|"]
    for name, rows, digest in inputs:
        lines.append("| `%s` | %d | `%s` |" % (name, rows, digest))
    return lines


def sources_markdown(dataset, inputs):
    cites = defaultdict(Counter)
    for s in dataset["series"]:
        cites[s["source"]]["observation"] += len(s["values"])
    for kind in ("membership", "vote", "organisation"):
        for item in dataset[kind + "s"]:
            cites[item["source"]][kind] += 1
    uncited = [s["id"] for s in dataset["sources"] if not cites[s["id"]]]
    notes = [n for s in dataset["series"] for n in s.get("notes", {}).values()]
    notes += [m.get("note", "") for m in dataset["memberships"]]
    notes += [o.get("note", "") for o in dataset["organisations"]]

    out = ["# Sources of the default dataset", "", GENERATED_NOTE, "",
           "%s define where every value of `data/ca5.json` comes from. "
           "Each entry gives the publisher, the title, the address (a URL, "
           "or a repository path for files committed in a public "
           "repository), what it gives, and how many observations, "
           "memberships, UN votes and organisation attributions cite it."
           % plural(len(dataset["sources"]), "source"), ""]
    if uncited:
        # Every source of the CSV files is kept; say which are only named in
        # the notes of other rows (as corroboration) and which not at all.
        named = [s for s in uncited if any(s in n for n in notes)]
        unnamed = [s for s in uncited if s not in named]
        if named:
            out += ["Named only in the notes of other rows (no row cites "
                    "them as its source): %s."
                    % ", ".join("`%s`" % s for s in named), ""]
        if unnamed:
            out += ["Cited by no row and named in no note: %s."
                    % ", ".join("`%s`" % s for s in unnamed), ""]
    out += ["## Inputs", ""] + inputs_table(inputs) + ["", "## Sources", ""]
    for s in dataset["sources"]:
        c = cites[s["id"]]
        cited = [plural(c[k], k) for k in
                 ("observation", "membership", "vote", "organisation") if c[k]]
        out += [
            "### `%s`" % s["id"],
            "",
            "- Publisher: %s" % md_text(s["publisher"]),
            "- Title: %s" % md_text(s["title"]),
            "- Address: %s" % md_address(s["url"]),
            "- Gives: %s" % md_text(s["description"]),
            "- Cited by: %s" % (", ".join(cited) if cited else "no row"),
            "",
        ]
    return "\n".join(out)


def coverage_markdown(dataset, inputs):
    series = dataset["series"]
    n_values = sum(len(s["values"]) for s in series)
    units = {i["id"]: i["unit"] for i in dataset["indicators"]}
    by_indicator = defaultdict(list)
    for s in series:
        by_indicator[s["indicator"]].append(s)

    out = ["# Coverage of the default dataset", "", GENERATED_NOTE, "",
           "What `data/ca5.json` can answer: for each indicator and basis, "
           "the reporter-partner pairs with the years that have a value "
           "(runs of years are written 2015-2020), the number of values and "
           "the sources. Where several sources give the same pair, each "
           "source's years are listed. A year missing here is missing from "
           "the cited data: nothing was interpolated. Partner `WLD` is the "
           "world total; `EUU` the European Union; `UNK` SIPRI's unknown "
           "suppliers.", "",
           "In all: %s in %s, %s, %s, %s, %s, %s, %s."
           % (plural(n_values, "value"), plural(len(series), "series"),
              plural(len(dataset["sources"]), "source"),
              plural(len(dataset["organisations"]), "organisation"),
              plural(len(dataset["memberships"]), "membership"),
              plural(len(dataset["votes"]), "vote"),
              plural(len(dataset.get("resolutions", ())), "resolution"),
              plural(len(dataset.get("events", ())), "event")), "",
           "Which of the 40 cells of 2021-2024 (five states, China and "
           "Russia) answer a turnover share, and by which input, is in "
           "[`coverage-cells.md`](coverage-cells.md), made from the library's "
           "answers by `make coverage-cells`.", ""]
    out += ["## Inputs", ""] + inputs_table(inputs) + [""]

    out += ["## Indicators", "",
            "| indicator | unit | values | series | span of years |",
            "|---|---|---:|---:|---|"]
    for indicator in sorted(by_indicator):
        group = by_indicator[indicator]
        years = [int(y) for s in group for y in s["values"]]
        span = str(min(years)) if min(years) == max(years) else \
            "%d-%d" % (min(years), max(years))
        out.append("| [`%s`](#%s) | `%s` | %d | %d | %s |"
                   % (indicator, indicator.replace(".", ""), units[indicator],
                      len(years), len(group), span))
    out.append("")

    for indicator in sorted(by_indicator):
        group = by_indicator[indicator]
        out += ["## %s" % indicator, "",
                "Unit `%s`; %s." % (units[indicator], plural(
                    sum(len(s["values"]) for s in group), "value")), ""]
        for basis in BASES:
            pairs = defaultdict(list)
            for s in group:
                if s["basis"] == basis:
                    pairs[(s["reporter"], s["partner"])].append(s)
            if not pairs:
                continue
            count = sum(len(s["values"]) for p in pairs.values() for s in p)
            out += ["### %s, basis `%s`" % (indicator, basis), "",
                    "%s, %s." % (plural(count, "value"),
                                 plural(len(pairs), "reporter-partner pair")),
                    "", "| reporter | partner | years | values | sources |",
                    "|---|---|---|---:|---|"]
            for (reporter, partner) in sorted(pairs):
                group_pair = pairs[(reporter, partner)]
                years = [int(y) for s in group_pair for y in s["values"]]
                if len(group_pair) == 1:
                    srcs = "`%s`" % group_pair[0]["source"]
                else:
                    srcs = "; ".join(
                        "`%s` %s" % (s["source"], year_runs(
                            int(y) for y in s["values"]))
                        for s in group_pair)
                out.append("| %s | %s | %s | %d | %s |"
                           % (reporter, partner, year_runs(years), len(years),
                              srcs))
            out.append("")

    orgs = {o["id"]: o for o in dataset["organisations"]}
    out += ["## Memberships", "",
            "%s of %s; led by: the state the institutional-ties index "
            "counts (`libcasia_classification`)."
            % (plural(len(dataset["memberships"]), "membership"),
               plural(len(orgs), "organisation")), "",
            "| country | organisation | led by | years | source |",
            "|---|---|---|---|---|"]
    for m in dataset["memberships"]:
        if m["end"] is None:
            years = "since %d" % m["start"]
        elif m["end"] == m["start"]:
            years = str(m["start"])
        else:
            years = "%d-%d" % (m["start"], m["end"])
        out.append("| %s | %s | %s | %s | `%s` |"
                   % (m["country"], md_text(m["organisation"]),
                      orgs[m["organisation"]].get("led_by", "none"), years,
                      m["source"]))
    out.append("")

    countries = sorted({v["country"] for v in dataset["votes"]})
    table = defaultdict(dict)
    dates = {}
    for v in dataset["votes"]:
        table[v["resolution"]][v["country"]] = v["vote"]
        dates[v["resolution"]] = v["date"]
    out += ["## UN General Assembly votes", "",
            "%s on %s. \"no row\": the cited data has no vote of that "
            "country on that resolution (which is not the same as a vote "
            "recorded as absent)."
            % (plural(len(dataset["votes"]), "vote"),
               plural(len(table), "resolution")), "",
            "| resolution | date | " + " | ".join(countries) + " |",
            "|---|---|" + "---|" * len(countries)]
    for resolution in sorted(table, key=lambda r: (dates[r], r)):
        out.append("| %s | %s | %s |" % (
            md_text(resolution), dates[resolution],
            " | ".join(table[resolution].get(c, "no row") for c in countries)))
    out.append("")
    return "\n".join(out)


# ----------------------------------------------------------------------

def write_atomically(path, text):
    """Writes text (UTF-8, \\n line ends) to path through a temporary file,
    so a reader never sees half a file."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Convert the cited CA5 CSV files into libcasia's default "
        "dataset (casia-dataset/1) and its generated documentation.")
    ap.add_argument("--source", required=True, metavar="DIR",
                    help="directory of observations.csv, "
                    "extra_observations.csv, memberships.csv, un_votes.csv "
                    "and sources.csv")
    ap.add_argument("--extra", required=True, metavar="CSV",
                    help="the project's own sources (data/sources-extra.csv)")
    ap.add_argument("--json", required=True, metavar="OUT",
                    help="the dataset to write (data/ca5.json)")
    ap.add_argument("--sources-md", required=True, metavar="OUT",
                    help="the source list to write (data/SOURCES.md)")
    ap.add_argument("--coverage-md", required=True, metavar="OUT",
                    help="the coverage tables to write (docs/coverage.md)")
    args = ap.parse_args(argv)

    def src(name):
        return os.path.join(args.source, name)

    # Topic files beside the five first ones: obs_TOPIC.csv (observations)
    # and sources_TOPIC.csv (their sources), read in name order.
    def topic(prefix):
        names = sorted(n for n in os.listdir(args.source)
                       if n.startswith(prefix) and n.endswith(".csv"))
        return [src(n) for n in names]

    source_paths = [src("sources.csv")] + topic("sources_") + [args.extra]
    observation_paths = [src("observations.csv"),
                         src("extra_observations.csv")] + topic("obs_")
    membership_path, vote_path = src("memberships.csv"), src("un_votes.csv")
    resolution_path, event_path = src("un_resolutions.csv"), src("events.csv")
    input_paths = observation_paths + [membership_path, vote_path] + \
        [p for p in (resolution_path, event_path) if os.path.exists(p)] + \
        source_paths

    log = Log()
    sources = read_sources(source_paths, log)
    observations, repeats = read_observations(observation_paths, sources,
                                              log)
    memberships = read_memberships(membership_path, sources, log)
    votes = read_votes(vote_path, sources, log)
    resolutions = read_resolutions(resolution_path, sources, votes, log)
    events = read_events(event_path, sources, log)
    organisations = build_organisations(memberships, events, sources, log,
                                        args.extra)
    if log:
        for e in log.errors:
            print(e, file=sys.stderr)
        print("ca5_convert.py: %s; nothing written"
              % plural(len(log.errors), "error"), file=sys.stderr)
        return 1
    for where, first in repeats:
        print("%s: warning: repeats %s exactly; kept once" % (where, first),
              file=sys.stderr)

    # Rows and SHA-256 of each input, for the generated documents; file
    # names only, as the outputs must not depend on where the inputs are.
    inputs = [(os.path.basename(p), log.rows[p], log.digests[p])
              for p in input_paths]

    series = group_series(observations)
    dataset = build_dataset(sources, series, memberships, organisations, votes,
                            resolutions, events)
    outputs = [(args.json, dataset_json(dataset)),
               (args.sources_md, sources_markdown(dataset, inputs)),
               (args.coverage_md, coverage_markdown(dataset, inputs))]
    for path, text in outputs:
        write_atomically(path, text)

    print("ca5_convert.py: %s in %s, %s, %s, %s, %s, %s, %s -> %s"
          % (plural(len(observations), "value"), plural(len(series), "series"),
             plural(len(sources), "source"),
             plural(len(organisations), "organisation"),
             plural(len(memberships), "membership"),
             plural(len(votes), "vote"), plural(len(resolutions), "resolution"),
             plural(len(events), "event"), args.json))
    return 0


if __name__ == "__main__":
    sys.exit(main())
