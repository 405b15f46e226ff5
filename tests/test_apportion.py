"""Seats from votes: known answers with sources, the whole registry, properties, ties."""

from __future__ import annotations

import random
import tomllib
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import coalitions as co
from coalitions import apportion
from coalitions.apportion import METHODS, AllocationError, TieError

from .oracles.apportion import naive_divisor

CASES = tomllib.loads((Path(__file__).parent / "data" / "apportionment.toml").read_text("utf-8"))[
    "cases"
]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_known_answers(case: dict) -> None:
    result = co.allocate(case["votes"], case["seats"], case["method"])
    assert dict(result.seats) == case["expected"], case["source"]
    assert result.ties == ()


def test_sulaymaniyah_under_other_methods() -> None:
    votes = CASES[0]["votes"]
    assert co.allocate(votes, 18, "dhondt").seats["puk"] == 9
    assert co.allocate(votes, 18, "dhondt").seats["halwest"] == 2
    assert dict(co.allocate(votes, 18, "sainte-lague").seats) == CASES[0]["expected"]


def test_first_divisor_as_a_method() -> None:
    votes = CASES[0]["votes"]
    custom = apportion.divisor_method(first=Fraction(17, 10))
    assert co.allocate(votes, 18, custom).seats == co.allocate(votes, 18, "iraq-2023").seats
    dhondt = apportion.divisor_method(first=1, then=2, step=1)
    assert co.allocate(votes, 18, dhondt).seats == co.allocate(votes, 18, "dhondt").seats


def test_quotients_explain_each_seat() -> None:
    a = co.allocate(CASES[0]["votes"], 18, "iraq-2023")
    assert len(a.quotients) == 18
    assert a.quotients[0].party == "puk"
    assert a.quotients[0].value == Fraction(241143 * 10, 17)
    values = [q.value for q in a.quotients]
    assert values == sorted(values, reverse=True)
    hare = co.allocate(CASES[4]["votes"], 10, "hare")
    assert [aw.how for aw in hare.awards].count("remainder") == 3  # 4 + 1 + 1 + 1 full quotas


# --- the whole registry ---

ALL = sorted(METHODS)


@pytest.mark.parametrize("method", ALL)
@given(
    votes=st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 10_000), min_size=1),
    seats=st.integers(1, 40),
)
def test_every_method_fills_the_house_and_ignores_order(
    method: str, votes: dict, seats: int
) -> None:
    assume(any(votes.values()))
    result = co.allocate(votes, seats, method, tie_break="lot", seed=7)
    assert sum(result.seats.values()) == seats
    shuffled = list(votes.items())
    random.Random(1).shuffle(shuffled)
    again = co.allocate(dict(shuffled), seats, method, tie_break="lot", seed=7)
    assert dict(again.seats) == dict(result.seats)
    for k, v in votes.items():
        if v == 0:
            assert result.seats[k] == 0
    if METHODS[method].guarantees_seat and seats >= sum(1 for v in votes.values() if v):
        assert all(result.seats[k] >= 1 for k, v in votes.items() if v)


DIVISORS = [m for m in ALL if METHODS[m].kind == "divisor"]


@pytest.mark.parametrize("method", DIVISORS)
@given(
    votes=st.dictionaries(st.sampled_from("abcdef"), st.integers(1, 5000), min_size=1),
    seats=st.integers(1, 30),
)
def test_divisor_methods_are_house_monotone(method: str, votes: dict, seats: int) -> None:
    try:
        small = co.allocate(votes, seats, method)
        large = co.allocate(votes, seats + 1, method)
    except TieError:
        assume(False)
        raise
    assert all(large.seats[k] >= small.seats[k] for k in votes)


@given(
    votes=st.dictionaries(st.sampled_from("abcdef"), st.integers(1, 5000), min_size=1),
    seats=st.integers(1, 30),
)
def test_hare_satisfies_the_quota_rule(votes: dict, seats: int) -> None:
    result = co.allocate(votes, seats, "hare", tie_break="lot", seed=1)
    total = sum(votes.values())
    for k, v in votes.items():
        q = Fraction(v * seats, total)
        assert q.__floor__() <= result.seats[k] <= q.__ceil__()


@pytest.mark.parametrize("method", DIVISORS)
@given(
    votes=st.dictionaries(st.sampled_from("abcdef"), st.integers(1, 5000), min_size=2),
    seats=st.integers(1, 30),
)
def test_more_votes_never_fewer_seats(method: str, votes: dict, seats: int) -> None:
    result = co.allocate(votes, seats, method, tie_break="lot", seed=3)
    for a, va in votes.items():
        for b, vb in votes.items():
            if va > vb:
                assert result.seats[a] >= result.seats[b]


@pytest.mark.parametrize("method", [*DIVISORS, "hare", "hagenbach-bischoff", "imperiali-quota"])
@given(
    votes=st.dictionaries(st.sampled_from("abcdef"), st.integers(1, 5000), min_size=1),
    seats=st.integers(1, 30),
    factor=st.integers(2, 1000),
)
def test_scaling_votes_changes_nothing(method: str, votes: dict, seats: int, factor: int) -> None:
    try:
        one = co.allocate(votes, seats, method)
    except TieError:
        assume(False)
        raise
    scaled = co.allocate({k: v * factor for k, v in votes.items()}, seats, method)
    assert dict(scaled.seats) == dict(one.seats)


# --- ties ---


def test_a_tie_for_the_last_seat_raises_and_names_the_lists() -> None:
    with pytest.raises(TieError, match="tie for the last seat between a, b") as info:
        co.allocate({"a": 100, "b": 100, "c": 10}, 3, "dhondt")
    assert info.value.tie.parties == ("a", "b")


def test_a_tie_inside_the_allocation_is_no_tie() -> None:
    a = co.allocate({"a": 100, "b": 100}, 2, "dhondt")
    assert dict(a.seats) == {"a": 1, "b": 1}
    assert a.ties == ()


def test_tie_breaks_are_recorded() -> None:
    votes = {"a": 300, "b": 200, "c": 100}
    # Hare with 2 seats: quota 300; a gets 1, remainders b 2/3 and c 1/3: no tie.
    assert co.allocate(votes, 2, "hare").ties == ()
    lot = co.allocate({"a": 5, "b": 5}, 1, "dhondt", tie_break="lot", seed=11)
    assert lot.ties[0].broken_by == "lot"
    assert lot.ties[0].winners in (("a",), ("b",))
    again = co.allocate({"a": 5, "b": 5}, 1, "dhondt", tie_break="lot", seed=11)
    assert again.seats == lot.seats
    chosen = co.allocate({"a": 5, "b": 5}, 1, "dhondt", tie_break=lambda tied, n: [tied[-1]])
    assert chosen.seats["b"] == 1 and chosen.ties[0].broken_by == "function"
    # Votes break a divisor tie between different lists: 6/3 == 4/2 for the third seat.
    by_votes = co.allocate({"a": 6, "b": 4}, 4, "dhondt", tie_break="votes")
    assert by_votes.ties and by_votes.ties[0].winners == ("a",)
    with pytest.raises(TieError, match="not broken by votes"):
        co.allocate({"a": 5, "b": 5}, 1, "dhondt", tie_break="votes")


# --- thresholds ---


def test_threshold_share_is_inclusive_and_exemptions_apply() -> None:
    votes = {"a": 50, "b": 45, "c": 5}
    a = co.allocate(votes, 10, "dhondt", threshold=Fraction(5, 100))
    assert "c" not in a.excluded  # exactly 5% passes
    b = co.allocate(votes, 10, "dhondt", threshold=Fraction(6, 100))
    assert b.seats["c"] == 0 and "below the threshold" in b.excluded["c"]
    c = co.allocate(votes, 10, "dhondt", threshold=Fraction(6, 100), exempt={"c"})
    assert "c" not in c.excluded
    d = co.allocate(votes, 10, "dhondt", threshold=45)
    assert set(d.excluded) == {"c"}


def test_candidates_cap_seats() -> None:
    a = co.allocate({"a": 1000, "b": 10}, 3, "dhondt", candidates={"a": 2})
    assert dict(a.seats) == {"a": 2, "b": 1}
    with pytest.raises(AllocationError, match="only 3 candidates"):
        co.allocate({"a": 1000, "b": 10}, 4, "dhondt", candidates={"a": 2, "b": 1})


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"votes": {"a": -1, "b": 3}}, "'votes' must be >= 0 (got -1 for 'a')"),
        ({"votes": {"a": 1.5}}, "'votes' must be whole numbers (got float 1.5 for 'a')"),
        ({"votes": {"a": 0, "b": 0}}, "'votes' are all zero"),
        ({"votes": {}}, "'votes' must be a non-empty mapping"),
        ({"seats": 0}, "'seats' must be >= 1 (got 0)"),
        ({"seats": -2}, "'seats' must be >= 1 (got -2)"),
        ({"method": "dhont"}, "unknown method 'dhont'; did you mean"),
        ({"threshold": Fraction(3, 2)}, "'threshold' must be a share between 0 and 1 (got 3/2)"),
        ({"threshold": 0.05}, "floats are not exact"),
        ({"exempt": ["z"]}, "'exempt' names 'z'"),
    ],
)
def test_bad_input_is_named(kwargs: dict, message: str) -> None:
    args = {"votes": {"a": 10, "b": 5}, "seats": 3, "method": "dhondt"} | kwargs
    votes, seats, method = args.pop("votes"), args.pop("seats"), args.pop("method")
    with pytest.raises(AllocationError) as info:
        co.allocate(votes, seats, method, **args)
    assert message in str(info.value)
    assert isinstance(info.value, co.CoalitionsError)


def test_imperiali_quota_over_allocation_is_taken_back() -> None:
    # Imperiali quota 10 / 4 = 2.5: full quotas give 2 + 2 = 4 > 2 seats.
    a = co.allocate({"a": 5, "b": 5}, 2, "imperiali-quota", tie_break="lot", seed=1)
    assert sum(a.seats.values()) == 2


def test_seats_taken_back_at_a_tied_remainder_are_a_tie() -> None:
    # Imperiali quota 800 / 4 = 200: full quotas A 1, B 2, C 1 = 4 > 2 seats, and the
    # three remainders are all 0. Which seats go back is a tie, reported as D'Hondt's
    # is on the same votes (the example gave A 1, B 0, C 1 silently).
    votes = {"A": 200, "B": 400, "C": 200}
    with pytest.raises(TieError) as info:
        co.allocate(votes, 2, "imperiali-quota")
    assert info.value.tie.parties == ("A", "B", "C")
    by_votes = co.allocate(votes, 2, "imperiali-quota", tie_break="votes")
    assert dict(by_votes.seats) == {"A": 0, "B": 2, "C": 0}
    assert by_votes.ties[0].winners == ("B",)
    for seed in range(10):
        a = co.allocate(votes, 2, "imperiali-quota", tie_break="lot", seed=seed)
        assert sum(a.seats.values()) == 2 and len(a.ties) == 1
        assert len(a.awards) == 2
    # Quota 900 / 4 = 225: B 2 (remainder 0), C 1 (remainder 25): the smaller remainder
    # gives its seat back.
    plain = co.allocate({"A": 200, "B": 450, "C": 250}, 2, "imperiali-quota")
    assert dict(plain.seats) == {"A": 0, "B": 1, "C": 1} and not plain.ties


# --- districts, reserved seats, legislature ---


def test_districts_and_reserved_seats_make_a_chamber() -> None:
    votes = {"sulaymaniyah": CASES[0]["votes"], "duhok": CASES[1]["votes"]}
    seats = {"sulaymaniyah": 18, "duhok": 11}
    reserved = {"christian-duhok": {"candidate-a": 4000, "candidate-b": 2500}}
    national = co.allocate_districts(votes, seats, "iraq-2023", reserved=reserved)
    assert national.seats["kdp"] == 2 + 9
    assert national.seats["kiu"] == 2 + 2
    assert national.reserved == {"christian-duhok": "candidate-a"}
    assert national.house == 30
    leg = national.to_legislature(name="Two governorates", size=30)
    assert leg.seated == 30
    assert leg["christian-duhok"].seats == 1 and "quota-seat" in leg["christian-duhok"].tags
    assert co.count_coalitions(leg, "majority") > 0


def test_national_threshold() -> None:
    votes = {"d1": {"a": 90, "b": 10}, "d2": {"a": 50, "b": 1, "c": 49}}
    r = co.allocate_districts(
        votes, {"d1": 2, "d2": 2}, "sainte-lague", national_threshold=Fraction(10, 100)
    )
    assert r.seats["b"] == 0 and r.excluded["b"] == "below the national threshold"


def test_mismatched_districts() -> None:
    with pytest.raises(AllocationError, match="district 'x'"):
        co.allocate_districts({"x": {"a": 1}}, {"y": 1}, "dhondt")


# --- disproportionality ---


def test_disproportionality_indices() -> None:
    votes, seats = {"a": 60, "b": 40}, {"a": 7, "b": 3}
    # |60 - 70| = |40 - 30| = 10 points: LH = 10; Gallagher = sqrt((100 + 100) / 2) = 10.
    assert apportion.loosemore_hanby(votes, seats) == 10
    assert apportion.gallagher_squared(votes, seats) == 100
    assert apportion.gallagher(votes, seats) == 10.0
    assert apportion.effective_number({"a": 1, "b": 1}) == 2
    perfect = apportion.gallagher({"a": 1, "b": 1}, {"a": 5, "b": 5})
    assert perfect == 0.0


def test_parse_share() -> None:
    assert apportion.parse_share("5%") == Fraction(1, 20)
    with pytest.raises(AllocationError, match="a threshold must be"):
        apportion.parse_share("five")


@pytest.mark.parametrize("method", DIVISORS)
@given(
    votes=st.dictionaries(
        st.sampled_from("abcdef"),
        st.integers(1, 10**6) | st.integers(10**15, 10**15 + 50),  # near-equal quotients
        min_size=1,
    ),
    seats=st.integers(1, 25),
)
def test_divisor_allocation_equals_the_exact_table(method: str, votes: dict, seats: int) -> None:
    expected = naive_divisor(votes, seats, method)
    if expected is None:
        with pytest.raises(TieError):
            co.allocate(votes, seats, method)
    else:
        assert dict(co.allocate(votes, seats, method).seats) == expected
