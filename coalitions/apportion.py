"""Seats from votes: divisor and largest-remainder methods, exactly, with visible ties.

Methods live in a registry filled by a decorator, with aliases; :func:`allocate` also
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

import heapq
import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Final, Literal

import attrs

from ._frozen import FrozenMap, frozen_map
from .errors import CoalitionsError, suggest
from .model import Legislature, Party

__all__ = [
    "METHODS",
    "Allocation",
    "AllocationError",
    "DistrictAllocation",
    "Method",
    "SeatAward",
    "Tie",
    "TieError",
    "VotesFile",
    "allocate",
    "allocate_districts",
    "divisor_method",
    "effective_number",
    "gallagher",
    "gallagher_squared",
    "get_method",
    "loosemore_hanby",
    "parse_share",
    "quota_method",
    "read_votes",
]


class AllocationError(CoalitionsError, ValueError):
    """Votes, seats, a threshold or a method that cannot give an allocation."""


class TieError(AllocationError):
    """The last seat is tied and ``tie_break="raise"``; ``tie`` says between whom."""

    def __init__(self, message: str, tie: Tie) -> None:
        super().__init__(message)
        self.tie = tie


# --------------------------------------------------------------------- methods

#: A priority: (tier, value). Tier 1 is the "infinite" quotient of a first divisor of
#: zero (Adams, Dean, Huntington-Hill), ordered among itself by votes.
Priority = tuple[int, Fraction]


@attrs.frozen
class Method:
    """An apportionment method.

    A *divisor* method gives each next seat to the list with the highest quotient
    ``votes / d(k)``, ``k`` the seats it holds; ``divisor(k)`` gives ``d(k)`` (its
    square when ``squared``, as for Huntington-Hill's geometric means, whose quotients
    are compared as ``votes² / d(k)²``), and :meth:`priority` the exact quotient. A
    *largest-remainder* method gives each list ``floor(votes / quota)`` seats and the
    rest by the largest remainders; ``quota(total_votes, seats)`` computes the quota.
    """

    name: str
    kind: Literal["divisor", "largest-remainder"]
    description: str
    aliases: tuple[str, ...] = ()
    divisor: Callable[[int], Fraction] | None = attrs.field(default=None, eq=False)
    squared: bool = False
    quota: Callable[[int, int], Fraction] | None = attrs.field(default=None, eq=False)

    @property
    def guarantees_seat(self) -> bool:
        """Whether every list with votes gets a seat first (a first divisor of 0)."""
        return self.divisor is not None and self.divisor(0) == 0

    def priority(self, votes: int, k: int) -> Priority:
        """The exact quotient of a list with ``votes`` holding ``k`` seats, as
        ``(tier, value)``: tier 1 for the infinite quotient of a zero divisor."""
        if self.divisor is None:
            raise AllocationError(f"{self.name} is not a divisor method")
        d = self.divisor(k)
        if d == 0:
            return (1, Fraction(votes)) if votes else (0, Fraction(0))
        return (0, Fraction(votes * votes if self.squared else votes) / d)


METHODS: Final[dict[str, Method]] = {}
_ALIASES: Final[dict[str, str]] = {}


def _register(method: Method) -> Method:
    METHODS[method.name] = method
    for alias in method.aliases:
        _ALIASES[alias] = method.name
    return method


def divisor_method(
    *,
    first: Fraction | int = 1,
    then: Fraction | int = 3,
    step: Fraction | int = 2,
    name: str | None = None,
) -> Method:
    """A divisor method with divisors ``first, then, then + step, then + 2*step, ...``.

    The defaults are Sainte-Laguë's (1, 3, 5, ...), so ``first`` alone changes only the
    first divisor: ``divisor_method(first=Fraction(17, 10))`` is Iraq's 1.7, 3, 5, ...
    D'Hondt is ``divisor_method(first=1, then=2, step=1)``. A first divisor of 0 gives
    every list with votes a seat first.

    >>> m = divisor_method(first=Fraction(17, 10))
    >>> [str(m.priority(17, k)[1]) for k in range(3)]
    ['10', '17/3', '17/5']
    """
    values = {}
    for label, value in (("first", first), ("then", then), ("step", step)):
        if isinstance(value, bool) or not isinstance(value, int | Fraction):
            raise AllocationError(
                f"{label!r} must be an int or a Fraction (got {type(value).__name__} {value!r})"
            )
        values[label] = Fraction(value)
    f, t, st = values["first"], values["then"], values["step"]
    if f < 0 or t <= 0 or st <= 0 or t < f:
        raise AllocationError(
            f"divisors must be positive and increasing (got first={f}, then={t}, step={st})"
        )

    def divisor(k: int) -> Fraction:
        return f if k == 0 else t + (k - 1) * st

    return Method(
        name=name or f"divisors {f}, {t}, {t + st}, ...",
        kind="divisor",
        description="highest quotient votes / d with divisors "
        f"{f}, {t}, {t + st}, {t + 2 * st}, ...",
        divisor=divisor,
    )


def _divisor(
    name: str,
    aliases: Sequence[str],
    description: str,
    d: Callable[[int], Fraction],
    *,
    squared: bool = False,
) -> Method:
    """Register a divisor method by its divisor function ``d(k)``.

    ``squared``: ``d(k)`` is the *square* of the divisor (Huntington-Hill's geometric
    mean), and priorities are compared as ``votes^2 / d(k)``.
    """

    return _register(
        Method(
            name=name,
            kind="divisor",
            description=description,
            aliases=tuple(aliases),
            divisor=d,
            squared=squared,
        )
    )


_divisor(
    "dhondt",
    ("jefferson", "d'hondt", "hagenbach-bischoff-divisor"),
    "D'Hondt (Jefferson): divisors 1, 2, 3, ...; favours larger lists",
    lambda k: Fraction(k + 1),
)
_divisor(
    "sainte-lague",
    ("webster", "sainte-laguë", "saint-lague"),
    "Sainte-Laguë (Webster): divisors 1, 3, 5, ...; the most proportional divisor method",
    lambda k: Fraction(2 * k + 1),
)
_divisor(
    "modified-sainte-lague",
    ("scandinavian", "sainte-lague-1.4"),
    "modified Sainte-Laguë: divisors 1.4, 3, 5, ...; a threshold for the first seat",
    lambda k: Fraction(7, 5) if k == 0 else Fraction(2 * k + 1),
)
_divisor(
    "iraq-2023",
    ("sainte-lague-1.7", "iraq"),
    "Iraq's law of 2023: Sainte-Laguë with divisors 1.7, 3, 5, ... in each governorate",
    lambda k: Fraction(17, 10) if k == 0 else Fraction(2 * k + 1),
)
_divisor(
    "imperiali",
    ("imperiali-divisor",),
    "Imperiali: divisors 2, 3, 4, ...; favours larger lists more than D'Hondt",
    lambda k: Fraction(k + 2),
)
_divisor(
    "danish",
    ("danish-divisor",),
    "Danish: divisors 1, 4, 7, 10, ...",
    lambda k: Fraction(3 * k + 1),
)
_divisor(
    "huntington-hill",
    ("hill", "equal-proportions"),
    "Huntington-Hill (equal proportions): divisors sqrt(k(k+1)); every list with votes "
    "gets a seat; priorities compared as votes^2 / (k(k+1))",
    lambda k: Fraction(k * (k + 1)),
    squared=True,
)
_divisor(
    "adams",
    ("smallest-divisors",),
    "Adams (smallest divisors): divisors 0, 1, 2, ...; every list with votes gets a seat",
    Fraction,
)
_divisor(
    "dean",
    ("harmonic-mean",),
    "Dean (harmonic mean): divisors 2k(k+1)/(2k+1); every list with votes gets a seat",
    lambda k: Fraction(2 * k * (k + 1), 2 * k + 1),
)


def quota_method(
    quota: Callable[[int, int], Fraction], *, name: str = "custom quota", description: str = ""
) -> Method:
    """A largest-remainder method with ``quota(total_votes, seats)``.

    >>> custom = quota_method(lambda votes, seats: Fraction(votes, seats), name="my-hare")
    >>> dict(allocate({"a": 6, "b": 6, "c": 2}, 10, custom).seats)
    {'a': 4, 'b': 4, 'c': 2}
    """
    return Method(
        name=name,
        kind="largest-remainder",
        description=description or "largest remainder with a custom quota",
        quota=quota,
    )


def _lr(
    name: str, aliases: Sequence[str], description: str, quota: Callable[[int, int], Fraction]
) -> Method:
    return _register(
        Method(
            name=name,
            kind="largest-remainder",
            description=description,
            aliases=tuple(aliases),
            quota=quota,
        )
    )


_lr(
    "hare",
    ("hamilton", "largest-remainder", "hare-niemeyer", "vinton"),
    "largest remainder with the Hare quota votes / seats",
    Fraction,
)
_lr(
    "droop",
    ("largest-remainder-droop",),
    "largest remainder with the Droop quota floor(votes / (seats + 1)) + 1",
    lambda v, s: Fraction(v // (s + 1) + 1),
)
_lr(
    "hagenbach-bischoff",
    ("hagenbach-bischoff-quota",),
    "largest remainder with the Hagenbach-Bischoff quota votes / (seats + 1)",
    lambda v, s: Fraction(v, s + 1),
)
_lr(
    "imperiali-quota",
    ("largest-remainder-imperiali",),
    "largest remainder with the Imperiali quota votes / (seats + 2)",
    lambda v, s: Fraction(v, s + 2),
)


def get_method(method: str | Method) -> Method:
    """A method by name or alias (or the :class:`Method` itself); unknown names list the
    valid ones.

    >>> get_method("webster").name, get_method("iraq").name
    ('sainte-lague', 'iraq-2023')
    """
    if isinstance(method, Method):
        return method
    if not isinstance(method, str):
        raise AllocationError(
            f"'method' must be a method name or a Method (got {type(method).__name__})"
        )
    key = method.strip().lower().replace("_", "-").replace(" ", "-")
    key = _ALIASES.get(key, key)
    if key not in METHODS:
        close = suggest(key, list(METHODS) + list(_ALIASES))
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise AllocationError(
            f"unknown method {method!r}{hint} Known methods: {', '.join(METHODS)}"
        )
    return METHODS[key]


# ----------------------------------------------------------------------- results


@attrs.frozen
class SeatAward:
    """One seat and why it went where it did.

    ``seat`` numbers the seats in the order awarded (1 first). For a divisor method
    ``how`` is ``"quotient"`` and ``value`` the quotient that won it (for
    Huntington-Hill its square; ``None`` for a first seat guaranteed by a zero divisor);
    for a largest-remainder method ``how`` is ``"quota"`` (a full quota) or
    ``"remainder"`` and ``value`` the remainder, as a share of the quota.
    """

    seat: int
    party: str
    how: str
    value: Fraction | None


@attrs.frozen
class Tie:
    """A tie that decided seats: ``parties`` tied for ``seats`` seats; ``broken_by``
    says how it was broken (``None`` if it was not), ``winners`` who got them."""

    parties: tuple[str, ...]
    seats: int
    value: Fraction | None
    broken_by: str | None = None
    winners: tuple[str, ...] = ()


@attrs.frozen
class Allocation:
    """Seats from votes in one district.

    ``seats`` and ``votes`` are keyed by list (every list, with 0 where it won none);
    ``awards`` explains each seat (also as :attr:`quotients`); ``excluded`` gives the
    lists kept out and why; ``ties`` the ties that decided seats.
    """

    seats: Mapping[str, int] = attrs.field(converter=frozen_map)
    votes: Mapping[str, int] = attrs.field(converter=frozen_map)
    method: str
    house: int
    awards: tuple[SeatAward, ...] = ()
    excluded: Mapping[str, str] = attrs.field(default=FrozenMap(), converter=frozen_map)
    ties: tuple[Tie, ...] = ()
    district: str | None = None

    def _repr_html_(self) -> str:
        from .report import to_html

        return to_html(self)

    @property
    def quotients(self) -> tuple[SeatAward, ...]:
        """The award behind each seat (the same as ``awards``)."""
        return self.awards

    @property
    def total_votes(self) -> int:
        """Valid votes cast."""
        return sum(self.votes.values())

    def records(self) -> list[dict[str, Any]]:
        """One record a list: key, votes, vote share, seats, seat share."""
        total = self.total_votes
        return [
            {
                "key": k,
                "votes": self.votes[k],
                "vote_share": Fraction(self.votes[k], total) if total else Fraction(0),
                "seats": self.seats[k],
                "seat_share": Fraction(self.seats[k], self.house),
                "excluded": self.excluded.get(k),
            }
            for k in sorted(self.votes, key=lambda k: (-self.seats[k], -self.votes[k], k))
        ]

    def to_legislature(
        self,
        *,
        name: str | None = None,
        size: int | None = None,
        names: Mapping[str, str] | None = None,
    ) -> Legislature:
        """A :class:`~coalitions.Legislature` of the lists that won seats."""
        return _to_legislature(
            self.seats, self.votes, name or f"{self.method} allocation", size or self.house, names
        )


def _to_legislature(
    seats: Mapping[str, int],
    votes: Mapping[str, int],
    name: str,
    size: int,
    names: Mapping[str, str] | None,
    extra: Sequence[Party] = (),
) -> Legislature:
    names = names or {}
    total = sum(votes.values())
    parties = [
        Party(
            key=k,
            name=names.get(k, k),
            seats=seats[k],
            votes=votes.get(k),
            vote_share=Fraction(votes[k], total) if total and k in votes else None,
        )
        for k in sorted(seats, key=lambda k: (-seats[k], -votes.get(k, 0), k))
        if seats[k] > 0
    ]
    return Legislature(name=name, size=size, parties=[*parties, *extra])


# ------------------------------------------------------------------- validation


def _check_votes(votes: Any, where: str = "votes") -> dict[str, int]:
    if not isinstance(votes, Mapping) or not votes:
        raise AllocationError(
            f"{where!r} must be a non-empty mapping of lists to votes (got {votes!r})"
        )
    out: dict[str, int] = {}
    for key, v in votes.items():
        if not isinstance(key, str) or not key:
            raise AllocationError(f"{where!r} has the key {key!r}; keys must be non-empty strings")
        if isinstance(v, bool) or not isinstance(v, int):
            raise AllocationError(
                f"{where!r} must be whole numbers (got {type(v).__name__} {v!r} for {key!r})"
            )
        if v < 0:
            raise AllocationError(f"{where!r} must be >= 0 (got {v} for {key!r})")
        out[key] = v
    if not any(out.values()):
        raise AllocationError(f"{where!r} are all zero: there is nothing to allocate")
    return out


def _check_seats(seats: Any, where: str = "seats") -> int:
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise AllocationError(f"{where!r} must be a whole number >= 1 (got {seats!r})")
    return seats


def _threshold_test(threshold: Any, total: int, where: str = "threshold") -> Callable[[int], bool]:
    if threshold is None or threshold == 0:
        return lambda v: True
    if isinstance(threshold, bool):
        raise AllocationError(f"{where!r} must be a share or a vote count (got {threshold!r})")
    if isinstance(threshold, int):
        if threshold < 0:
            raise AllocationError(f"{where!r} must be >= 0 votes (got {threshold})")
        return lambda v: v >= threshold
    if isinstance(threshold, Fraction):
        if not 0 <= threshold <= 1:
            raise AllocationError(f"{where!r} must be a share between 0 and 1 (got {threshold})")
        return lambda v: Fraction(v, total) >= threshold
    raise AllocationError(
        f"{where!r} must be a Fraction share in [0, 1] or a whole number of votes "
        f"(got {type(threshold).__name__} {threshold!r}); floats are not exact: use Fraction"
    )


# ---------------------------------------------------------------- the allocation

TieBreak = Literal["raise", "votes", "lot"] | Callable[[Sequence[str], int], Sequence[str]]


def _break(
    tied: list[str],
    n: int,
    value: Fraction | None,
    votes: Mapping[str, int],
    tie_break: TieBreak,
    rng: random.Random,
    district: str | None,
) -> Tie:
    """Choose ``n`` winners among ``tied`` lists; a :class:`Tie` says how."""
    tied = sorted(tied)
    where = f" in {district}" if district else ""
    if tie_break == "raise":
        tie = Tie(parties=tuple(tied), seats=n, value=value)
        raise TieError(
            f"tie{where} for the last {'seat' if n == 1 else f'{n} seats'} between "
            f"{', '.join(tied)}; pass tie_break='votes', 'lot' (with seed=) or a function",
            tie,
        )
    if tie_break == "votes":
        ranked = sorted(tied, key=lambda k: -votes[k])
        cut = votes[ranked[n - 1]]
        if n < len(ranked) and votes[ranked[n]] == cut:
            still = [k for k in ranked if votes[k] == cut]
            raise TieError(
                f"tie{where} between {', '.join(still)} is not broken by votes (all have {cut})",
                Tie(
                    parties=tuple(still),
                    seats=n - sum(1 for k in ranked if votes[k] > cut),
                    value=value,
                ),
            )
        return Tie(
            parties=tuple(tied),
            seats=n,
            value=value,
            broken_by="votes",
            winners=tuple(sorted(ranked[:n])),
        )
    if tie_break == "lot":
        winners = rng.sample(tied, n)
        return Tie(
            parties=tuple(tied),
            seats=n,
            value=value,
            broken_by="lot",
            winners=tuple(sorted(winners)),
        )
    if callable(tie_break):
        chosen = list(tie_break(tuple(tied), n))
        if len(chosen) != n or len(set(chosen)) != n or not set(chosen) <= set(tied):
            raise AllocationError(
                f"the tie-break function must return {n} of the tied lists {tied} (got {chosen})"
            )
        return Tie(
            parties=tuple(tied),
            seats=n,
            value=value,
            broken_by="function",
            winners=tuple(sorted(chosen)),
        )
    raise AllocationError(
        f"'tie_break' must be 'raise', 'votes', 'lot' or a function (got {tie_break!r})"
    )


def allocate(
    votes: Mapping[str, int],
    seats: int,
    method: str | Method = "dhondt",
    *,
    threshold: Fraction | int | None = None,
    exempt: Iterable[str] = (),
    candidates: Mapping[str, int] | None = None,
    tie_break: TieBreak = "raise",
    seed: int | random.Random | None = None,
    district: str | None = None,
) -> Allocation:
    """Allocate ``seats`` among lists by their ``votes`` with ``method``.

    ``threshold``: a share (``Fraction``) of the valid votes or a vote count a list needs
    (inclusive); ``exempt`` lists skip it (minority lists often do). ``candidates``
    caps a list's seats at its number of candidates. ``tie_break`` decides a tie for the
    last seat: ``"raise"`` (the default) raises :class:`TieError`; ``"votes"`` favours
    more votes; ``"lot"`` draws with ``seed``; a function ``f(tied_keys, n)`` returns
    the ``n`` winners.

    >>> dict(allocate({"a": 100000, "b": 80000, "c": 30000, "d": 20000}, 8, "dhondt").seats)
    {'a': 4, 'b': 3, 'c': 1, 'd': 0}
    """
    votes = _check_votes(votes)
    seats = _check_seats(seats)
    m = get_method(method)
    total = sum(votes.values())
    passes = _threshold_test(threshold, total)
    exempt = set(exempt)
    unknown = sorted(exempt - set(votes))
    if unknown:
        raise AllocationError(f"'exempt' names {unknown[0]!r}, which is not among the lists")
    excluded: dict[str, str] = {}
    for k, v in votes.items():
        if k in exempt or passes(v):
            continue
        share = Fraction(v, total)
        excluded[k] = (
            f"below the threshold ({float(share):.2%} of the votes)"
            if isinstance(threshold, Fraction)
            else f"below the threshold ({v} votes)"
        )
    caps: dict[str, int] = {}
    if candidates is not None:
        for k, c in candidates.items():
            if k not in votes:
                raise AllocationError(f"'candidates' names {k!r}, which is not among the lists")
            if isinstance(c, bool) or not isinstance(c, int) or c < 0:
                raise AllocationError(
                    f"'candidates' must be whole numbers >= 0 (got {c!r} for {k!r})"
                )
            caps[k] = c
    eligible = [k for k in votes if k not in excluded and votes[k] > 0]
    if not eligible:
        raise AllocationError("no list passes the threshold with any votes: nothing to allocate")
    room = sum(caps.get(k, seats) for k in eligible)
    if room < seats:
        raise AllocationError(
            f"{seats} seats but the lists that qualify have only {room} candidates"
        )
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    if m.kind == "divisor":
        result, awards, ties = _divisor_allocation(
            m, votes, eligible, seats, caps, tie_break, rng, district
        )
    else:
        result, awards, ties = _remainder_allocation(
            m, votes, eligible, seats, caps, tie_break, rng, district
        )
    return Allocation(
        seats={k: result.get(k, 0) for k in votes},
        votes=votes,
        method=m.name,
        house=seats,
        awards=tuple(awards),
        excluded=excluded,
        ties=tuple(ties),
        district=district,
    )


def _divisor_allocation(
    m: Method,
    votes: Mapping[str, int],
    eligible: Sequence[str],
    seats: int,
    caps: Mapping[str, int],
    tie_break: TieBreak,
    rng: random.Random,
    district: str | None,
) -> tuple[dict[str, int], list[SeatAward], list[Tie]]:
    """Highest quotients first, from a heap holding each list's next quotient.

    The heap orders by floating-point quotients, which are fast; every quotient within
    a relative 1e-9 of the best is then compared exactly, so the order and the ties are
    those of the exact fractions (a correctly rounded division errs by 2^-53 at most).
    """
    assert m.divisor is not None
    divisors = [m.divisor(k) for k in range(seats + 1)]
    inverse = [1 / float(d) if d else math.inf for d in divisors]
    held = dict.fromkeys(eligible, 0)
    awards: list[SeatAward] = []
    ties: list[Tie] = []

    def key(k: str) -> tuple[int, float, str]:
        n = held[k]
        if divisors[n] == 0:  # an infinite quotient: before every finite one, by votes
            return (-1, -float(votes[k]), k)
        v = votes[k] * votes[k] if m.squared else votes[k]
        return (0, -(v * inverse[n]), k)

    heap = [key(k) for k in eligible if caps.get(k, seats) > 0]
    heapq.heapify(heap)
    while len(awards) < seats:
        tier, best_f, first = heapq.heappop(heap)
        near = [first]
        while heap and heap[0][0] == tier and heap[0][1] <= best_f * (1 - 1e-9):
            near.append(heapq.heappop(heap)[2])
        exact = {k: m.priority(votes[k], held[k]) for k in near}
        top_value = max(exact.values())
        group = [k for k in near if exact[k] == top_value]
        for k in near:
            if k not in group:
                heapq.heappush(heap, key(k))
        left = seats - len(awards)
        winners = group
        if len(group) > left:
            # the seats left cannot go to every list tied at this quotient
            tie = _break(group, left, top_value[1], votes, tie_break, rng, district)
            ties.append(tie)
            winners = list(tie.winners)
        for k in sorted(winners, key=lambda k: (-votes[k], k)):
            awards.append(
                SeatAward(
                    seat=len(awards) + 1,
                    party=k,
                    how="quotient",
                    value=None if top_value[0] else top_value[1],
                )
            )
            held[k] += 1
            if held[k] < caps.get(k, seats):
                heapq.heappush(heap, key(k))
    return held, awards, ties


def _remainder_allocation(
    m: Method,
    votes: Mapping[str, int],
    eligible: Sequence[str],
    seats: int,
    caps: Mapping[str, int],
    tie_break: TieBreak,
    rng: random.Random,
    district: str | None,
) -> tuple[dict[str, int], list[SeatAward], list[Tie]]:
    """Full quotas, then the largest remainders (one a list per round).

    With the quota ``qn / qd``, a list's quotas are ``v * qd / qn``: integer division
    gives the full quotas, and the remainders share the denominator ``qn``, so their
    numerators compare exactly as integers.
    """
    assert m.quota is not None
    # The quota is computed on the votes of the lists that qualify.
    q = m.quota(sum(votes[k] for k in eligible), seats)
    if q <= 0:
        raise AllocationError(f"the {m.name} quota is {q}: it must be positive")
    qn, qd = q.numerator, q.denominator
    full = {k: votes[k] * qd // qn for k in eligible}
    base = {k: votes[k] * qd - full[k] * qn for k in eligible}  # remainder numerators
    held = {k: min(full[k], caps.get(k, seats)) for k in eligible}
    awards: list[SeatAward] = [
        SeatAward(seat=0, party=k, how="quota", value=Fraction(1))
        for k in sorted(eligible, key=lambda k: (-held[k], k))
        for _ in range(held[k])
    ]
    ties: list[Tie] = []
    over = sum(held.values()) - seats
    for _ in range(max(over, 0)):
        # A small quota (Imperiali, Hagenbach-Bischoff) can give more full quotas than
        # seats: take the extra seats back from the smallest remainders.
        k = min((k for k in eligible if held[k] > 0), key=lambda k: (base[k], -votes[k], k))
        held[k] -= 1
        last = max(i for i, a in enumerate(awards) if a.party == k)
        del awards[last]
    remainder = dict(base)
    left = seats - sum(held.values())
    while left > 0:
        open_ = [k for k in sorted(eligible) if held[k] < caps.get(k, seats)]
        ranked = sorted(open_, key=lambda k: remainder[k], reverse=True)
        take = ranked[:left]
        if len(ranked) > left and remainder[ranked[left]] == remainder[ranked[left - 1]]:
            cut = remainder[ranked[left - 1]]
            sure = [k for k in ranked if remainder[k] > cut]
            tied = [k for k in ranked if remainder[k] == cut]
            tie = _break(tied, left - len(sure), Fraction(cut, qn), votes, tie_break, rng, district)
            ties.append(tie)
            take = sure + list(tie.winners)
        for k in sorted(take, key=lambda k: (-remainder[k], k)):
            awards.append(
                SeatAward(seat=0, party=k, how="remainder", value=Fraction(remainder[k], qn))
            )
            held[k] += 1
            remainder[k] = -1  # one remainder seat a list in each round
        left = seats - sum(held.values())
        if left > 0 and all(remainder[k] < 0 for k in open_):
            remainder = dict(base)  # every open list took one: a new round
    awards = [attrs.evolve(a, seat=i + 1) for i, a in enumerate(awards)]
    return held, awards, ties


# --------------------------------------------------------------------- districts


@attrs.frozen
class DistrictAllocation:
    """Seats from votes in several districts, with reserved seats.

    ``districts`` maps each district to its :class:`Allocation`; ``seats`` and ``votes``
    are national totals by list; ``reserved`` maps each reserved seat to its winner and
    ``reserved_votes`` to the votes cast for it.
    """

    districts: Mapping[str, Allocation] = attrs.field(converter=frozen_map)
    seats: Mapping[str, int] = attrs.field(converter=frozen_map)
    votes: Mapping[str, int] = attrs.field(converter=frozen_map)
    method: str
    reserved: Mapping[str, str] = attrs.field(default=FrozenMap(), converter=frozen_map)
    reserved_votes: Mapping[str, Mapping[str, int]] = attrs.field(
        default=FrozenMap(), converter=frozen_map, eq=False
    )
    excluded: Mapping[str, str] = attrs.field(default=FrozenMap(), converter=frozen_map)
    ties: tuple[Tie, ...] = ()

    def _repr_html_(self) -> str:
        from .report import to_html

        return to_html(self)

    @property
    def house(self) -> int:
        """Every seat: the districts' and the reserved ones."""
        return sum(self.seats.values()) + len(self.reserved)

    def records(self) -> list[dict[str, Any]]:
        """One record a list (national totals), then one a reserved seat."""
        total = sum(self.votes.values())
        rows: list[dict[str, Any]] = [
            {
                "key": k,
                "votes": self.votes[k],
                "vote_share": Fraction(self.votes[k], total) if total else Fraction(0),
                "seats": self.seats[k],
                "seat_share": Fraction(self.seats[k], self.house),
            }
            for k in sorted(self.votes, key=lambda k: (-self.seats[k], -self.votes[k], k))
        ]
        for seat, winner in self.reserved.items():
            rows.append(
                {
                    "key": seat,
                    "votes": self.reserved_votes[seat][winner],
                    "vote_share": None,
                    "seats": 1,
                    "seat_share": Fraction(1, self.house),
                    "winner": winner,
                }
            )
        return rows

    def to_legislature(
        self,
        *,
        name: str | None = None,
        size: int | None = None,
        names: Mapping[str, str] | None = None,
        reserved_as_lists: bool = False,
    ) -> Legislature:
        """The chamber these seats make, straight into coalition analysis.

        Each reserved seat is its own one-seat entry (keyed by the seat, tagged
        ``quota-seat``), since it joins a coalition on its own; with
        ``reserved_as_lists=True`` it is added to the seats of the list that won it
        instead (when the winner is a list of the allocation).
        """
        seats = dict(self.seats)
        extra: list[Party] = []
        for seat, winner in self.reserved.items():
            if reserved_as_lists and winner in seats:
                seats[winner] += 1
            else:
                extra.append(
                    Party(
                        key=seat,
                        name=f"Reserved seat {seat} ({winner})",
                        seats=1,
                        tags={"quota-seat"},
                        votes=self.reserved_votes[seat][winner],
                    )
                )
        return _to_legislature(
            seats, self.votes, name or f"{self.method} allocation", size or self.house, names, extra
        )


def allocate_districts(
    votes_by_district: Mapping[str, Mapping[str, int]],
    seats_by_district: Mapping[str, int],
    method: str | Method = "dhondt",
    *,
    threshold: Fraction | int | None = None,
    national_threshold: Fraction | int | None = None,
    exempt: Iterable[str] = (),
    reserved: Mapping[str, Mapping[str, int]] | None = None,
    tie_break: TieBreak = "raise",
    seed: int | random.Random | None = None,
) -> DistrictAllocation:
    """Allocate each district's seats among its lists, and each reserved seat by plurality.

    ``threshold`` applies in each district; ``national_threshold`` to a list's share of
    the national vote (it then gets no seat anywhere). ``reserved`` maps each reserved
    seat (e.g. ``"christian-baghdad"``) to the votes of its candidates; the most votes
    win it (ties by ``tie_break``).

    >>> r = allocate_districts({"north": {"a": 60, "b": 40}, "south": {"a": 20, "b": 80}},
    ...                        {"north": 5, "south": 5}, "sainte-lague")
    >>> dict(r.seats)
    {'a': 4, 'b': 6}
    """
    if not isinstance(votes_by_district, Mapping) or not votes_by_district:
        raise AllocationError("'votes_by_district' must be a non-empty mapping of districts")
    if not isinstance(seats_by_district, Mapping):
        raise AllocationError("'seats_by_district' must be a mapping of districts to seats")
    missing = sorted(set(votes_by_district) ^ set(seats_by_district))
    if missing:
        raise AllocationError(
            f"district {missing[0]!r} is in one of 'votes_by_district' and 'seats_by_district' "
            "but not the other"
        )
    checked = {d: _check_votes(v, f"votes in {d}") for d, v in votes_by_district.items()}
    national: dict[str, int] = {}
    for v in checked.values():
        for k, n in v.items():
            national[k] = national.get(k, 0) + n
    exempt = set(exempt)
    passes = _threshold_test(national_threshold, sum(national.values()), "national_threshold")
    out_nationally = {
        k: "below the national threshold"
        for k in national
        if k not in exempt and not passes(national[k])
    }
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    districts: dict[str, Allocation] = {}
    ties: list[Tie] = []
    for d, v in checked.items():
        seats = _check_seats(seats_by_district[d], f"seats in {d}")
        kept = {k: (0 if k in out_nationally else n) for k, n in v.items()}
        if not any(kept.values()):
            raise AllocationError(f"no list in {d} passes the national threshold")
        a = allocate(
            kept,
            seats,
            method,
            threshold=threshold,
            exempt=exempt & set(v),
            tie_break=tie_break,
            seed=rng,
            district=d,
        )
        excluded = dict(a.excluded)
        excluded.update({k: r for k, r in out_nationally.items() if k in v})
        districts[d] = attrs.evolve(a, votes=v, excluded=excluded)
        ties.extend(a.ties)
    totals = {k: sum(a.seats.get(k, 0) for a in districts.values()) for k in national}
    winners: dict[str, str] = {}
    reserved_votes: dict[str, dict[str, int]] = {}
    for seat, candidates in (reserved or {}).items():
        cv = _check_votes(candidates, f"votes for the reserved seat {seat}")
        best = max(cv.values())
        top = [k for k, n in cv.items() if n == best]
        if len(top) > 1:
            tie = _break(top, 1, Fraction(best), cv, tie_break, rng, seat)
            ties.append(tie)
            top = list(tie.winners)
        winners[seat] = top[0]
        reserved_votes[seat] = cv
    return DistrictAllocation(
        districts=districts,
        seats=totals,
        votes=national,
        method=get_method(method).name,
        reserved=winners,
        reserved_votes=reserved_votes,
        excluded=out_nationally,
        ties=tuple(ties),
    )


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
    t = str(text).strip()
    try:
        if t.endswith("%"):
            return Fraction(t[:-1].strip()) / 100
        if "/" in t or "." in t:
            return Fraction(t)
        return int(t)
    except (ValueError, ZeroDivisionError):
        raise AllocationError(
            f"a threshold must be a share such as 5% or 1/20, or a vote count (got {text!r})"
        ) from None


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
