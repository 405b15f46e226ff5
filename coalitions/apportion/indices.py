"""Disproportionality: Gallagher, Loosemore-Hanby, the effective number of parties."""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from ..errors import AllocationError

__all__ = [
    "disproportionality",
    "effective_number",
    "gallagher",
    "gallagher_squared",
    "loosemore_hanby",
]


# ----------------------------------------------------------- disproportionality


def _shares(votes: Mapping[str, int], seats: Mapping[str, int]) -> list[tuple[Fraction, Fraction]]:
    v_total = sum(votes.values())
    s_total = sum(seats.values())
    if not v_total or not s_total:
        raise AllocationError("votes and seats must each sum to more than zero")
    keys = set(votes) | set(seats)
    return [(Fraction(votes.get(k, 0), v_total), Fraction(seats.get(k, 0), s_total)) for k in keys]


def gallagher_squared(votes: Mapping[str, int], seats: Mapping[str, int]) -> Fraction:
    """The square of the Gallagher index, exactly: ½ Σ (v_i − s_i)², shares in percent.

    >>> gallagher_squared({"a": 60, "b": 40}, {"a": 7, "b": 3})
    Fraction(100, 1)
    """
    return sum((((v - s) * 100) ** 2 for v, s in _shares(votes, seats)), Fraction(0)) / 2


def gallagher(votes: Mapping[str, int], seats: Mapping[str, int]) -> float:
    """The Gallagher (least squares) index in percentage points: sqrt(½ Σ (v_i − s_i)²).

    A square root is not a fraction: this is the one float, rounded from the exact
    :func:`gallagher_squared`. Reference: M. Gallagher, *Electoral Studies* 10 (1991) 33-51.

    >>> round(gallagher({"a": 60, "b": 40}, {"a": 7, "b": 3}), 2)
    10.0
    """
    return math.sqrt(gallagher_squared(votes, seats))


def loosemore_hanby(votes: Mapping[str, int], seats: Mapping[str, int]) -> Fraction:
    """The Loosemore-Hanby index in percentage points: ½ Σ abs(v_i − s_i), exactly.

    Reference: J. Loosemore and V. J. Hanby, *British Journal of Political Science* 1
    (1971) 467-477.

    >>> loosemore_hanby({"a": 60, "b": 40}, {"a": 7, "b": 3})
    Fraction(10, 1)
    """
    return sum((abs(v - s) * 100 for v, s in _shares(votes, seats)), Fraction(0)) / 2


def effective_number(counts: Mapping[str, int]) -> Fraction:
    """The effective number of parties, 1 / Σ p_i² (Laakso and Taagepera 1979), of votes
    or of seats, exactly.

    >>> effective_number({"a": 1, "b": 1, "c": 2})
    Fraction(8, 3)
    """
    total = sum(counts.values())
    if not total:
        raise AllocationError("the counts must sum to more than zero")
    return 1 / sum((Fraction(n, total) ** 2 for n in counts.values()), Fraction(0))


def disproportionality(votes: Mapping[str, int], seats: Mapping[str, int]) -> dict[str, Any]:
    """Every index at once: ``gallagher``, ``loosemore_hanby``, and the effective number
    of parties by votes and by seats.

    >>> d = disproportionality({"a": 60, "b": 40}, {"a": 7, "b": 3})
    >>> d["gallagher"], d["loosemore_hanby"], d["effective_parties_seats"]
    (10.0, Fraction(10, 1), Fraction(50, 29))
    """
    return {
        "gallagher": gallagher(votes, seats),
        "loosemore_hanby": loosemore_hanby(votes, seats),
        "effective_parties_votes": effective_number(votes),
        "effective_parties_seats": effective_number(seats),
    }
