"""Seats from votes: divisor and largest-remainder methods, exactly, with visible ties.

The package: :mod:`.methods` (the registry, filled by decorators, with aliases),
:mod:`.allocate` (one district, or many with reserved seats), :mod:`.results`,
:mod:`.indices` (disproportionality) and :mod:`.files` (votes files). Methods are
looked up by name or alias; :func:`allocate` also
accepts a :class:`Method` made by :func:`divisor_method` or :func:`quota_method`.

>>> a = allocate({"puk": 241143, "halwest": 75375, "new-generation": 69781,
...               "kdp": 68834, "kiu": 65312, "komal": 34563}, seats=18, method="iraq-2023")
>>> dict(a.seats)
{'puk': 8, 'halwest': 3, 'new-generation': 2, 'kdp': 2, 'kiu': 2, 'komal': 1}
>>> a.ties
()

All arithmetic is exact: votes are integers, quotients :class:`~fractions.Fraction`\\ s
(1.7 is ``Fraction(17, 10)``). A tie that decides the last seat is data
(:attr:`Allocation.ties`); by default it raises :class:`TieError`, and
``tie_break="votes"``, ``"lot"`` (with ``seed=``) or a function break it and record
that they did. A tie between quotients that all win a seat is no tie.

Thresholds are inclusive: a list passes with at least ``threshold`` of the valid votes
(a share such as ``Fraction(5, 100)``) or at least that many votes (an ``int``); the
shares are of all valid votes, including those cast for lists below the threshold.
"""

from __future__ import annotations

from ..errors import AllocationError, TieError
from .allocate import TieBreak, allocate, allocate_districts
from .files import VotesFile, parse_share, read_votes
from .indices import (
    disproportionality,
    effective_number,
    gallagher,
    gallagher_squared,
    loosemore_hanby,
)
from .methods import (
    METHODS,
    Method,
    divisor,
    divisor_method,
    get_method,
    largest_remainder,
    quota_method,
)
from .results import Allocation, DistrictAllocation, SeatAward, Tie

__all__ = [
    "METHODS",
    "Allocation",
    "AllocationError",
    "DistrictAllocation",
    "Method",
    "SeatAward",
    "Tie",
    "TieBreak",
    "TieError",
    "VotesFile",
    "allocate",
    "allocate_districts",
    "disproportionality",
    "divisor",
    "divisor_method",
    "effective_number",
    "gallagher",
    "gallagher_squared",
    "get_method",
    "largest_remainder",
    "loosemore_hanby",
    "parse_share",
    "quota_method",
    "read_votes",
]
