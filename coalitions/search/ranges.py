"""Counting when seats are not known: a range of answers, one for each case.

A faction whose seats are unknown (or only a range) changes nothing until it is
excluded; then the list it sits in keeps an unknown number of seats, and the count of
coalitions depends on it. :func:`count_range` counts every case (every way the excluded
factions may hold their seats) exactly and reports the least and the most, with the
cases that give them. The count is not monotone in a list's seats (a smaller list can
make more coalitions minimal), so no case is skipped.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import Any

import attrs

from .. import rules
from .._frozen import FrozenMap, frozen_map
from ..constraints import Constraints, compile_game, constraints_of, uncertain_factions
from ..counting import FlatGame, count
from ..errors import LimitError
from ..limits import MAX_CASES
from ..model import Legislature

__all__ = ["CountRange", "count_range"]


@attrs.frozen
class CountRange:
    """The counts of coalitions over every case of the uncertain factions.

    ``factions`` are the excluded factions of uncertain size, ``("party/faction", least,
    most)``; ``cases`` each assumption (``{"party/faction": seats}``) with its count, in
    order; ``least`` and ``most`` the smallest and largest count. With no uncertain
    faction there is one case and ``least == most``.
    """

    least: int
    most: int
    factions: tuple[tuple[str, int, int], ...]
    cases: tuple[tuple[FrozenMap[str, int], int], ...]

    @property
    def exact(self) -> bool:
        """Whether every case gives the same count."""
        return self.least == self.most

    def cases_giving(self, n: int) -> tuple[FrozenMap[str, int], ...]:
        """The assumptions under which the count is ``n``."""
        return tuple(case for case, c in self.cases if c == n)

    def __str__(self) -> str:
        if not self.factions:
            return str(self.least)
        spans = ", ".join(f"{k} {low} to {high} seats" for k, low, high in self.factions)
        if self.exact:
            return f"{self.least} (whatever the seats of {spans})"
        return f"{self.least} to {self.most}, depending on the seats of {spans}"


def _fits(leg: Legislature, case: Mapping[str, int]) -> bool:
    """Whether the seats ``case`` gives the factions fit in their lists, beside the
    least of the others."""
    for p in leg.parties:
        held = sum(case.get(f"{p.key}/{f.key}", f.least) for f in p.factions)
        if held > p.seats:
            return False
    return True


def count_range(
    leg: Legislature,
    quota: rules.Rule = "majority",
    *,
    minimal: bool = True,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> CountRange:
    """The exact count of viable coalitions in every case of the excluded factions whose
    seats are unknown or only a range (see :class:`CountRange`); takes the arguments of
    :func:`~coalitions.search.count_coalitions`.

    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> r = count_range(kr)
    >>> r.least == r.most == co.count_coalitions(kr)
    True
    """
    c = constraints_of(constraints, **keywords)
    uncertain = uncertain_factions(leg, c)
    n_cases = math.prod(high - low + 1 for _, low, high in uncertain)
    if n_cases > MAX_CASES:
        raise LimitError(
            f"counting every case of the factions of unknown size means {n_cases:,} counts, "
            f"over the limit of {MAX_CASES:,} (coalitions.limits.MAX_CASES); assume some "
            "of their seats with faction_seats"
        )
    told: Mapping[str, int] = c.faction_seats if isinstance(c.faction_seats, Mapping) else {}
    keys = [key for key, _, _ in uncertain]
    cases: list[tuple[FrozenMap[str, int], int]] = []
    for combo in itertools.product(*(range(low, high + 1) for _, low, high in uncertain)):
        case = frozen_map(dict(zip(keys, combo, strict=True)))
        if not _fits(leg, case):  # the factions of one list would hold more than it
            continue
        assumed = attrs.evolve(c, faction_seats={**told, **case}) if keys else c
        cases.append((case, count(FlatGame.of(compile_game(leg, quota, assumed)), minimal)))
    counts = [n for _, n in cases]
    return CountRange(least=min(counts), most=max(counts), factions=uncertain, cases=tuple(cases))
