"""Records to text: tables (tabulate) for people, CSV and JSON for other tools, and
decimals (or exact numbers) for both; data frames for pandas.

>>> print(render([{"key": "a", "seats": 3, "share": Fraction(3, 7)}], fmt="markdown"))
| key   |   seats |   share |
|-------|---------|---------|
| a     |       3 |  42.86% |
"""

from __future__ import annotations

import csv
import datetime as _dt
import importlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Final

from tabulate import tabulate, tabulate_formats

from .. import escape
from ..errors import RenderError, _short, unknown

__all__ = [
    "COLUMNS",
    "DECIMALS",
    "FORMATS",
    "QUANTITIES",
    "allocation_table",
    "coalition_table",
    "columns_of",
    "decimal",
    "escaping",
    "exported",
    "jsonable",
    "line",
    "percent",
    "power_columns",
    "power_table",
    "records_of",
    "render",
    "to_frame",
    "to_json",
]

#: Output formats of the command line: ``table`` (plain text), ``markdown``, ``csv``,
#: ``json``, and the tabulate formats most asked for in articles and wikis; any other
#: tabulate format name is accepted by :func:`render` too.
FORMATS: Final = ("table", "markdown", "csv", "json", "html", "latex", "mediawiki", "rst")

_TABLEFMT: Final = {"table": "simple", "markdown": "github"}

#: The default columns of each kind of record, in the order shown: the one place where
#: the command line, the notebook views and the table functions take their columns
#: from. Optional columns (``meets``, ``stands_for``, ``winner``) are added by the caller
#: when the result has them; a power table adds one column per index before ``gap``.
COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "scenarios": ("name", "description"),
    "seats": ("key", "name", "seats", "share", "tags", "bloc"),
    "blocs": ("key", "name", "seats", "share", "members"),
    "factions": ("list", "key", "name", "seats", "tags"),
    "coalitions": ("coalition", "seats", "surplus", "parties", "pivotal"),
    "coalition": ("coalition", "seats", "quota", "surplus", "parties"),
    "allocation": ("key", "votes", "vote_share", "seats", "seat_share"),
    "power": ("key", "seats", "share", "gap"),
    "intervals": ("key", "mean", "low", "median", "high"),
    "probabilities": ("coalition", "probability"),
}


#: Decimal places of the numbers written to CSV and JSON, and of ``records()`` (floats),
#: unless exact numbers are asked for: shares and indices to a millionth, far finer than
#: the percentages shown (two places), so every displayed figure is recovered from them.
DECIMALS: Final = 6

#: Columns whose exact numbers are quantities (seats, positions), not shares: a table
#: shows them as decimals (``20.60``), not as percentages.
QUANTITIES: Final = frozenset({"mean", "low", "median", "high", "range"})


def decimal(value: Fraction, places: int = DECIMALS) -> float:
    """An exact number as a float, rounded exactly (half to even) to ``places`` places.

    >>> decimal(Fraction(46, 329)), decimal(Fraction(11, 18)), decimal(Fraction(3, 5))
    (0.139818, 0.611111, 0.6)
    """
    return float(round(value, places))


def exported(value: Any, *, exact: bool = False) -> Any:
    """``value`` (records, a record, a list...) with every exact number (``Fraction``) as
    a float of :data:`DECIMALS` places, or unchanged when ``exact``: what every
    ``records(exact=...)`` returns.

    >>> exported([{"key": "a", "share": Fraction(1, 3), "tags": ["x"]}])
    [{'key': 'a', 'share': 0.333333, 'tags': ['x']}]
    """
    if exact:
        return value
    if isinstance(value, Fraction):
        return decimal(value)
    if isinstance(value, Mapping):
        return {k: exported(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [exported(v) for v in value]
    return value


def records_of(
    records: Iterable[Mapping[str, Any]], *, exact: bool = False
) -> list[dict[str, Any]]:
    """Records as ``records(exact=...)`` returns them: new dicts, with exact numbers as
    floats (:func:`exported`) unless ``exact``."""
    return [{k: exported(v, exact=exact) for k, v in r.items()} for r in records]


def to_frame(records: Iterable[Mapping[str, Any]], *, exact: bool = False) -> Any:
    """Records as a pandas ``DataFrame`` (pandas is the optional extra
    ``parliament-coalitions[pandas]``): float columns for shares and indices, or
    ``Fraction`` (object) columns when ``exact``. Every result's ``to_frame()`` comes
    here.

    Raises :class:`~coalitions.errors.RenderError` when pandas is not installed.
    """
    try:  # optional: imported on first use, so that importing coalitions stays light
        pandas = importlib.import_module("pandas")
    except ImportError:
        raise RenderError(
            "to_frame() needs pandas, an optional extra: "
            "pip install 'parliament-coalitions[pandas]'"
        ) from None
    return pandas.DataFrame.from_records(records_of(records, exact=exact))


def columns_of(kind: str, extra: Sequence[str] = ()) -> tuple[str, ...]:
    """The columns of a kind of record, with ``extra`` columns: a power table's indices
    go before ``gap`` (see :func:`power_columns`), other extras after the defaults.

    >>> columns_of("coalitions", ["meets"])
    ('coalition', 'seats', 'surplus', 'parties', 'pivotal', 'meets')
    >>> columns_of("power", ["banzhaf"])
    ('key', 'seats', 'share', 'banzhaf', 'gap')
    """
    if not isinstance(kind, str) or kind not in COLUMNS:
        raise RenderError(unknown("kind of record", kind, COLUMNS))
    if kind == "power":
        return power_columns(extra)
    return (*COLUMNS[kind], *extra)


def percent(value: Fraction, places: int = 2) -> str:
    """A share as a percentage, rounded exactly (half to even).

    >>> percent(Fraction(46, 329)), percent(Fraction(1, 8), 1)
    ('13.98%', '12.5%')
    """
    scaled = round(value * 100, places)
    return f"{float(scaled):.{places}f}%"


#: Which escaping each tabulate format's cells get (:mod:`coalitions.escape`); any
#: other format is a terminal's.
_ESCAPING: Final = {
    "csv": "csv",
    "html": "html",
    "unsafehtml": "html",
    "markdown": "markdown",
    "github": "markdown",
    "pipe": "markdown",
    "mediawiki": "mediawiki",
    "latex": "latex",
    "latex_raw": "latex",
    "latex_booktabs": "latex",
    "latex_longtable": "latex",
    "rst": "rst",
}
#: Formats whose cells tabulate would escape again: ours are escaped once, by us.
_RAW: Final = {"html": "unsafehtml", "latex": "latex_raw"}


def line(text: str, fmt: str) -> str:
    """A line of free text (a heading, a district's name) made safe for output format
    ``fmt``, as table cells are."""
    return escape.text(text, escaping(fmt))


def escaping(fmt: str) -> str:
    """The escaping (a format of :func:`coalitions.escape.text`) for output format ``fmt``."""
    return _ESCAPING.get(_TABLEFMT.get(fmt, fmt), "table")


def _cell(value: Any, fmt: str, column: str = "", exact: bool = False) -> Any:
    if isinstance(value, Fraction):
        if fmt == "csv":
            return str(value) if exact else repr(decimal(value))
        return f"{float(round(value, 2)):.2f}" if column in QUANTITIES else percent(value)
    if isinstance(value, list | tuple | frozenset):
        value = " ".join(str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str):
        return escape.text(value, escaping(fmt))
    return value


def jsonable(value: Any, *, exact: bool = False) -> Any:
    """``value`` with exact numbers as decimals of :data:`DECIMALS` places (as
    ``"p/q"`` strings when ``exact``) and dates as ISO text."""
    if isinstance(value, Fraction):
        return str(value) if exact else decimal(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v, exact=exact) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v, exact=exact) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(jsonable(v, exact=exact) for v in value)
    return value


def to_json(value: Any, *, exact: bool = False) -> str:
    """JSON text; exact numbers (``Fraction``) are written as decimals of
    :data:`DECIMALS` places, or as ``"p/q"`` strings when ``exact``.

    >>> print(to_json({"share": Fraction(46, 329)}))
    {
      "share": 0.139818
    }
    >>> print(to_json({"share": Fraction(46, 329)}, exact=True))
    {
      "share": "46/329"
    }
    """
    return json.dumps(jsonable(value, exact=exact), ensure_ascii=False, indent=2)


def render(
    records: Sequence[Mapping[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    fmt: str = "table",
    exact: bool = False,
    header: bool = True,
) -> str:
    """Render records as ``table``, ``markdown``, ``csv``, ``json`` or any tabulate format.

    Tables show shares as percentages; CSV and JSON write exact numbers as decimals of
    :data:`DECIMALS` places, or as ``p/q`` when ``exact``. ``header=False`` leaves out
    a CSV's header row (for the pages of a streamed listing after the first).

    >>> print(render([{"key": "a", "seats": 3, "share": Fraction(3, 7)}], fmt="csv"))
    key,seats,share
    a,3,0.428571
    >>> print(render([{"key": "a", "share": Fraction(3, 7)}], fmt="csv", exact=True))
    key,share
    a,3/7
    """
    if isinstance(records, str | bytes | Mapping) or not isinstance(records, Iterable):
        raise RenderError(f"'records' must be a list of records (got {_short(records)})")
    records = list(records)
    if columns is not None and (
        isinstance(columns, str | bytes)
        or not isinstance(columns, Iterable)
        or not all(isinstance(c, str) for c in columns)
    ):
        raise RenderError(f"'columns' must be a list of column names (got {_short(columns)})")
    if not isinstance(fmt, str):
        raise RenderError(unknown("format", fmt, FORMATS))
    for i, r in enumerate(records):
        if not isinstance(r, Mapping):
            raise RenderError(f"record {i} is not a mapping of column to value (got {_short(r)})")
    if columns is None:
        columns = list(records[0]) if records else []
    rows = [{c: r.get(c) for c in columns} for r in records]
    if fmt == "json":
        return to_json(rows, exact=exact)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if header:
            writer.writerow([escape.cell(str(c)) for c in columns])
        writer.writerows([_cell(r[c], "csv", c, exact) for c in columns] for r in rows)
        return buffer.getvalue().rstrip("\n")
    tablefmt = _TABLEFMT.get(fmt, fmt)
    if not isinstance(tablefmt, str) or tablefmt not in tabulate_formats:
        known = (*FORMATS, *sorted(set(tabulate_formats) - set(FORMATS)))
        raise RenderError(unknown("format", fmt, known, show=len(known)))
    tablefmt = _RAW.get(tablefmt, tablefmt)
    body = [[_cell(r[c], fmt, c) for c in columns] for r in rows]
    numeric = [
        bool(rows) and all(isinstance(r[c], int | float | Fraction) or r[c] is None for r in rows)
        for c in columns
    ]
    colalign = ["right" if n else "left" for n in numeric]
    return str(
        tabulate(
            body,
            headers=[_cell(str(c), fmt) for c in columns],
            tablefmt=tablefmt,
            colalign=colalign,
        )
    )


# ------------------------------------------------------------ result types


def coalition_table(coalitions: Any, tablefmt: str = "table") -> str:
    """Coalitions (from :func:`~coalitions.find_coalitions`) as a table.

    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> print(coalition_table(co.find_coalitions(kr, max_parties=2), "csv"))
    coalition,seats,surplus,parties,pivotal
    kdp+puk,62,11,2,kdp puk
    kdp+new-generation,54,3,2,kdp new-generation
    """
    records = [c.to_record() for c in coalitions]
    return render(records, columns=COLUMNS["coalitions"], fmt=tablefmt)


def allocation_table(allocation: Any, tablefmt: str = "table") -> str:
    """An :class:`~coalitions.Allocation` (or a district allocation) as a table.

    >>> import coalitions as co
    >>> print(allocation_table(co.allocate({"a": 60, "b": 40}, 5), "csv"))
    key,votes,vote_share,seats,seat_share
    a,60,0.6,3,0.6
    b,40,0.4,2,0.4
    """
    return render(allocation.records(exact=True), columns=COLUMNS["allocation"], fmt=tablefmt)


def power_table(table: Any, tablefmt: str = "table") -> str:
    """A :class:`~coalitions.power.PowerTable` as a table, sorted by the first index."""
    return render(table.rows(), columns=power_columns(table.indices), fmt=tablefmt)


def power_columns(indices: Sequence[str]) -> tuple[str, ...]:
    """The columns of a power table with these indices: one column per index before
    ``gap``."""
    *head, gap = COLUMNS["power"]
    return (*head, *indices, gap)
