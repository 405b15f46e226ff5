"""Vector-weighted games (several weight vectors, a blocking-minority clause): every index
against brute force, counting and listing, errors, and the EU Council's rule."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions import power

from .oracles.power import Brute, owen_banzhaf
from .test_power_scale import eu_population


@st.composite
def vector_games(draw: st.DrawFn, max_players: int = 6) -> co.WeightedGame:
    n = draw(st.integers(1, max_players))
    keys = [f"p{i}" for i in range(n)]
    vectors = []
    for _ in range(draw(st.integers(1, 3))):
        weights = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
        if not any(weights):
            weights[0] = 1
        quota = draw(st.integers(1, sum(weights)))
        vectors.append((dict(zip(keys, weights, strict=True)), quota))
    blockers = draw(st.none() | st.integers(1, n))
    first, quota = vectors[0]
    return co.WeightedGame(weights=first, quota=quota, also=vectors[1:], blockers=blockers)


@settings(max_examples=300)
@given(vector_games())
def test_vector_games_equal_brute_force(game: co.WeightedGame) -> None:
    b = Brute(list(game.players), game.wins)
    assert power.banzhaf(game, normalized=False) == b.banzhaf(False)
    if any(b.banzhaf(False).values()):
        assert power.banzhaf(game) == b.banzhaf()
    assert power.shapley_shubik(game) == b.shapley_shubik()
    minimal = b.minimal()
    assert power.count_winning(game) == len(minimal)
    assert set(power.minimal_winning(game)) == set(minimal)
    assert power.count_winning(game, minimal=False) == sum(1 for s in b.subsets() if game.wins(s))
    if any(minimal):
        assert power.deegan_packel(game) == b.deegan_packel()
        assert power.public_good(game) == b.public_good()


@settings(max_examples=100)
@given(vector_games())
def test_one_vector_is_the_weighted_game(game: co.WeightedGame) -> None:
    # The diagram of a single vector agrees with the dense program.
    plain = co.WeightedGame(weights=game.weights, quota=game.quota)
    forced = co.WeightedGame(weights=game.weights, quota=game.quota, also=[(game.weights, 1)])
    assert forced.is_vector
    assert power.shapley_shubik(forced) == power.shapley_shubik(plain)
    assert power.banzhaf(forced, normalized=False) == power.banzhaf(plain, normalized=False)


def test_vector_games_compute_johnston_and_owen_when_named() -> None:
    g = co.WeightedGame(weights={"a": 2, "b": 1}, quota=2, also=[({"a": 1, "b": 1}, 2)])
    assert power.johnston(g) == {"a": Fraction(1, 2), "b": Fraction(1, 2)}
    assert power.owen(g, unions=[["a", "b"]]) == {"a": Fraction(1, 2), "b": Fraction(1, 2)}
    table = power.indices(g)
    assert "johnston" not in table.indices  # one diagram a combination of intervals: ask
    assert power.indices(g, which=["johnston"]).values["johnston"] == power.johnston(g)
    assert table.values["shapley-shubik"] == {"a": Fraction(1, 2), "b": Fraction(1, 2)}
    with pytest.raises(co.ConstraintError, match="already the game"):
        power.johnston(g, exclude={"a"})


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"also": 5}, "'also'"),
        ({"also": [({"a": 1}, 1)]}, "same players"),
        ({"also": [({"a": 1, "b": 1}, 3)]}, "quota between 1 and its total 2"),
        ({"also": [({"a": 1, "b": -1}, 1)]}, "whole numbers >= 0"),
        ({"blockers": 3}, "'blockers'"),
    ],
)
def test_bad_vectors_are_named(kwargs: dict, field: str) -> None:
    with pytest.raises(co.ValidationError, match=field):
        co.WeightedGame(weights={"a": 1, "b": 2}, quota=2, **kwargs)


# ------------------------------------------------------------------ EU Council


def eu_council() -> co.WeightedGame:
    """Qualified majority (TEU art. 16(4), TFEU art. 238(3)): 55% of the members (15 of
    27) representing 65% of the population; a blocking minority needs at least 4."""
    pop = eu_population()
    return co.WeightedGame(
        weights=pop,
        quota=-(-sum(pop.values()) * 65 // 100),
        also=[(dict.fromkeys(pop, 1), 15)],
        blockers=4,
    )


def test_eu_council_rule() -> None:
    eu = eu_council()
    pop = eu_population()
    smallest = sorted(pop, key=pop.get)
    # 24 states win by the clause though they fall short of 65%: the big three block
    # only with a fourth.
    without_big_three = set(pop) - {"de", "fr", "it"}
    assert sum(pop[k] for k in without_big_three) < eu.quota
    assert eu.wins(without_big_three)
    assert not eu.wins(set(pop) - {"de", "fr", "it", "es"})
    # 15 states with 65% win; the 15 smallest hold far less.
    assert not eu.wins(smallest[:15])
    ss = power.shapley_shubik(eu)
    bz = power.banzhaf(eu)
    assert sum(ss.values()) == 1 and sum(bz.values()) == 1
    order = sorted(pop, key=lambda k: -pop[k])
    assert [ss[k] for k in order] == sorted(ss.values(), reverse=True)
    # Power grows slower than population at the top, faster at the bottom (the double
    # majority's member count), as every study of the Lisbon rule finds.
    share = {k: Fraction(pop[k], sum(pop.values())) for k in pop}
    assert ss["de"] < share["de"] and ss["mt"] > share["mt"]


@st.composite
def games_with_unions(draw: st.DrawFn) -> tuple[co.WeightedGame, list[list[str]]]:
    game = draw(vector_games(max_players=5))
    keys = list(game.players)
    labels = draw(st.lists(st.integers(0, 2), min_size=len(keys), max_size=len(keys)))
    unions = [[k for k, lab in zip(keys, labels, strict=True) if lab == u] for u in range(3)]
    return game, [u for u in unions if u]


@settings(max_examples=200, deadline=None)
@given(vector_games())
def test_vector_johnston_equals_brute_force(game: co.WeightedGame) -> None:
    b = Brute(list(game.players), game.wins)
    assert power.johnston(game) == b.johnston()


@settings(max_examples=200, deadline=None)
@given(games_with_unions())
def test_vector_owen_values_equal_brute_force(
    case: tuple[co.WeightedGame, list[list[str]]],
) -> None:
    game, unions = case
    b = Brute(list(game.players), game.wins)
    assert power.owen(game, unions=unions) == b.owen(unions)
    assert power.owen_banzhaf(game, unions=unions) == owen_banzhaf(b, unions)


@settings(max_examples=200, deadline=None)
@given(vector_games(), st.booleans())
def test_ranked_minimal_winning_equals_brute_force(game: co.WeightedGame, largest: bool) -> None:
    minimal = Brute(list(game.players), game.wins).minimal()
    ranked = list(power.minimal_winning_ranked(game, largest=largest))
    assert len(ranked) == len(minimal)
    assert {s for _w, s in ranked} == set(minimal)
    weights = [w for w, _s in ranked]
    assert weights == sorted(weights, reverse=largest)
    assert all(w == sum(game.weights[k] for k in s) for w, s in ranked)
    # any other weights rank the same coalitions
    by = {k: i for i, k in enumerate(game.players)}
    other = list(power.minimal_winning_ranked(game, by))
    assert [w for w, _s in other] == sorted(sum(by[k] for k in s) for s in minimal)


def test_eu_council_minimal_winning_ranked_by_population() -> None:
    eu = eu_council()
    pop = eu_population()
    first = list(itertools.islice(power.minimal_winning_ranked(eu), 200))
    assert [w for w, _s in first] == sorted(w for w, _s in first)
    for w, s in first:
        assert eu.wins(s) and all(not eu.wins(s - {k}) for k in s)
        assert w == sum(pop[k] for k in s)
    # The least populous minimal winning coalition: 24 states without de, fr, it (the
    # blocking clause) or 65% with 15 states, whichever holds fewer people.
    lightest = first[0][1]
    assert len(lightest) in (15, 24)
    heaviest = next(power.minimal_winning_ranked(eu, largest=True))
    assert {"de", "fr", "it"} <= heaviest[1]


def test_ranked_minimal_winning_refuses_bad_weights() -> None:
    g = co.WeightedGame(weights={"a": 2, "b": 1}, quota=2)
    with pytest.raises(co.ConstraintError, match="'by' must weigh every player"):
        next(power.minimal_winning_ranked(g, {"a": 1}))
    with pytest.raises(co.ConstraintError, match="whole numbers"):
        next(power.minimal_winning_ranked(g, {"a": 1, "b": -1}))
