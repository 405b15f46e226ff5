"""Rendering: records for JSON and CSV, and text tables (tabulate) for people.

Every result type is turned into *records* (lists of dicts keyed by column) here, and
records are rendered to text in one place, :func:`render`, for the command line and the
notebook alike. Nothing here changes a value; floats appear only in the rendered text.

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
import io
import json
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, Final

from tabulate import tabulate, tabulate_formats

from .model import Legislature

__all__ = [
    "COLUMNS",
    "FORMATS",
    "allocation_table",
    "bloc_records",
    "coalition_table",
    "jsonable",
    "percent",
    "power_columns",
    "power_table",
    "render",
    "seat_records",
    "seat_table",
    "show",
    "summary",
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
    "coalitions": ("coalition", "seats", "surplus", "parties", "pivotal"),
    "coalition": ("coalition", "seats", "quota", "surplus", "parties"),
    "allocation": ("key", "votes", "vote_share", "seats", "seat_share"),
    "power": ("key", "seats", "share", "gap"),
    "intervals": ("key", "mean", "low", "median", "high"),
    "probabilities": ("coalition", "probability"),
}


def percent(value: Fraction, places: int = 2) -> str:
    """A share as a percentage, rounded exactly (half to even).

    >>> percent(Fraction(46, 329)), percent(Fraction(1, 8), 1)
    ('13.98%', '12.5%')
    """
    scaled = round(value * 100, places)
    return f"{float(scaled):.{places}f}%"


def seat_records(leg: Legislature) -> list[dict[str, Any]]:
    """One record a party: key, name, seats, share (of the size), tags, bloc."""
    bloc_of = {m: b.key for b in leg.blocs for m in b.members}
    return [
        {
            "key": p.key,
            "name": p.name,
            "seats": p.seats,
            "share": Fraction(p.seats, leg.size),
            "tags": sorted(p.tags),
            "bloc": bloc_of.get(p.key),
        }
        for p in leg.parties
    ]


def bloc_records(leg: Legislature) -> list[dict[str, Any]]:
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


def summary(leg: Legislature) -> dict[str, Any]:
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


def _cell(value: Any, fmt: str) -> Any:
    if isinstance(value, Fraction):
        return percent(value) if fmt not in ("csv",) else str(value)
    if isinstance(value, list | tuple | frozenset):
        return " ".join(str(v) for v in value)
    if value is None:
        return ""
    return value


def jsonable(value: Any) -> Any:
    """``value`` with exact numbers as ``"p/q"`` strings and dates as ISO text."""
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, frozenset | set):
        return sorted(jsonable(v) for v in value)
    return value


def to_json(value: Any) -> str:
    """JSON text; exact numbers (``Fraction``) are written as ``"p/q"`` strings.

    >>> print(to_json({"share": Fraction(46, 329)}))
    {
      "share": "46/329"
    }
    """
    return json.dumps(jsonable(value), ensure_ascii=False, indent=2)


def render(
    records: Sequence[Mapping[str, Any]],
    *,
    columns: Sequence[str] | None = None,
    fmt: str = "table",
) -> str:
    """Render records as ``table``, ``markdown``, ``csv``, ``json`` or any tabulate format.

    >>> print(render([{"key": "a", "seats": 3}], fmt="csv"))
    key,seats
    a,3
    """
    if columns is None:
        columns = list(records[0]) if records else []
    rows = [{c: r.get(c) for c in columns} for r in records]
    if fmt == "json":
        return to_json(rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(r[c], "csv") for c in columns] for r in rows)
        return buffer.getvalue().rstrip("\n")
    tablefmt = _TABLEFMT.get(fmt, fmt)
    if tablefmt not in tabulate_formats:
        raise ValueError(
            f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)} "
            f"or a tabulate format ({', '.join(sorted(tabulate_formats))})"
        )
    body = [[_cell(r[c], fmt) for c in columns] for r in rows]
    numeric = [
        bool(rows) and all(isinstance(r[c], int | Fraction) or r[c] is None for r in rows)
        for c in columns
    ]
    colalign = ["right" if n else "left" for n in numeric]
    return str(tabulate(body, headers=list(columns), tablefmt=tablefmt, colalign=colalign))


def seat_table(leg: Legislature, tablefmt: str = "table") -> str:
    """The party table of a legislature in any format :func:`render` knows.

    >>> import coalitions as co
    >>> seat_table(co.load_scenario("kurdistan-2024"), "mediawiki").splitlines()[0]
    '{| class="wikitable" style="text-align: left;"'
    """
    return render(seat_records(leg), columns=COLUMNS["seats"], fmt=tablefmt)


def show(leg: Legislature, fmt: str = "table") -> str:
    """Everything ``coalitions show`` prints: figures, the party table and the blocs.

    ``csv`` gives the party table alone; ``json`` one object with every part.

    >>> import coalitions as co
    >>> show(co.load_scenario("kurdistan-2024")).splitlines()[2]
    'size 100 · seated 100 · vacant 0 · majority 51 · two-thirds 67 · as of 2024-11-24'
    """
    head = summary(leg)
    parties = seat_records(leg)
    blocs = bloc_records(leg)
    if fmt == "json":
        return to_json({**head, "parties": parties, "blocs": blocs})
    if fmt == "csv":
        return seat_table(leg, "csv")
    heading = "## " if fmt == "markdown" else ""
    quotas = head["quotas"]
    lines = [
        f"{heading}{leg.name}",
        "",
        f"size {leg.size} · seated {leg.seated} · vacant {leg.vacant} · "
        f"majority {quotas['majority']} · two-thirds {quotas['two-thirds']}"
        + (f" · as of {leg.as_of.isoformat()}" if leg.as_of else ""),
        "",
        seat_table(leg, fmt),
    ]
    if blocs:
        lines += [
            "",
            f"{heading}Blocs" if heading else "Blocs:",
            "",
            render(blocs, columns=COLUMNS["blocs"], fmt=fmt),
        ]
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
    a,60,3/5,3,3/5
    b,40,2/5,2,2/5
    """
    return render(allocation.records(), columns=COLUMNS["allocation"], fmt=tablefmt)


def power_table(table: Any, tablefmt: str = "table") -> str:
    """A :class:`~coalitions.power.PowerTable` as a table, sorted by the first index."""
    return render(table.rows(), columns=power_columns(table.indices), fmt=tablefmt)


def power_columns(indices: Sequence[str]) -> tuple[str, ...]:
    """The columns of a power table with these indices: one column per index before
    ``gap``."""
    *head, gap = COLUMNS["power"]
    return (*head, *indices, gap)


def to_html(value: Any) -> str:
    """The notebook view of a result: an HTML fragment (tables, and diagrams where a
    picture is the natural view). Every ``_repr_html_`` comes here."""
    from html import escape as esc

    from . import chart
    from .apportion import Allocation, DistrictAllocation
    from .power import PowerTable
    from .search import Coalition, CoalitionCheck
    from .simulate import Simulation

    if isinstance(value, Legislature):
        head = summary(value)
        q = head["quotas"]
        return (
            f'<div class="coalitions-legislature"><p><b>{esc(value.name)}</b>: size '
            f"{value.size}, seated {value.seated}, vacant {value.vacant}, majority "
            f"{q['majority']}, two-thirds {q['two-thirds']}</p>"
            + chart.hemicycle(value, width=480)
            + seat_table(value, "html")
            + "</div>"
        )
    if isinstance(value, Coalition):
        body = render(
            [value.to_record()],
            columns=("coalition", "seats", "quota", "surplus", "parties"),
            fmt="html",
        )
        picture = value._repr_svg_() if value.house else ""
        return f'<div class="coalitions-coalition">{body}{picture}</div>'
    if isinstance(value, CoalitionCheck):
        lines = "".join(f"<li>{esc(line)}</li>" for line in value.explain().splitlines()[1:])
        return (
            f'<div class="coalitions-check"><p><b>{esc("+".join(value.members))}</b>: '
            f"{value.seats} seats, quota {value.quota}</p><ul>{lines}</ul></div>"
        )
    if isinstance(value, Allocation | DistrictAllocation):
        return f'<div class="coalitions-allocation">{allocation_table(value, "html")}</div>'
    if isinstance(value, PowerTable):
        return f'<div class="coalitions-power">{power_table(value, "html")}</div>'
    if isinstance(value, Simulation):
        rows = [
            {"key": k, "low": v.low, "median": v.median, "high": v.high, "mean": v.mean}
            for k, v in value.seat_intervals().items()
        ]
        return (
            f'<div class="coalitions-simulation"><p>{value.n:,} draws, {value.method}, '
            f"seed {value.seed}</p>{render(rows, fmt='html')}</div>"
        )
    raise TypeError(f"no notebook view for {type(value).__name__}")
