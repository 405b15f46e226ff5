"""Robustness: does a yes/no answer about a chamber survive small moves of seats?

:func:`robust` searches the chambers reached by moving up to ``max_seats_moved`` single
seats between lists. When they are few enough, it tries every one (a proof); otherwise it
tries every block move from one list to another and then a seeded random sample of mixed
moves (evidence, with the number of chambers checked). Hypothesis is not used here: it is
for tests, through the public strategies in :mod:`coalitions.strategies`.

>>> import coalitions as co
>>> kr = co.load_scenario("kurdistan-2024")
>>> r = robust(kr, lambda leg: co.check_coalition(leg, "kdp+new-generation").viable,
...            max_seats_moved=4, budget=100)
>>> print(r.explain())
the answer True fails after moving seats: kdp -4, puk +4 (379 chambers searched)
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

import attrs

from .. import numbers, report
from .._frozen import FrozenMap, frozen_map
from ..errors import WhatIfError
from ..model import Legislature, Party

__all__ = ["Robustness", "robust"]


@attrs.frozen
class Robustness(report.Shown):
    """Whether a yes/no answer survives every move of up to ``max_seats_moved`` seats.

    ``answer``: the answer for the chamber as it is. ``holds``: no counterexample was
    found. ``exhaustive``: every move was tried, so ``holds`` is proven; otherwise a
    search (block moves, then seeded random moves) tried ``checked`` chambers, and
    ``holds`` is evidence. ``counterexample`` is the smallest found (fewest seats
    moved), with ``moves`` saying which seats moved (``{key: change}``).
    """

    answer: bool
    holds: bool
    exhaustive: bool
    checked: int
    counterexample: Legislature | None = None
    moves: Mapping[str, int] = attrs.field(default=FrozenMap(), converter=frozen_map)

    view_name: ClassVar[str] = "robustness"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (("heading", "", self.explain()), ("table", None))

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """The verdict as one record; ``moves`` as ``"key +n"`` text."""
        row = {
            "answer": self.answer,
            "holds": self.holds,
            "exhaustive": self.exhaustive,
            "checked": self.checked,
            "moves": [f"{k} {v:+d}" for k, v in self.moves.items()],
        }
        return report.records_of([row], exact=exact)

    def __repr__(self) -> str:
        return f"Robustness({self.explain()})"

    def explain(self) -> str:
        """The verdict in words."""
        how = "every move tried" if self.exhaustive else f"{self.checked} chambers searched"
        if self.holds:
            return f"the answer {self.answer} holds ({how})"
        moved = ", ".join(f"{k} {v:+d}" for k, v in self.moves.items())
        return f"the answer {self.answer} fails after moving seats: {moved} ({how})"


def _moves_count(n: int, k: int, limit: int) -> int:
    """An upper bound on the seat vectors within ``k`` single-seat moves between ``n``
    lists (counting stops once it passes ``limit``)."""
    total = 0
    for m in range(k + 1):
        total += math.comb(n + m - 1, m) ** 2 if n else int(m == 0)
        if total > limit:
            return total
    return total


def _vectors(seats: Sequence[int], k: int, floor: Sequence[int]) -> Iterator[tuple[int, ...]]:
    """Seat vectors reached by moving 1..k seats between lists, fewest seats first; no
    list goes below its ``floor``."""
    n = len(seats)
    for m in range(1, k + 1):
        seen: set[tuple[int, ...]] = set()
        for givers in itertools.combinations_with_replacement(range(n), m):
            take = [0] * n
            for i in givers:
                take[i] += 1
            if any(take[i] > seats[i] - floor[i] for i in range(n)):
                continue
            for takers in itertools.combinations_with_replacement(range(n), m):
                if set(takers) & set(givers):
                    continue
                v = list(seats)
                for i in givers:
                    v[i] -= 1
                for i in takers:
                    v[i] += 1
                t = tuple(v)
                if t not in seen:
                    seen.add(t)
                    yield t


def _block_moves(base: Sequence[int], k: int, floor: Sequence[int]) -> Iterator[tuple[int, ...]]:
    """Every move of 1..k seats from one list to another, fewest seats first
    (defections come in blocks)."""
    n = len(base)
    for m in range(1, k + 1):
        for a in range(n):
            if base[a] - floor[a] < m:
                continue
            for b in range(n):
                if a != b:
                    moved = list(base)
                    moved[a] -= m
                    moved[b] += m
                    yield tuple(moved)


class _Search:
    """The chambers near ``leg``, the question asked of them, and what was checked."""

    def __init__(self, leg: Legislature, question: Callable[[Legislature], bool]) -> None:
        self.leg = leg
        self.question = question
        self.answer = bool(question(leg))
        self.base = tuple(p.seats for p in leg.parties)
        # a list keeps at least its factions' seats: moves come from the rest of it
        self.floor = tuple(sum(f.least for f in p.factions) for p in leg.parties)
        self.checked = 0
        self.seen: set[tuple[int, ...]] = {self.base}
        self._parties: dict[tuple[int, int], Party] = {}

    def chamber(self, vector: Sequence[int]) -> Legislature:
        """The chamber with these seats (each list's seats rebuilt once and reused)."""
        parties = []
        for i, (p, v) in enumerate(zip(self.leg.parties, vector, strict=True)):
            party = self._parties.get((i, v))
            if party is None:
                party = self._parties[i, v] = attrs.evolve(p, seats=v, alternatives=())
            parties.append(party)
        return attrs.evolve(self.leg, parties=tuple(parties))

    def differs(self, vector: tuple[int, ...]) -> Legislature | None:
        """The chamber of ``vector`` if its answer differs, else ``None``."""
        self.checked += 1
        self.seen.add(vector)
        other = self.chamber(vector)
        return other if bool(self.question(other)) != self.answer else None

    def verdict(self, exhaustive: bool, other: Legislature | None = None) -> Robustness:
        if other is None:
            return Robustness(
                answer=self.answer, holds=True, exhaustive=exhaustive, checked=self.checked
            )
        moves = {
            p.key: q.seats - p.seats
            for p, q in zip(self.leg.parties, other.parties, strict=True)
            if q.seats != p.seats
        }
        return Robustness(
            answer=self.answer,
            holds=False,
            exhaustive=exhaustive,
            checked=self.checked,
            counterexample=other,
            moves=moves,
        )

    def draw(self, rng: random.Random, k: int) -> tuple[int, ...]:
        """Up to ``k`` single seats moved between lists drawn at random (as
        :func:`~coalitions.strategies.perturbations` draws them)."""
        n = len(self.base)
        seats = list(self.base)
        for _ in range(rng.randint(1, k)):
            a, b = rng.randrange(n), rng.randrange(n)
            if a != b and seats[a] > self.floor[a]:
                seats[a] -= 1
                seats[b] += 1
        return tuple(seats)

    def shrink(self, vector: tuple[int, ...], found: Legislature) -> Legislature:
        """Move seats back one at a time while the answer still differs: a
        counterexample no single seat's return can make smaller."""
        current = list(vector)
        improved = True
        while improved:
            improved = False
            gained = [i for i, b in enumerate(self.base) if current[i] > b]
            lost = [i for i, b in enumerate(self.base) if current[i] < b]
            for i, j in itertools.product(gained, lost):
                trial = list(current)
                trial[i] -= 1
                trial[j] += 1
                t = tuple(trial)
                if t in self.seen:
                    continue
                other = self.differs(t)
                if other is not None:
                    current, found, improved = trial, other, True
                    break
        return found


def robust(
    leg: Legislature,
    question: Callable[[Legislature], bool],
    *,
    max_seats_moved: int = 5,
    budget: int = 20_000,
    max_examples: int = 300,
    seed: int | random.Random = 0,
) -> Robustness:
    """Does ``question(leg)`` keep its answer under every move of up to
    ``max_seats_moved`` seats between lists?

    A list never gives away the seats its factions hold.

    The search:

    1. **Exhaustive** when the seat vectors within ``max_seats_moved`` moves number at
       most ``budget``: every one is tried, fewest seats moved first, so the result is a
       proof: ``holds`` is proven, or the counterexample moves the fewest seats possible
       (``exhaustive`` is True).
    2. **Otherwise a search, not a proof** (``exhaustive`` is False): every block move of
       1 to ``max_seats_moved`` seats from one list to another, fewest first; then
       ``max_examples`` random draws of mixed single-seat moves from
       ``random.Random(seed)`` (the same seed gives the same search). A counterexample
       from the random draws is shrunk by moving seats back one at a time while the
       answer still differs. A result that holds is evidence: ``checked`` says how many
       distinct chambers were tried.

    ``question`` is a yes/no question about a chamber; ``seed`` an ``int`` or a
    ``random.Random``.

    Raises
    ------
    ~coalitions.errors.WhatIfError
        A bad ``max_seats_moved``, ``budget``, ``max_examples`` or ``seed``, or a
        ``question`` that is not callable.

    Examples
    --------
    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> r = robust(kr, lambda leg: co.check_coalition(leg, "kdp+puk").viable, max_seats_moved=1)
    >>> r.holds, r.exhaustive, r.checked
    (True, True, 196)
    >>> r = robust(kr, lambda leg: co.check_coalition(leg, "kdp+puk").viable, budget=100)
    >>> r.exhaustive
    False
    >>> print(r.explain())
    the answer True holds (707 chambers searched)
    """
    k = numbers.whole(max_seats_moved, field="max_seats_moved", low=0, error=WhatIfError)
    budget = numbers.whole(budget, field="budget", low=0, error=WhatIfError)
    max_examples = numbers.whole(max_examples, field="max_examples", low=0, error=WhatIfError)
    if not callable(question):
        raise WhatIfError(f"'question' must be a function of a chamber (got {question!r})")
    if not isinstance(seed, random.Random):
        seed = random.Random(numbers.whole(seed, field="seed", error=WhatIfError))
    search = _Search(leg, question)
    n = len(search.base)
    if k == 0 or n < 2 or _moves_count(n, k, budget) <= budget:
        for vector in _vectors(search.base, k, search.floor):
            other = search.differs(vector)
            if other is not None:
                return search.verdict(True, other)
        return search.verdict(True)
    for vector in _block_moves(search.base, k, search.floor):
        if vector not in search.seen:
            other = search.differs(vector)
            if other is not None:
                return search.verdict(False, other)
    for _ in range(max_examples):
        vector = search.draw(seed, k)
        if vector not in search.seen:
            other = search.differs(vector)
            if other is not None:
                return search.verdict(False, search.shrink(vector, other))
    return search.verdict(False)
