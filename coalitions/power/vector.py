"""Vector-weighted games (several weight vectors, all to be reached, and a
blocking-minority clause): their diagram, the indices, counting and listing the minimal
winning coalitions.

The game's diagram (:mod:`.bdd`) is the ``and`` of one diagram a vector, ``or`` "at
least ``n - blockers + 1`` players" when there is a blocking-minority clause. Players
are ordered by the first vector, heaviest first. Every index here is exact (Python
integers and fractions); Johnston's index and the Owen value are not computed for
these games.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..errors import ConstraintError
from .bdd import Bdd, factorial_weights
from .game import WeightedGame

__all__ = [
    "count_winning",
    "minimal_winning",
    "vector_banzhaf",
    "vector_deegan_packel",
    "vector_public_good",
    "vector_shapley_shubik",
    "vector_swings",
]


class _Compiled:
    """The game's players in the diagram's order, the diagram, and its root."""

    def __init__(self, game: WeightedGame) -> None:
        w = game.weights
        self.game = game
        self.keys = sorted(w, key=lambda k: (-w[k], k))
        n = len(self.keys)
        self.bdd = Bdd(n)
        root = self.bdd.weighted([w[k] for k in self.keys], game.quota)
        for weights, quota in game.also:
            other = self.bdd.weighted([weights[k] for k in self.keys], quota)
            root = self.bdd.apply("and", root, other)
        if game.blockers is not None:
            enough = self.bdd.count_at_least(n - game.blockers + 1)
            root = self.bdd.apply("or", root, enough)
        self.root = root
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
