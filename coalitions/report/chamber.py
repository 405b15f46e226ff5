"""Chambers in every format: the party, faction and bloc records, the figures, and
everything ``coalitions show`` prints, fitted to a width. Reads any chamber by its
attributes (:class:`Chamber`), never its type."""

from __future__ import annotations

import datetime as _dt
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Final, Protocol

from ..errors import RenderError, _short, unknown
from .tables import COLUMNS, FORMATS, line, render, to_json

__all__ = [
    "SHOW_ORDERS",
    "Chamber",
    "bloc_records",
    "faction_records",
    "fitted",
    "seat_records",
    "seat_table",
    "show",
    "summary",
]


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


def seat_records(leg: Chamber) -> list[dict[str, Any]]:
    """One record a party: key, name, seats, share (of the size), tags, bloc.

    The tags are the list's own and those its links give on the chamber's date (when
    the chamber offers ``tags_of``), without the ``grade:``/``grade>=`` tags, which
    stay queryable but would crowd a table.
    """
    bloc_of: dict[str, str] = {}
    for b in leg.blocs:  # blocs may overlap: a list in several shows them all
        for m in b.members:
            bloc_of[m] = f"{bloc_of[m]}, {b.key}" if m in bloc_of else b.key
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


def _faction_seats(seats: int | None, most: int | None) -> int | str:
    """A faction's seats: the count, or in words when it is unknown or a range."""
    if most is not None:
        return f"{seats or 0} to {most}"
    return "unknown" if seats is None else seats


def faction_records(leg: Chamber) -> list[dict[str, Any]]:
    """One record a faction inside a list: list, key, name, seats (``"unknown"``, or
    ``"2 to 5"`` when only a range is known), tags (its own and those its links give,
    when the chamber offers ``faction_tags_of``)."""
    tags_of = getattr(leg, "faction_tags_of", None)
    return [
        {
            "list": p.key,
            "key": f.key,
            "name": f.name,
            "seats": _faction_seats(f.seats, getattr(f, "max_seats", None)),
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
