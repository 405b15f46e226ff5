"""Quasi-reduced ordered binary decision diagrams of simple games: several weight vectors
(all must hold), a blocking-minority clause, and the counts the indices need.

A node at level ``i`` decides player ``i``: its ``then`` child is the rest of the game
with the player in, its ``other`` child with the player out. Every path to the winning
terminal passes one node at each level (a game already won continues as a chain of
nodes whose two children agree), so counting by paths and completions needs no
correction for skipped levels. Nodes are unique by ``(level, then, other)``.

Each weighted vector's diagram is built with Bolus's intervals (needs that behave alike
share a node; see :mod:`.diagram`), and the vectors are joined with ``and`` (the
vector-weighted game), a clause with ``or``. From a diagram:

- :meth:`Bdd.swings` gives each player's swings by coalition size (Banzhaf, Penrose,
  Shapley-Shubik);
- :meth:`Bdd.minimal` is the diagram of the minimal winning coalitions (a coalition
  with the player is minimal when the rest is minimal with the player in and loses
  without it), and :meth:`Bdd.containing` counts, by size, the sets of a diagram
  containing each player (Deegan-Packel, public good);
- :meth:`Bdd.members` lists the sets of a diagram.

Reference: S. Bolus, "Power indices of simple games and vector-weighted majority games by
means of binary decision diagrams", *European Journal of Operational Research* 210 (2011)
258-272.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator, Sequence

from ..errors import LimitError

__all__ = ["LOSE", "WIN", "Bdd"]

LOSE = 0
WIN = 1
_FAR = 1 << 80


class Bdd:
    """Diagrams over ``n`` players, sharing one table of nodes."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.level: list[int] = [n, n]
        self.then: list[int] = [LOSE, WIN]
        self.other: list[int] = [LOSE, WIN]
        self._unique: dict[tuple[int, int, int], int] = {}
        self._memo: dict[tuple[str, int, int], int] = {}
        self._weighted: dict[tuple[tuple[int, ...], int], int] = {}  # built diagrams
        # the game already won from level i on: a chain of nodes with equal children
        self.won = [WIN] * (n + 1)
        for i in range(n - 1, -1, -1):
            self.won[i] = self.node(i, self.won[i + 1], self.won[i + 1])

    def node(self, level: int, then: int, other: int) -> int:
        """The node deciding player ``level`` with these children."""
        key = (level, then, other)
        found = self._unique.get(key)
        if found is None:
            found = self._unique[key] = len(self.level)
            self.level.append(level)
            self.then.append(then)
            self.other.append(other)
        return found

    def weighted(self, weights: Sequence[int], quota: int, *, limit: int | None = None) -> int:
        """The diagram of ``sum(weights of the members) >= quota``; with ``limit``,
        :class:`~coalitions.errors.LimitError` as soon as the table holds more nodes."""
        key = (tuple(weights), quota)
        known = self._weighted.get(key)
        if known is not None:
            return known
        root = self._weighted[key] = self._build_weighted(weights, quota, limit)
        return root

    def _build_weighted(self, weights: Sequence[int], quota: int, limit: int | None) -> int:
        n = self.n
        rest = [sum(weights[i:]) for i in range(n + 1)]
        lows: list[list[int]] = [[] for _ in range(n + 1)]
        found: list[list[tuple[int, int]]] = [[] for _ in range(n + 1)]

        def make(i: int, need: int) -> tuple[int, int, int]:
            if need <= 0:
                return self.won[i], -_FAR, 0
            if need > rest[i]:
                return LOSE, rest[i], _FAR
            k = bisect.bisect_left(lows[i], need) - 1
            if k >= 0 and need <= found[i][k][1]:
                return found[i][k][0], lows[i][k], found[i][k][1]
            w = weights[i]
            t, t_low, t_high = make(i + 1, need - w)
            e, e_low, e_high = make(i + 1, need)
            low, high = max(t_low + w, e_low), min(t_high + w, e_high)
            node = self.node(i, t, e)
            if limit is not None and len(self.level) > limit:
                raise LimitError(f"the decision diagram needs more than {limit:,} nodes")
            k = bisect.bisect_left(lows[i], low)
            lows[i].insert(k, low)
            found[i].insert(k, (node, high))
            return node, low, high

        return make(0, quota)[0]

    def count_at_least(self, size: int) -> int:
        """The diagram of "at least ``size`` members"."""
        return self.weighted([1] * self.n, size)

    def apply(self, op: str, u: int, v: int) -> int:
        """``u and v`` or ``u or v`` (``op`` is ``"and"`` or ``"or"``)."""
        if u > v:
            u, v = v, u  # both operations are symmetric
        if u <= WIN:  # a terminal decides, or leaves the other operand
            if op == "and":
                return v if u == WIN else LOSE
            return v if u == LOSE else self.won[self.level[v]] if v > WIN else WIN
        key = (op, u, v)
        got = self._memo.get(key)
        if got is None:
            level = self.level[u]
            got = self.node(
                level,
                self.apply(op, self.then[u], self.then[v]),
                self.apply(op, self.other[u], self.other[v]),
            )
            self._memo[key] = got
        return got

    def _and_not(self, u: int, v: int) -> int:
        """``u and not v``."""
        if u == LOSE or v == WIN:
            return LOSE
        if v == LOSE:
            return u
        key = ("and-not", u, v)
        got = self._memo.get(key)
        if got is None:
            level = self.level[u] if u > WIN else self.level[v]
            ut, ue = (self.then[u], self.other[u]) if u > WIN else (u, u)
            got = self.node(
                level, self._and_not(ut, self.then[v]), self._and_not(ue, self.other[v])
            )
            self._memo[key] = got
        return got

    def minimal(self, u: int) -> int:
        """The diagram of the minimal sets of the monotone diagram ``u``: with the player
        in, the minimal sets of the rest that lose without it; with it out, the minimal
        sets of the rest."""
        if u <= WIN:
            return u  # at level n: the empty set is minimal when it wins
        key = ("min", u, 0)
        got = self._memo.get(key)
        if got is None:
            t, e = self.then[u], self.other[u]
            got = self.node(self.level[u], self._and_not(self.minimal(t), e), self.minimal(e))
            self._memo[key] = got
        return got

    # ------------------------------------------------------------ counting

    def nodes_under(self, root: int) -> list[int]:
        """The inner nodes under ``root``, deepest level first."""
        return self._reachable(root)

    def _reachable(self, root: int) -> list[int]:
        """The inner nodes under ``root``, deepest level first."""
        seen = {root}
        stack = [root]
        while stack:
            x = stack.pop()
            for c in (self.then[x], self.other[x]):
                if c > WIN and c not in seen:
                    seen.add(c)
                    stack.append(c)
        return sorted((x for x in seen if x > WIN), key=lambda x: -self.level[x])

    @property
    def bits(self) -> int:
        """Bits a slot of the packed counts: enough for every subset of the players."""
        return -(-(self.n + 2) // 8) * 8

    def _packed(
        self, root: int, shift: Sequence[int] | None = None
    ) -> tuple[list[int], dict[int, int], dict[int, int]]:
        """The nodes, and each node's completions and paths, packed: a player in moves
        the counts up by ``shift[level]`` bits (one slot a size by default)."""
        if shift is None:
            shift = [self.bits] * self.n
        order = self._reachable(root)
        done = {WIN: 1, LOSE: 0}
        for x in order:
            done[x] = done[self.other[x]] + (done[self.then[x]] << shift[self.level[x]])
        paths = dict.fromkeys(order, 0)
        if root > WIN:
            paths[root] = 1
        for x in reversed(order):
            p = paths[x]
            for c, moved in ((self.then[x], shift[self.level[x]]), (self.other[x], 0)):
                if c > WIN:
                    paths[c] += p << moved
        return order, done, paths

    def by_player(self, root: int, *, swing: bool, shift: Sequence[int] | None = None) -> list[int]:
        """Each player's swings (``swing``: sets of the others that lose without it and
        win with it, for a monotone diagram) or sets of the diagram that contain it,
        packed as :meth:`_packed` packs them (the player itself moves a containing set
        too)."""
        if shift is None:
            shift = [self.bits] * self.n
        order, done, paths = self._packed(root, shift)
        totals = [0] * self.n
        for x in order:
            i = self.level[x]
            after = done[self.then[x]] - (done[self.other[x]] if swing else 0)
            totals[i] += paths[x] * (after if swing else after << shift[i])
        return totals

    def unpack(self, packed: int, slots: int) -> list[int]:
        """The first ``slots`` slots of packed counts."""
        bits = self.bits
        slot = (1 << bits) - 1
        return [(packed >> (j * bits)) & slot for j in range(slots)]

    def swings(self, root: int) -> list[list[int]]:
        """For a monotone diagram: each player's swings (coalitions of the others that
        lose without it and win with it) by their size."""
        return [self.unpack(t, self.n + 1) for t in self.by_player(root, swing=True)]

    def containing(self, root: int) -> list[list[int]]:
        """Each player's sets of the diagram that contain it, by size."""
        return [self.unpack(t, self.n + 1) for t in self.by_player(root, swing=False)]

    def containing_among(self, root: int, counted: Sequence[bool]) -> list[list[int]]:
        """Each player's sets of the diagram that contain it, by how many of the
        ``counted`` players they hold."""
        shift = [self.bits if c else 0 for c in counted]
        packed = self.by_player(root, swing=False, shift=shift)
        return [self.unpack(t, self.n + 1) for t in packed]

    def window(self, weights: Sequence[int], low: int, high: int) -> int:
        """The diagram of ``low <= sum(weights of the members) <= high``."""
        return self._and_not(self.weighted(weights, low), self.weighted(weights, high + 1))

    def and_not(self, u: int, v: int) -> int:
        """``u and not v``."""
        return self._and_not(u, v)

    def count(self, root: int) -> list[int]:
        """The sets of the diagram by size."""
        _order, done, _paths = self._packed(root)
        return self.unpack(done[root], self.n + 1)

    def members(self, root: int) -> Iterator[tuple[int, ...]]:
        """The sets of the diagram, each as its players, those with the first players
        first."""
        chosen: list[int] = []

        def walk(x: int) -> Iterator[tuple[int, ...]]:
            if x == LOSE:
                return
            if x == WIN:
                yield tuple(chosen)
                return
            chosen.append(self.level[x])
            yield from walk(self.then[x])
            chosen.pop()
            yield from walk(self.other[x])

        yield from walk(root)


def factorial_weights(n: int) -> list[tuple[int, int]]:
    """Shapley-Shubik's weight of a swing coalition of ``s`` players, ``s!(n-1-s)!/n!``,
    as numerator and denominator."""
    f = math.factorial
    return [(f(s) * f(n - 1 - s), f(n)) for s in range(n)]
