"""Questions about a chamber and its changes: what changed (:func:`compare`), how easily
a coalition breaks (:func:`fragility`), how far a list is from a quota
(:func:`seats_needed`).

>>> import coalitions as co
>>> kr = co.load_scenario("kurdistan-2024")
>>> fragility(kr, "kdp+puk").pivotal
('kdp', 'puk')
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, ClassVar

import attrs

from .. import numbers, power, report, rules
from .._frozen import frozen_map
from ..constraints import Constraints, Game, compile_game, constraints_of
from ..errors import CoalitionsError, ConstraintError, WhatIfError
from ..model import Legislature
from ..search import Coalition, CoalitionCheck, check_in_game, count_coalitions, find_coalitions

__all__ = [
    "Comparison",
    "Fragility",
    "SeatsNeeded",
    "compare",
    "fragility",
    "seats_needed",
]


@attrs.frozen
class Comparison(report.Shown):
    """What changed between two chambers.

    ``seats``: for every list in either, ``(before, after)`` where they differ;
    ``counts``: the number of viable (minimal) coalitions before and after;
    ``gained``/``lost``: the smallest coalitions viable only after / only before (up to
    ``limit`` each); ``power``: each list's ``(before, after)`` index where it moved.
    """

    seats: Mapping[str, tuple[int, int]] = attrs.field(converter=frozen_map)
    counts: tuple[int, int]
    gained: tuple[Coalition, ...]
    lost: tuple[Coalition, ...]
    power: Mapping[str, tuple[Fraction, Fraction]] = attrs.field(converter=frozen_map)
    index: str

    view_name: ClassVar[str] = "comparison"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        counts = f"{self.counts[0]:,} -> {self.counts[1]:,}"
        coalitions = [f"gained: {c} ({c.seats} seats)" for c in self.gained]
        coalitions += [f"lost: {c} ({c.seats} seats)" for c in self.lost]
        return (
            ("heading", "Viable coalitions", counts),
            ("table", None),
            ("notes", coalitions),
        )

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """One record a list whose seats or power changed: seats before and after, the
        index (:attr:`index`) before and after, and its change."""
        rows = []
        for k in dict.fromkeys([*self.seats, *self.power]):
            p0, p1 = self.power.get(k, (None, None))
            rows.append(
                {
                    "key": k,
                    "seats_before": self.seats[k][0] if k in self.seats else None,
                    "seats_after": self.seats[k][1] if k in self.seats else None,
                    "power_before": p0,
                    "power_after": p1,
                    "power_change": None if p0 is None or p1 is None else p1 - p0,
                }
            )
        return report.records_of(rows, exact=exact)

    def __repr__(self) -> str:
        return (
            f"Comparison(seats changed: {len(self.seats)}, viable {self.counts[0]:,} -> "
            f"{self.counts[1]:,}, gained {len(self.gained)}, lost {len(self.lost)}, "
            f"{self.index} moved for {len(self.power)})"
        )

    @property
    def is_empty(self) -> bool:
        """Nothing changed."""
        return (
            not self.seats
            and not self.gained
            and not self.lost
            and not self.power
            and self.counts[0] == self.counts[1]
        )

    def explain(self, top: int = 8) -> str:
        """The changes in words (the ``top`` largest power shifts)."""
        if self.is_empty:
            return "no change"
        lines = []
        for k, (a, b) in self.seats.items():
            lines.append(f"{k}: {a} -> {b} seats ({b - a:+d})")
        lines.append(f"viable coalitions: {self.counts[0]:,} -> {self.counts[1]:,}")
        for c in self.gained:
            lines.append(f"  gained: {c} ({c.seats} seats)")
        for c in self.lost:
            lines.append(f"  lost: {c} ({c.seats} seats)")
        shifts = sorted(self.power.items(), key=lambda kv: (-abs(kv[1][1] - kv[1][0]), kv[0]))
        for k, (p0, p1) in shifts[:top]:
            lines.append(f"{self.index} {k}: {float(p0):.2%} -> {float(p1):.2%}")
        if len(shifts) > top:
            lines.append(f"({len(shifts) - top} smaller power shifts)")
        return "\n".join(lines)


def compare(
    before: Legislature,
    after: Legislature,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    limit: int = 10,
    index: str = "shapley-shubik",
    **keywords: Any,
) -> Comparison:
    """Seat changes, coalitions gained and lost, and power shifts from ``before`` to
    ``after`` under the same quota and constraints.

    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> dict(compare(kr, co.whatif.move_seats(kr, "kdp", "puk", 5)).seats)
    {'kdp': (39, 34), 'puk': (23, 28)}
    """
    limit = numbers.whole(limit, field="limit", low=0, error=WhatIfError)
    c = constraints_of(constraints, **keywords)
    seats = {}
    for k in dict.fromkeys([*before.keys, *after.keys]):
        a = before[k].seats if k in before else 0
        b = after[k].seats if k in after else 0
        if a != b:
            seats[k] = (a, b)
    counts = (
        count_coalitions(before, quota, constraints=_fit(c, before)),
        count_coalitions(after, quota, constraints=_fit(c, after)),
    )
    gained = _only_in(after, before, quota, c, limit)
    lost = _only_in(before, after, quota, c, limit)
    shifts: dict[str, tuple[Fraction, Fraction]] = {}
    try:
        p0 = power.INDICES[power.index_name(index)](before, quota, constraints=_fit(c, before))
        p1 = power.INDICES[power.index_name(index)](after, quota, constraints=_fit(c, after))
        for k in dict.fromkeys([*p0, *p1]):
            v0, v1 = p0.get(k, Fraction(0)), p1.get(k, Fraction(0))
            if v0 != v1:
                shifts[k] = (v0, v1)
    except CoalitionsError:
        shifts = {}  # an index undefined under these constraints: no power shifts to show
    return Comparison(
        seats=seats,
        counts=counts,
        gained=tuple(gained),
        lost=tuple(lost),
        power=shifts,
        index=power.index_name(index),
    )


def _fit(c: Constraints, leg: Legislature) -> Constraints:
    """Constraints restricted to keys the chamber has (a removed list cannot be named)."""
    known = set(leg.keys) | {b.key for b in leg.blocs}
    return attrs.evolve(
        c,
        exclude=frozenset(k for k in c.exclude if k in known),
        require=frozenset(k for k in c.require if k in known),
        forbid=frozenset(p for p in c.forbid if p <= known),
        keep_together=frozenset(k for k in c.keep_together if k in known),
        exclude_tags=frozenset(t for t in c.exclude_tags if t in leg.tags),
    )


def _only_in(
    a: Legislature, b: Legislature, quota: rules.Rule, c: Constraints, limit: int
) -> list[Coalition]:
    """The smallest minimal coalitions viable in ``a`` but not in ``b``."""
    out: list[Coalition] = []
    if limit <= 0:
        return out
    game_b = compile_game(b, quota, _fit(c, b))
    for coalition in find_coalitions(
        a, quota, constraints=_fit(c, a), order_by="seats", limit=max(200, 20 * limit)
    ):
        members = [m for m in coalition.members if m in b]
        if len(members) < len(coalition.members) or not check_in_game(game_b, members).viable:
            out.append(coalition)
            if len(out) >= limit:
                break
    return out


def _checked(
    leg: Legislature,
    coalition: str | Iterable[str],
    quota: rules.Rule,
    constraints: Constraints | None,
    keywords: Mapping[str, Any],
) -> tuple[Game, tuple[str, ...], CoalitionCheck]:
    """The compiled question, the member keys and the check of a proposed coalition."""
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    members = leg.members(coalition)
    if not members:
        raise ConstraintError("a coalition needs at least one member (got none)")
    return game, members, check_in_game(game, members)


@attrs.frozen
class Fragility(report.Shown):
    """How easily a coalition breaks.

    ``seats_to_break``: the fewest defecting members (single seats) that make it lose:
    its surplus plus one (0 if it is not viable). ``lists_to_break``: the fewest seats
    whose lists' departure breaks it, and ``breaking_sets`` the sets of member lists
    that do so with that many seats (up to ``limit``). ``pivotal``: the lists whose
    departure alone breaks it.
    """

    coalition: tuple[str, ...]
    viable: bool
    seats: int
    quota: int
    seats_to_break: int
    lists_to_break: int
    breaking_sets: tuple[frozenset[str], ...]
    pivotal: tuple[str, ...]

    view_name: ClassVar[str] = "fragility"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        sets = ["breaks without: " + "+".join(sorted(b)) for b in self.breaking_sets]
        return (("table", None), ("notes", sets))

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """The verdict as one record."""
        row = {
            "coalition": "+".join(self.coalition),
            "viable": self.viable,
            "seats": self.seats,
            "quota": self.quota,
            "seats_to_break": self.seats_to_break,
            "lists_to_break": self.lists_to_break,
            "pivotal": list(self.pivotal),
        }
        return report.records_of([row], exact=exact)

    def __repr__(self) -> str:
        return (
            f"Fragility({'+'.join(self.coalition)!r}, seats={self.seats}, quota={self.quota}, "
            f"seats_to_break={self.seats_to_break}, lists_to_break={self.lists_to_break})"
        )


def fragility(
    leg: Legislature,
    coalition: str | Iterable[str],
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    limit: int = 20,
    **keywords: Any,
) -> Fragility:
    """The smallest defections that break a coalition: single seats, or whole lists.

    >>> import coalitions as co
    >>> f = fragility(co.load_scenario("kurdistan-2024"), "kdp+puk")
    >>> f.seats_to_break, f.lists_to_break, f.pivotal
    (12, 23, ('kdp', 'puk'))
    """
    limit = numbers.whole(limit, field="limit", low=0, error=WhatIfError)
    game, members, check = _checked(leg, coalition, quota, constraints, keywords)
    weight = {k: game.party_weight.get(k, 0) for k in members}
    if not check.viable:
        return Fragility(
            coalition=members,
            viable=False,
            seats=check.seats,
            quota=check.quota,
            seats_to_break=0,
            lists_to_break=0,
            breaking_sets=(),
            pivotal=(),
        )

    def breaks(gone: frozenset[str]) -> bool:
        rest = [m for m in members if m not in gone]
        return not rest or not check_in_game(game, rest).viable

    pivotal = tuple(m for m in members if breaks(frozenset({m})))
    # The fewest seats whose departure breaks it: by increasing seat total, over sets
    # of members (a coalition has few members; sums are pruned by the best found).
    best: int | None = None
    found: list[frozenset[str]] = []
    ordered = sorted(members, key=lambda m: (weight[m], m))
    for size in range(1, len(ordered) + 1):
        for combo in itertools.combinations(ordered, size):
            total = sum(weight[m] for m in combo)
            if best is not None and total > best:
                continue
            gone = frozenset(combo)
            if any(f < gone for f in found):
                continue  # a smaller set already breaks it
            if breaks(gone):
                if best is None or total < best:
                    best, found = total, []
                found.append(gone)
    found = sorted(
        (f for f in found if sum(weight[m] for m in f) == best), key=lambda f: (len(f), sorted(f))
    )[:limit]
    return Fragility(
        coalition=members,
        viable=True,
        seats=check.seats,
        quota=check.quota,
        seats_to_break=check.seats - check.threshold + 1,
        lists_to_break=best or 0,
        breaking_sets=tuple(found),
        pivotal=pivotal,
    )


@attrs.frozen
class SeatsNeeded(report.Shown):
    """How far a party or coalition is from a quota, and who could close the gap.

    ``shortfall``: seats missing (0 if it already wins); ``single``: lists that close
    it alone; ``options``: the smallest viable coalitions that include it.
    """

    coalition: tuple[str, ...]
    seats: int
    threshold: int
    shortfall: int
    single: tuple[str, ...]
    options: tuple[Coalition, ...]

    view_name: ClassVar[str] = "seats-needed"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        text = f"{self.seats} seats, {self.shortfall} short of {self.threshold}"
        alone = [f"closes the gap alone: {', '.join(self.single)}"] if self.single else []
        return (("heading", "+".join(self.coalition), text), ("notes", alone), ("table", None))

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """One record a smallest viable coalition that includes it (:attr:`options`)."""
        return report.records_of([c.to_record() for c in self.options], exact=exact)

    def __repr__(self) -> str:
        return (
            f"SeatsNeeded({'+'.join(self.coalition)!r}, seats={self.seats}, "
            f"shortfall={self.shortfall}, options={len(self.options)})"
        )


def seats_needed(
    leg: Legislature,
    coalition: str | Iterable[str],
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    limit: int = 10,
    **keywords: Any,
) -> SeatsNeeded:
    """Seats a party or coalition still needs for ``quota``, and from whom.

    >>> import coalitions as co
    >>> need = seats_needed(co.load_scenario("kurdistan-2024"), "kdp")
    >>> need.shortfall, need.single
    (12, ('puk', 'new-generation'))
    """
    limit = numbers.whole(limit, field="limit", low=0, error=WhatIfError)
    game, members, check = _checked(leg, coalition, quota, constraints, keywords)
    c = game.constraints
    shortfall = check.shortfall
    others = [p for p in leg.parties if p.key not in members]
    single = tuple(
        p.key
        for p in sorted(others, key=lambda p: (-p.seats, p.key))
        if shortfall and check_in_game(game, [*members, p.key]).viable
    )
    options = tuple(
        find_coalitions(
            leg,
            quota,
            constraints=attrs.evolve(c, require=c.require | frozenset(members)),
            order_by="seats",
            limit=limit,
        )
    )
    return SeatsNeeded(
        coalition=members,
        seats=check.seats,
        threshold=check.threshold,
        shortfall=shortfall,
        single=single,
        options=options,
    )
