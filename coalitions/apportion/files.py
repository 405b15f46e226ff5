"""Votes files: CSV or TOML, with districts and reserved seats."""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from .. import inputs, numbers
from .._frozen import FrozenMap, frozen_map
from ..errors import AllocationError, NumberError, _short, unknown
from ..limits import MAX_CHAMBER_SIZE, MAX_DIGITS

__all__ = ["VotesFile", "parse_share", "read_votes"]


# ------------------------------------------------------------------ votes files


@attrs.frozen
class VotesFile:
    """What a votes file holds: districts with seats and votes, and reserved seats.

    A file with one district has it under the name ``""``. Options a file may set
    (``method``, ``threshold``, ``national_threshold``, ``exempt``) are kept as given.
    """

    votes: Mapping[str, Mapping[str, int]] = attrs.field(converter=frozen_map)
    seats: Mapping[str, int | None] = attrs.field(converter=frozen_map)
    reserved: Mapping[str, Mapping[str, int]] = attrs.field(
        default=FrozenMap(), converter=frozen_map
    )
    options: Mapping[str, Any] = attrs.field(default=FrozenMap(), converter=frozen_map, eq=False)


def parse_share(text: str | int | Fraction) -> Fraction | int:
    """A threshold as written: ``"5%"`` or ``"1/20"`` (a share) or ``"1000"`` (votes).

    >>> parse_share("5%"), parse_share("1/20"), parse_share("1000")
    (Fraction(1, 20), Fraction(1, 20), 1000)
    """
    if isinstance(text, int | Fraction) and not isinstance(text, bool):
        return text
    try:
        value = numbers.exact(text)
    except NumberError:
        raise AllocationError(
            f"a threshold must be a share such as 5% or 1/20, or a vote count (got {text!r})"
        ) from None
    t = str(text).strip()
    if value.denominator == 1 and not t.endswith("%") and "/" not in t and "." not in t:
        return value.numerator
    return value


def read_votes(path: str | os.PathLike[str]) -> VotesFile:
    """Read votes from a CSV file (columns ``list`` and ``votes``; an optional
    ``district`` column) or a TOML file (``[[districts]]`` with ``name``, ``seats`` and a
    ``votes`` table, optional ``[[reserved]]`` seats with ``seat`` and ``votes``; or a
    single ``seats`` and ``[votes]`` table).

    The file is read through :mod:`coalitions.inputs` (bounded, UTF-8, safe parsers: a
    :class:`~coalitions.errors.ScenarioError` when it cannot be read); every problem of
    its content is reported at once in one :class:`~coalitions.errors.AllocationError`
    naming the file, the row or field, and the value.
    """
    raw, where = inputs.read_bytes(path)
    text = inputs.decode(raw, where)
    problems: list[str] = []
    if where.lower().endswith(".csv"):
        found = _csv_votes(text, problems)
    else:
        found = _toml_votes(inputs.parse(text, where), problems)
    if problems:
        shown = problems[:20] + ([f"and {len(problems) - 20} more"] if len(problems) > 20 else [])
        raise AllocationError(f"{where}: " + "; ".join(shown))
    if found is None:  # pragma: no cover - every None comes with a problem
        raise AllocationError(f"{where}: holds no votes")
    return found


def _votes_cell(cell: str, where: str, problems: list[str]) -> int | None:
    text = cell.strip().replace(",", "").replace("_", "")
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_DIGITS:
        problems.append(f"{where}: 'votes' must be a whole number (got {_short(cell.strip())})")
        return None
    return int(text)


def _csv_votes(text: str, problems: list[str]) -> VotesFile | None:
    rows = list(csv.DictReader(text.splitlines()))
    if not rows:
        problems.append("has no rows")
        return None
    fields = {f.strip().lower(): f for f in (rows[0].keys() or []) if isinstance(f, str) and f}
    key_col = next((fields[c] for c in ("list", "party", "key") if c in fields), None)
    vote_col = fields.get("votes")
    if key_col is None or vote_col is None:
        problems.append("needs the columns 'list' (or 'party') and 'votes'")
        return None
    district_col = fields.get("district")
    votes: dict[str, dict[str, int]] = {}
    for n, row in enumerate(rows, start=2):
        key = (row.get(key_col) or "").strip()
        count = _votes_cell(row.get(vote_col) or "", f"row {n}", problems)
        if not key:
            problems.append(f"row {n}: the list is empty")
            continue
        district = (row.get(district_col) or "").strip() if district_col else ""
        bucket = votes.setdefault(district, {})
        if key in bucket:
            problems.append(f"row {n}: the list {key!r} appears twice")
        elif count is not None:
            bucket[key] = count
    return VotesFile(votes=votes, seats=dict.fromkeys(votes))


def _votes_table(raw: object, where: str, problems: list[str]) -> dict[str, int]:
    if not isinstance(raw, Mapping):
        problems.append(f"{where} must be a table of lists to votes (got {type(raw).__name__})")
        return {}
    out: dict[str, int] = {}
    for key, value in raw.items():
        problem = numbers.whole_problem(value, low=0)
        if problem:
            problems.append(f"{where}.{key} {problem}")
        else:
            out[str(key)] = value
    return out


def _toml_votes(data: Mapping[str, Any], problems: list[str]) -> VotesFile | None:
    options = {k: data[k] for k in _OPTIONS if k in data}
    exempt = options.get("exempt", [])
    if not isinstance(exempt, list) or not all(isinstance(k, str) and k for k in exempt):
        problems.append(f"'exempt' must be a list of list keys (got {_short(exempt)})")
    if not isinstance(options.get("method", ""), str):
        problems.append(f"'method' must be a method's name (got {_short(options['method'])})")
    unknown_keys = sorted(set(data) - {*_OPTIONS, "districts", "votes", "seats", "reserved"})
    for key in unknown_keys:
        problems.append(
            unknown("field", key, (*_OPTIONS, "districts", "votes", "seats", "reserved"))
        )
    votes: dict[str, dict[str, int]] = {}
    seats: dict[str, int | None] = {}
    if "districts" in data:
        districts = data["districts"]
        if not isinstance(districts, list):
            problems.append("'districts' must be a list of tables ([[districts]])")
            districts = []
        for n, d in enumerate(districts):
            where = f"districts[{n}]"
            if not isinstance(d, Mapping) or not isinstance(d.get("name"), str) or "votes" not in d:
                problems.append(f"{where} needs 'name' (text), 'seats' and 'votes'")
                continue
            name = d["name"]
            votes[name] = _votes_table(d["votes"], f"{where}.votes", problems)
            seats[name] = _seats_field(d.get("seats"), f"{where}.seats", problems)
    elif "votes" in data:
        votes[""] = _votes_table(data["votes"], "votes", problems)
        seats[""] = _seats_field(data.get("seats"), "seats", problems)
    else:
        problems.append("needs [[districts]] or a [votes] table")
    reserved: dict[str, dict[str, int]] = {}
    raw_reserved = data.get("reserved", [])
    for n, r in enumerate(raw_reserved if isinstance(raw_reserved, list) else [None]):
        where = f"reserved[{n}]"
        if not isinstance(r, Mapping) or not isinstance(r.get("seat"), str) or "votes" not in r:
            problems.append(f"{where} needs 'seat' (text) and 'votes'")
            continue
        reserved[r["seat"]] = _votes_table(r["votes"], f"{where}.votes", problems)
    if problems:
        return None
    return VotesFile(votes=votes, seats=seats, reserved=reserved, options=options)


def _seats_field(value: object, where: str, problems: list[str]) -> int | None:
    if value is None:
        return None
    problem = numbers.whole_problem(value, low=1, high=MAX_CHAMBER_SIZE)
    if problem:
        problems.append(f"{where} {problem}")
        return None
    return value if isinstance(value, int) else None


_OPTIONS = ("method", "threshold", "national_threshold", "exempt")
