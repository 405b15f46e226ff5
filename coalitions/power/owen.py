"""Values with a priori unions: the Owen value (Owen 1977; Shapley-Shubik between and
within the unions) and the Owen-Banzhaf value (Owen 1982; Banzhaf between and within).
Both count a player's swings over the coalitions of the other unions (by how many unions
they hold) and the subsets of its own union's other members (by their size), and weigh
each swing by the two: ``r! (m-1-r)! / m!`` and ``s! (b-1-s)! / b!`` for Owen's,
``1 / 2**(m-1)`` and ``1 / 2**(b-1)`` for the Owen-Banzhaf value."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from .. import rules
from ..constraints import Constraints
from ..counting import Counts, FlatGame, Table, build_table
from ..errors import ConstraintError, unknown
from ..model import Legislature
from .game import Players, WeightedGame, players_of
from .measures import swing_counts, without
from .vector import vector_banzhaf, vector_shapley_shubik, vector_unions

__all__ = ["owen", "owen_banzhaf"]


def owen(
    game: Legislature | WeightedGame,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    unions: Sequence[Sequence[str]] | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """The Owen value: kept-together blocs are a priori unions that bargain as one in the
    quotient game and share their power among their members (Shapley-Shubik within and
    between unions). Without unions it equals
    :func:`~coalitions.power.shapley_shubik`.

    For a legislature, the unions are the ``keep_together`` blocs; for a
    :class:`~coalitions.power.WeightedGame`, pass ``unions`` as lists of player keys.

    Reference: G. Owen, "Values of games with a priori unions", in *Mathematical
    Economics and Game Theory* (Springer, 1977) 76-88.

    >>> from coalitions.power import WeightedGame
    >>> g = WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3)
    >>> owen(g, unions=[["b", "c"]])
    {'a': Fraction(1, 2), 'b': Fraction(1, 4), 'c': Fraction(1, 4)}
    """
    if isinstance(game, WeightedGame) and game.is_vector:
        return _vector_value(game, constraints, unions, keywords, _shapley_weights)
    g = _with_unions(game, quota, constraints, unions, keywords)
    return g.result(_owen(g, _shapley_weights))


def owen_banzhaf(
    game: Legislature | WeightedGame,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    unions: Sequence[Sequence[str]] | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """The Owen-Banzhaf value (Banzhaf's index with a priori unions): a player's swings
    over every set of the other unions and every subset of its own union's other
    members, all equally likely: ``swings / (2**(m-1) * 2**(b-1))`` with ``m`` unions
    and ``b`` members in its own. Not normalized (as Owen defines it); without unions it
    equals the absolute (Penrose) Banzhaf index. Unions as for :func:`owen`.

    Reference: G. Owen, "Modification of the Banzhaf-Coleman index for games with a
    priori unions", in *Power, Voting, and Voting Power* (Physica, 1982) 232-238.

    >>> from coalitions.power import WeightedGame
    >>> g = WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3)
    >>> owen_banzhaf(g, unions=[["b", "c"]])
    {'a': Fraction(1, 2), 'b': Fraction(1, 4), 'c': Fraction(1, 4)}
    """
    if isinstance(game, WeightedGame) and game.is_vector:
        return _vector_value(game, constraints, unions, keywords, _banzhaf_weights)
    g = _with_unions(game, quota, constraints, unions, keywords)
    if g.unions is None or all(len(u) == 1 for u in g.unions):
        # no union binds: the absolute Banzhaf (Penrose) index, from the swings alone
        counts, _winning = swing_counts(g)
        scale = Fraction(1, 2 ** (g.count - 1)) if g.count else Fraction(0)
        return g.result({i: s * scale for i, s in counts.items()})
    return g.result(_owen(g, _banzhaf_weights))


def _with_unions(
    game: Legislature | WeightedGame,
    quota: rules.Rule,
    constraints: Constraints | None,
    unions: Sequence[Sequence[str]] | None,
    keywords: dict[str, Any],
) -> Players:
    """The players and their unions (given for a weighted game; the kept-together blocs
    of a legislature)."""
    if isinstance(game, WeightedGame):
        g = players_of(game, quota, constraints, keywords)
        if unions is not None:
            g.unions = [[g.index[k] for k in u] for u in _key_unions(game.players, unions)]
        return g
    if unions is not None:
        raise ConstraintError("for a legislature, the unions are the 'keep_together' blocs")
    return players_of(game, quota, constraints, keywords, unions=True)


def _shapley_weights(count: int) -> list[Fraction]:
    """Shapley's weight of a coalition of ``r`` of ``count`` others, by ``r``."""
    f = math.factorial
    return [Fraction(f(r) * f(count - 1 - r), f(count)) for r in range(count)]


def _banzhaf_weights(count: int) -> list[Fraction]:
    """Banzhaf's weight of any coalition of ``count`` - 1 others: all equally likely."""
    return [Fraction(1, 2 ** (count - 1))] * count


def _key_unions(players: Sequence[str], unions: Sequence[Sequence[str]]) -> list[list[str]]:
    """The unions given by keys, checked, with every other player a union alone."""
    known = set(players)
    seen: set[str] = set()
    groups = []
    for union in unions:
        members = []
        for k in union:
            if k not in known:
                raise ConstraintError(unknown("player", k, players, where="'unions'"))
            if k in seen:
                raise ConstraintError(f"player {k!r} is in two unions")
            seen.add(k)
            members.append(k)
        groups.append(members)
    return groups + [[k] for k in players if k not in seen]


def _vector_value(
    game: WeightedGame,
    constraints: Constraints | None,
    unions: Sequence[Sequence[str]] | None,
    keywords: dict[str, Any],
    weights: Callable[[int], list[Fraction]],
) -> dict[str, Fraction]:
    """A value with a priori unions of a vector-weighted game, on its diagrams."""
    if constraints is not None or keywords:
        raise ConstraintError(
            "constraints apply to a legislature; a WeightedGame is already the game"
        )
    groups = _key_unions(game.players, unions or ())
    if all(len(u) == 1 for u in groups):  # no union binds: Shapley-Shubik's or Penrose's
        if weights is _shapley_weights:
            return vector_shapley_shubik(game)
        return vector_banzhaf(game, normalized=False)
    return vector_unions(game, groups, weights)


def _owen(g: Players, weights: Callable[[int], list[Fraction]]) -> dict[int, Fraction]:
    flat = g.flat
    groups = g.unions if g.unions is not None else [[i] for i in range(g.count)]
    m = len(groups)
    union_mask = [0] * m
    for k, members in enumerate(groups):
        for i in members:
            union_mask[k] |= flat.tag_bits[i]
    quotient = Players(
        [str(k) for k in range(m)],
        FlatGame(
            weight=[sum(flat.weight[i] for i in u) for u in groups],
            party_count=[1] * m,
            tag_bits=union_mask,
            is_required=[False] * m,
            threshold=flat.threshold,
            all_tags=flat.all_tags,
        ),
    )
    form = Counts(flat.threshold + 1, g.count + 2, saturate=True)
    table = build_table(form, quotient.flat, range(m), sizes=True)
    outer = weights(m)
    values: dict[int, Fraction] = {}
    # Two members have the same value when their unions hold the same weights and tags
    # (the unions are then symmetric in the quotient game) and so do they: computed
    # once for each such pair (once a class of identical players when no union binds).
    done: dict[tuple[tuple[tuple[int, int], ...], tuple[int, int]], Fraction] = {}
    for k, members in enumerate(groups):
        union = tuple(sorted((flat.weight[i], flat.tag_bits[i]) for i in members))
        rest: Table | None = None
        for i in members:
            signature = (union, (flat.weight[i], flat.tag_bits[i]))
            if signature not in done:
                if rest is None:
                    rest = without(quotient, form, table, k, sizes=True)
                partners = [j for j in members if j != i]
                done[signature] = _value(
                    g, form, rest, outer, weights(len(partners) + 1), partners, i
                )
            values[i] = done[signature]
    return values


def _value(
    g: Players,
    form: Counts,
    rest: Table,
    outer: Sequence[Fraction],
    inner: Sequence[Fraction],
    partners: Sequence[int],
    i: int,
) -> Fraction:
    """Player ``i``'s Owen value: its swings over the other unions (``rest``, by union
    count) and the subsets of its own union's other members (``partners``)."""
    flat = g.flat
    threshold = flat.threshold
    # subsets of the union's other members, by (tags, size, seats), enumerated
    partial: Counter[tuple[int, int, int]] = Counter({(0, 0, 0): 1})
    for j in partners:
        step: Counter[tuple[int, int, int]] = Counter()
        for (held, size, seats), n in partial.items():
            step[(held, size, seats)] += n
            step[(held | flat.tag_bits[j], size + 1, min(seats + flat.weight[j], threshold))] += n
        partial = step
    value = Fraction(0)
    for (held2, s, y), n_s in partial.items():
        for (held1, r), packed in rest.items():
            held = held1 | held2
            if (held | flat.tag_bits[i]) != flat.all_tags:
                continue
            # outer coalition seats x (saturated): x + y loses, x + y + w_i wins
            lo = max(0, threshold - flat.weight[i] - y)
            hi = threshold - 1 - y if held == flat.all_tags else threshold
            count = form.window(packed, lo, min(hi, threshold))
            if count:
                value += outer[r] * inner[s] * n_s * count
    return value
