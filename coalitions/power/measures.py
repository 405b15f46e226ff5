"""The indices counted over seat sums: Banzhaf (and Penrose), Shapley-Shubik,
Deegan-Packel and Holler's public good index.

Each builds one :data:`~coalitions.counting.Table` of every coalition by tags, size and
seats with counting's step, then takes each player back out of it (deconvolution) to
count its swings; the minimal-coalition indices use counting's exact count of minimal
winning coalitions containing a player. Nothing is listed.
"""

from __future__ import annotations

import math
from collections import Counter
from fractions import Fraction
from typing import Any

from .. import rules
from ..constraints import Constraints
from ..counting import Counts, Table, build_table, count_sizes, remove_player
from ..errors import ConstraintError
from .bdd import Bdd
from .diagram import Diagram, use_diagram
from .game import GameOrChamber, Players, WeightedGame, players_of
from .surplus import minimal_counts
from .vector import (
    vector_banzhaf,
    vector_deegan_packel,
    vector_public_good,
    vector_shapley_shubik,
)

__all__ = [
    "banzhaf",
    "deegan_packel",
    "public_good",
    "shapley_shubik",
    "swing_counts",
    "swings",
    "without",
]


def _form(g: Players) -> Counts:
    """Counts by seats ``0..threshold``, the top one saturated."""
    return Counts(g.flat.threshold + 1, g.count + 2, saturate=True)


def _no_constraints(constraints: Constraints | None, keywords: dict[str, Any]) -> None:
    if constraints is not None or keywords:
        raise ConstraintError(
            "constraints apply to a legislature; a WeightedGame is already the game"
        )


def _by_diagram(g: Players, *, by_size: bool) -> bool:
    """Whether the decision diagram (:mod:`.diagram`) is the cheaper path: a game with
    no requirement, large weights and few players."""
    return not g.flat.all_tags and use_diagram(g.flat.weight, g.flat.threshold, by_size=by_size)


def without(g: Players, form: Counts, table: Table, i: int, *, sizes: bool) -> Table:
    """The table of every player but ``i``: deconvolution when the table is by size and
    ``i`` brings no requirement, a rebuild otherwise."""
    if g.flat.tag_bits[i] or not sizes:
        others = [j for j in range(g.count) if j != i]
        return build_table(form, g.flat, others, sizes=sizes)
    return remove_player(form, table, g.flat.weight[i])


def swings(g: Players, form: Counts, table: Table, i: int) -> Counter[int]:
    """Coalitions of the others (``table``) that lose without ``i`` and win with it, by
    size."""
    flat = g.flat
    w, threshold = flat.weight[i], flat.threshold
    out: Counter[int] = Counter()
    for (held, size), packed in table.items():
        if (held | flat.tag_bits[i]) != flat.all_tags:
            continue
        lo = max(0, threshold - w)
        # a coalition short of a requirement loses anyway, however many seats
        hi = threshold - 1 if held == flat.all_tags else threshold
        n = form.window(packed, lo, hi)
        if n:
            out[size] += n
    return out


def banzhaf(
    game: GameOrChamber,
    quota: rules.Rule = "majority",
    *,
    normalized: bool = True,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """The Banzhaf index: swings (coalitions that lose without the player and win with
    it), normalized to sum to 1; ``normalized=False`` gives the absolute (Penrose)
    index, swings / 2^(n-1).

    References: L. S. Penrose, *J. Royal Statistical Society* 109 (1946) 53-57;
    J. F. Banzhaf, *Rutgers Law Review* 19 (1965) 317-343.

    >>> from coalitions.power import WeightedGame
    >>> banzhaf(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3), normalized=False)
    {'a': Fraction(3, 4), 'b': Fraction(1, 4), 'c': Fraction(1, 4)}
    """
    if isinstance(game, WeightedGame) and game.is_vector:
        _no_constraints(constraints, keywords)
        return vector_banzhaf(game, normalized=normalized)
    g = players_of(game, quota, constraints, keywords)
    counts, _winning = swing_counts(g)
    if not normalized:
        scale = Fraction(1, 2 ** (g.count - 1)) if g.count else Fraction(0)
        return g.result({i: s * scale for i, s in counts.items()})
    total = sum(counts.values())
    return g.result({i: s / total if total else Fraction(0) for i, s in counts.items()})


def swing_counts(g: Players) -> tuple[dict[int, Fraction], int]:
    """Each player's swings, and the number of winning coalitions."""
    if _by_diagram(g, by_size=False):
        diagram = Diagram(g.flat.weight, g.flat.threshold)
        swings_of = diagram.swings_by_size(by_size=False)
        return {i: Fraction(swings_of[i][0]) for i in range(g.count)}, diagram.winning
    form = _form(g)
    table = build_table(form, g.flat, range(g.count))
    everyone = form.slots(table.get((g.flat.all_tags, 0), 0))
    counts = g.by_class(lambda i: Fraction(_swing_count(g, form, table, everyone, i)))
    return counts, everyone[-1]  # the top slot holds every coalition at the threshold


def _swing_count(g: Players, form: Counts, table: Table, everyone: list[int], i: int) -> int:
    """Player ``i``'s swings; ``everyone`` are the counts (as a list) of the coalitions
    that meet every requirement."""
    if g.flat.tag_bits[i]:
        return sum(swings(g, form, without(g, form, table, i, sizes=False), i).values())
    # Without i's tags only the coalitions that meet every requirement can swing: take
    # i out of those counts alone, as a list.
    w, threshold = g.flat.weight[i], g.flat.threshold
    others = form.unshift_counts(everyone, w)
    return sum(others[max(0, threshold - w) : threshold])


def shapley_shubik(
    game: GameOrChamber,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """The Shapley-Shubik index: the share of the n! orderings of the players in which
    the player's arrival turns the coalition from losing to winning.

    Reference: L. S. Shapley and M. Shubik, *American Political Science Review* 48
    (1954) 787-792.

    >>> from coalitions.power import WeightedGame
    >>> shapley_shubik(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(2, 3), 'b': Fraction(1, 6), 'c': Fraction(1, 6)}
    """
    if isinstance(game, WeightedGame) and game.is_vector:
        _no_constraints(constraints, keywords)
        return vector_shapley_shubik(game)
    g = players_of(game, quota, constraints, keywords)
    n = g.count
    weight = [
        Fraction(math.factorial(c) * math.factorial(n - 1 - c), math.factorial(n)) for c in range(n)
    ]
    if _by_diagram(g, by_size=True):
        by_sizes = Diagram(g.flat.weight, g.flat.threshold).swings_by_size(by_size=True)
        return g.result(
            {
                i: sum((weight[c] * k for c, k in enumerate(by_sizes[i]) if k), Fraction(0))
                for i in range(n)
            }
        )
    form = _form(g)
    table = build_table(form, g.flat, range(g.count), sizes=True)

    def value(i: int) -> Fraction:
        by_size = swings(g, form, without(g, form, table, i, sizes=True), i)
        return sum((weight[c] * k for c, k in by_size.items()), Fraction(0))

    return g.result(g.by_class(value))


def _minimal_counts(g: Players, *, by_size: bool) -> tuple[Counter[int], dict[int, Counter[int]]]:
    """Minimal winning coalitions by size, in all and containing each player: on the
    diagram of the minimal winning coalitions when the decision diagram is the cheaper
    path, else in one pass over the surplus intervals when the game has no requirement,
    else by counting's count once per class of identical players."""
    if not g.flat.all_tags and _by_diagram(g, by_size=True):
        return _minimal_counts_by_diagram(g)
    if not g.flat.all_tags:
        return minimal_counts(g.flat)
    everything = count_sizes(g.flat, True, by_size=by_size)
    per: dict[int, Counter[int]] = {}
    for group in g.classes():
        sizes = count_sizes(g.flat, True, forced_in=frozenset({group[0]}), by_size=by_size)
        for i in group:
            per[i] = sizes
    return everything, per


def _minimal_counts_by_diagram(g: Players) -> tuple[Counter[int], dict[int, Counter[int]]]:
    """:func:`_minimal_counts` on the diagram of the minimal winning coalitions."""
    bdd = Bdd(g.count)
    minimal = bdd.minimal(bdd.weighted(g.flat.weight, g.flat.threshold))
    everything = Counter({size: k for size, k in enumerate(bdd.count(minimal)) if k})
    per = {
        i: Counter({size: k for size, k in enumerate(sizes) if k})
        for i, sizes in enumerate(bdd.containing(minimal))
    }
    return everything, per


def deegan_packel(
    game: GameOrChamber,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """The Deegan-Packel index: every minimal winning coalition is equally likely and
    shares 1 equally among its members. Counted by size, never listed.

    Reference: J. Deegan and E. W. Packel, *International Journal of Game Theory* 7
    (1978) 113-123.

    >>> from coalitions.power import WeightedGame
    >>> deegan_packel(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(1, 2), 'b': Fraction(1, 4), 'c': Fraction(1, 4)}
    """
    if isinstance(game, WeightedGame) and game.is_vector:
        _no_constraints(constraints, keywords)
        return vector_deegan_packel(game)
    g = players_of(game, quota, constraints, keywords)
    everything, per = _minimal_counts(g, by_size=True)
    total = sum(everything.values())
    scale = math.lcm(*range(1, g.count + 1))  # sums of 1/size as whole numbers
    return g.result(
        {
            i: Fraction(sum(k * (scale // c) for c, k in sizes.items()), scale * total)
            for i, sizes in per.items()
        }
    )


def public_good(
    game: GameOrChamber,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """Holler's public good index: the number of minimal winning coalitions a player
    belongs to, normalized to sum to 1. Counted, never listed.

    References: M. J. Holler, *Political Studies* 30 (1982) 262-271; M. J. Holler and
    E. W. Packel, *Journal of Economics* 43 (1983) 21-29.

    >>> from coalitions.power import WeightedGame
    >>> public_good(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(1, 2), 'b': Fraction(1, 4), 'c': Fraction(1, 4)}
    """
    if isinstance(game, WeightedGame) and game.is_vector:
        _no_constraints(constraints, keywords)
        return vector_public_good(game)
    g = players_of(game, quota, constraints, keywords)
    _everything, per = _minimal_counts(g, by_size=False)
    counts = {i: sum(sizes.values()) for i, sizes in per.items()}
    total = sum(counts.values())
    return g.result({i: Fraction(k, total) for i, k in counts.items()})
