"""The Johnston index, counted without listing (Johnston 1978)."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Final

from .. import rules
from ..constraints import Constraints, constraints_of
from ..counting import Counts, Table, add_player, remove_player
from ..errors import ConstraintError, LimitError
from .bdd import Bdd
from .diagram import MAX_DIAGRAM_PLAYERS
from .game import GameOrChamber, Players, WeightedGame, players_of
from .surplus import levels
from .vector import vector_johnston

__all__ = ["johnston"]


def johnston(
    game: GameOrChamber,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """The Johnston index: every winning coalition shares 1 equally among its critical
    members (those whose departure makes it lose), normalized to sum to 1.

    Computed without listing: for a coalition with surplus ``t``, the critical members
    are exactly those with more than ``t`` seats, so the count runs over the intervals
    of ``t`` between distinct weights, with a generating function of the heavy players
    by seats and size and one of the light players by seats.

    Requirements (required tags or parties) are refused: in a composite game a light
    member can be critical through a tag, which this count does not track.

    Reference: R. J. Johnston, *Political Studies* 26 (1978) 272-282.

    >>> from coalitions.power import WeightedGame
    >>> johnston(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(2, 3), 'b': Fraction(1, 6), 'c': Fraction(1, 6)}
    """
    if isinstance(game, WeightedGame) and game.is_vector:
        if constraints is not None or keywords:
            raise ConstraintError(
                "constraints apply to a legislature; a WeightedGame is already the game"
            )
        return vector_johnston(game)
    c = constraints_of(constraints, **keywords) if not isinstance(game, WeightedGame) else None
    if c is not None and (c.require or c.require_tags):
        raise ConstraintError(
            "the Johnston index is computed for weighted games; required parties or tags "
            "make a composite game: use banzhaf, shapley_shubik, deegan_packel or public_good"
        )
    g = players_of(game, quota, constraints, keywords)
    bdd = _diagram_if_cheaper(g)
    return g.result(_johnston(g) if bdd is None else _johnston_by_diagram(g, bdd))


#: The cost of one node of one window's diagram, in slots of the dense count's products
#: (measured on iraq-2025 and its weights times 1000 plus 1, the same game).
JOHNSTON_NODE_COST: Final = 24


def _diagram_if_cheaper(g: Players) -> Bdd | None:
    """A decision-diagram table holding the game's diagram when the diagram path is
    the cheaper, else ``None``.

    The dense count costs about ``D * D * (total + 1)`` slots for ``D`` distinct weights;
    the diagram path ``D`` window diagrams of about the game diagram's ``N`` nodes,
    each :data:`JOHNSTON_NODE_COST` slots. The game's diagram is built under the node
    budget that keeps the diagram the cheaper, and abandoned past it."""
    weights, threshold = g.flat.weight, g.flat.threshold
    distinct = len(set(weights))
    budget = distinct * (sum(weights) + 1) // JOHNSTON_NODE_COST
    if g.count > MAX_DIAGRAM_PLAYERS or budget < 2 * g.count:
        return None
    bdd = Bdd(g.count)
    try:
        bdd.weighted(weights, threshold, limit=budget)
    except LimitError:
        return None
    return bdd


def _johnston_by_diagram(g: Players, bdd: Bdd) -> dict[int, Fraction]:
    """The index by player, on decision diagrams (large weights, few players): for each
    surplus interval ``lo..hi`` (:func:`.surplus.levels`), the diagram of the
    coalitions with ``threshold + lo`` to ``threshold + hi`` seats, and in it each heavy
    player's coalitions by how many heavy members they hold."""
    weights, threshold = g.flat.weight, g.flat.threshold
    scale = math.lcm(*range(1, g.count + 1))  # sums of 1/size as whole numbers
    raw = [0] * g.count
    for d, lo, hi, _group in levels(weights, threshold):
        if lo > hi:
            continue
        heavy = [w >= d for w in weights]
        window = bdd.window(weights, threshold + lo, threshold + hi)
        per = bdd.containing_among(window, heavy)
        for i in range(g.count):
            if heavy[i]:
                raw[i] += sum(k * (scale // a) for a, k in enumerate(per[i]) if k)
    mass = sum(raw)
    return {i: (Fraction(raw[i], mass) if mass else Fraction(0)) for i in range(g.count)}


def _johnston(g: Players) -> dict[int, Fraction]:
    """The index by player.

    For the distinct weights ``d_1 > d_2 > ...`` and a surplus ``t`` in
    ``[d_(r+1), d_r - 1]``, the critical members of a winning coalition are its members
    of weight at least ``d_r`` (its heavy members). A heavy player ``x`` then earns
    ``1 / (1 + a)`` from each such coalition with ``a`` other heavy members: the count
    is a window of the product of two generating functions, the other heavy players by
    seats (one for each ``a``, weighted by ``L / (1 + a)`` for a common multiple ``L``)
    and the light players by seats.
    """
    flat, threshold = g.flat, g.flat.threshold
    total = sum(flat.weight)
    weights = sorted(set(flat.weight), reverse=True)
    groups = {d: [i for i in range(g.count) if flat.weight[i] == d] for d in weights}
    scale = math.lcm(*range(1, g.count + 1))
    # Every count is of subsets of the players, scaled by at most `scale`.
    # Every window read ends below threshold + the heaviest weight: no longer sum counts.
    length = min(total, threshold + max(flat.weight) - 1) + 1
    form = Counts(length, g.count + 2 + scale.bit_length())
    light = _light_tables(form, weights, groups)
    raw: dict[int, Fraction] = {}
    heavy: Table = {(0, 0): 1}  # the players of weight >= d, by size and seats
    for r, d in enumerate(weights):
        for _ in groups[d]:
            heavy = add_player(form, heavy, d, 0, 1)
        lo = weights[r + 1] if r + 1 < len(weights) else 0
        hi = min(d - 1, total - threshold)
        if lo > hi:
            continue
        for heavier in weights[: r + 1]:
            # the other heavy players, by size: one of this weight taken back out
            others = remove_player(form, heavy, heavier)
            shares = sum((scale // (a + 1)) * packed for (_held, a), packed in others.items())
            # heavy seats plus light seats in start..end: only the slots up to end matter
            start, end = threshold + lo - heavier, threshold + hi - heavier
            if end < 0:
                continue
            kept = (1 << ((end + 1) * form.bits)) - 1
            product = (shares & kept) * (light[r] & kept)
            n = form.window(product, max(start, 0), end)
            value = Fraction(n, scale)
            for i in groups[heavier]:
                raw[i] = raw.get(i, Fraction(0)) + value
    mass = sum(raw.values())
    return {i: (raw.get(i, Fraction(0)) / mass if mass else Fraction(0)) for i in range(g.count)}


def _light_tables(form: Counts, weights: list[int], groups: dict[int, list[int]]) -> list[int]:
    """For each distinct weight, the subsets of the lighter players, by seats."""
    light = [0] * len(weights)
    table: Table = {(0, 0): 1}
    for r in range(len(weights) - 1, -1, -1):
        light[r] = table[(0, 0)]
        for _ in groups[weights[r]]:
            table = add_player(form, table, weights[r], 0, 0)
    return light
