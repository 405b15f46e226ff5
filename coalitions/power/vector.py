"""Vector-weighted games (several weight vectors, all to be reached, and a
blocking-minority clause): their diagram, the indices, counting and listing the minimal
winning coalitions.

The game's diagram (:mod:`.bdd`) is the ``and`` of one diagram a vector, ``or`` "at
least ``n - blockers + 1`` players" when there is a blocking-minority clause. Players
are ordered by the first vector, heaviest first. Every index here is exact (Python
integers and fractions), and every index of the weighted games is computed for
these games: Johnston's index on one diagram for each combination of surplus intervals
(:func:`vector_johnston`), the values with a priori unions on one diagram for each union
(:func:`vector_unions`).
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from fractions import Fraction

from ..errors import ConstraintError
from .bdd import LOSE, WIN, Bdd, factorial_weights
from .game import WeightedGame
from .surplus import levels

__all__ = [
    "count_winning",
    "game_diagram",
    "minimal_winning",
    "minimal_winning_ranked",
    "vector_banzhaf",
    "vector_deegan_packel",
    "vector_johnston",
    "vector_public_good",
    "vector_shapley_shubik",
    "vector_swings",
    "vector_unions",
]


def game_diagram(bdd: Bdd, game: WeightedGame, groups: Sequence[Sequence[str]]) -> int:
    """The diagram of ``game`` over compound players, one a group of its keys (each
    group's weights summed in every vector), in the diagram's order."""

    def summed(weights: Mapping[str, int]) -> list[int]:
        return [sum(weights[k] for k in group) for group in groups]

    root = bdd.weighted(summed(game.weights), game.quota)
    for weights, quota in game.also:
        root = bdd.apply("and", root, bdd.weighted(summed(weights), quota))
    if game.blockers is not None:
        enough = len(game.weights) - game.blockers + 1
        root = bdd.apply("or", root, bdd.weighted([len(g) for g in groups], enough))
    return root


class _Compiled:
    """The game's players in the diagram's order, the diagram, and its root."""

    def __init__(self, game: WeightedGame) -> None:
        w = game.weights
        self.game = game
        self.keys = sorted(w, key=lambda k: (-w[k], k))
        self.bdd = Bdd(len(self.keys))
        self.root = game_diagram(self.bdd, game, [[k] for k in self.keys])
        self._minimal: int | None = None

    @property
    def minimal(self) -> int:
        if self._minimal is None:
            self._minimal = self.bdd.minimal(self.root)
        return self._minimal

    def result(self, values: list[Fraction]) -> dict[str, Fraction]:
        by_key = dict(zip(self.keys, values, strict=True))
        return {k: by_key[k] for k in self.game.players}


def _compiled(game: WeightedGame) -> _Compiled:
    return _Compiled(game)


def vector_banzhaf(game: WeightedGame, *, normalized: bool = True) -> dict[str, Fraction]:
    """Banzhaf's index (Penrose's, unnormalized) of a vector-weighted game."""
    c = _compiled(game)
    swings = [sum(s) for s in c.bdd.swings(c.root)]
    n = len(c.keys)
    if not normalized:
        return c.result([Fraction(s, 2 ** (n - 1)) for s in swings])
    total = sum(swings)
    return c.result([Fraction(s, total) if total else Fraction(0) for s in swings])


def vector_swings(game: WeightedGame) -> tuple[dict[str, Fraction], int]:
    """Each player's swings, and the number of winning coalitions."""
    c = _compiled(game)
    swings = [Fraction(sum(s)) for s in c.bdd.swings(c.root)]
    return c.result(swings), sum(c.bdd.count(c.root))


def vector_shapley_shubik(game: WeightedGame) -> dict[str, Fraction]:
    """Shapley and Shubik's index of a vector-weighted game."""
    c = _compiled(game)
    weights = factorial_weights(len(c.keys))
    values = []
    for by_size in c.bdd.swings(c.root):
        values.append(
            sum(
                (Fraction(k * a, b) for k, (a, b) in zip(by_size, weights, strict=False)),
                Fraction(0),
            )
        )
    return c.result(values)


def _minimal_by_player(c: _Compiled) -> tuple[int, list[list[int]]]:
    mwc = c.minimal
    total = sum(c.bdd.count(mwc))
    if not total:
        raise ConstraintError("no coalition wins this game: the indices are undefined")
    return total, c.bdd.containing(mwc)


def vector_deegan_packel(game: WeightedGame) -> dict[str, Fraction]:
    """Deegan and Packel's index of a vector-weighted game."""
    c = _compiled(game)
    total, per = _minimal_by_player(c)
    return c.result(
        [
            sum((Fraction(k, size) for size, k in enumerate(sizes) if k), Fraction(0)) / total
            for sizes in per
        ]
    )


def vector_public_good(game: WeightedGame) -> dict[str, Fraction]:
    """Holler's public good index of a vector-weighted game."""
    c = _compiled(game)
    _total, per = _minimal_by_player(c)
    counts = [sum(sizes) for sizes in per]
    mass = sum(counts)
    return c.result([Fraction(k, mass) for k in counts])


def count_winning(game: WeightedGame, *, minimal: bool = True) -> int:
    """The number of winning coalitions of a weighted or vector-weighted game (minimal
    ones by default), counted on its diagram, never listed.

    >>> g = WeightedGame(weights={"a": 4, "b": 2, "c": 1}, quota=5,
    ...                  also=[({"a": 1, "b": 1, "c": 1}, 2)])
    >>> count_winning(g), count_winning(g, minimal=False)
    (2, 3)
    """
    c = _compiled(game)
    return sum(c.bdd.count(c.minimal if minimal else c.root))


def minimal_winning(game: WeightedGame) -> Iterator[frozenset[str]]:
    """The minimal winning coalitions of a weighted or vector-weighted game, lazily
    (those with the heaviest players first).

    >>> g = WeightedGame(weights={"a": 4, "b": 2, "c": 1}, quota=5,
    ...                  also=[({"a": 1, "b": 1, "c": 1}, 2)])
    >>> [sorted(s) for s in minimal_winning(g)]
    [['a', 'b'], ['a', 'c']]
    """
    c = _compiled(game)
    for members in c.bdd.members(c.minimal):
        yield frozenset(c.keys[i] for i in members)


def minimal_winning_ranked(
    game: WeightedGame, by: Mapping[str, int] | None = None, *, largest: bool = False
) -> Iterator[tuple[int, frozenset[str]]]:
    """The minimal winning coalitions of a weighted or vector-weighted game with their
    weight in ``by`` (the first weight vector by default, the population of the EU
    Council's rule), lightest first (heaviest first with ``largest``), lazily.

    A best-first walk of the diagram of the minimal winning coalitions: each node knows
    the lightest (heaviest) completion under it, so the walk takes the coalitions in
    order, holding at most one partial coalition a level for each one given so far.

    >>> g = WeightedGame(weights={"a": 4, "b": 2, "c": 1}, quota=5,
    ...                  also=[({"a": 1, "b": 1, "c": 1}, 2)])
    >>> [(w, sorted(s)) for w, s in minimal_winning_ranked(g)]
    [(5, ['a', 'c']), (6, ['a', 'b'])]
    """
    weights = dict(game.weights) if by is None else _ranking_weights(game, by)
    c = _compiled(game)
    bdd, root = c.bdd, c.minimal
    w = [weights[k] for k in c.keys]
    sign = -1 if largest else 1
    best: dict[int, int | None] = {WIN: 0, LOSE: None}  # the best completion, signed
    for x in bdd.nodes_under(root):
        then, other = best[bdd.then[x]], best[bdd.other[x]]
        took = None if then is None else then + sign * w[bdd.level[x]]
        best[x] = min((v for v in (took, other) if v is not None), default=None)
    if best[root] is None:
        return
    counter = itertools.count()
    heap: list[tuple[int, int, int, int, tuple[int, ...]]] = [
        (best[root] or 0, next(counter), 0, root, ())
    ]
    while heap:
        _bound, _seq, cost, x, chosen = heapq.heappop(heap)
        if x == WIN:
            yield sign * cost, frozenset(c.keys[i] for i in chosen)
            continue
        i = bdd.level[x]
        for child, step, members in (
            (bdd.then[x], sign * w[i], (*chosen, i)),
            (bdd.other[x], 0, chosen),
        ):
            rest = best[child]
            if rest is not None:
                heapq.heappush(
                    heap, (cost + step + rest, next(counter), cost + step, child, members)
                )


def _ranking_weights(game: WeightedGame, by: Mapping[str, int]) -> dict[str, int]:
    """``by`` checked: a whole number >= 0 for every player of the game."""
    if not isinstance(by, Mapping) or set(by) != set(game.weights):
        raise ConstraintError(f"'by' must weigh every player of the game and no other (got {by!r})")
    for k, v in by.items():
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise ConstraintError(f"'by' must hold whole numbers >= 0 (got {v!r} for {k!r})")
    return dict(by)


def vector_unions(
    game: WeightedGame,
    unions: Sequence[Sequence[str]],
    weights: Callable[[int], list[Fraction]],
) -> dict[str, Fraction]:
    """A value with a priori unions (``unions`` partition the players; ``weights(c)``
    is the weight of a set of ``r`` of ``c - 1`` others, by ``r``): for each union, one
    diagram whose first players are the other unions, each as one compound player, and
    whose last are the union's members; a member's swings are counted by how many other
    unions and how many fellow members they hold (one slot for each pair)."""
    m = len(unions)
    outer = weights(m)
    values: dict[str, Fraction] = {}
    for k, union in enumerate(unions):
        others = [u for j, u in enumerate(unions) if j != k]
        b = len(union)
        inner = weights(b)
        bdd = Bdd(len(others) + b)
        root = game_diagram(bdd, game, [*others, *([x] for x in union)])
        shift = [bdd.bits * b] * len(others) + [bdd.bits] * b
        packed = bdd.by_player(root, swing=True, shift=shift)
        for pos, x in enumerate(union):
            slots = bdd.unpack(packed[len(others) + pos], m * b)
            values[x] = sum(
                (
                    outer[r] * inner[t] * slots[r * b + t]
                    for r in range(m)
                    for t in range(b)
                    if slots[r * b + t]
                ),
                Fraction(0),
            )
    return {k: values[k] for k in game.players}


def _intervals(weights: Sequence[int], quota: int) -> list[tuple[int, int, frozenset[int]]]:
    """One vector's surplus intervals ``lo..hi`` and its members critical in them (those
    heavier than the surplus; none above the heaviest weight)."""
    n = len(weights)
    out = []
    for d, lo, hi, _group in levels(weights, quota):
        if lo <= hi:
            out.append((lo, hi, frozenset(i for i in range(n) if weights[i] >= d)))
    top, slack = max(weights, default=0), sum(weights) - quota
    if top <= slack:
        out.append((top, slack, frozenset()))
    return out


def vector_johnston(game: WeightedGame) -> dict[str, Fraction]:
    """Johnston's index of a vector-weighted game, exactly, on diagrams.

    Without the blocking clause, a member of a winning coalition is critical when it
    is heavier than the coalition's surplus in some vector. For each combination of one
    surplus interval a vector (:func:`.surplus.levels`), the coalitions whose
    surpluses lie in them form one diagram (the ``and`` of one window a vector), and
    their critical members are the union of each vector's heavy players: each heavy
    player's coalitions are counted by how many heavy members they hold. With a
    blocking clause (``c = n - blockers + 1`` members win anyway), coalitions of more
    than ``c`` members have no critical member, those of fewer are as above, and one of
    exactly ``c`` that reaches no quota has all its members critical."""
    c = _compiled(game)
    bdd, keys, n = c.bdd, c.keys, len(c.keys)
    vectors = [([w[k] for k in keys], q) for w, q in ((game.weights, game.quota), *game.also)]
    cap = LOSE  # the coalitions too large to have a critical member
    if game.blockers is not None:
        enough = n - game.blockers + 1
        cap = bdd.count_at_least(enough + 1)
    scale = math.lcm(*range(1, n + 1))
    raw = [0] * n
    for combination in itertools.product(*(_intervals(w, q) for w, q in vectors)):
        heavy = frozenset().union(*(h for _lo, _hi, h in combination))
        if not heavy:
            continue
        root = bdd.and_not(bdd.won[0], cap)
        for (w, q), (lo, hi, _h) in zip(vectors, combination, strict=True):
            root = bdd.apply("and", root, bdd.window(w, q + lo, q + hi))
        per = bdd.containing_among(root, [i in heavy for i in range(n)])
        for i in heavy:
            raw[i] += sum(k * (scale // a) for a, k in enumerate(per[i]) if k)
    if game.blockers is not None:
        quotas = root_of_quotas(bdd, vectors)
        exactly = bdd.and_not(bdd.count_at_least(enough), cap)
        per = bdd.containing(bdd.and_not(exactly, quotas))
        for i in range(n):
            raw[i] += per[i][enough] * (scale // enough)
    mass = sum(raw)
    return c.result([Fraction(r, mass) if mass else Fraction(0) for r in raw])


def root_of_quotas(bdd: Bdd, vectors: Sequence[tuple[Sequence[int], int]]) -> int:
    """The diagram of "every quota reached"."""
    root = bdd.won[0]
    for w, q in vectors:
        root = bdd.apply("and", root, bdd.weighted(w, q))
    return root
