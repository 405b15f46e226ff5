"""The gamma variates of simulations (coalitions.sampling): their distribution against the
exact gamma distribution function, the acceptance bounds, and what the draws depend on.

The distribution tests are one-sample Kolmogorov-Smirnov tests at a fixed seed, with the
critical value of the 0.1% level; the same test rejects the method's candidates without
the acceptance step, so it can fail.
"""

from __future__ import annotations

import decimal
import importlib
import math
import pickle
import random
import statistics
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coalitions.sampling import GammaPlan

sampling = importlib.import_module("coalitions.sampling")


def gamma_cdf(a: float, x: float) -> float:
    """The regularized lower incomplete gamma function P(a, x): its series below a + 1,
    Lentz's continued fraction above (Numerical Recipes, 3rd ed., section 6.2)."""
    if x <= 0:
        return 0.0
    front = math.exp(-x + a * math.log(x) - math.lgamma(a))
    if x < a + 1:
        term = total = 1.0 / a
        n = a
        while abs(term) > abs(total) * 1e-16:
            n += 1
            term *= x / n
            total += term
        return total * front
    b = x + 1 - a
    c, d = 1e300, 1 / b
    h = d
    i = 0
    while True:
        i += 1
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = d if abs(d) > 1e-300 else 1e-300
        c = b + an / c
        c = c if abs(c) > 1e-300 else 1e-300
        d = 1 / d
        h *= d * c
        if abs(d * c - 1) < 1e-16:
            return 1 - front * h


def ks_distance(sample: list[float], cdf) -> float:
    xs = sorted(sample)
    n = len(xs)
    return max(max(abs(cdf(x) - i / n), abs(cdf(x) - (i + 1) / n)) for i, x in enumerate(xs))


def test_the_reference_distribution_function() -> None:
    # P(1, x) = 1 - e^-x; P(a, a) tends to 1/2; P(0.5, x) = erf(sqrt(x))
    assert gamma_cdf(1.0, 2.0) == pytest.approx(1 - math.exp(-2.0), rel=1e-13)
    assert gamma_cdf(0.5, 3.0) == pytest.approx(math.erf(math.sqrt(3.0)), rel=1e-13)
    assert gamma_cdf(10.0, 15.0) == pytest.approx(0.930146, abs=1e-6)  # tables


def draws(shape: float, n: int, seed: int) -> list[float]:
    plan = GammaPlan([shape] * 500)
    rng = random.Random(seed)
    out: list[float] = []
    while len(out) < n:
        out.extend(t**3 for t in plan.roots(rng))
    return out[:n]


N = 40_000
CRITICAL = 1.95 / math.sqrt(N)  # Kolmogorov-Smirnov at the 0.1% level


@pytest.mark.parametrize("shape", [0.2, 1.0, 1.0001, 1.5, 3.0, 10.0, 75.0, 2_000.0])
def test_the_variates_follow_the_gamma_distribution(shape: float) -> None:
    sample = draws(shape, N, seed=int(shape * 1000) % 997)
    assert ks_distance(sample, lambda x: gamma_cdf(shape, x)) < CRITICAL
    mean = math.fsum(sample) / N
    assert abs(mean - shape) < 4 * math.sqrt(shape / N)


def test_without_the_acceptance_step_the_test_fails() -> None:
    # The candidates d (1 + c z)^3 alone (Wilson and Hilferty's approximation) are not
    # gamma variates: at shape 1.5 the same test rejects them.
    shape = 1.5
    d = shape - 1 / 3
    c = 1 / math.sqrt(9 * d)
    rng = random.Random(3)
    sample = [d * max(0.0, 1 + c * rng.gauss()) ** 3 for _ in range(N)]
    assert ks_distance(sample, lambda x: gamma_cdf(shape, x)) > CRITICAL


@settings(max_examples=200)
@given(st.floats(1.0 + 1e-9, 1e12), st.sampled_from([-1, 1]))
def test_below_the_bound_the_acceptance_probability_is_at_least_c(shape, side) -> None:
    d = shape - 1 / 3
    y = sampling._edge(d, side)
    assert y * side > 0
    # ln A at the edge, from Marsaglia and Tsang's formula in 60 digits: z = y / c
    with decimal.localcontext() as ctx:
        ctx.prec = 60
        big_d, big_y = decimal.Decimal(d), decimal.Decimal(y)
        c = 1 / (9 * big_d).sqrt()
        z = big_y / c
        v = (1 + big_y) ** 3
        log_accept = float(z * z / 2 + big_d - big_d * v + big_d * v.ln())
    # A(z) is C there, from above: the interval where the test may wait is inside
    assert math.log(sampling.C) - 1e-15 <= log_accept <= math.log(sampling.C) * (1 - 2e-9)


shapes = st.lists(st.sampled_from([0.0, 0.3, 1.0]) | st.floats(1e-3, 1e6), min_size=1, max_size=30)


@settings(max_examples=60, deadline=None)
@given(shapes, st.integers(0, 2**32))
def test_roots_depend_only_on_the_generator(values, seed) -> None:
    plan = GammaPlan(values)
    first = plan.roots(random.Random(seed))
    assert first == plan.roots(random.Random(seed))
    assert first == pickle.loads(pickle.dumps(plan)).roots(random.Random(seed))  # noqa: S301
    for a, t in zip(values, first, strict=True):
        assert (t > 0) if a > 0 else t == 0.0


class Zeros(random.Random):
    """A generator whose first uniforms are exactly 0.0 (one in 2**53 otherwise)."""

    def __init__(self, zeros: int) -> None:
        super().__init__(1)
        self.zeros = zeros

    def random(self) -> float:
        if self.zeros:
            self.zeros -= 1
            return 0.0
        return super().random()


def test_a_uniform_of_zero_is_drawn_again() -> None:
    roots = GammaPlan([5.0, 0.5, 80.0]).roots(Zeros(2))
    assert all(t > 0 and math.isfinite(t) for t in roots)


def test_bad_shapes_are_refused() -> None:
    for bad in (-1.0, math.nan, math.inf):
        with pytest.raises(ValueError, match="shapes"):
            GammaPlan([1.0, bad])


def test_without_the_c_routine_the_public_one_serves(monkeypatch) -> None:
    # A Python build without statistics' private routine falls back on NormalDist.
    public = types.SimpleNamespace(
        NormalDist=statistics.NormalDist, StatisticsError=statistics.StatisticsError
    )
    monkeypatch.setattr(sampling, "statistics", public)
    inverse = sampling._inverse_normal()
    for p in (1e-300, 0.01, 0.5, 0.975, 1 - 2**-53):
        expected = sampling._INV(p, 2.0, 3.0)
        assert inverse(p, 2.0, 3.0) == pytest.approx(expected, rel=1e-14, abs=1e-14)
    with pytest.raises(ValueError, match="p must be in the range"):
        inverse(0.0, 0.0, 1.0)
