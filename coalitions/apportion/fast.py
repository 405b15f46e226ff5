"""Seats only, for the many draws of a simulation: exact integer allocation, ties by lot.

:func:`~coalitions.apportion.allocate` builds a full :class:`~coalitions.Allocation`
(every award, every tie, checked input) and compares quotients as fractions where they
are close. A simulation needs only each list's seats, thousands of times over the same
method and district size, so :class:`SeatCounter` prepares once what every draw shares
and then allocates from plain lists of whole votes:

- a divisor method's quotients ``votes / d(k)``, with ``d(k) = a_k / b_k``, all share
  the denominator ``L = lcm(a_0, ..., a_seats)``: ``votes * (b_k * L / a_k)`` is an
  integer for every ``k``, and these integers order exactly as the quotients (a heap of
  them gives the seats, highest first);
- a largest-remainder method's quota ``qn / qd`` gives full quotas ``votes * qd // qn``
  and remainders ``votes * qd % qn``, integers over one denominator.

A tie for the last seats (equal quotients or remainders across the cut) is broken by
lot with the draw's own random generator, as ``allocate(..., tie_break="lot")`` does.

What this path does not cover (a first divisor of zero, seat caps, quotas that award
more seats than there are) it declines, returning ``None``; the caller then uses
:func:`~coalitions.apportion.allocate`.

:class:`RootCounter` goes further for a divisor method whose divisors are all positive
and increasing, fed with the cube roots of the votes (what a simulation's gamma variates
come as, see :mod:`coalitions.sampling`): keys ``t * (d(0) / d(k)) ** (1/3)`` order as
the quotients ``t**3 / d(k)`` (a sixth root for Huntington-Hill's squared quotients).
Starting from one fixed allocation, a draw moves seats, one at a time, from the list
whose last seat has the lowest key to the list whose next seat has the highest, until
every seat held beats every seat not held: that is the divisor allocation, usually one
or two moves away (past a few moves, a heap of keys from no seats takes over). A whole
district costs a few passes that run in C, not a heap step a seat. Keys are compared
in floating point only where a margin of one part in 10^12 (a thousand times their
rounding error) makes the answer certain; otherwise the draw is allocated by
:class:`SeatCounter` from the roots' exact values, ties by lot.

The property tests check both against ``allocate`` on every method of the registry.
"""

from __future__ import annotations

import heapq
import math
import random
import sys
from collections.abc import Sequence
from fractions import Fraction
from itertools import pairwise
from operator import mul
from typing import Final

from .methods import Method

__all__ = ["RootCounter", "SeatCounter", "exact_cubes"]

#: Keys closer than this ratio are compared exactly (their rounding error is ~1e-15).
_BELOW: Final = 1.0 - 1e-12
_ABOVE: Final = 1.0 + 1e-12


class SeatCounter:
    """Allocates ``seats`` seats with ``method`` from whole votes in a fixed order of
    lists; a list needs ``threshold`` (a share of the votes, or a vote count) to take
    part. Holds nothing that a call changes: one counter serves any number of draws."""

    def __init__(self, method: Method, seats: int, threshold: Fraction | int | None) -> None:
        self.method = method
        self.seats = seats
        self.threshold = threshold
        self.multipliers: tuple[int, ...] | None = None
        if method.kind == "divisor" and method.divisor is not None:
            divisors = [Fraction(method.divisor(k)) for k in range(seats + 1)]
            if all(d > 0 for d in divisors):
                scale = math.lcm(*(d.numerator for d in divisors))
                self.multipliers = tuple(d.denominator * (scale // d.numerator) for d in divisors)

    def eligible(self, votes: Sequence[int]) -> list[int]:
        """The positions of the lists with votes that pass the threshold."""
        t = self.threshold
        if t is None or t == 0:
            return [i for i, v in enumerate(votes) if v > 0]
        if isinstance(t, Fraction):
            total = sum(votes)
            num, den = t.numerator, t.denominator
            return [i for i, v in enumerate(votes) if v > 0 and v * den >= num * total]
        return [i for i, v in enumerate(votes) if v > 0 and v >= t]

    def __call__(self, votes: Sequence[int], rng: random.Random) -> list[int] | None:
        """Each list's seats, or ``None`` where this path does not apply."""
        chosen = self.eligible(votes)
        if not chosen:
            return None
        if self.method.kind == "divisor":
            if self.multipliers is None:
                return None
            return self._divisor(votes, chosen, rng)
        return self._remainder(votes, chosen, rng)

    def _divisor(self, votes: Sequence[int], chosen: list[int], rng: random.Random) -> list[int]:
        mult = self.multipliers
        assert mult is not None
        power = [votes[i] * votes[i] for i in range(len(votes))] if self.method.squared else votes
        held = [0] * len(votes)
        heap = [(-power[i] * mult[0], i) for i in chosen]
        heapq.heapify(heap)
        last = 0
        for _ in range(self.seats):
            last, i = heapq.heappop(heap)
            k = held[i] = held[i] + 1
            heapq.heappush(heap, (-power[i] * mult[k], i))
        if heap[0][0] != last:
            return held
        # a tie across the cut: the lists whose last seat or next seat has this quotient
        won = [i for i in chosen if held[i] and -power[i] * mult[held[i] - 1] == last]
        waiting = [i for i in chosen if -power[i] * mult[held[i]] == last]
        for i in won:
            held[i] -= 1
        for i in rng.sample(sorted(won + waiting), len(won)):
            held[i] += 1
        return held

    def _remainder(
        self, votes: Sequence[int], chosen: list[int], rng: random.Random
    ) -> list[int] | None:
        assert self.method.quota is not None
        q = Fraction(self.method.quota(sum(votes[i] for i in chosen), self.seats))
        if q <= 0:
            return None
        qn, qd = q.numerator, q.denominator
        held = [0] * len(votes)
        rest: list[tuple[int, int]] = []
        for i in chosen:
            full, r = divmod(votes[i] * qd, qn)
            held[i] = full
            rest.append((-r, i))
        left = self.seats - sum(held)
        if left < 0 or left > len(chosen):
            return None  # quotas that over-award, or more than one round: the full path
        if left == 0:
            return held
        rest.sort()
        cut = rest[left - 1][0]
        sure = [i for r, i in rest if r < cut]
        tied = [i for r, i in rest if r == cut]
        for i in sure:
            held[i] += 1
        winners = tied if len(tied) == left - len(sure) else rng.sample(tied, left - len(sure))
        for i in winners:
            held[i] += 1
        return held


def exact_cubes(roots: Sequence[float]) -> list[int]:
    """Whole numbers proportional to ``t**3`` for each float ``t``, exactly (a float is
    a binary fraction: all are scaled by one power of two)."""
    ratios = [float(t).as_integer_ratio() for t in roots]
    scale = max(den for _, den in ratios)
    return [(num * (scale // den)) ** 3 for num, den in ratios]


class RootCounter:
    """Allocates ``seats`` seats with a divisor ``method`` from the cube roots of the
    votes, by exchange from a fixed allocation (see the module's text).

    ``typical`` roots (e.g. the median draw) fix the starting allocation, :attr:`start`;
    given in decreasing order, the lists holding seats at the start come first and a
    draw reads only their roots for their last seats. Holds nothing that a call changes.
    ``RootCounter.make`` gives ``None`` for a method this path does not cover (a divisor
    of zero, divisors not increasing, no divisor)."""

    __slots__ = (
        "_cap",
        "_exact",
        "_held",
        "_last",
        "_next",
        "_pad",
        "_r",
        "_rl",
        "seats",
        "start",
    )

    def __init__(self, method: Method, seats: int, typical: Sequence[float]) -> None:
        ratios = _ratios(method, seats)
        if ratios is None or not typical:
            raise ValueError(f"{method.name} cannot be allocated from cube roots")
        self.seats = seats
        self._r = ratios  # r[k] for k = 0..seats: a list holding k seats, its next key / t
        self._rl = [math.inf, *ratios[:-1]]  # rl[k] = r[k - 1]: its last key / t
        self._exact = SeatCounter(method, seats, None)
        # past this many moves (a draw far from the start), a heap from scratch is cheaper
        self._cap = max(8, 4 * seats // len(typical))
        start = [0] * len(typical)
        start[max(range(len(typical)), key=typical.__getitem__)] = seats
        self._set(tuple(start))
        held = list(start)
        for i, change in self.changes(typical, random.Random(0)).items():
            held[i] += change
        self._set(tuple(held))

    @classmethod
    def make(cls, method: Method, seats: int, typical: Sequence[float]) -> RootCounter | None:
        """A counter, or ``None`` where this path does not apply."""
        if not typical or _ratios(method, seats) is None:
            return None
        return cls(method, seats, typical)

    def _set(self, start: tuple[int, ...]) -> None:
        """Fix the starting allocation and the factors a draw multiplies by: up to the
        last list holding a seat (``_held`` lists); beyond, a list's next key is its
        root (``r[0] = 1``) and its last key infinite."""
        self.start = start
        self._held = held = max((i + 1 for i, s in enumerate(start) if s), default=0)
        self._next = [self._r[s] for s in start[:held]]
        self._last = [self._rl[s] for s in start[:held]]
        self._pad = [math.inf] * (len(start) - held)

    def changes(self, roots: Sequence[float], rng: random.Random) -> dict[int, int]:
        """The seats each list gains (or loses, negative) against :attr:`start`, for
        positive ``roots`` in the order of ``typical``; a list left out has none.

        >>> from coalitions.apportion import get_method
        >>> counter = RootCounter(get_method("dhondt"), 5, [3.0, 2.0, 1.0])
        >>> counter.start
        (4, 1, 0)
        >>> counter.changes([2.0, 1.9, 1.0], random.Random(0))  # votes 8, 6.859, 1
        {1: 1, 0: -1}
        """
        nxt = list(map(mul, roots, self._next))  # never empty: some list holds a seat
        last = list(map(mul, roots, self._last))
        worst = min(last)
        best = max(nxt)
        h = self._held
        rest = roots[h:]
        if rest:
            best = max(best, *rest)
        if best < worst * _BELOW:
            return {}
        nxt += rest
        last += self._pad
        out: dict[int, int] = {}
        start, r, rl = self.start, self._r, self._rl
        moves = self._cap
        while True:  # move the seat, until no seat not held beats a seat held
            if best <= worst * _ABOVE or worst != worst:  # noqa: PLR0124 (a NaN)
                return self._exactly(roots, rng)
            moves -= 1
            if not moves:
                return self._afresh(roots, rng)
            i = nxt.index(best)
            j = last.index(worst)
            gain = out[i] = out.get(i, 0) + 1
            loss = out[j] = out.get(j, 0) - 1
            last[i] = best
            nxt[i] = roots[i] * r[start[i] + gain]
            nxt[j] = worst
            last[j] = roots[j] * rl[start[j] + loss]
            best = max(nxt)
            worst = min(last)
            if best < worst * _BELOW:
                return out

    def _afresh(self, roots: Sequence[float], rng: random.Random) -> dict[int, int]:
        """The changes by a heap of keys from no seats (a draw far from the start)."""
        r = self._r
        heap = [(-t, i) for i, t in enumerate(roots)]  # the first seat's key is the root
        heapq.heapify(heap)
        held = [0] * len(roots)
        key = 0.0
        for _ in range(self.seats):
            key, i = heap[0]
            k = held[i] = held[i] + 1
            heapq.heapreplace(heap, (-roots[i] * r[k], i))
        if not -heap[0][0] < -key * _BELOW:  # the best seat not held is too close to call
            return self._exactly(roots, rng)
        return {i: h - s for i, (h, s) in enumerate(zip(held, self.start, strict=True)) if h != s}

    def _exactly(self, roots: Sequence[float], rng: random.Random) -> dict[int, int]:
        """The changes by the exact whole-number path (a near tie, or a zero root)."""
        held = self._exact(exact_cubes(roots), rng)
        if held is None:  # no list has votes: keep the start (nothing to allocate by)
            return {}
        return {i: h - s for i, (h, s) in enumerate(zip(held, self.start, strict=True)) if h != s}


def _ratios(method: Method, seats: int) -> list[float] | None:
    """``(d(0) / d(k)) ** (1/3)`` for ``k = 0..seats`` (a sixth root when the method's
    quotients are squared), or ``None`` unless the divisors are positive and increase
    (and no ratio is too small for a float's full precision)."""
    if method.kind != "divisor" or method.divisor is None or seats < 1:
        return None
    divisors = [Fraction(method.divisor(k)) for k in range(seats + 1)]
    if divisors[0] <= 0 or any(b <= a for a, b in pairwise(divisors)):
        return None
    ratios = [float(divisors[0] / d) for d in divisors]
    if ratios[-1] < sys.float_info.min:  # a subnormal ratio keeps too few digits
        return None
    root = 1.0 / 6.0 if method.squared else 1.0 / 3.0
    return [x**root for x in ratios]
