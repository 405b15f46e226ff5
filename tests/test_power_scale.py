"""Large weights: a common factor taken out before any dynamic program (the reduced game
is the same game), and the decision-diagram path for large weights and few players,
each against brute force."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions import power
from coalitions.counting import FlatGame, count
from coalitions.power.diagram import Diagram, use_diagram

from .oracles.power import brute_of
from .test_power import games

EU_FILE = Path(__file__).resolve().parent.parent / "examples" / "data" / "eu27-population-2024.csv"


def eu_population() -> dict[str, int]:
    """The EU-27 populations in hundreds (the file cites its source)."""
    lines = [line for line in EU_FILE.read_text().splitlines() if not line.startswith("#")]
    return {row["key"]: int(row["population_hundreds"]) for row in csv.DictReader(lines)}


INDEX_NAMES = ("banzhaf", "penrose", "shapley-shubik", "deegan-packel", "public-good", "johnston")


@st.composite
def flat_games(draw: st.DrawFn) -> tuple[dict[str, object], int]:
    """The fields of a small FlatGame with every constraint the counts know, players
    heaviest first, and a common factor to scale it by."""
    n = draw(st.integers(1, 6))
    weight = sorted(draw(st.lists(st.integers(0, 9), min_size=n, max_size=n)), reverse=True)
    tag_count = draw(st.integers(0, 2))
    tag_bits = draw(st.lists(st.integers(0, (1 << tag_count) - 1), min_size=n, max_size=n))
    is_required = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    threshold = draw(st.integers(1, max(sum(weight), 1)))
    upper = draw(st.none() | st.integers(threshold, threshold + 10))
    max_parties = draw(st.none() | st.integers(1, n))
    pairs = list(itertools.combinations(range(n), 2))
    forbidden = draw(st.lists(st.sampled_from(pairs), max_size=2, unique=True)) if pairs else []
    factor = draw(st.integers(2, 50))
    fields: dict[str, object] = {
        "weight": weight,
        "party_count": [1] * n,
        "tag_bits": tag_bits,
        "is_required": is_required,
        "threshold": threshold,
        "upper": upper,
        "max_parties": max_parties,
        "all_tags": (1 << tag_count) - 1,
        "forbidden": forbidden,
    }
    return fields, factor


def brute_count(flat: FlatGame, minimal: bool) -> int:
    n = flat.player_count
    return sum(
        1
        for r in range(n + 1)
        for players in itertools.combinations(range(n), r)
        if flat.viable(players) and (not minimal or flat.minimal(players))
    )


@settings(max_examples=200)
@given(flat_games(), st.data())
def test_counts_of_a_scaled_game_equal_the_game_and_brute_force(case, data) -> None:
    fields, k = case
    below = data.draw(st.integers(0, k - 1), label="threshold rounded down by")
    above = data.draw(st.integers(0, k - 1), label="ceiling rounded up by")
    game = FlatGame(**fields)  # type: ignore[arg-type]
    upper = fields["upper"]
    scaled = FlatGame(
        **{
            **fields,
            "weight": [w * k for w in fields["weight"]],  # type: ignore[attr-defined]
            "threshold": fields["threshold"] * k - below,  # type: ignore[operator]
            "upper": None if upper is None else upper * k + above,  # type: ignore[operator]
        }
    )
    if any(game.weight):
        assert scaled.reduced().divisor % k == 0  # the factor is taken out
    for minimal in (False, True):
        expected = brute_count(scaled, minimal)
        assert brute_count(game, minimal) == expected
        assert count(scaled, minimal) == expected
        assert count(game, minimal) == expected


@settings(max_examples=100)
@given(games(max_players=6), st.integers(2, 1000), st.data())
def test_indices_of_a_scaled_game_equal_the_game(game, k, data) -> None:
    below = data.draw(st.integers(0, k - 1))
    scaled = co.WeightedGame(
        weights={p: w * k for p, w in game.weights.items()}, quota=game.quota * k - below
    )
    for name in INDEX_NAMES:
        assert power.INDICES[name](scaled) == power.INDICES[name](game), name
    unions = [list(game.players)[:2]]
    assert power.owen(scaled, unions=unions) == power.owen(game, unions=unions)


def test_iraq_times_a_thousand_is_iraq(iraq: co.Legislature) -> None:
    game = co.WeightedGame.from_legislature(iraq)
    scaled = co.WeightedGame(
        weights={k: w * 1000 for k, w in game.weights.items()}, quota=game.quota * 1000
    )
    assert power.shapley_shubik(scaled) == power.shapley_shubik(game)
    assert power.banzhaf(scaled) == power.banzhaf(game)


@st.composite
def heavy_games(draw: st.DrawFn) -> co.WeightedGame:
    """Few players with large, coprime-ish weights: the diagram's ground."""
    n = draw(st.integers(1, 7))
    weights = draw(st.lists(st.integers(0, 100_000), min_size=n, max_size=n))
    assume(sum(weights) >= 1000)
    quota = draw(st.integers(1, sum(weights)))
    return co.WeightedGame(weights={f"p{i}": w for i, w in enumerate(weights)}, quota=quota)


@settings(max_examples=150)
@given(heavy_games())
def test_the_diagram_path_equals_brute_force(game: co.WeightedGame) -> None:
    b = brute_of(game)
    assert power.banzhaf(game, normalized=False) == b.banzhaf(False)
    assert power.shapley_shubik(game) == b.shapley_shubik()


@settings(max_examples=200)
@given(games(max_players=7))
def test_the_diagram_counts_swings_by_size(game: co.WeightedGame) -> None:
    # Also on small weights, where the estimate would choose the dense program.
    keys = list(game.players)
    weights = [game.weights[k] for k in keys]
    by_size = Diagram(weights, game.quota).swings_by_size(by_size=True)
    total = Diagram(weights, game.quota).swings_by_size(by_size=False)
    for i, key in enumerate(keys):
        others = [k for k in keys if k != key]
        expected = [0] * len(keys)
        for r in range(len(others) + 1):
            for s in itertools.combinations(others, r):
                if not game.wins(s) and game.wins((*s, key)):
                    expected[r] += 1
        assert by_size[i] == expected
        assert total[i] == [sum(expected)]


def test_the_estimate_chooses_by_weight_and_players(iraq: co.Legislature) -> None:
    seats = sorted(co.WeightedGame.from_legislature(iraq).weights.values(), reverse=True)
    assert not use_diagram(seats, 165, by_size=False)
    # EU-27 population in hundreds (Eurostat, 1 January 2024): 27 players, 4.5 million.
    eu = sorted(eu_population().values(), reverse=True)
    assert len(eu) == 27
    assert use_diagram(eu, sum(eu) * 65 // 100 + 1, by_size=False)
    # Many players of weight 1: the dense program, whatever the total.
    assert not use_diagram([1] * 329, 165, by_size=True)
