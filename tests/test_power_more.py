"""The Owen-Banzhaf value and Coleman's powers, against brute force (the definitions
written independently in tests/oracles/power.py)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions import power

from .oracles.power import Brute, brute_of, coleman, owen_banzhaf
from .test_power import games
from .test_power_vector import vector_games


@settings(max_examples=150)
@given(games(max_players=6), st.data())
def test_owen_banzhaf_equals_the_oracle(game: co.WeightedGame, data: st.DataObject) -> None:
    players = list(game.players)
    labels = data.draw(st.lists(st.integers(0, 2), min_size=len(players), max_size=len(players)))
    unions = [[p for p, lab in zip(players, labels, strict=True) if lab == k] for k in range(3)]
    unions = [u for u in unions if u]
    assert power.owen_banzhaf(game, unions=unions) == owen_banzhaf(brute_of(game), unions)


@settings(max_examples=50)
@given(games(max_players=6))
def test_owen_banzhaf_without_unions_is_penrose(game: co.WeightedGame) -> None:
    assert power.owen_banzhaf(game) == power.banzhaf(game, normalized=False)


@settings(max_examples=150)
@given(games(max_players=7))
def test_coleman_equals_the_oracle(game: co.WeightedGame) -> None:
    b = brute_of(game)
    assume(0 < sum(1 for s in b.subsets() if game.wins(s)) < 2 ** len(b.players))
    prevent, initiate = coleman(b)
    assert power.coleman_prevent(game) == prevent
    assert power.coleman_initiate(game) == initiate


@settings(max_examples=60)
@given(games(max_players=5), st.integers(2, 100_000))
def test_coleman_on_the_diagram_path(game: co.WeightedGame, k: int) -> None:
    # Large, coprime weights take the decision diagram; the values must not change.
    heavy = co.WeightedGame(
        weights={p: w * k + (1 if i == 0 else 0) for i, (p, w) in enumerate(game.weights.items())},
        quota=game.quota * k,
    )
    b = brute_of(heavy)
    assume(0 < sum(1 for s in b.subsets() if heavy.wins(s)) < 2 ** len(b.players))
    prevent, initiate = coleman(b)
    assert power.coleman_prevent(heavy) == prevent
    assert power.coleman_initiate(heavy) == initiate


@settings(max_examples=80)
@given(vector_games(max_players=5))
def test_coleman_on_vector_games(game: co.WeightedGame) -> None:
    b = Brute(list(game.players), game.wins)
    assume(0 < sum(1 for s in b.subsets() if game.wins(s)) < 2 ** len(b.players))
    prevent, initiate = coleman(b)
    assert power.coleman_prevent(game) == prevent
    assert power.coleman_initiate(game) == initiate


def test_a_chamber_and_the_registry(kurdistan: co.Legislature, iraq: co.Legislature) -> None:
    table = power.indices(kurdistan, which=("coleman", "coleman-initiate", "banzhaf-owen"))
    assert table.indices == ("coleman-prevent", "coleman-initiate", "owen-banzhaf")
    prevent = table.values["coleman-prevent"]
    assert all(0 <= v <= 1 for v in prevent.values())
    # Without unions the Owen-Banzhaf value is Penrose's index.
    assert table.values["owen-banzhaf"] == power.banzhaf(kurdistan, normalized=False)
    # A kept-together bloc is a union: its members are rated, and the value changes.
    united = power.owen_banzhaf(iraq, keep_together={"coordination-framework"})
    alone = power.banzhaf(iraq, normalized=False)
    members = [k for k in united if k in alone and united[k] != alone[k]]
    assert members
    assert all(isinstance(v, Fraction) for v in united.values())
