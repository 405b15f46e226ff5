"""Johnston's index (and the minimal-coalition indices) at any weight scale: the
decision-diagram path against brute force and against the dense count, and on games
with large weights that no common factor reduces."""

from __future__ import annotations

import importlib
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions import power
from coalitions.power.bdd import Bdd
from coalitions.power.game import players_of

from .oracles.power import Brute

johnston_module = importlib.import_module("coalitions.power.johnston")


@st.composite
def weighted_games(draw: st.DrawFn, max_players: int = 7) -> co.WeightedGame:
    n = draw(st.integers(1, max_players))
    scale = draw(st.sampled_from([1, 7, 1000, 123_457]))
    weights = [
        w * scale + draw(st.integers(0, 3))
        for w in draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    ]
    if not any(weights):
        weights[0] = 1
    quota = draw(st.integers(1, sum(weights)))
    return co.WeightedGame(weights={f"p{i}": w for i, w in enumerate(weights)}, quota=quota)


def by_diagram(game: co.WeightedGame) -> dict[str, Fraction]:
    g = players_of(game, "majority", None, {})
    return g.result(johnston_module._johnston_by_diagram(g, Bdd(g.count)))


def by_dense(game: co.WeightedGame) -> dict[str, Fraction]:
    g = players_of(game, "majority", None, {})
    return g.result(johnston_module._johnston(g))


@settings(max_examples=300, deadline=None)
@given(weighted_games())
def test_johnston_by_diagram_equals_brute_force(game: co.WeightedGame) -> None:
    b = Brute(list(game.players), game.wins)
    expected = b.johnston()
    assert by_diagram(game) == expected
    assert power.johnston(game) == expected
    # the minimal-coalition indices take the diagram too when the weights are large
    assert power.deegan_packel(game) == b.deegan_packel()
    assert power.public_good(game) == b.public_good()


def test_both_paths_agree_on_iraq_2025() -> None:
    iraq = co.WeightedGame.from_legislature(co.load_scenario("iraq-2025"))
    assert by_diagram(iraq) == by_dense(iraq) == power.johnston(iraq)


def test_large_weights_that_no_common_factor_reduces() -> None:
    # Every seat count times 1000, plus 1: with 50 players the extra seats never reach
    # 1000, so the same coalitions win, at a total weight of 329,050 with gcd 1.
    iraq = co.WeightedGame.from_legislature(co.load_scenario("iraq-2025"))
    big = co.WeightedGame(
        weights={k: 1000 * w + 1 for k, w in iraq.weights.items()}, quota=iraq.quota * 1000
    )
    g = players_of(big, "majority", None, {})
    assert g.flat.divisor == 1
    assert johnston_module._diagram_if_cheaper(g) is not None  # the diagram path is chosen
    assert power.johnston(big) == power.johnston(iraq)


def test_dense_path_is_chosen_for_small_weights() -> None:
    iraq = co.WeightedGame.from_legislature(co.load_scenario("iraq-2025"))
    assert johnston_module._diagram_if_cheaper(players_of(iraq, "majority", None, {})) is None
