"""Gamma variates by the thousand, exactly: Marsaglia and Tsang's method at list speed.

A simulation of 10,000 draws of 18 governorates with 40 lists needs 7.2 million gamma
variates (a Dirichlet draw is gamma variates, normalized). One Python loop per variate
costs about a microsecond; :class:`GammaPlan` draws a whole vector with a few calls that
run in C, and keeps the distribution exact.

The method (G. Marsaglia and W. W. Tsang, "A simple method for generating gamma
variables", *ACM Transactions on Mathematical Software* 26(3), 2000, 363-372): for a
shape ``a >= 1``, with ``d = a - 1/3`` and ``c = 1 / sqrt(9 d)``, a standard normal
``z`` gives the candidate ``d v`` with ``v = (1 + c z)^3``, accepted with probability
``A(z) = exp(z^2/2 + d - d v + d ln v)`` (and never when ``v <= 0``); an accepted
candidate is a Gamma(a, 1) variate. With ``y = c z``, ``ln A = -3 d g(y)``, ``g(y) = y^3/3
- y^2/2 + y - ln(1 + y)``, the form computed here (by its series near zero), which does
not cancel when ``d`` is large. Here:

- ``z`` is the inverse normal distribution function of a uniform ``p`` (the C
  implementation of Wichura's algorithm AS 241 behind :class:`statistics.NormalDist`), so
  the candidates of a whole draw are one ``map``. What is kept is the candidate's cube
  root ``t = d^(1/3) (1 + c z)``: the variate is ``t^3``.
- The acceptance test is exact but lazy. ``A`` decreases as ``|z|`` grows (with ``y =
  c z``, ``d ln A / dz = -sqrt(d) y^3 / (1 + y)``), so for each shape the ``p`` with
  ``A(z) >= C`` (``C = 0.99``) form an interval, computed once. A draw accepts when a
  uniform ``u < A(z)``. Where ``u >= C`` (probability ``1 - C``; the positions are found
  by geometric skips) ``u`` is drawn in ``[C, 1)`` and the test is made. Elsewhere ``u <
  C``: an item whose ``p`` lies in its interval is accepted without drawing ``u``, and
  only one outside it draws ``u`` in ``[0, C)`` for the test. A rejected item is drawn
  again by the textbook loop.
- A shape of at most 1 (a list with less than one respondent's share) takes
  :meth:`random.Random.gammavariate`; an underflow to 0.0 is kept as the smallest
  positive float, since a gamma variate is never zero.

The draws depend only on the generator's state: the same seed gives the same variates
(with the same Python build).

>>> import random
>>> plan = GammaPlan([2.5, 40.0, 0.5])
>>> roots = plan.roots(random.Random(1))
>>> [round(t**3, 3) for t in roots]
[0.912, 46.482, 0.344]
"""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Callable, Sequence
from itertools import count, repeat, starmap
from typing import Final

__all__ = ["GammaPlan"]


def _inverse_normal() -> Callable[[float, float, float], float]:
    """``(p, mu, sigma) -> mu + sigma * z(p)``: statistics' own (C) routine, or the
    public :class:`~statistics.NormalDist` where a Python build lacks it."""
    found = getattr(statistics, "_normal_dist_inv_cdf", None)
    if callable(found):
        return found  # type: ignore[no-any-return]

    def inverse(p: float, mu: float, sigma: float) -> float:
        try:
            return statistics.NormalDist(mu, sigma).inv_cdf(p)
        except statistics.StatisticsError as err:
            raise ValueError(str(err)) from None

    return inverse


_INV: Final = _inverse_normal()
_NORMAL: Final = statistics.NormalDist()

#: Below ``C``, the acceptance probability is left untested where it is sure to exceed it.
C: Final = 0.99
_LOG_C: Final = math.log(C)
#: The float just below 1.
_BELOW_ONE: Final = math.nextafter(1.0, 0.0)
#: The smallest positive float: a gamma variate that underflows.
_TINY: Final = 5e-324


def _excess(y: float) -> float:
    """``g(y) = y^3/3 - y^2/2 + y - ln(1 + y)``, so that ``ln A = -3 d g(c z)``: the
    series ``y^4/4 - y^5/5 + ...`` near zero, where the closed form cancels."""
    if abs(y) < 0.1:  # the terms up to y^20 (the next is below 1e-16 of the sum)
        total = 0.0
        for n in range(20, 3, -1):
            total = total * -y + 1.0 / n
        return total * y**4
    return y**3 / 3 - y * y / 2 + y - math.log1p(y)


def _edge(d: float, side: int) -> float:
    """The ``y`` on ``side`` (+1 or -1) of zero where ``3 d g(y)`` reaches ``-ln C``, a
    hair inside (so that ``A >= C`` all the way in): Newton's method from the quartic
    approximation ``g(y) ~ y^4 / 4``, then bisection if it strays, then a step inward
    until the bound holds."""
    target = -_LOG_C * (1 - 1e-9) / (3 * d)
    y: float = side * min((4 * target) ** 0.25, 0.5)
    for _ in range(50):
        if y <= -1.0:
            break
        step = (_excess(y) - target) * (1 + y) / y**3  # g'(y) = y^3 / (1 + y)
        y -= step
        if abs(step) <= 1e-12 * abs(y):
            break
    if not (y > -1.0 and y * side > 0 and abs(_excess(y) - target) <= 1e-9 * target):
        inner, outer = 0.0, float(side)
        while side > 0 and _excess(outer) < target:
            outer *= 2
        for _ in range(200):
            middle = (inner + outer) / 2
            if middle in (inner, outer):
                break
            if _excess(middle) < target:
                inner = middle
            else:
                outer = middle
        y = inner
    while _excess(y) > target:  # rounding put it a hair outside: step in
        y *= 1 - 1e-12
    return y


def _accepts(u: float, z: float, d: float, c: float) -> bool:
    """Marsaglia and Tsang's test of the candidate of ``z`` with the uniform ``u``."""
    if c * z <= -1.0:  # v = (1 + c z)^3 <= 0
        return False
    if u <= 0.0 or u < 1.0 - 0.0331 * z**4:
        return True
    return math.log(u) < -3.0 * d * _excess(c * z)


class GammaPlan:
    """Gamma(a, 1) variates for a fixed list of shapes ``a >= 0``, drawn together.

    Everything per shape is computed once (Marsaglia and Tsang's constants and the
    interval of ``p`` where the test can wait); :meth:`roots` reads it and changes
    nothing, so one plan serves any number of draws and generators.
    """

    __slots__ = ("_c", "_d", "_high", "_low", "_mu", "_sigma", "_small", "shapes")

    def __init__(self, shapes: Sequence[float]) -> None:
        self.shapes = tuple(float(a) for a in shapes)
        if any(not a >= 0 or math.isinf(a) for a in self.shapes):
            raise ValueError(f"gamma shapes must be finite and >= 0 (got {self.shapes})")
        mu, sigma, low, high, ds, cs = [], [], [], [], [], []
        for a in self.shapes:
            if a <= 1.0:  # gammavariate's, after the vector (placeholders meanwhile)
                mu.append(1.0)
                sigma.append(1.0)
                low.append(-1.0)
                high.append(2.0)
                ds.append(0.0)
                cs.append(0.0)
                continue
            d = a - 1.0 / 3.0
            c = 1.0 / math.sqrt(9.0 * d)
            root = d ** (1.0 / 3.0)
            mu.append(root)
            sigma.append(root * c)
            ds.append(d)
            cs.append(c)
            low.append(_NORMAL.cdf(_edge(d, -1) / c))
            high.append(_NORMAL.cdf(_edge(d, +1) / c))
        self._mu, self._sigma, self._low, self._high = mu, sigma, low, high
        self._d, self._c = ds, cs
        self._small = [(k, a) for k, a in enumerate(self.shapes) if a <= 1.0]

    def roots(self, rng: random.Random) -> list[float]:
        """One variate for each shape, as its cube root ``t`` (the variate is ``t**3``;
        positive for a positive shape, 0.0 for a shape of 0)."""
        n = len(self.shapes)
        rand = rng.random
        p = list(starmap(rand, repeat((), n)))
        try:
            roots = list(map(_INV, p, self._mu, self._sigma))
        except ValueError:  # a uniform of exactly 0.0 (one in 2**53): draw it again
            for k in range(n):
                while p[k] == 0.0:
                    p[k] = rand()
            roots = list(map(_INV, p, self._mu, self._sigma))
        low, high = self._low, self._high
        tails = [k for k, x, lo, hi in zip(count(), p, low, high, strict=False) if not lo < x < hi]
        tested: dict[int, float] = {}
        k = -1
        while True:  # the positions whose uniform is at least C
            k += 1 + int(math.log(1.0 - rand()) / _LOG_C)
            if k >= n:
                break
            tested[k] = min(C + (1.0 - C) * rand(), _BELOW_ONE)  # in [C, 1), rounding aside
        for k in tails:
            if k not in tested:
                tested[k] = C * rand()
        ds, cs = self._d, self._c
        for k, u in tested.items():
            d = ds[k]
            if d and not _accepts(u, _INV(p[k], 0.0, 1.0), d, cs[k]):
                roots[k] = self._again(rng, k)
        for k, a in self._small:
            roots[k] = max(rng.gammavariate(a, 1.0), _TINY) ** (1.0 / 3.0) if a else 0.0
        return roots

    def _again(self, rng: random.Random, k: int) -> float:
        """A fresh variate for item ``k`` by the textbook loop (after a rejection)."""
        d, c, mu, sigma = self._d[k], self._c[k], self._mu[k], self._sigma[k]
        rand = rng.random
        while True:
            p = rand()
            if p == 0.0:
                continue
            z = _INV(p, 0.0, 1.0)
            if _accepts(rand(), z, d, c):
                return mu + sigma * z
