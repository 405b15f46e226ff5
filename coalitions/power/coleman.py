"""Coleman's powers to prevent and to initiate action (Coleman 1971).

A player's swings (the coalitions of the others that lose without it and win with it)
are the same count as Banzhaf's; Coleman divides them by the winning coalitions (the
power to prevent action: how often the player can stop a winning coalition by leaving)
or by the losing coalitions (the power to initiate action: how often it can turn a
losing coalition into a winning one by joining). Neither is normalized.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from .. import rules
from ..constraints import Constraints
from .game import GameOrChamber, WeightedGame, players_of
from .measures import swing_counts
from .vector import vector_swings

__all__ = ["coleman_initiate", "coleman_prevent"]


def _swings(
    game: GameOrChamber,
    quota: rules.Rule,
    constraints: Constraints | None,
    keywords: dict[str, Any],
) -> tuple[dict[str, Fraction], int, int]:
    """Swings by key, the winning coalitions, and all coalitions."""
    if isinstance(game, WeightedGame) and game.is_vector:
        swings, winning = vector_swings(game)
        return swings, winning, 2 ** len(game.weights)
    g = players_of(game, quota, constraints, keywords)
    counts, winning = swing_counts(g)
    return g.result(counts), winning, 2**g.count


def coleman_prevent(
    game: GameOrChamber,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """Coleman's power to prevent action: the player's swings over the number of
    winning coalitions.

    Reference: J. S. Coleman, "Control of collectivities and the power of a
    collectivity to act", in B. Lieberman (ed.), *Social Choice* (Gordon and Breach,
    1971) 269-300.

    >>> from coalitions.power import WeightedGame
    >>> coleman_prevent(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(1, 1), 'b': Fraction(1, 3), 'c': Fraction(1, 3)}
    """
    swings, winning, _all = _swings(game, quota, constraints, keywords)
    return {k: s / winning for k, s in swings.items()}


def coleman_initiate(
    game: GameOrChamber,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """Coleman's power to initiate action: the player's swings over the number of
    losing coalitions (Coleman 1971, as :func:`coleman_prevent`).

    >>> from coalitions.power import WeightedGame
    >>> coleman_initiate(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(3, 5), 'b': Fraction(1, 5), 'c': Fraction(1, 5)}
    """
    swings, winning, everything = _swings(game, quota, constraints, keywords)
    return {k: s / (everything - winning) for k, s in swings.items()}
