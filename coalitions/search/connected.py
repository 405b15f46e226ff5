"""Axelrod's connected coalitions: contiguous in left-right order.

A set of players is *connected* when every player whose position lies strictly between
its leftmost and rightmost members is in it. It is minimal when no member can leave
while the rest stays connected and still wins: only members at either end can leave
without breaking connectedness. Every player needs a position.

Reference: R. Axelrod, *Conflict of Interest* (Markham, 1970).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from fractions import Fraction

from ..constraints import Game
from ..counting import FlatGame
from .ranked import need_positions
from .units import Walk
from .values import Coalition, sort_key

__all__ = ["connected_coalitions", "connected_players"]


def connected_players(game: Game, flat: FlatGame, minimal: bool) -> Iterator[list[int]]:
    """Connected viable coalitions, as lists of player indices."""
    need_positions(game, "connected coalitions need a left-right position")
    if flat.missing_tags:
        return
    positions: list[Fraction] = [p.position for p in game.players]  # type: ignore[misc]
    values = sorted(set(positions))
    at = {val: [i for i in range(flat.player_count) if positions[i] == val] for val in values}
    for a, lo in enumerate(values):
        for hi in values[a:]:
            if any(
                flat.is_required[i] and not lo <= positions[i] <= hi
                for i in range(flat.player_count)
            ):
                continue
            inner = [i for i in range(flat.player_count) if lo < positions[i] < hi]
            ends = [at[lo]] if lo == hi else [at[lo], at[hi]]
            for combo in itertools.product(*(_choices(flat, group) for group in ends)):
                players = sorted(set(inner).union(*combo))
                if flat.viable(players) and not (
                    minimal and _end_can_leave(flat, players, positions, lo, hi)
                ):
                    yield players


def _choices(flat: FlatGame, group: Sequence[int]) -> list[list[int]]:
    """The non-empty subsets of the players at one end that keep its required ones."""
    return [
        list(c)
        for r in range(1, len(group) + 1)
        for c in itertools.combinations(group, r)
        if all(i in c for i in group if flat.is_required[i])
    ]


def _end_can_leave(
    flat: FlatGame,
    players: Sequence[int],
    positions: Sequence[Fraction],
    lo: Fraction,
    hi: Fraction,
) -> bool:
    """Whether a member at either end could leave while the rest still wins."""
    return any(positions[i] in (lo, hi) for i in flat.leavers(players))


def connected_coalitions(walk: Walk, order_by: str | None) -> Iterator[Coalition]:
    """The connected results of ``walk``, ranked by ``order_by`` (or in the walk's order)."""
    build = walk.builder.coalition
    flat = walk.flat
    found = [
        build(players, sum(flat.weight[i] for i in players))
        for players in connected_players(walk.game, flat, walk.minimal)
    ]
    if order_by is not None:
        found.sort(key=sort_key(order_by))
    return iter(found)
