"""Counting a weighted game's coalitions by their surplus: who is critical in them, and
which are minimal.

In a weighted game (no requirement), a member of a winning coalition with surplus
``t`` (its seats beyond the quota) is critical exactly when it holds more than ``t``
seats. With the distinct weights ``d_1 > d_2 > ...`` and ``t`` in the interval
``[d_(r+1), d_r - 1]``, the critical members are the *heavy* ones, of weight at least
``d_r``, and the coalition is minimal exactly when every member is heavy. So one pass
over the distinct weights, adding each class of players to a table of the heavy
players by size and seats, counts every minimal winning coalition containing each
player (a window of the table with the player taken back out): the Deegan-Packel and
public good indices, once for all players instead of once per class of them. Johnston's
index (:mod:`.johnston`) walks the same intervals.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator, Sequence

from ..counting import Counts, FlatGame, Table, add_player, remove_player

__all__ = ["Level", "levels", "minimal_counts"]

#: One interval of surplus: the distinct weight ``d``, the surplus range ``lo..hi``,
#: and the players of weight ``d`` (indices).
Level = tuple[int, int, int, list[int]]


def levels(weights: Sequence[int], threshold: int) -> Iterator[Level]:
    """For each distinct weight ``d`` (heaviest first): ``d``, the surplus interval
    ``lo..hi`` (empty when ``lo > hi``) in which the members of weight at least ``d``
    are the critical ones, and the players of weight ``d``."""
    total = sum(weights)
    distinct = sorted(set(weights), reverse=True)
    for r, d in enumerate(distinct):
        lo = distinct[r + 1] if r + 1 < len(distinct) else 0
        hi = min(d - 1, total - threshold)
        yield d, lo, hi, [i for i, w in enumerate(weights) if w == d]


def minimal_counts(flat: FlatGame) -> tuple[Counter[int], dict[int, Counter[int]]]:
    """The minimal winning coalitions of a weighted game (``flat`` with no requirement)
    by size, in all and containing each player.

    The Deegan-Packel and public good indices both need them: the last few games' counts
    are kept (by weights and quota, which fix them), and each call gets its own copy."""
    everything, per = _minimal_counts(tuple(flat.weight), flat.threshold)
    return Counter(everything), {i: Counter(c) for i, c in per.items()}


@functools.lru_cache(maxsize=8)
def _minimal_counts(
    weights: tuple[int, ...], q: int
) -> tuple[Counter[int], dict[int, Counter[int]]]:
    """:func:`minimal_counts` of the weighted game ``weights`` with threshold ``q``."""
    n = len(weights)
    form = Counts(q + max(weights, default=0) + 1, n + 2)
    everything: Counter[int] = Counter()
    per: dict[int, Counter[int]] = {i: Counter() for i in range(n)}
    heavy: Table = {(0, 0): 1}  # the players of weight >= d, by size and seats
    classes: list[tuple[int, list[int]]] = []
    for d, lo, hi, group in levels(weights, q):
        for _ in group:
            heavy = add_player(form, heavy, d, 0, 1)
        classes.append((d, group))
        if lo > hi:
            continue
        for (_held, size), packed in heavy.items():
            k = form.window(packed, q + lo, q + hi)
            if k:
                everything[size] += k
        for heavier, members in classes:
            others = remove_player(form, heavy, heavier)
            sizes: Counter[int] = Counter()
            for (_held, size), packed in others.items():
                k = form.window(packed, max(q + lo - heavier, 0), q + hi - heavier)
                if k:
                    sizes[size + 1] += k
            for i in members:
                per[i].update(sizes)
    return everything, per
