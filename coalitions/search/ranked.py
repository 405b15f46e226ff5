"""The ranked walk: results in rank order by best-first search with exact lower bounds,
so the first results come without enumerating the rest.

Heap entries are ``(bounds, path, kind, item)``: lower bounds on the rank of every result
below a node (or a result's own rank), and ``path``, the walk's choices so far over the
units in key order (more of a unit before fewer). A node sorts before every result
below it, so popping in this order emits results by rank, then by their sorted member
keys (a kept-together bloc sorting by its first member), without exhausting a level of
ties: the order :func:`~coalitions.search.values.sort_key` defines.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
from collections.abc import Iterator, Sequence
from fractions import Fraction
from typing import Any

from ..constraints import Game
from ..errors import ConstraintError
from .units import Pick, Walk
from .values import RANKS, Coalition

__all__ = ["BestFirst", "need_positions"]

#: A walk's choices as a linked list, newest first: ``(unit, k, rest)`` or ``None``.
Chain = tuple[Any, ...] | None


def need_positions(game: Game, what: str) -> None:
    """Raise unless every player has a left-right position."""
    missing = [p.key for p in game.players if p.position is None]
    if missing:
        shown = ", ".join(missing[:6]) + (
            f" and {len(missing) - 6} more" if len(missing) > 6 else ""
        )
        raise ConstraintError(f"{what} for every player; missing: {shown}")


def _unchain(chain: Chain) -> list[Pick]:
    out: list[Pick] = []
    while chain is not None:
        unit, k, chain = chain
        out.append((unit, k))
    out.reverse()
    return out


class BestFirst:
    """The best-first search of one ranked question."""

    def __init__(self, walk: Walk, order_by: str) -> None:
        if order_by == "range":
            need_positions(walk.game, "ranking by left-right range needs a position")
        self.walk = walk
        self.order_by = order_by
        self.rank = RANKS[order_by]
        flat, units = walk.flat, walk.units
        self.reach = _reach_by_tags(walk)
        # cum[u]: running sums of the heaviest players from unit u on, heaviest first
        self.cum = [
            list(
                itertools.accumulate(
                    sorted(
                        (
                            units.weight[x]
                            for x in range(u, units.count)
                            for _ in range(units.size[x])
                        ),
                        reverse=True,
                    )
                )
            )
            for u in range(units.count)
        ]
        self.track = bool(flat.forbidden) or order_by == "range"
        self.positions = [p.position for p in walk.game.players]
        self.heap: list[tuple[Any, ...]] = []

    # -- bounds --

    def seats_bound(self, unit: int, seats: int, tags: int) -> int | None:
        """The fewest seats any result below can hold (``None``: no result)."""
        need = max(self.walk.flat.threshold - seats, 0)
        best = None
        for rest, sums in enumerate(self.reach[unit]):
            if (tags | rest) != self.walk.flat.all_tags:
                continue
            above = sums >> need
            if above:
                x = seats + need + (above & -above).bit_length() - 1
                best = x if best is None or x < best else best
        return best

    def parties_bound(self, unit: int, seats: int, tags: int, size: int) -> int | None:
        """The fewest parties any result below can have (``None``: no result)."""
        need = self.walk.flat.threshold - seats
        if need <= 0:
            return size + (1 if tags != self.walk.flat.all_tags else 0)
        if unit >= self.walk.units.count or self.cum[unit][-1] < need:
            return None
        return size + bisect.bisect_left(self.cum[unit], need) + 1

    def bound(
        self, unit: int, seats: int, tags: int, size: int, chosen: Sequence[int]
    ) -> tuple[Any, ...] | None:
        """Lower bounds on the rank of any result below (``None``: no result)."""
        least_seats = self.seats_bound(unit, seats, tags)
        least_parties = self.parties_bound(unit, seats, tags, size)
        if least_seats is None or least_parties is None:
            return None
        if self.order_by == "seats":
            return (least_seats, least_parties)
        if self.order_by == "parties":
            return (least_parties, least_seats)
        return (self.span(chosen), least_seats, least_parties)

    def span(self, chosen: Sequence[int]) -> Fraction:
        """The left-right spread of the players chosen (and the required ones)."""
        points = [self.positions[i] for i in [*self.walk.flat.required_players, *chosen]]
        return Fraction(max(points) - min(points)) if points else Fraction(0)  # type: ignore[type-var, operator]

    # -- the search --

    def push(
        self,
        unit: int,
        seats: int,
        tags: int,
        size: int,
        path: tuple[int, ...],
        chain: Chain,
        chosen: tuple[int, ...],
    ) -> None:
        """A node: the choices so far, to be expanded from ``unit`` on."""
        lower = self.bound(unit, seats, tags, size, chosen)
        if lower is not None:
            heapq.heappush(self.heap, (lower, path, 0, (unit, seats, tags, size, chain, chosen)))

    def emit(self, path: tuple[int, ...], chain: Chain, seats: int) -> None:
        """A complete set of choices: a result, if it is one, in rank order."""
        picks = _unchain(chain)
        players = self.walk.players_of(picks)
        if self.walk.accepts(players):
            coalition = self.walk.builder.coalition(players, seats, picks)
            heapq.heappush(self.heap, (self.rank(coalition), path, 1, coalition))

    def expand(self, path: tuple[int, ...], node: tuple[Any, ...]) -> None:
        """Every choice for the node's unit: more of it first."""
        unit, seats, tags, size, chain, chosen = node
        walk, units, flat = self.walk, self.walk.units, self.walk.flat
        if unit >= units.count:
            return
        chosen_set = set(chosen) | set(flat.required_players) if self.track else set()
        for k in range(units.size[unit], -1, -1):
            if k and not walk.can_take(unit, k, seats, tags, size, chosen_set):
                continue
            seats2, size2 = seats + k * units.weight[unit], size + k * units.party_count[unit]
            tags2 = tags | units.tag_bits[unit] if k else tags
            path2 = (*path, -k)
            chain2 = (unit, k, chain) if k else chain
            chosen2 = (*chosen, *units.members[unit][:k]) if self.track and k else chosen
            complete = k > 0 and seats2 >= flat.threshold and tags2 == flat.all_tags
            if complete:
                self.emit(path2, chain2, seats2)
            if not (walk.minimal and complete) and unit + 1 < units.count:
                self.push(unit + 1, seats2, tags2, size2, path2, chain2, chosen2)

    def results(self) -> Iterator[Coalition]:
        """The results in rank order."""
        flat = self.walk.flat
        if flat.missing_tags:
            return
        start = (0, flat.base_seats, flat.base_tags, flat.base_parties, (), None, ())
        if flat.base_seats >= flat.threshold and flat.base_tags == flat.all_tags:
            self.emit((), None, flat.base_seats)
            if not self.walk.minimal:
                self.push(*start)
        else:
            self.push(*start)
        while self.heap:
            _rank, path, kind, item = heapq.heappop(self.heap)
            if kind == 1:
                yield item
            else:
                self.expand(path, item)


def _reach_by_tags(walk: Walk) -> list[list[int]]:
    """For each unit, for each tag mask: the seat sums (as bits) that the units from
    there on can add while bringing exactly those required tags."""
    units = walk.units
    states = 1 << walk.flat.tag_count
    reach = [[0] * states for _ in range(units.count + 1)]
    reach[units.count][0] = 1
    for unit in range(units.count - 1, -1, -1):
        after = reach[unit + 1]
        here = after[:]
        for rest in range(states):
            sums = after[rest]
            if not sums:
                continue
            target = rest | units.tag_bits[unit]
            for k in range(1, units.size[unit] + 1):
                here[target] |= sums << (units.weight[unit] * k)
        reach[unit] = here
    return reach
