"""Simulation: reproducible, exact at zero uncertainty, probabilities that make sense."""

from __future__ import annotations

import concurrent.futures
import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.simulate import SimulationError, shares_from

SHARES = {"a": 45, "b": 30, "c": 15, "d": 10}


def test_near_zero_uncertainty_reproduces_the_allocation() -> None:
    sim = co.simulate(SHARES, seats=20, method="sainte-lague", sample_size=10**12, draws=50, seed=3)
    expected = co.allocate({k: v * 10**5 for k, v in SHARES.items()}, 20, "sainte-lague").seats
    assert set(sim.draws) == {tuple(expected[k] for k in sim.keys)}


def test_same_seed_same_result_whatever_the_executor() -> None:
    kwargs = {
        "seats": 15,
        "method": "dhondt",
        "sample_size": 500,
        "draws": 120,
        "seed": 9,
        "batch_size": 25,
    }
    alone = co.simulate(SHARES, **kwargs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        threads = co.simulate(SHARES, executor=pool, **kwargs)
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        processes = co.simulate(SHARES, executor=pool, **kwargs)
    assert alone.draws == threads.draws == processes.draws
    assert co.simulate(SHARES, **{**kwargs, "seed": 10}).draws != alone.draws


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10**6))
def test_probabilities_are_in_range_and_monotone(seed: int) -> None:
    sim = co.simulate(SHARES, seats=10, method="hare", sample_size=200, draws=60, seed=seed)
    p_ab = sim.majority_probability({"a", "b"})
    p_abc = sim.majority_probability({"a", "b", "c"})
    p_a = sim.majority_probability({"a"})
    assert 0 <= p_a <= p_ab <= p_abc <= 1
    for key, interval in sim.seat_intervals().items():
        assert interval.low <= interval.median <= interval.high
        assert sum(sim.seat_distribution(key).values()) == 1


def test_districts_fixed_seats_and_questions(kurdistan: co.Legislature) -> None:
    general = co.whatif.remove(kurdistan, [p.key for p in kurdistan.tagged("quota-seat")])
    shares = shares_from(general)
    sim = co.simulate(
        shares,
        seats=95,
        method="sainte-lague",
        sample_size=3000,
        draws=200,
        seed=1,
        fixed={p.key: 1 for p in kurdistan.tagged("quota-seat")},
    )
    assert sim.size == 100
    assert sim.majority_probability({"kdp", "puk"}) == 1
    probs = sim.coalition_probabilities(max_parties=2)
    assert probs["kdp+puk"] == 1
    # without the KDP (about 42 of the 95 general seats), the rest still hold a majority
    assert sim.viable_probability(exclude=["kdp"]) == 1
    # but not without the KDP and the PUK together
    assert sim.viable_probability(exclude=["kdp", "puk"]) == 0
    given_ = sim.coalition_probabilities(coalitions=[["kdp", "puk"], ["puk", "new-generation"]])
    assert given_ == {"kdp+puk": 1, "new-generation+puk": 0}
    two = co.simulate(
        {"d1": {"x": 60, "y": 40}, "d2": {"x": 30, "y": 70}},
        {"d1": 5, "d2": 5},
        "dhondt",
        sample_size=10**9,
        draws=10,
        seed=2,
    )
    assert set(two.draws) == {(3 + 1, 2 + 4)}  # d1: x 3, y 2; d2: x 1, y 4


def test_intervals_model() -> None:
    sim = co.simulate(
        {"a": 1, "b": 1},
        seats=10,
        method="hare",
        intervals={"a": ("40%", "60%"), "b": ("40%", "60%")},
        draws=100,
        seed=5,
    )
    assert all(4 <= d[0] <= 6 for d in sim.draws)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"draws": 0}, "'draws' must be >= 1 (got 0)"),
        ({"draws": 10**7}, "'draws' must be <= 1000000"),
        ({"seats": 0}, "'seats' must be >= 1 (got 0)"),
        ({"seats": 10**9}, "'seats' must be <= 10000"),
        ({"seed": "s"}, "'seed' must be a whole number"),
        ({"sample_size": 0}, "'sample_size' must be >= 1 (got 0)"),
        ({"fixed": {"x": -1}}, "'fixed' seats must be whole numbers >= 0"),
        ({"shares": {"a": -1}}, "must be >= 0"),
        ({"shares": {"a": 0}}, "the shares are all zero"),
        ({"intervals": {"a": (1, 2)}}, "'intervals' lacks 'b'"),
        ({"method": "dhont"}, "unknown method"),
    ],
)
def test_bad_input(kwargs: dict, message: str) -> None:
    args = {"shares": {"a": 1, "b": 1}, "seats": 5, "method": "dhondt", "draws": 5} | kwargs
    shares, seats, method = args.pop("shares"), args.pop("seats"), args.pop("method")
    with pytest.raises(co.CoalitionsError, match=re.escape(message)):
        co.simulate(shares, seats, method, **args)


def test_unknown_list_in_a_question() -> None:
    sim = co.simulate({"a": 1, "b": 1}, seats=5, draws=5)
    with pytest.raises(SimulationError, match="unknown list 'z'"):
        sim.majority_probability({"z"})
    assert sim.majority_probability({"a", "b"}) == Fraction(1)


def test_lists_without_seats_in_a_draw_can_still_be_named() -> None:
    # "d" wins no seat in some draws; constraints and coalitions naming it must still work.
    sim = co.simulate(
        {"a": 50, "b": 40, "d": 3}, seats=10, method="dhondt", sample_size=300, draws=60, seed=2
    )
    assert any(d[sim.keys.index("d")] == 0 for d in sim.draws)
    assert 0 <= sim.viable_probability(exclude=["d"]) <= 1
    probs = sim.coalition_probabilities(coalitions=[["a", "d"]], exclude=["b"])
    assert probs["a+d"] == sim.majority_probability({"a", "d"})


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threshold": "5%"}, "'threshold' must be a Fraction share"),
        ({"threshold": 0.05}, "floats are not exact"),
        ({"threshold": -1}, "'threshold' must be >= 0"),
        ({"votes_scale": "x"}, "'votes_scale' must be a whole number"),
        ({"votes_scale": 0}, "'votes_scale' must be >= 1"),
    ],
)
def test_bad_thresholds_and_scales_are_refused_before_any_draw(options, message) -> None:
    with pytest.raises(SimulationError, match=message):
        co.simulate({"a": 5, "b": 3}, seats=5, method="hare", draws=3, **options)
