"""The fast paths of listing and ranking give exactly what the general walks give: the
plain streaming loop against the general depth-first walk, and deep rankings (counted
to the level of the k-th result, then walked up to it) against the best-first search
and the brute-force oracle. Speeds are measured in benchmarks/bench_search.py."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.constraints import compile_game, constraints_of
from coalitions.search import deep, streaming
from coalitions.search.ranked import BestFirst
from coalitions.search.units import Walk
from coalitions.strategies import legislatures

from .oracles.search import Oracle
from .test_search import questions


def ranked_walk(leg: co.Legislature, rule: object, c: co.Constraints, minimal: bool) -> Walk:
    return Walk(compile_game(leg, rule, c), minimal=minimal, group=False, by_key=True)


def best_first(walk: Walk, order_by: str, k: int) -> list[co.Coalition]:
    return list(itertools.islice(BestFirst(walk, order_by).results(), k))


@settings(max_examples=300)
@given(questions(), st.booleans(), st.sampled_from(deep.DEEP_ORDERS), st.integers(0, 40))
def test_deep_ranking_equals_best_first_and_the_oracle(
    q: tuple, minimal: bool, order_by: str, k: int
) -> None:
    leg, rule, c = q
    oracle = Oracle(leg, rule, c)
    assume(not oracle.contradiction())
    walk = ranked_walk(leg, rule, c, minimal)
    assume(deep.ranks_deeply(walk, order_by))
    found = list(deep.deep_ranking(walk, order_by, k))
    expected = best_first(walk, order_by, k)
    assert found == expected
    assert [str(r) for r in found] == [str(r) for r in expected]
    assert [r.member_seats for r in found] == [r.member_seats for r in expected]
    # and the k first are the k best of every viable coalition the oracle knows
    everything = list(oracle.coalitions(minimal))
    assert len(found) == min(k, len(everything))
    rank = co.search.RANKS[order_by]
    ranks = sorted(rank(r) for r in ranked_walk_all(leg, rule, c, minimal))
    assert [rank(r) for r in found] == ranks[: len(found)]
    assert {r.members for r in found} <= set(everything)


def ranked_walk_all(
    leg: co.Legislature, rule: object, c: co.Constraints, minimal: bool
) -> list[co.Coalition]:
    return list(co.find_coalitions(leg, rule, constraints=c, minimal=minimal))


@settings(max_examples=200)
@given(legislatures(max_parties=9, max_seats=12, max_size=100), st.integers(1, 60))
def test_deep_ranking_of_plain_chambers_with_many_ties(leg: co.Legislature, k: int) -> None:
    """Small seat counts make many coalitions tie on seats and size."""
    for order_by in deep.DEEP_ORDERS:
        walk = ranked_walk(leg, "majority", co.Constraints(), True)
        assert list(deep.deep_ranking(walk, order_by, k)) == best_first(walk, order_by, k)


@settings(max_examples=200)
@given(questions(), st.booleans())
def test_plain_streaming_equals_the_general_walk(q: tuple, minimal: bool) -> None:
    leg, rule, _c = q
    walk = Walk(compile_game(leg, rule, co.Constraints()), minimal=minimal, group=False)
    general = list(streaming._general(walk)) if not walk.flat.missing_tags else []
    assert list(streaming.depth_first(walk)) == general
    if streaming._is_plain(walk):
        plain = list(streaming._plain(walk))
        assert plain == general
        assert [(str(r), r.member_seats, r.house) for r in plain] == [
            (str(r), r.member_seats, r.house) for r in general
        ]


def test_plain_streaming_is_taken_on_iraq(iraq: co.Legislature) -> None:
    walk = Walk(compile_game(iraq, "majority", constraints_of(None)), minimal=True, group=False)
    assert streaming._is_plain(walk)
    head = list(itertools.islice(streaming._plain(walk), 20_000))
    assert head == list(itertools.islice(streaming._general(walk), 20_000))


@pytest.mark.parametrize("order_by", deep.DEEP_ORDERS)
def test_iraq_top_thousand_equals_the_best_first_ranking(
    iraq: co.Legislature, order_by: str
) -> None:
    found = list(co.find_coalitions(iraq, "majority", order_by=order_by, limit=1000))
    walk = ranked_walk(iraq, "majority", co.Constraints(), True)
    assert found == best_first(walk, order_by, 1000)
    assert len(found) == 1000


def test_iraq_top_thousand_under_red_lines(iraq: co.Legislature) -> None:
    red = co.Constraints(
        exclude_tags={"militia-affiliated"}, require_tags={"component:kurdish", "component:sunni"}
    )
    found = list(
        co.find_coalitions(iraq, "majority", constraints=red, order_by="seats", limit=1000)
    )
    assert found == best_first(ranked_walk(iraq, "majority", red, True), "seats", 1000)


def test_a_limit_past_every_result_gives_them_all(kurdistan: co.Legislature) -> None:
    total = co.count_coalitions(kurdistan, "majority")
    for order_by in deep.DEEP_ORDERS:
        limit = max(deep.DEEP_FROM, total + 1)
        found = list(co.find_coalitions(kurdistan, order_by=order_by, limit=limit))
        assert len(found) == total
        assert found == list(co.find_coalitions(kurdistan, order_by=order_by))
        # and a limit just inside the total, from the deep ranking's threshold on
        head = list(co.find_coalitions(kurdistan, order_by=order_by, limit=total - 1))
        assert head == found[: total - 1]
