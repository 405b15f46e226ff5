"""The decision-diagram path for large weights and few players, and the cost estimate
that chooses it.

The dense dynamic program (:mod:`coalitions.counting`) holds one count for every seat
sum up to the quota: its cost grows with the total weight. A game of 27 players whose
weights are populations (the EU Council's, 4.5 million in hundreds of people) has few
*different* situations, though: after the first ``i`` players have said yes or no, what
remains is the seats still needed, and two needs ``r < r'`` behave alike whenever no
subset of the remaining players sums to a value in ``[r, r')``. The reduced ordered
binary decision diagram of the game has one node for each class of alike needs at each
level; its width at level ``i`` is at most ``min(2**i, 2**(n - i) + 1)``, whatever the
weights (Bolus 2011).

:class:`Diagram` builds it with an interval for each node (the needs it stands for,
``(low, high]``), found by bisection, as Bolus does. Counts by size are packed into one
integer per node (a slot per size, as counting packs counts by seats), so that the
winning completions of a node and the paths into it are each one integer, and a player's
swings at its level are one product of the two per node.

:func:`use_diagram` compares the two costs (the estimate is documented in
``docs/explanation/power.md``): the dense program touches ``players * quota`` slots (for
Shapley-Shubik, ``players`` times more), the diagram at most
``sum(min(2**i, 2**(n-i) + 1, quota + 1))`` nodes, each costing about as much Python work
as ``DIAGRAM_NODE_COST`` slots.

Reference: S. Bolus, "Power indices of simple games and vector-weighted majority games by
means of binary decision diagrams", *European Journal of Operational Research* 210 (2011)
258-272.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import Final

__all__ = [
    "DIAGRAM_NODE_COST",
    "MAX_DIAGRAM_PLAYERS",
    "Diagram",
    "diagram_nodes_bound",
    "use_diagram",
]

#: The cost of one diagram node in slots of the dense program, measured on random games
#: of 10 to 40 players with weights up to 100 to 100,000 (the crossover of the two
#: paths' times). See :func:`use_diagram`.
DIAGRAM_NODE_COST: Final = 64

#: Above this many players the diagram is never chosen (its recursion is one level a
#: player, and its width bound is useless).
MAX_DIAGRAM_PLAYERS: Final = 200

_WIN: Final = 0
_LOSE: Final = 1


def diagram_nodes_bound(weights: Sequence[int], quota: int) -> int:
    """An upper bound of the diagram's nodes: at level ``i``, at most ``2**i`` needs
    reach it, at most ``2**(n-i) + 1`` classes of needs differ, and needs range over
    ``1..quota``."""
    n = len(weights)
    bound = 0
    for i in range(n):
        bound += min(1 << min(i, 62), (1 << min(n - i, 62)) + 1, quota + 1)
    return bound


def use_diagram(weights: Sequence[int], quota: int, *, by_size: bool) -> bool:
    """Whether the decision diagram is cheaper than the dense program for this game.

    The dense program costs about ``players * (quota + 1)`` slots (twice that by size,
    for Shapley-Shubik, measured); the diagram at most :func:`diagram_nodes_bound` nodes
    of :data:`DIAGRAM_NODE_COST` slots each."""
    n = len(weights)
    if n > MAX_DIAGRAM_PLAYERS or n == 0:
        return False
    dense = n * (quota + 1) * (2 if by_size else 1)
    return diagram_nodes_bound(weights, quota) * DIAGRAM_NODE_COST < dense


class Diagram:
    """The reduced ordered decision diagram of a weighted game, players in the order
    given, with the winning completions of each node by size.

    The recursion is one frame a level: :func:`use_diagram` never chooses it for more
    than 200 players. ``swings_by_size()[i][s]`` is the number of coalitions of ``s``
    players other than player ``i`` that lose without it and win with it.
    """

    def __init__(self, weights: Sequence[int], quota: int) -> None:
        n = len(weights)
        self.n = n
        self.weights = list(weights)
        self.quota = quota
        self.rest = [sum(self.weights[i:]) for i in range(n + 1)]
        # node 0 wins, node 1 loses; then one entry a node in these parallel lists
        self.level: list[int] = [n, n]
        self.then: list[int] = [-1, -1]
        self.other: list[int] = [-1, -1]
        self.low: list[int] = [0, 0]
        self.high: list[int] = [0, 0]
        # per level: the nodes' interval lows, sorted, and the nodes in the same order
        self._lows: list[list[int]] = [[] for _ in range(n)]
        self._nodes: list[list[int]] = [[] for _ in range(n)]
        self.root = self._make(0, quota)[0]
        self.winning = 0  # set by swings_by_size

    def _make(self, i: int, need: int) -> tuple[int, int, int]:
        """The node for ``need`` seats still needed from the players ``i..n-1``, and the
        interval of needs it stands for."""
        if need <= 0:
            return _WIN, -(1 << 80), 0
        if need > self.rest[i]:
            return _LOSE, self.rest[i], 1 << 80
        lows = self._lows[i]
        k = bisect.bisect_left(lows, need) - 1
        if k >= 0:
            node = self._nodes[i][k]
            if need <= self.high[node]:
                return node, self.low[node], self.high[node]
        w = self.weights[i]
        t, t_low, t_high = self._make(i + 1, need - w)
        e, e_low, e_high = self._make(i + 1, need)
        low = max(t_low + w, e_low)
        high = min(t_high + w, e_high)
        node = len(self.level)
        self.level.append(i)
        self.then.append(t)
        self.other.append(e)
        self.low.append(low)
        self.high.append(high)
        k = bisect.bisect_left(lows, low)
        lows.insert(k, low)
        self._nodes[i].insert(k, node)
        return node, low, high

    @property
    def size(self) -> int:
        """The number of inner nodes."""
        return len(self.level) - 2

    def swings_by_size(self, *, by_size: bool) -> list[list[int]]:
        """Each player's swings by the size of the coalition it joins (one total, at
        index 0, when not ``by_size``)."""
        n = self.n
        bits = -(-(n + 2) // 8) * 8 if by_size else 0
        slot = (1 << bits) - 1 if by_size else 0
        # winning completions of each node, by size, packed; the win node's at level i
        # are the binomials of the n - i players left
        full = [0] * (n + 1)
        for i in range(n + 1):
            left = n - i
            if by_size:
                full[i] = sum(math.comb(left, j) << (j * bits) for j in range(left + 1))
            else:
                full[i] = 1 << left
        win = [0] * len(self.level)
        order = sorted(range(2, len(self.level)), key=lambda x: -self.level[x])
        level, then, other = self.level, self.then, self.other

        def completions(child: int, i: int) -> int:
            if child == _WIN:
                return full[i]
            return win[child]  # the lose node's is 0

        for node in order:
            i = level[node] + 1
            win[node] = completions(other[node], i) + (completions(then[node], i) << bits)
        self.winning = completions(self.root, 0)  # the winning coalitions (by size)
        paths = [0] * len(self.level)
        if self.root > _LOSE:
            paths[self.root] = 1
        totals = [0] * n
        for node in reversed(order):  # shallow levels first
            i = level[node]
            p = paths[node]
            t, e = then[node], other[node]
            diff = completions(t, i + 1) - completions(e, i + 1)
            if diff:
                totals[i] += p * diff
            if t > _LOSE:
                paths[t] += p << bits
            if e > _LOSE:
                paths[e] += p
        if not by_size:
            return [[s] for s in totals]
        out = []
        for packed in totals:
            out.append([(packed >> (j * bits)) & slot for j in range(n)])
        return out
