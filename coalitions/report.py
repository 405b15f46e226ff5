"""Rendering: records for JSON and CSV, and text tables (tabulate) for people.

Results offer *records* (lists of dicts keyed by column); records are rendered to text in
one place, :func:`render`, for the command line and the notebook alike, under the
default columns of :data:`COLUMNS`. Nothing here changes a value; floats appear only in
the rendered text.

A leaf: this module imports no result type. It reads values by what they offer: a
chamber's attributes (:class:`Chamber`), a result's ``records()``, and for the notebook
the small :class:`Viewable` protocol that :func:`html_view` draws.

>>> import coalitions as co
>>> print(render(seat_records(co.load_scenario("kurdistan-2024"))[:2],
...              columns=("key", "seats", "share"), fmt="markdown"))
| key   |   seats |   share |
|-------|---------|---------|
| kdp   |      39 |  39.00% |
| puk   |      23 |  23.00% |
"""

from __future__ import annotations

import csv
import datetime as _dt
import importlib
import inspect
import io
import json
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Final, Protocol

from tabulate import tabulate, tabulate_formats

from . import escape
from .errors import RenderError, _short, unknown

__all__ = [
    "COLUMNS",
    "DECIMALS",
    "FORMATS",
    "QUANTITIES",
    "SHOW_ORDERS",
    "Chamber",
    "Viewable",
    "allocation_table",
    "bloc_records",
    "coalition_table",
    "columns_of",
    "decimal",
    "exported",
    "faction_records",
    "fitted",
    "html_view",
    "jsonable",
    "line",
    "percent",
    "power_columns",
    "power_table",
    "records_of",
    "register_view",
    "render",
    "seat_records",
    "seat_table",
    "show",
    "summary",
    "to_frame",
    "to_html",
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


# ------------------------------------------------------------------- chambers


class _PartyLike(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def seats(self) -> int: ...
    @property
    def tags(self) -> frozenset[str]: ...


class _BlocLike(Protocol):
    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def members(self) -> tuple[str, ...]: ...


class Chamber(Protocol):
    """What the chamber functions read (:func:`seat_records`, :func:`bloc_records`,
    :func:`summary`, :func:`seat_table`, :func:`show`); a
    :class:`~coalitions.Legislature` has it all."""

    @property
    def name(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def seated(self) -> int: ...
    @property
    def vacant(self) -> int: ...
    @property
    def as_of(self) -> _dt.date | None: ...
    @property
    def parties(self) -> Sequence[_PartyLike]: ...
    @property
    def blocs(self) -> Sequence[_BlocLike]: ...
    def quota(self, rule: str) -> int: ...
    def seats_of(self, keys: Iterable[str]) -> int: ...


def percent(value: Fraction, places: int = 2) -> str:
    """A share as a percentage, rounded exactly (half to even).

    >>> percent(Fraction(46, 329)), percent(Fraction(1, 8), 1)
    ('13.98%', '12.5%')
    """
    scaled = round(value * 100, places)
    return f"{float(scaled):.{places}f}%"


def seat_records(leg: Chamber) -> list[dict[str, Any]]:
    """One record a party: key, name, seats, share (of the size), tags, bloc.

    The tags are the list's own and those its links give on the chamber's date (when
    the chamber offers ``tags_of``), without the ``grade:``/``grade>=`` tags, which
    stay queryable but would crowd a table.
    """
    bloc_of = {m: b.key for b in leg.blocs for m in b.members}
    tags_of = getattr(leg, "tags_of", None)
    return [
        {
            "key": p.key,
            "name": p.name,
            "seats": p.seats,
            "share": Fraction(p.seats, leg.size),
            "tags": sorted(
                t for t in (tags_of(p.key) if tags_of else p.tags) if not t.startswith("grade")
            ),
            "bloc": bloc_of.get(p.key),
        }
        for p in leg.parties
    ]


def bloc_records(leg: Chamber) -> list[dict[str, Any]]:
    """One record a bloc: key, name, members, seats, share."""
    return [
        {
            "key": b.key,
            "name": b.name,
            "members": list(b.members),
            "seats": leg.seats_of(b.members),
            "share": Fraction(leg.seats_of(b.members), leg.size),
        }
        for b in leg.blocs
    ]


def summary(leg: Chamber) -> dict[str, Any]:
    """The chamber's figures: name, date, size, seated, vacant and the usual quotas.

    >>> import coalitions as co
    >>> summary(co.load_scenario("iraq-2025"))["quotas"]
    {'majority': 165, 'two-thirds': 220}
    """
    return {
        "name": leg.name,
        "as_of": leg.as_of,
        "size": leg.size,
        "seated": leg.seated,
        "vacant": leg.vacant,
        "quotas": {rule: leg.quota(rule) for rule in ("majority", "two-thirds")},
    }


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


def seat_table(leg: Chamber, tablefmt: str = "table") -> str:
    """The party table of a legislature in any format :func:`render` knows.

    >>> import coalitions as co
    >>> seat_table(co.load_scenario("kurdistan-2024"), "mediawiki").splitlines()[0]
    '{| class="wikitable" style="text-align: left;"'
    """
    return render(seat_records(leg), columns=COLUMNS["seats"], fmt=tablefmt)


#: The orders of ``coalitions show``'s party table: by seats (largest first, then key)
#: or as the file lists them.
SHOW_ORDERS: Final = ("seats", "file")
#: The columns a narrow terminal loses first, in order (``show``'s party table).
_DROP: Final = ("tags", "bloc", "name")


def fitted(
    records: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: str,
    width: int | None,
    drop: Sequence[str] = _DROP,
) -> tuple[str, tuple[str, ...]]:
    """The table of ``records`` no wider than ``width`` characters (``None``: any
    width), leaving out the columns of ``drop`` in order until it fits; returns the
    table and the columns left out.

    >>> rows = [{"key": "a", "name": "A long name", "seats": 3}]
    >>> fitted(rows, ("key", "name", "seats"), "table", 12, drop=("name",))[1]
    ('name',)
    """
    columns, dropped = list(columns), list[str]()
    while True:
        text = render(records, columns=columns, fmt=fmt)
        widest = max((len(t) for t in text.splitlines()), default=0)
        left = [c for c in drop if c in columns]
        if width is None or widest <= width or not left:
            return text, tuple(dropped)
        columns.remove(left[0])
        dropped.append(left[0])


def faction_records(leg: Chamber) -> list[dict[str, Any]]:
    """One record a faction inside a list: list, key, name, seats, tags (its own and
    those its links give, when the chamber offers ``faction_tags_of``)."""
    tags_of = getattr(leg, "faction_tags_of", None)
    return [
        {
            "list": p.key,
            "key": f.key,
            "name": f.name,
            "seats": f.seats,
            "tags": sorted(
                t
                for t in (tags_of(p.key, f.key) if tags_of else f.tags)
                if not t.startswith("grade")
            ),
        }
        for p in leg.parties
        for f in getattr(p, "factions", ())
    ]


def show(
    leg: Chamber,
    fmt: str = "table",
    *,
    exact: bool = False,
    order: str = "seats",
    width: int | None = None,
) -> str:
    """Everything ``coalitions show`` prints: figures, the party table with a total
    row, the factions inside lists, and the blocs.

    Parties come by seats, largest first (``order="file"``: as the file lists them).
    ``width`` fits the tables to that many characters by leaving out, in turn, the
    tags, the bloc and the name (a line says which); ``None`` keeps every column.
    ``csv`` gives the party table alone; ``json`` one object with every part, with
    exact numbers as decimals unless ``exact``.

    >>> import coalitions as co
    >>> text = show(co.load_scenario("kurdistan-2024"))
    >>> text.splitlines()[2]
    'size 100 · seated 100 · vacant 0 · majority 51 · two-thirds 67 · as of 2024-11-24'
    >>> [ln.split()[0] for ln in text.splitlines()[6:8]], text.splitlines()[-1]
    (['kdp', 'puk'], 'total 100 100.00%')
    """
    if not all(hasattr(leg, name) for name in ("name", "size", "parties", "blocs")):
        raise RenderError(f"'leg' must be a chamber, such as a Legislature (got {_short(leg)})")
    if not isinstance(fmt, str):
        raise RenderError(unknown("format", fmt, FORMATS))
    if order not in SHOW_ORDERS:
        raise RenderError(unknown("order", order, SHOW_ORDERS))
    head = summary(leg)
    parties = seat_records(leg)
    if order == "seats":
        parties.sort(key=lambda r: (-r["seats"], r["key"]))
    factions, blocs = faction_records(leg), bloc_records(leg)
    if fmt == "json":
        payload = {**head, "parties": parties, "factions": factions, "blocs": blocs}
        return to_json(payload, exact=exact)
    if fmt == "csv":
        return render(parties, columns=COLUMNS["seats"], fmt="csv", exact=exact)
    heading = "## " if fmt == "markdown" else ""
    quotas = head["quotas"]
    total = {"key": "total", "seats": leg.seated, "share": Fraction(leg.seated, leg.size)}
    table, dropped = fitted([*parties, total], COLUMNS["seats"], fmt, width)
    figures = (
        f"size {leg.size} · seated {leg.seated} · vacant {leg.vacant} · "
        f"majority {quotas['majority']} · two-thirds {quotas['two-thirds']}"
        + (f" · as of {leg.as_of.isoformat()}" if leg.as_of else "")
    )
    lines = [
        f"{heading}{line(leg.name, fmt)}",
        "",
        textwrap.fill(figures, width) if width else figures,
        "",
        table,
    ]
    sections = (
        ("Factions inside lists", factions, COLUMNS["factions"]),
        ("Blocs", blocs, COLUMNS["blocs"]),
    )
    for title, records, columns in sections:
        if records:
            text, gone = fitted(records, columns, fmt, width, drop=("name", "tags", "members"))
            dropped += tuple(c for c in gone if c not in dropped)
            lines += ["", f"{heading}{title}" if heading else f"{title}:", "", text]
    if dropped:
        lines += ["", f"(left out to fit {width} columns: {', '.join(dropped)}; --wide shows all)"]
    return "\n".join(lines)


# ------------------------------------------------------------ more result types


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


# -------------------------------------------------------------- notebook views


class Viewable(Protocol):
    """What a value offers :func:`html_view` for its notebook view (``_repr_html_``).

    Plain data only, so a value implements it without importing this module:

    ``view_name``
        The fragment is ``<div class="coalitions-{view_name}">...</div>``.
    ``view_parts()``
        The parts inside it, in order; each part is a tuple:

        - ``("heading", title, text)``: a line, ``<p><b>title</b>: text</p>``
          (``<p>text</p>`` when ``title`` is empty);
        - ``("table", columns)`` or ``("table", kind, extra)``: ``records()`` as an
          HTML table; ``columns`` is a kind of record (its :data:`COLUMNS`), a sequence
          of column names, or ``None`` for the first record's own keys; ``extra``
          columns are added as :func:`columns_of` adds them (a power table's indices);
        - ``("notes", lines)``: a bulleted list (nothing when there are no lines);
        - ``("picture", svg)``: SVG text, such as ``value._repr_svg_()`` (``""``: none).
    ``records(exact=True)``
        The table's records, with exact numbers; needed only when a part is a table.

    A type that cannot offer it itself (a third party's) gets an adapter that does,
    through :func:`register_view`.
    """

    @property
    def view_name(self) -> str: ...
    def view_parts(self) -> Sequence[tuple[Any, ...]]: ...
    def records(self, *, exact: bool = False) -> Sequence[Mapping[str, Any]]: ...


_ADAPTERS: dict[type, Callable[[Any], Viewable]] = {}


def register_view(cls: type, adapter: Callable[[Any], Viewable]) -> None:
    """Show values of ``cls`` (and its subclasses) through ``adapter(value)``, a
    :class:`Viewable`, when they do not offer the protocol themselves. (The result
    types use it through :mod:`coalitions.chart.views` until they offer it.)"""
    _ADAPTERS[cls] = adapter


def html_view(value: Any) -> str:
    """The notebook view of a value: an HTML fragment built from its :class:`Viewable`
    parts (tables, lines, pictures). Every ``_repr_html_`` comes here.

    >>> class Votes:
    ...     view_name = "votes"
    ...     def view_parts(self):
    ...         return [("heading", "Votes", "2 lists"), ("table", ("key", "votes"))]
    ...     def records(self, *, exact=False):
    ...         return [{"key": "a", "votes": 3}, {"key": "b", "votes": 1}]
    >>> html = html_view(Votes())
    >>> html.startswith('<div class="coalitions-votes"><p><b>Votes</b>: 2 lists</p><table>')
    True
    >>> html.count("<tr>"), html.endswith("</table></div>")
    (3, True)

    Raises :class:`~coalitions.errors.RenderError` for a value with no view, or a part
    it does not know.
    """
    view = _view_of(value)
    name = view.view_name
    body = "".join(_html_part(view, part) for part in view.view_parts())
    return f'<div class="coalitions-{escape.attribute(str(name))}">{body}</div>'


#: The name every ``_repr_html_`` calls; the same function as :func:`html_view`.
to_html = html_view

#: The parts of a view, and the forms each takes.
_PARTS: Final = {
    "heading": ("heading", "title", "text"),
    "notes": ("notes", "lines"),
    "picture": ("picture", "svg"),
    "table": ("table", "columns"),
}


def _view_of(value: Any) -> Viewable:
    if hasattr(value, "view_parts") and hasattr(value, "view_name"):
        return value  # type: ignore[no-any-return]
    for cls in type(value).__mro__:
        if cls in _ADAPTERS:
            return _ADAPTERS[cls](value)
    raise RenderError(
        f"no notebook view for {type(value).__name__}: it offers no view_name and "
        "view_parts(), and no adapter is registered for it"
    )


def _html_part(view: Viewable, part: tuple[Any, ...]) -> str:
    if not isinstance(part, tuple | list) or not part or not isinstance(part[0], str):
        raise RenderError(
            f"a part of a notebook view is a tuple such as ('notes', lines) (got {_short(part)})"
        )
    kind = part[0]
    if kind not in _PARTS:
        raise RenderError(unknown("part of a notebook view", kind, _PARTS))
    form = _PARTS[kind]
    if not (len(part) == len(form) or (kind == "table" and len(part) == 3)):
        raise RenderError(f"a {kind!r} part is {form} (got {_short(part)})")
    if kind == "heading":
        _kind, title, text = part
        head = f"<b>{escape.text(str(title), 'html')}</b>: " if title else ""
        return f"<p>{head}{escape.text(str(text), 'html')}</p>"
    if kind == "notes":
        lines = "".join(f"<li>{escape.text(str(item), 'html')}</li>" for item in part[1])
        return f"<ul>{lines}</ul>" if lines else ""
    if kind == "picture":
        return str(part[1])
    spec = part[1]
    if isinstance(spec, str):
        columns: Sequence[str] | None = columns_of(spec, part[2] if len(part) == 3 else ())
    else:
        columns = None if spec is None else tuple(spec)
    records = view.records
    exact = "exact" in inspect.signature(records).parameters  # a view of its own may not
    return render(records(exact=True) if exact else records(), columns=columns, fmt="html")
