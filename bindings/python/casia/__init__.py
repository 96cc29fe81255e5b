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
        return [Vote(*v) for v in _core._votes(self._h)]

    # -- output ---------------------------------------------------------------

    def to_json(self):
        """The dataset in libcasia's canonical JSON format (a str)."""
        return _core._to_json(self._h)

    def save(self, path):
        """Writes the dataset as JSON to path."""
        _core._save_file(self._h, str(path))

    def to_pandas(self):
        """The observations as a pandas DataFrame, one row each (needs
        pandas; Debian package python3-pandas)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Dataset.to_pandas() needs pandas (Debian "
                              "package python3-pandas)") from None
        return pandas.DataFrame(list(self), columns=Observation._fields)


def default_sha256():
    """SHA-256 of the default dataset's JSON, as sha256sum printed it when
    libcasia was built."""
    return _core.default_sha256()
