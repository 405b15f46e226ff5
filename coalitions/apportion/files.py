"""Votes files: CSV or TOML, with districts and reserved seats."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from .. import numbers
from .._frozen import FrozenMap, frozen_map
from ..errors import AllocationError, NumberError

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


def read_votes(path: str | Any) -> VotesFile:
    """Read votes from a CSV file (columns ``list`` and ``votes``; an optional
    ``district`` column) or a TOML file (``[[districts]]`` with ``name``, ``seats`` and a
    ``votes`` table, optional ``[[reserved]]`` seats with ``seat`` and ``votes``; or a
    single ``seats`` and ``[votes]`` table). Errors name the file, row and field."""
    import csv
    import tomllib
    from pathlib import Path

    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise AllocationError(f"{p}: cannot be read ({err.strerror})") from None
    if len(raw) > 16 * 1024 * 1024:
        raise AllocationError(f"{p}: over the limit of 16 MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AllocationError(f"{p}: is not UTF-8 text") from None
    if p.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        if not rows:
            raise AllocationError(f"{p}: has no rows")
        fields = {f.strip().lower(): f for f in (rows[0].keys() or []) if f}
        key_col = next((fields[c] for c in ("list", "party", "key") if c in fields), None)
        vote_col = fields.get("votes")
        if key_col is None or vote_col is None:
            raise AllocationError(f"{p}: needs the columns 'list' (or 'party') and 'votes'")
        district_col = fields.get("district")
        votes: dict[str, dict[str, int]] = {}
        for n, row in enumerate(rows, start=2):
            key = (row.get(key_col) or "").strip()
            cell = (row.get(vote_col) or "").strip().replace(",", "").replace("_", "")
            if not key:
                raise AllocationError(f"{p}: row {n}: the list is empty")
            if not cell.isdigit():
                raise AllocationError(
                    f"{p}: row {n}: 'votes' must be a whole number (got {cell!r})"
                )
            district = (row.get(district_col) or "").strip() if district_col else ""
            bucket = votes.setdefault(district, {})
            if key in bucket:
                raise AllocationError(f"{p}: row {n}: the list {key!r} appears twice")
            bucket[key] = int(cell)
        return VotesFile(votes=votes, seats=dict.fromkeys(votes))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise AllocationError(f"{p}: is not valid TOML: {err}") from None
    options = {
        k: data[k] for k in ("method", "threshold", "national_threshold", "exempt") if k in data
    }
    if "districts" in data:
        votes, seats = {}, {}
        for n, d in enumerate(data["districts"]):
            if not isinstance(d, Mapping) or "name" not in d or "votes" not in d:
                raise AllocationError(f"{p}: districts[{n}] needs 'name', 'seats' and 'votes'")
            votes[str(d["name"])] = dict(d["votes"])
            seats[str(d["name"])] = d.get("seats")
    elif "votes" in data:
        votes = {"": dict(data["votes"])}
        seats = {"": data.get("seats")}
    else:
        raise AllocationError(f"{p}: needs [[districts]] or a [votes] table")
    reserved = {}
    for n, r in enumerate(data.get("reserved", [])):
        if not isinstance(r, Mapping) or "seat" not in r or "votes" not in r:
            raise AllocationError(f"{p}: reserved[{n}] needs 'seat' and 'votes'")
        reserved[str(r["seat"])] = dict(r["votes"])
    return VotesFile(votes=votes, seats=seats, reserved=reserved, options=options)
