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
:func:`~coalitions.apportion.allocate`. The property tests check it against
``allocate`` on every method of the registry.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Sequence
from fractions import Fraction

from .methods import Method

__all__ = ["SeatCounter"]


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
