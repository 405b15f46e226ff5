"""Deep rankings: the first ``k`` results by seats or by parties for large ``k``, in time
near-linear in ``k`` and memory O(``k``), without the best-first heap.

A seat ceiling or a cap on parties is a filter: counting under one (with the dynamic
program of :mod:`coalitions.counting`) counts the results below it. A few counts find
the *level* of the ``k``-th result: for ``order_by="seats"`` its seat total ``S`` and,
among the results with ``S`` seats, its size ``m``; for ``"parties"`` its size, then
its seats. Then bounded depth-first walks list only what comes before it, band by band:
every result below the level (fewer than ``k``), and the first results at the level.

The walks take the players in key order, each taken before it is left out: the order
in which the best-first search (:mod:`.ranked`) breaks ties, so sorting what they find
by rank, stably, gives the same results in the same order. A branch is cut as soon as
it cannot reach a result of its band: the seat sums that the players still to come can
add, by the tags and the number of parties they bring, are bit sets computed once; for
minimal results, a member that holds no required tag caps the coalition's seats (above
``threshold - 1 + its seats`` it could leave). The next player worth taking from a
node depends only on the node's state (seats, tags, size, cap), so it is remembered.

A best-first search gives its first results sooner and is as fast for small ``k``;
:data:`DEEP_FROM` is where this way becomes faster on Iraq's chamber (about 300).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from ..counting import FlatGame, count, count_sizes
from .units import Walk
from .values import Coalition

__all__ = ["DEEP_FROM", "DEEP_ORDERS", "Band", "deep_ranking", "ranks_deeply"]

#: The rankings this way applies to ("range" stays best-first).
DEEP_ORDERS = ("seats", "parties")
#: ``find_coalitions`` ranks this way from this ``limit`` on (below it the best-first
#: search is about as fast, and gives its first results sooner).
DEEP_FROM = 300


@attrs.frozen
class Band:
    """Results with seats in ``seats`` and size in ``sizes`` (inclusive; ``None``: no
    bound), of which a walk lists the first ``take`` (``None``: all)."""

    seats: tuple[int | None, int | None] = (None, None)
    sizes: tuple[int | None, int | None] = (None, None)
    take: int | None = None


def ranks_deeply(walk: Walk, order_by: str | None) -> bool:
    """Whether :func:`deep_ranking` answers this question: ranked by seats or parties,
    with every unit a single player (no grouping)."""
    return order_by in DEEP_ORDERS and all(size == 1 for size in walk.units.size)


def deep_ranking(walk: Walk, order_by: str, k: int) -> Iterator[Coalition]:
    """The first ``k`` results of ``walk`` ranked by ``order_by``: the same as the
    best-first search's, in the same order."""
    flat = walk.flat
    if flat.missing_tags or k <= 0:
        return
    bands = _seat_bands(walk, k) if order_by == "seats" else _party_bands(walk, k)
    walker = _BandWalk(walk)
    found: list[tuple[int, int, int, tuple[int, ...]]] = []
    seq = itertools.count()
    by_seats = order_by == "seats"
    for band in bands:
        for players, seats, size in itertools.islice(walker.results(band), band.take):
            found.append(
                (seats, size, next(seq), players) if by_seats else (size, seats, next(seq), players)
            )
    found.sort()  # by rank, then in walk order (the sequence numbers differ)
    build = walk.builder.coalition
    for first, second, _seq, players in found[:k]:
        yield build(players, first if by_seats else second)


# -- the level of the k-th result --


def _bounded(flat: FlatGame, upper: int | None = None) -> FlatGame:
    """The game with a further seat ceiling (a filter: minimality is unchanged)."""
    if upper is None:
        return flat
    return FlatGame(
        weight=flat.weight,
        party_count=flat.party_count,
        tag_bits=flat.tag_bits,
        is_required=flat.is_required,
        threshold=flat.threshold,
        upper=upper if flat.upper is None else min(upper, flat.upper),
        max_parties=flat.max_parties,
        all_tags=flat.all_tags,
        forbidden=flat.forbidden,
        bits=flat.bits,
        missing_tags=flat.missing_tags,
    )


def _seats_range(flat: FlatGame) -> tuple[int, int]:
    """The least and the most seats a result can hold."""
    most = flat.base_seats + sum(w for i, w in enumerate(flat.weight) if not flat.is_required[i])
    if flat.upper is not None:
        most = min(most, flat.upper)
    return max(flat.threshold, flat.base_seats), most


def _least_seats(walk: Walk, enough: int, at_most: Callable[[int], int]) -> int:
    """The least seat total ``s`` with at least ``enough`` results of at most ``s``
    seats (``at_most(s)`` counts them); one must exist."""
    lo, hi = _seats_range(walk.flat)
    while lo < hi:
        mid = (lo + hi) // 2
        if at_most(mid) >= enough:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _sizes_upto(walk: Walk, seats: int) -> Counter[int]:
    """The results of at most ``seats`` seats, by size."""
    return count_sizes(_bounded(walk.flat, seats), walk.minimal)


def _seat_bands(walk: Walk, k: int) -> list[Band]:
    """The bands holding the first ``k`` results by seats (then size)."""
    flat, minimal = walk.flat, walk.minimal
    if count(flat, minimal) <= k:
        return [Band()]
    level = _least_seats(walk, k, lambda s: count(_bounded(flat, s), minimal))
    at_level = _sizes_upto(walk, level)
    at_level.subtract(_sizes_upto(walk, level - 1))
    before = count(_bounded(flat, level - 1), minimal)
    size, left = _level_of(at_level, k - before)
    return [
        Band(seats=(None, level - 1)),
        Band(seats=(level, level), sizes=(None, size - 1)),
        Band(seats=(level, level), sizes=(size, size), take=left),
    ]


def _party_bands(walk: Walk, k: int) -> list[Band]:
    """The bands holding the first ``k`` results by size (then seats)."""
    sizes = count_sizes(walk.flat, walk.minimal)
    if sum(sizes.values()) <= k:
        return [Band()]
    size, left = _level_of(sizes, k)
    level = _least_seats(walk, left, lambda s: _sizes_upto(walk, s)[size])
    before = _sizes_upto(walk, level - 1)[size]
    return [
        Band(sizes=(None, size - 1)),
        Band(seats=(None, level - 1), sizes=(size, size)),
        Band(seats=(level, level), sizes=(size, size), take=left - before),
    ]


def _level_of(counts: Counter[int], k: int) -> tuple[int, int]:
    """The key at which the ``k``-th item lies, counting ``counts`` in key order, and
    how many items at that key come up to it."""
    for key in sorted(counts):
        if counts[key] >= k:
            return key, k
        k -= counts[key]
    raise AssertionError("fewer results than counted")  # pragma: no cover


# -- the bounded walks --


class _BandWalk:
    """Depth-first walks over the players in key order (taking one before leaving it
    out), cut where no result of the band lies below. Each node of a walk is a set of
    players and the next player it may take; its children take one more."""

    def __init__(self, walk: Walk) -> None:
        self.walk = walk
        units, flat = walk.units, walk.flat
        self.most = sum(units.party_count)  # the parties the players can bring
        self.never = flat.base_seats + sum(flat.weight) + 1  # more seats than any set
        self.reach = _reach(walk, self.most)

    def results(self, band: Band) -> Iterator[tuple[tuple[int, ...], int, int]]:
        """The results of ``band`` in walk order: ``(players, seats, size)``."""
        return _Walker(self, band).results()


class _Walker:
    """One bounded walk: the band's bounds, the tests that cut it, and the walk."""

    def __init__(self, shared: _BandWalk, band: Band) -> None:
        walk, flat, units = shared.walk, shared.walk.flat, shared.walk.units
        self.walk, self.flat, self.units, self.reach = walk, flat, units, shared.reach
        self.most, self.never = shared.most, shared.never
        self.seat_lo = max(band.seats[0] or 0, flat.threshold)
        self.seat_hi = shared.never if band.seats[1] is None else band.seats[1]
        self.size_lo = band.sizes[0] or 0
        all_parties = shared.most + flat.base_parties
        self.size_hi = all_parties if band.sizes[1] is None else band.sizes[1]
        self.most_parties = all_parties if flat.max_parties is None else flat.max_parties
        # the tag masks the players can bring at all
        self.masks = [m for m, (_, upto) in enumerate(shared.reach[0]) if upto[-1]]
        self.following: dict[tuple[int, ...], tuple[int, Any]] = {}
        self.nothing: tuple[int, Any] = (units.count, None)

    def feasible(self, unit: int, seats: int, tags: int, size: int, cap: int) -> bool:
        """Whether the players from ``unit`` on can complete a result of the band (the
        seat cap ``cap`` included)."""
        hi = min(cap, self.seat_hi) - seats
        lo = max(self.seat_lo - seats, 0)
        c_hi, c_lo = min(self.size_hi - size, self.most), self.size_lo - size
        if hi < lo or c_hi < 0:
            return False
        window = ((1 << (hi - lo + 1)) - 1) << lo
        all_tags, reach = self.flat.all_tags, self.reach[unit]
        for mask in self.masks:
            if tags | mask == all_tags:
                exact, upto = reach[mask]
                if c_lo <= 0:
                    if upto[c_hi] & window:
                        return True
                elif any(exact[c] & window for c in range(c_lo, c_hi + 1)):
                    return True
        return False

    def step(self, unit: int, seats: int, tags: int, size: int, cap: int) -> tuple[Any, ...] | None:
        """Taking ``unit`` from a node: ``(seats, tags, size, cap, emits, descends)``,
        or ``None`` when that leads to no result of the band (forbidden pairs aside)."""
        units, threshold, minimal = self.units, self.flat.threshold, self.walk.minimal
        w, bits = units.weight[unit], units.tag_bits[unit]
        seats2, size2, tags2 = seats + w, size + units.party_count[unit], tags | bits
        if seats2 > cap or size2 > self.most_parties:
            return None
        if minimal and seats >= threshold and tags2 == tags:
            return None  # it could leave again
        cap2 = cap
        if minimal and not bits and threshold + w <= cap:
            cap2 = threshold - 1 + w  # above that, this member could leave
        complete = seats2 >= threshold and tags2 == self.flat.all_tags
        emits = (
            complete
            and self.seat_lo <= seats2 <= self.seat_hi
            and self.size_lo <= size2 <= self.size_hi
        )
        descends = (
            not (minimal and complete)
            and unit + 1 < units.count
            and self.feasible(unit + 1, seats2, tags2, size2, cap2)
        )
        return (seats2, tags2, size2, cap2, emits, descends) if emits or descends else None

    def next_step(self, unit: int, seats: int, tags: int, size: int, cap: int) -> tuple[int, Any]:
        """The first player from ``unit`` on whose taking may lead to a result, and
        what taking it gives (``(count, None)`` if none); remembered for every node of
        the same state."""
        following, count = self.following, self.units.count
        passed = []
        found = self.nothing
        while unit < count:
            key = (unit, seats, tags, size, cap)
            known = following.get(key)
            if known is not None:
                found = known
                break
            passed.append(key)
            taken = self.step(unit, seats, tags, size, cap)
            if taken is not None:
                found = (unit, taken)
                break
            unit += 1
        for key in passed:
            following[key] = found
        return found

    def results(self) -> Iterator[tuple[tuple[int, ...], int, int]]:
        """The results of the band in walk order: ``(players, seats, size)``."""
        walk, flat, units = self.walk, self.flat, self.units
        players = list(flat.required_players)
        seats, tags, size = flat.base_seats, flat.base_tags, flat.base_parties
        if seats >= flat.threshold and tags == flat.all_tags:
            in_band = self.seat_lo <= seats <= self.seat_hi and self.size_lo <= size <= self.size_hi
            if in_band and walk.accepts(players):
                yield tuple(players), seats, size
            if walk.minimal:
                return
        cap = self.never if flat.upper is None else flat.upper
        if not units.count or not self.feasible(0, seats, tags, size, cap):
            return
        player = [m[0] for m in units.members]
        conflicts = flat.conflicts if flat.forbidden else None
        # Built to be viable and, with no required tag, minimal (the seat cap): check
        # only when required tags can make a light member necessary.
        check = bool(flat.all_tags)
        chosen = set(players)
        next_step = self.next_step
        # A frame is a node: [the next player to try, seats, tags, size, seat cap].
        stack = [[0, seats, tags, size, cap]]
        while stack:
            frame = stack[-1]
            unit, taken = next_step(*frame)
            if taken is None:
                stack.pop()  # nothing more from here on: back to the parent
                if stack:  # the node had taken a player: give it back
                    chosen.discard(players.pop())
                continue
            frame[0] = unit + 1
            if conflicts is not None and conflicts[player[unit]] & chosen:
                continue
            seats2, tags2, size2, cap2, emits, descends = taken
            if emits:
                candidate = (*players, player[unit])
                if not check or walk.accepts(candidate):
                    yield candidate, seats2, size2
            if descends:
                players.append(player[unit])
                chosen.add(player[unit])
                stack.append([unit + 1, seats2, tags2, size2, cap2])


def _reach(walk: Walk, most: int) -> list[list[tuple[list[int], list[int]]]]:
    """For each unit, for each tag mask: the seat sums (as bits) that the units from
    there on can add bringing exactly those required tags, by the number of parties
    they bring (``0..most``), exactly and at most."""
    units = walk.units
    states = 1 << walk.flat.tag_count
    after = [[0] * (most + 1) for _ in range(states)]
    after[0][0] = 1
    out: list[list[tuple[list[int], list[int]]]] = [[] for _ in range(units.count + 1)]
    out[units.count] = [(row, list(itertools.accumulate(row, int.__or__))) for row in after]
    for unit in range(units.count - 1, -1, -1):
        here = [row[:] for row in after]
        weight, parties, bits = units.weight[unit], units.party_count[unit], units.tag_bits[unit]
        for mask in range(states):
            for c, sums in enumerate(after[mask]):
                if not sums:
                    continue
                for k in range(1, units.size[unit] + 1):
                    if c + k * parties <= most:
                        here[mask | bits][c + k * parties] |= sums << (weight * k)
        out[unit] = [(row, list(itertools.accumulate(row, int.__or__))) for row in here]
        after = here
    return out
