"""libcasia for Python: how dependent the Central Asian states are on
Russia and on China, from cited data.

>>> import casia
>>> ds = casia.Dataset.default()          # the dataset built into libcasia
>>> o = ds.get("trade.import", "Uzbekistan", "China", 2023,
...            basis="national_stats")
>>> o.value, o.unit, o.source
(11260000000.0, 'USD', 'gazeta_uz_20240209')

Countries are accepted in any form the registry knows ("KZ", "KAZ",
"398", "Kazakhstan") and returned as canonical codes ("KAZ"). Failures
raise casia.Error subclasses carrying the code, the file, line and column
and the reason. Shares are fractions in [0, 1].
"""

from collections import namedtuple as _namedtuple

import os as _os

# In a build tree, libtool keeps the compiled module in .libs/.
_libs = _os.path.join(_os.path.dirname(__file__), ".libs")
if _os.path.isdir(_libs):
    __path__.append(_libs)

from . import core as _core

__all__ = [
    "Dataset", "Observation", "Source", "Membership", "Organisation", "Vote",
    "Country", "Error", "NotFoundError", "AmbiguousError", "ParseError",
    "SchemaError", "ConflictError", "DomainError", "FormatError",
    "InvalidArgumentError", "RangeError", "UnsupportedError",
    "resolve_country", "country", "countries", "version", "__version__",
    "Result", "Rank", "Comparison", "Composite", "TableRow", "INDICES",
    "DIMENSIONS", "stream", "StreamRow", "Claim", "ClaimView",
]

# ---------------------------------------------------------------------------
# Exceptions: one class per libcasia status, all under casia.Error.


class Error(Exception):
    """A libcasia failure.

    Attributes: ``code`` (the negative status), ``status`` (its name, e.g.
    "ENOTFOUND"), ``source`` (file name, "" when none), ``line`` and
    ``column`` (1-based, 0 when not about a position) and ``message``.
    """

    def __init__(self, code, status, source, line, column, message):
        self.code = code
        self.status = status
        self.source = source
        self.line = line
        self.column = column
        self.message = message
        super().__init__(self._describe())

    def _describe(self):
        where = self.source
        if where and self.line:
            where += ":%d" % self.line
            if self.column:
                where += ":%d" % self.column
        return "%s: %s" % (where, self.message) if where else self.message


class NotFoundError(Error, LookupError):
    """Nothing in the dataset (or the registry) answers the question."""


class AmbiguousError(Error, LookupError):
    """A name or query matches several things; nothing was guessed."""


class InvalidArgumentError(Error, ValueError):
    """An argument is not acceptable."""


class ParseError(Error, ValueError):
    """The input is not valid JSON / CSV / UTF-8."""


class SchemaError(Error, ValueError):
    """The input is well-formed but breaks its format's rules."""


class ConflictError(Error, ValueError):
    """One key is given two different values."""


class DomainError(Error, ArithmeticError):
    """An index is undefined here (a zero or missing denominator)."""


class FormatError(Error, ValueError):
    """The file is not in the expected layout."""


class RangeError(Error, ValueError):
    """A value is out of range."""


class UnsupportedError(Error):
    """This build of libcasia lacks the feature."""


class IOError_(Error, OSError):
    """A file cannot be read or written."""


class NoMemoryError(Error, MemoryError):
    """libcasia ran out of memory."""


_STATUS = _core.status_codes()
_BY_NAME = {
    "ENOTFOUND": NotFoundError,
    "EAMBIGUOUS": AmbiguousError,
    "EINVAL": InvalidArgumentError,
    "EPARSE": ParseError,
    "ESCHEMA": SchemaError,
    "ECONFLICT": ConflictError,
    "EDOMAIN": DomainError,
    "EFORMAT": FormatError,
    "ERANGE": RangeError,
    "EUNSUPPORTED": UnsupportedError,
    "EIO": IOError_,
    "ENOMEM": NoMemoryError,
}


def _make_error(code, status, source, line, column, message):
    cls = _BY_NAME.get(status, Error)
    return cls(code, status, source, line, column, message)


_core._set_error_factory(_make_error)

# ---------------------------------------------------------------------------
# Records

Observation = _namedtuple(
    "Observation",
    "indicator reporter partner year value basis source unit note")
Observation.__doc__ = """One cited observation: value in unit, reported on
basis ("reporter", "partner_mirror", "national_stats" or "other") by
source; note is the source's wording or a caveat (None when none)."""

Source = _namedtuple("Source", "id title publisher url description")
Membership = _namedtuple("Membership",
                         "country organisation start_year end_year source note")
Membership.__doc__ = "end_year is None while the country is still a member."
Organisation = _namedtuple("Organisation", "id name led_by source note")
Vote = _namedtuple("Vote", "resolution date country vote source")
Resolution = _namedtuple("Resolution", "id date title source note")
Event = _namedtuple("Event", "id type date year end_year country partner "
                    "title source note")
Event.__doc__ = """One event of the ledger of security and political ties:
type is "base", "defence_agreement", "exercise", "deployment", "visit" or
"summit"; date is as precise as the source ("2022", "2022-01" or
"2022-01-06"); end_year is None unless a base or deployment ended; partner
is a country code or an organisation id ("CSTO")."""
VoteRow = _namedtuple("VoteRow", "resolution date title vote partner_votes "
                      "agreement source")
VoteRow.__doc__ = """A country's vote on one resolution: partner_votes and
agreement are dicts keyed by partner code (a vote name or None; 1, 0.5, 0,
or None when either did not vote or the vote is not in the dataset)."""
Claim = _namedtuple("Claim", "id type quote where statement verdict unit "
                    "value against margin year basis sources views missing")
Claim.__doc__ = """One claim of a claims file and its verdict on a dataset:
value, against (the rival's value or the bound) and margin are the
deciding view's (None when no view could test the claim); views holds
every basis and source as ClaimView records; missing says what data a
not_testable claim lacks."""
ClaimView = _namedtuple("ClaimView", "view holds value against margin year "
                        "basis sources note")
Tie = _namedtuple("Tie", "organisation name led_by start_year end_year source")
Tie.__doc__ = "A membership by name; end_year is None while still a member."
Country = _namedtuple("Country", "code alpha2 numeric name kind")

__version__ = _core.version()


def version():
    """The version of the libcasia library in use."""
    return _core.version()


def resolve_country(text):
    """The canonical code of any form of a country: "KZ", "398",
    "Kazakhstan" -> "KAZ". Raises NotFoundError or AmbiguousError."""
    if not isinstance(text, str):
        raise TypeError("a country is a string, not %s" % type(text).__name__)
    return _core.resolve_country(text)


def countries():
    """Every entry of the country registry, as Country tuples."""
    return [Country(*c) for c in _core._countries()]


def country(text):
    """The registry entry of any form of a country, as a Country tuple."""
    code = resolve_country(text)
    for c in _core._countries():
        if c[0] == code:
            return Country(*c)
    raise NotFoundError(_STATUS["ENOTFOUND"], "ENOTFOUND", "", 0, 0,
                        "unknown country %r" % text)


def _years(years):
    """(year_from, year_to) from None, an int, a (from, to) pair or a range."""
    if years is None:
        return 0, 0
    if isinstance(years, int):
        return years, years
    if isinstance(years, range):
        if years.step != 1 or len(years) == 0:
            raise ValueError("years must be a contiguous, non-empty range")
        return years.start, years.stop - 1
    try:
        first, last = years
    except (TypeError, ValueError):
        raise TypeError("years: an int, a (first, last) pair or a range") from None
    return int(first), int(last)


class Dataset:
    """An immutable set of cited observations, with their sources,
    organisations, memberships and UN votes.

    Build one with Dataset.default() (the dataset compiled into libcasia),
    Dataset.load(path) or Dataset.from_json(text). Reading a dataset from
    several threads at once is safe.
    """

    _CHUNK = 4096

    def __init__(self, handle, name=None):
        if not isinstance(handle, _core.casia_dataset):
            raise TypeError("use Dataset.default(), Dataset.load() or "
                            "Dataset.from_json()")
        self._h = handle
        self.name = name
        info = _core._info(handle)
        (self.title, self.description, self._n, self._n_indicators,
         self._n_sources, self._n_memberships, self._n_organisations,
         self._n_votes, self.memory_usage) = info

    # -- construction -------------------------------------------------------

    @classmethod
    def default(cls):
        """The default dataset compiled into libcasia (no file is read)."""
        return cls(_core._open_default(), "<default dataset>")

    @classmethod
    def load(cls, path):
        """Loads a dataset file in libcasia's JSON format."""
        path = str(path)
        return cls(_core._load_file(path), path)

    @classmethod
    def import_file(cls, path, format="auto", **options):
        """Imports a provider's download as it comes (UN Comtrade Plus or
        legacy, SIPRI TIV table or trade register, World Bank WDI) or
        libcasia's JSON or tidy CSV. format: "auto" (detected),
        "comtrade-plus", "comtrade-legacy", "sipri-tiv", "sipri-register",
        "wdi", "json" or "csv". Options: lenient (skip and count bad rows),
        sum_months, flows, chapters, source_id, basis. The import report
        (rows read, kept, skipped, the first errors) is the dataset's
        import_report."""
        handle, report = _core._import_file(str(path), format, options)
        ds = cls(handle, str(path))
        ds.import_report = report
        return ds

    @classmethod
    def merge(cls, datasets):
        """One dataset of several (their bases and sources kept apart; a
        key given two values raises ConflictError)."""
        return cls(_core._merge([d._h for d in datasets]), "<merged>")

    @classmethod
    def from_json(cls, text, name="<string>"):
        """Loads a dataset from JSON text (str or bytes)."""
        if isinstance(text, str):
            text = text.encode("utf-8")
        return cls(_core._load_buffer(bytes(text), name), name)

    # -- observations -------------------------------------------------------

    def __len__(self):
        return self._n

    def __iter__(self):
        for start in range(0, self._n, self._CHUNK):
            for t in _core._observations(self._h, start, start + self._CHUNK):
                yield Observation(*t)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._n))]
        if index < 0:
            index += self._n
        if not 0 <= index < self._n:
            raise IndexError("observation index out of range")
        return Observation(*_core._observations(self._h, index, index + 1)[0])

    def __repr__(self):
        return "<casia.Dataset %r: %d observations, %d sources>" % (
            self.title or self.name, self._n, self._n_sources)

    def query(self, indicator=None, reporter=None, partner=None, years=None,
              basis=None, source=None):
        """The observations matching every given criterion, in the
        dataset's order (indicator, reporter, partner, year, basis,
        source). years: an int, a (first, last) pair or a range."""
        year_from, year_to = _years(years)
        if reporter is not None:
            reporter = resolve_country(reporter)
        if partner is not None:
            partner = resolve_country(partner)
        return [Observation(*t) for t in _core._query(
            self._h, indicator, reporter, partner, year_from, year_to, basis,
            source)]

    def get(self, indicator, reporter, partner, year, basis=None, source=None):
        """The one observation of indicator, reporter, partner and year
        (narrowed by basis and source). Raises NotFoundError when there is
        none and AmbiguousError when several bases or sources give one."""
        found = self.query(indicator, reporter, partner, year, basis, source)
        if not found:
            raise NotFoundError(_STATUS["ENOTFOUND"], "ENOTFOUND", "", 0, 0,
                                "no %s %s-%s %d%s" % (
                                    indicator, reporter, partner, year,
                                    " (basis %s)" % basis if basis else ""))
        if len(found) > 1:
            raise AmbiguousError(
                _STATUS["EAMBIGUOUS"], "EAMBIGUOUS", "", 0, 0,
                "%d observations of %s %s-%s %d: give basis or source (%s)" % (
                    len(found), indicator, reporter, partner, year,
                    ", ".join("%s/%s" % (o.basis, o.source) for o in found)))
        return found[0]

    def value(self, indicator, reporter, partner, year, basis=None,
              source=None):
        """The value of get(...)."""
        return self.get(indicator, reporter, partner, year, basis, source).value

    # -- the rest of the dataset --------------------------------------------

    @property
    def indicators(self):
        """{indicator id: unit} for every indicator present."""
        return dict(_core._indicators(self._h))

    @property
    def sources(self):
        """Every source, sorted by id, as Source tuples."""
        return [Source(*s) for s in _core._sources(self._h)]

    def source(self, source_id):
        """The Source with this id; NotFoundError when there is none."""
        for s in _core._sources(self._h):
            if s[0] == source_id:
                return Source(*s)
        raise NotFoundError(_STATUS["ENOTFOUND"], "ENOTFOUND", "", 0, 0,
                            "no source with id %r" % source_id)

    @property
    def memberships(self):
        return [Membership(*m) for m in _core._memberships(self._h)]

    @property
    def organisations(self):
        return [Organisation(*o) for o in _core._organisations(self._h)]

    @property
    def votes(self):
        """Every UN vote of the dataset (Vote records); called with a
        country, ds.votes("TJK", against=("CHN", "RUS")), the country's
        votes with China's and Russia's and the agreement (VoteRow records),
        as `casia votes` lists them."""
        return _Votes(self, (Vote(*v) for v in _core._votes(self._h)))

    @property
    def resolutions(self):
        """The UN resolutions with their titles (Resolution records)."""
        return [Resolution(*r) for r in _core._resolutions(self._h)]

    def _votes_of(self, country, against=("CHN", "RUS")):
        """country's UN votes, one VoteRow per resolution, with the votes of
        the countries in `against` and the agreement with each (1 the same
        vote, 0.5 when one abstains, 0 opposite)."""
        code = resolve_country(country)
        if isinstance(against, str):
            against = (against,)
        against = tuple(resolve_country(a) for a in against)
        titles = {r.id: r.title for r in self.resolutions}
        by = {}
        votes = [Vote(*v) for v in _core._votes(self._h)]
        for v in votes:
            by[(v.resolution, v.country)] = v.vote
        rows = _Rows()
        for v in votes:
            if v.country != code:
                continue
            pv = {a: by.get((v.resolution, a)) for a in against}
            ag = {a: _agreement(v.vote, pv[a]) for a in against}
            rows.append(VoteRow(v.resolution, v.date, titles.get(v.resolution),
                                v.vote, pv, ag, v.source))
        return rows

    def ties(self, country, year=None):
        """country's memberships of organisations by name (Tie records),
        those held in `year` when given, as `casia ties` lists them."""
        code = resolve_country(country)
        orgs = {o.id: o for o in self.organisations}
        rows = _Rows()
        for m in self.memberships:
            if m.country != code:
                continue
            if year is not None:
                y = _year(year)
                if m.start_year > y or (m.end_year is not None and m.end_year < y):
                    continue
            o = orgs.get(m.organisation)
            rows.append(Tie(m.organisation, o.name if o else None,
                            o.led_by if o else None, m.start_year, m.end_year,
                            m.source))
        return rows

    def events(self, country=None, partner=None, types=None, years=None):
        """The events of the ledger (Event records), by date: of `country`
        (any name or code), with `partner` (a country, which also matches
        the organisations it leads, or an organisation id such as "CSTO"),
        of the given types (a name or a list of names) and in `years` (a
        year or a (first, last) pair; a base counts in every year it
        stands). Returns a _Rows list (to_pandas())."""
        if country is not None:
            country = resolve_country(country)
        if partner is not None and partner not in {o.id for o in self.organisations}:
            partner = resolve_country(partner)
        if isinstance(types, str):
            types = [types]
        first = last = 0
        if years is not None:
            if isinstance(years, (tuple, list)):
                first, last = _year(years[0]), _year(years[1])
            else:
                first = last = _year(years)
        return _Rows(Event(*e) for e in _core._events(
            self._h, country, partner, None if types is None else list(types),
            first, last))

    def check_claims(self, path=None):
        """Checks the claims of the claims file at `path` ("format":
        "casia-claims/1", docs/claims.md; None: the built-in claims of the
        source analysis) against this dataset, under the default rules,
        each basis and each source. Returns a _Rows list of Claim records
        (to_pandas()): the verdict ("supported", "contradicted",
        "depends_on_source", "not_testable"), the deciding view's value,
        what it is weighed against, the margin, year, basis and sources,
        every view (ClaimView records) and, when not testable, what is
        missing. A bad file raises SchemaError or ParseError naming
        file:line:column."""
        rows = _Rows()
        for c in _core._check_claims(self._h, None if path is None else str(path)):
            views = tuple(ClaimView(*v[:7], tuple(v[7]), v[8]) for v in c[13])
            rows.append(Claim(*c[:12], tuple(c[12]), views, c[14]))
        return rows

    # -- output ---------------------------------------------------------------

    def to_json(self):
        """The dataset in libcasia's canonical JSON format (a str)."""
        return _core._to_json(self._h)

    def save(self, path):
        """Writes the dataset as JSON to path."""
        _core._save_file(self._h, str(path))

    def to_csv(self):
        """The observations in libcasia's tidy CSV (a str)."""
        return _core._to_csv(self._h)

    def to_pandas(self):
        """The observations as a pandas DataFrame, one row each (needs
        pandas; Debian package python3-pandas)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Dataset.to_pandas() needs pandas (Debian "
                              "package python3-pandas)") from None
        return pandas.DataFrame(list(self), columns=Observation._fields)


# ---------------------------------------------------------------------------
# Indices (docs/indices.md defines each one)

INDICES = tuple(_core._index_names())
DIMENSIONS = tuple(_core._dimension_names())
_FLAG_BITS = _core._flag_bits()

Result = _namedtuple(
    "Result",
    "value unit basis flags year_from year_to years sources numerator "
    "denominator coverage lower upper other count")
Result.__doc__ = """An index value and what fed it: unit ("fraction" for shares),
basis ("reporter", "partner_mirror", "national_stats", "other" or
"mixed"), flags (a frozenset of names such as "mirror", "total_world",
"source_chosen", "disagree"), the window asked (year_from, year_to) and the
years with data in it, the source ids, and the parts some indices set
(numerator, denominator, coverage, lower and upper HHI bounds, the other
remittance figure, a count)."""

Rank = _namedtuple("Rank", "partner value share basis source flags")
Comparison = _namedtuple("Comparison",
                         "index periods partners means change gap change_unit")
Comparison.__doc__ = """means[p][q]: the Result (or None) of partner p over
period q; change[p]: mean over the second period minus the first, and
gap[q]: partner a minus partner b (in change_unit: "pp" for shares)."""
Composite = _namedtuple("Composite", "result dimensions")
Composite.__doc__ = """result: the composite Result; dimensions: {name:
(value or None, weight, status)} for every dimension."""
TableRow = _namedtuple("TableRow",
                       "reporter partner year index value unit basis flags")


class _Rows(list):
    """A list of records (named tuples) that also turns into a pandas
    DataFrame."""

    def to_pandas(self):
        """The rows as a pandas DataFrame, one column per field (needs
        pandas; Debian package python3-pandas)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("to_pandas() needs pandas (Debian package "
                              "python3-pandas)") from None
        if not self:
            return pandas.DataFrame()
        return pandas.DataFrame([r._asdict() for r in self])


class _Votes(_Rows):
    """Every vote of a dataset; calling it with a country gives that
    country's votes against China's and Russia's (Dataset.votes)."""

    def __init__(self, dataset, votes):
        super().__init__(votes)
        self._dataset = dataset

    def __call__(self, country, against=("CHN", "RUS")):
        return self._dataset._votes_of(country, against)


def _agreement(a, b):
    if a is None or b is None:
        return None
    return _core._vote_agreement(a, b)


def _year(y):
    import operator
    try:
        y = operator.index(y)
    except TypeError:
        raise InvalidArgumentError(_STATUS["EINVAL"], "EINVAL", "", 0, 0,
                                   "a year must be an integer, not %r" % (y,)) from None
    if not 1900 <= y <= 2100:
        raise InvalidArgumentError(_STATUS["EINVAL"], "EINVAL", "", 0, 0,
                                   "year %d is outside 1900-2100" % y)
    return y


def _flags(bits):
    return frozenset(name for name, bit in _FLAG_BITS.items() if bits & bit)


def _result(t):
    t = list(t)
    t[3] = _flags(t[3])
    return Result(*t)


_FLOWS = {"import": 1, "imports": 1, "export": 2, "exports": 2, "turnover": 3}


def _flow(flow):
    try:
        return _FLOWS[flow]
    except KeyError:
        raise ValueError("flow: 'import', 'export' or 'turnover', not %r" % (flow,)) from None


def _opts(options):
    """Options as the C layer takes them (keyword names of casia_options:
    basis, mirror, total, source, min_partners, arms_window,
    prefer_reported, weights, seed, draws, periods)."""
    weights = options.get("weights")
    if isinstance(weights, dict):
        unknown = set(weights) - set(DIMENSIONS)
        if unknown:
            raise ValueError("unknown dimensions: %s" % ", ".join(sorted(unknown)))
        options = dict(options, weights=[float(weights.get(d, 0.0)) for d in DIMENSIONS])
    return options


class _Indices:
    """The indices, as methods of Dataset (see docs/indices.md)."""

    def index(self, name, reporter, partner, year, **options):
        """Any annual index by name (casia.INDICES), e.g.
        ds.index("import_share", "UZB", "CHN", 2023)."""
        return _result(_core._index(self._h, name, reporter, partner, year,
                                    _opts(options)))

    def trade_share(self, reporter, partner, year, flow="turnover", **options):
        """partner's share of reporter's imports, exports or turnover."""
        return self.index("%s_share" % _flow_name(flow), reporter, partner, year,
                          **options)

    def discrepancy(self, reporter, partner, year, flow="turnover", **options):
        """(mirror - reported) / reported for the pair."""
        return self.index("%s_discrepancy" % _flow_name(flow), reporter, partner,
                          year, **options)

    def top_partners(self, reporter, year, flow="turnover", n=None, **options):
        """(ranked partners as Rank tuples, the total as a Result)."""
        ranks, total = _core._ranking(self._h, 0, reporter, year, 0, _flow(flow),
                                      _opts(options))
        ranks = [Rank(r[0], r[1], r[2], r[3], r[4], _flags(r[5])) for r in ranks]
        return (ranks[:n] if n else ranks), _result(total)

    def hhi(self, reporter, year, flow="turnover", **options):
        """Herfindahl-Hirschman index of the partners (lower, upper, coverage)."""
        return self.index("%s_hhi" % _flow_name(flow), reporter, None, year,
                          **options)

    def arms_share(self, recipient, supplier, years, **options):
        """supplier's share of recipient's arms imports over years (a pair
        (first, last) or a range), SIPRI TIV."""
        first, last = _years(years)
        return _result(_core._arms_share(self._h, recipient, supplier, first, last,
                                         _opts(options)))

    def arms_suppliers(self, recipient, years, **options):
        """(ranked suppliers as Rank tuples, the window total as a Result)."""
        first, last = _years(years)
        ranks, total = _core._ranking(self._h, 1, recipient, first, last, 0,
                                      _opts(options))
        return ([Rank(r[0], r[1], r[2], r[3], r[4], _flags(r[5])) for r in ranks],
                _result(total))

    def remittance_gdp(self, country, year, **options):
        """Remittances received as a percentage of GDP (unit "pct_gdp")."""
        return self.index("remittance_gdp", country, None, year, **options)

    def remittance_share(self, country, partner, year, **options):
        return self.index("remittance_share", country, partner, year, **options)

    def energy_share(self, country, partner, year, **options):
        return self.index("energy_share", country, partner, year, **options)

    def memberships_led_by(self, country, leader, year, **options):
        """How many organisations led by leader country belongs to in year
        (the index "memberships"; Dataset.memberships lists them all)."""
        return self.index("memberships", country, leader, year, **options)

    def institutional_share(self, country, leader, year, **options):
        return self.index("institutional_share", country, leader, year, **options)

    def un_agreement(self, country, partner, resolutions=None, year=0, **options):
        return _result(_core._un_agreement(self._h, country, partner, resolutions,
                                           year, _opts(options)))

    def compare(self, index, reporter, a="CHN", b="RUS", periods=None, **options):
        """An annual index averaged over two periods (default 2019-2021 and
        2022-2023) for partners a and b: a Comparison."""
        if periods is not None:
            options["periods"] = tuple(_years(p) for p in periods)
        periods, partners, m, change, gap, unit = _core._compare(
            self._h, index, reporter, a, b, _opts(options))
        means = tuple(tuple(m[2 * p + q] and _result(m[2 * p + q]) for q in range(2))
                      for p in range(2))
        return Comparison(index, periods, partners, means, change, gap, unit)

    def composite(self, reporter, partner, year, weights=None, **options):
        """Composite dependence (weights: {dimension: weight}, default equal)."""
        if weights is not None:
            options["weights"] = weights
        result, dims = _core._composite(self._h, reporter, partner, year,
                                        _opts(options))
        return Composite(_result(result),
                         {d[0]: (d[1], d[2], d[3]) for d in dims})

    def sensitivity(self, reporter, year, a="CHN", b="RUS", draws=None, seed=None,
                    weights=None, **options):
        """Share of Dirichlet(1,...,1) weightings in which the composite on
        a exceeds the one on b (seeded: same answer everywhere)."""
        if draws is not None:
            options["draws"] = draws
        if seed is not None:
            options["seed"] = seed
        return _result(_core._sensitivity(self._h, reporter, a, b, year,
                                          _opts(options)))

    def index_table(self, **options):
        """Every annual index for every reporter, partner and year, as a
        list of TableRow (one pass, linear in the data)."""
        return [TableRow(*r[:7], _flags(r[7]))
                for r in _core._table(self._h, _opts(options))]

    def index_table_pandas(self, **options):
        """index_table() as a pandas DataFrame (needs pandas)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("needs pandas (Debian package python3-pandas)") from None
        rows = self.index_table(**options)
        df = pandas.DataFrame(rows, columns=TableRow._fields)
        df["flags"] = df["flags"].map(lambda f: " ".join(sorted(f)))
        return df


def _flow_name(flow):
    return {1: "import", 2: "export", 3: "turnover"}[_flow(flow)]


for _name in [n for n in vars(_Indices) if not n.startswith("_")]:
    assert not hasattr(Dataset, _name), _name   # never shadow a Dataset member
    setattr(Dataset, _name, getattr(_Indices, _name))
del _name


StreamRow = _namedtuple(
    "StreamRow",
    "reporter year turnover imports exports hhi top_partner top_share partners")


def stream(paths, **options):
    """The per-(reporter, year) trade aggregates of UN Comtrade files too
    large to load, computed in one pass with small memory: a list of
    StreamRow (hhi, top_partner and top_share are None when the turnover
    is zero). paths: a file name or a list of them (parts of one file may
    come in any order). Options: lenient, chapters."""
    if isinstance(paths, str):
        paths = [paths]
    return [StreamRow(*r) for r in _core._stream([str(p) for p in paths], options)]


def default_sha256():
    """SHA-256 of the default dataset's JSON, as sha256sum printed it when
    libcasia was built."""
    return _core.default_sha256()
