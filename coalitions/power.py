"""Power indices: who really holds the balance, exactly.

Every index is an exact :class:`~fractions.Fraction` keyed by player, computed by
dynamic programming over seat sums (generating functions), never by listing coalitions,
with Python integers throughout so nothing overflows at hundreds of players.

The indices (``game`` is a :class:`WeightedGame` or a legislature, with a quota rule and
constraints):

- :func:`banzhaf`: swings of each player, normalized to sum to 1 (Banzhaf 1965);
  ``normalized=False`` gives the absolute (Penrose 1946) index, swings / 2^(n-1).
- :func:`shapley_shubik`: the share of orderings in which the player is pivotal
  (Shapley and Shubik 1954).
- :func:`deegan_packel`: each minimal winning coalition shares 1 equally among its
  members, and the coalitions are equally likely (Deegan and Packel 1978).
- :func:`public_good`: Holler's public good index, the number of minimal winning
  coalitions a player is in, normalized (Holler 1982; Holler and Packel 1983).
- :func:`johnston`: each winning coalition shares 1 equally among its critical members
  (Johnston 1978), normalized.
- :func:`owen`: the Owen value for a priori unions (Owen 1977): kept-together blocs bargain
  as one player in the quotient game, and share their power among their members.

Constraints: excluded parties are null players (listed with 0); a kept-together bloc is
one player, reported under the bloc's key (:func:`owen` shares it among its members);
required tags and required parties make a *composite* game (a coalition wins when it has
the seats and every requirement), handled in the same dynamic program. Forbidden pairs,
``max_parties`` and ``max_surplus`` make the game non-monotone (adding a member can make
a winning coalition lose), where these indices are undefined: they raise
:class:`~coalitions.errors.ConstraintError`.

>>> game = WeightedGame(weights={"a": 4, "b": 2, "c": 1}, quota=5)
>>> shapley_shubik(game)
{'a': Fraction(2, 3), 'b': Fraction(1, 6), 'c': Fraction(1, 6)}
>>> banzhaf(game)
{'a': Fraction(3, 5), 'b': Fraction(1, 5), 'c': Fraction(1, 5)}
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Final

import attrs

from . import rules
from ._frozen import FrozenMap, frozen_map
from .constraints import Constraints, compile_game, constraints_of
from .counting import View, count_sizes, shift_saturated
from .errors import ConstraintError, Problem, ValidationError
from .model import Legislature

__all__ = [
    "INDICES",
    "PowerTable",
    "WeightedGame",
    "banzhaf",
    "deegan_packel",
    "indices",
    "johnston",
    "owen",
    "public_good",
    "shapley_shubik",
]


@attrs.frozen
class WeightedGame:
    """A weighted voting game: players with weights, and the quota a coalition needs.

    >>> g = WeightedGame(weights={"a": 4, "b": 2, "c": 1}, quota=5)
    >>> g.total, g.wins({"a", "c"}), g.wins({"b", "c"})
    (7, True, False)
    """

    weights: Mapping[str, int] = attrs.field(converter=frozen_map)
    quota: int

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        if not isinstance(self.weights, FrozenMap):
            problems.append(
                ("weights", f"must be a mapping of keys to seats (got {self.weights!r})")
            )
        else:
            for key, w in self.weights.items():
                if not isinstance(key, str) or not key:
                    problems.append(
                        ("weights", f"has the key {key!r}; keys must be non-empty strings")
                    )
                if isinstance(w, bool) or not isinstance(w, int) or w < 0:
                    problems.append(
                        ("weights", f"must be whole numbers >= 0 (got {w!r} for {key!r})")
                    )
        if isinstance(self.quota, bool) or not isinstance(self.quota, int):
            problems.append(("quota", f"must be a whole number (got {self.quota!r})"))
        elif not problems and not 1 <= self.quota <= self.total:
            problems.append(
                ("quota", f"must be between 1 and the total weight {self.total} (got {self.quota})")
            )
        if problems:
            raise ValidationError(problems)

    @property
    def players(self) -> tuple[str, ...]:
        """The player keys, in the order given."""
        return tuple(self.weights)

    @property
    def total(self) -> int:
        """The sum of the weights."""
        return sum(self.weights.values())

    def wins(self, coalition: Any) -> bool:
        """Whether the players ``coalition`` reach the quota."""
        return sum(self.weights[k] for k in set(coalition)) >= self.quota

    @classmethod
    def from_legislature(
        cls,
        leg: Legislature,
        quota: rules.Rule = "majority",
        *,
        constraints: Constraints | None = None,
        **keywords: Any,
    ) -> WeightedGame:
        """The weighted game of a chamber under constraints (excluded parties left out,
        kept-together blocs as one player). Requirements make a composite game, which is
        not a weighted game: pass the legislature to the index functions instead."""
        c = constraints_of(constraints, **keywords)
        if c.require or c.require_tags:
            raise ConstraintError(
                "required parties or tags make a composite game, not a weighted one; "
                "pass the legislature and the constraints to the index functions"
            )
        _check_monotone(c)
        game = compile_game(leg, quota, c)
        return cls(weights={p.key: p.weight for p in game.players}, quota=game.threshold)


def _check_monotone(c: Constraints) -> None:
    for name, value in (
        ("forbid", c.forbid),
        ("max_parties", c.max_parties),
        ("max_surplus", c.max_surplus),
    ):
        if value:
            raise ConstraintError(
                f"{name!r} makes the game non-monotone (adding a member can make a winning "
                "coalition lose), where power indices are undefined; use coalition search "
                "to explore such questions"
            )


# ----------------------------------------------------------------- the simple game


@attrs.define
class _Simple:
    """A monotone simple game as arrays: weights, requirement masks, threshold."""

    keys: list[str]
    w: list[int]
    mask: list[int]
    T: int
    full: int
    null: list[str]
    unions: list[list[int]]  # a priori unions (Owen), a partition of the players
    view: View | None = None  # the compiled game's counting view, when there is one

    @property
    def n(self) -> int:
        return len(self.keys)

    @property
    def total(self) -> int:
        return sum(self.w)

    def classes(self) -> list[list[int]]:
        """Symmetric players: equal weight and equal requirement mask."""
        groups: dict[tuple[int, int], list[int]] = {}
        for i in range(self.n):
            groups.setdefault((self.w[i], self.mask[i]), []).append(i)
        return list(groups.values())

    def result(self, values: Mapping[int, Fraction]) -> dict[str, Fraction]:
        out = {self.keys[i]: values[i] for i in range(self.n)}
        for key in self.null:
            out[key] = Fraction(0)
        return out


def _simple(
    game: WeightedGame | Legislature,
    quota: rules.Rule,
    constraints: Constraints | None,
    keywords: Mapping[str, Any],
    *,
    unions: bool = False,
) -> _Simple:
    if isinstance(game, WeightedGame):
        if constraints is not None or keywords:
            raise ConstraintError(
                "constraints apply to a legislature; a WeightedGame is already the game"
            )
        keys = list(game.players)
        return _Simple(
            keys=keys,
            w=[game.weights[k] for k in keys],
            mask=[0] * len(keys),
            T=game.quota,
            full=0,
            null=[],
            unions=[[i] for i in range(len(keys))],
        )
    if not isinstance(game, Legislature):
        raise ConstraintError(
            f"expected a WeightedGame or a Legislature (got {type(game).__name__})"
        )
    c = constraints_of(constraints, **keywords)
    _check_monotone(c)
    together = c.keep_together
    if unions:
        c = attrs.evolve(c, keep_together=frozenset())
    compiled = compile_game(game, quota, c)
    v = View(compiled, players_count=True, veto_required=True)
    if v.missing_tags:
        raise ConstraintError(
            "no coalition can win: no party left in the game carries "
            + ", ".join(v.missing_tags)
            + "; power indices are undefined"
        )
    if sum(v.w) < compiled.threshold:
        raise ConstraintError(
            f"no coalition can win: the parties left hold {sum(v.w)} seats, fewer than the "
            f"{compiled.threshold} needed; power indices are undefined"
        )
    keys = [p.key for p in compiled.players]
    groups: list[list[int]] = []
    if unions:
        index = {k: i for i, k in enumerate(keys)}
        seen: set[int] = set()
        for bloc_key in sorted(together):
            members = [index[m] for m in game.bloc(bloc_key).members if m in index]
            if members:
                groups.append(members)
                seen.update(members)
        groups += [[i] for i in range(len(keys)) if i not in seen]
    else:
        groups = [[i] for i in range(len(keys))]
    return _Simple(
        keys=keys,
        w=v.w,
        mask=v.mask,
        T=compiled.threshold,
        full=v.full,
        null=[k for k, _why in compiled.left_out],
        unions=groups,
        view=v,
    )


# ------------------------------------------------------------ generating functions

# A table maps (mask, size) to a list of counts by seat sum 0..T, the last bucket
# holding every sum >= T ("saturated"). Without sizes, size is always 0.

_Table = dict[tuple[int, int], list[int]]


def _add(a: list[int] | None, b: list[int]) -> list[int]:
    return b if a is None else [x + y for x, y in zip(a, b, strict=True)]


def _table(g: _Simple, players: Sequence[int], sizes: bool) -> _Table:
    table: _Table = {(0, 0): [1] + [0] * g.T}
    for i in players:
        new: _Table = {}
        for (m, c), arr in table.items():
            new[(m, c)] = _add(new.get((m, c)), arr)
            key = (m | g.mask[i], c + 1 if sizes else 0)
            new[key] = _add(new.get(key), shift_saturated(arr, g.w[i]))
        table = new
    return table


def _without(g: _Simple, table: _Table, i: int, sizes: bool) -> _Table:
    """The table of every player but ``i``: deconvolution when ``i`` brings no
    requirement, a rebuild otherwise."""
    if g.mask[i]:
        return _table(g, [j for j in range(g.n) if j != i], sizes)
    w, T = g.w[i], g.T
    out: _Table = {}
    if sizes:
        for m, c in sorted(table, key=lambda mc: mc[1]):
            prev = out.get((m, c - 1))
            arr = table[(m, c)]
            out[(m, c)] = (
                arr[:]
                if prev is None
                else [x - y for x, y in zip(arr, shift_saturated(prev, w), strict=True)]
            )
        return out
    for (m, c), arr in table.items():
        g_arr = [0] * (T + 1)
        for s in range(T):
            g_arr[s] = arr[s] - (g_arr[s - w] if s >= w else 0)
        below = sum(g_arr[max(0, T - w) : T]) if w else 0
        g_arr[T] = (arr[T] - below) // 2 if w else arr[T] // 2
        out[(m, c)] = g_arr
    return out


def _swings(g: _Simple, table: _Table, i: int) -> Counter[int]:
    """Coalitions of the others that lose without ``i`` and win with it, by size."""
    w, T = g.w[i], g.T
    out: Counter[int] = Counter()
    for (m, c), arr in table.items():
        if (m | g.mask[i]) != g.full:
            continue
        lo = max(0, T - w)
        hi = T - 1 if m == g.full else T  # a coalition short of a requirement loses anyway
        n = sum(arr[lo : hi + 1])
        if n:
            out[c] += n
    return out


def _by_class(g: _Simple, per_player: Callable[[int], Fraction]) -> dict[int, Fraction]:
    values: dict[int, Fraction] = {}
    for group in g.classes():
        value = per_player(group[0])
        for i in group:
            values[i] = value
    return values


# -------------------------------------------------------------------- the indices

Game = WeightedGame | Legislature


def banzhaf(
    game: Game,
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

    >>> banzhaf(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3), normalized=False)
    {'a': Fraction(3, 4), 'b': Fraction(1, 4), 'c': Fraction(1, 4)}
    """
    g = _simple(game, quota, constraints, keywords)
    table = _table(g, range(g.n), sizes=False)
    swings = _by_class(
        g, lambda i: Fraction(sum(_swings(g, _without(g, table, i, False), i).values()))
    )
    if not normalized:
        scale = Fraction(1, 2 ** (g.n - 1)) if g.n else Fraction(0)
        return g.result({i: s * scale for i, s in swings.items()})
    total = sum(swings.values())
    return g.result({i: s / total if total else Fraction(0) for i, s in swings.items()})


def shapley_shubik(
    game: Game,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """The Shapley-Shubik index: the share of the n! orderings of the players in which
    the player's arrival turns the coalition from losing to winning.

    Reference: L. S. Shapley and M. Shubik, *American Political Science Review* 48
    (1954) 787-792.

    >>> shapley_shubik(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(2, 3), 'b': Fraction(1, 6), 'c': Fraction(1, 6)}
    """
    g = _simple(game, quota, constraints, keywords)
    table = _table(g, range(g.n), sizes=True)
    n = g.n
    weight = [
        Fraction(math.factorial(c) * math.factorial(n - 1 - c), math.factorial(n)) for c in range(n)
    ]

    def value(i: int) -> Fraction:
        by_size = _swings(g, _without(g, table, i, True), i)
        return sum((weight[c] * k for c, k in by_size.items()), Fraction(0))

    return g.result(_by_class(g, value))


def _minimal_counts(g: _Simple, *, by_size: bool) -> tuple[Counter[int], dict[int, Counter[int]]]:
    """Minimal winning coalitions by size, in all and containing each player.

    ``g`` must list the players heaviest first, as the counting walks them.
    """
    view = g.view if g.view is not None else View.weighted(g.w, g.T)
    everything = count_sizes(view, True, by_size=by_size)
    per: dict[int, Counter[int]] = {}
    for group in g.classes():
        sizes = count_sizes(view, True, forced_in=frozenset({group[0]}), by_size=by_size)
        for i in group:
            per[i] = sizes
    return everything, per


def _in_order(values: dict[str, Fraction], g: _Simple) -> dict[str, Fraction]:
    """``values`` with the keys in the order of ``g`` (the game as given)."""
    return {k: values[k] for k in [*g.keys, *g.null]}


def _sorted_simple(g: _Simple) -> _Simple:
    """``g`` with its players heaviest first (a compiled game already is: kept as is)."""
    order = sorted(range(g.n), key=lambda i: (-g.w[i], g.keys[i]))
    if order == list(range(g.n)):
        return g
    where = {old: new for new, old in enumerate(order)}
    return _Simple(
        keys=[g.keys[i] for i in order],
        w=[g.w[i] for i in order],
        mask=[g.mask[i] for i in order],
        T=g.T,
        full=g.full,
        null=g.null,
        unions=[[where[i] for i in u] for u in g.unions],
    )


def deegan_packel(
    game: Game,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """The Deegan-Packel index: every minimal winning coalition is equally likely and
    shares 1 equally among its members. Counted by size, never listed.

    Reference: J. Deegan and E. W. Packel, *International Journal of Game Theory* 7
    (1978) 113-123.

    >>> deegan_packel(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(1, 2), 'b': Fraction(1, 4), 'c': Fraction(1, 4)}
    """
    given = _simple(game, quota, constraints, keywords)
    g = _sorted_simple(given)
    everything, per = _minimal_counts(g, by_size=True)
    total = sum(everything.values())
    values = {
        i: sum((Fraction(k, c) for c, k in sizes.items()), Fraction(0)) / total
        for i, sizes in per.items()
    }
    return _in_order(g.result(values), given)


def public_good(
    game: Game,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """Holler's public good index: the number of minimal winning coalitions a player
    belongs to, normalized to sum to 1. Counted, never listed.

    References: M. J. Holler, *Political Studies* 30 (1982) 262-271; M. J. Holler and
    E. W. Packel, *Journal of Economics* 43 (1983) 21-29.

    >>> public_good(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(1, 2), 'b': Fraction(1, 4), 'c': Fraction(1, 4)}
    """
    given = _simple(game, quota, constraints, keywords)
    g = _sorted_simple(given)
    _everything, per = _minimal_counts(g, by_size=False)
    counts = {i: sum(sizes.values()) for i, sizes in per.items()}
    total = sum(counts.values())
    return _in_order(g.result({i: Fraction(k, total) for i, k in counts.items()}), given)


def johnston(
    game: Game,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, Fraction]:
    """The Johnston index: every winning coalition shares 1 equally among its critical
    members (those whose departure makes it lose), normalized to sum to 1.

    Computed without listing: for a coalition with surplus ``t``, the critical members
    are exactly those with more than ``t`` seats, so the count runs over the intervals
    of ``t`` between distinct weights, with a generating function of the heavy players
    by seats and size and one of the light players by seats.

    Requirements (required tags or parties) are refused: in a composite game a light
    member can be critical through a tag, which this count does not track.

    Reference: R. J. Johnston, *Political Studies* 26 (1978) 272-282.

    >>> johnston(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    {'a': Fraction(2, 3), 'b': Fraction(1, 6), 'c': Fraction(1, 6)}
    """
    c = constraints_of(constraints, **keywords) if not isinstance(game, WeightedGame) else None
    if c is not None and (c.require or c.require_tags):
        raise ConstraintError(
            "the Johnston index is computed for weighted games; required parties or tags "
            "make a composite game: use banzhaf, shapley_shubik, deegan_packel or public_good"
        )
    g = _simple(game, quota, constraints, keywords)
    return g.result(_johnston(g))


def _johnston(g: _Simple) -> dict[int, Fraction]:
    total, T = g.total, g.T
    size = total + 1
    weights = sorted(set(g.w), reverse=True)  # d_1 > d_2 > ...
    groups = {d: [i for i in range(g.n) if g.w[i] == d] for d in weights}
    # light tables: B[r] counts subsets of players lighter than weights[r], by seats
    light: list[list[int]] = [[0] * size for _ in weights]
    acc = [1] + [0] * total
    for r in range(len(weights) - 1, -1, -1):
        light[r] = acc[:]
        for _ in groups[weights[r]]:
            d = weights[r]
            acc = [acc[s] + (acc[s - d] if s >= d else 0) for s in range(size)]
    raw: dict[int, Fraction] = {}
    heavy: list[list[int]] = [[1] + [0] * total]  # heavy[a][h]: subsets of size a, seats h
    for r, d in enumerate(weights):
        for _ in groups[d]:
            heavy.append([0] * size)
            for a in range(len(heavy) - 1, 0, -1):
                below = heavy[a - 1]
                row = heavy[a]
                heavy[a] = [row[s] + (below[s - d] if s >= d else 0) for s in range(size)]
        lo = weights[r + 1] if r + 1 < len(weights) else 0
        hi = min(d - 1, total - T)
        if lo > hi:
            continue
        cum = list(itertools.accumulate(light[r], initial=0))

        def window(start: int, stop: int, cum: list[int] = cum) -> int:
            start, stop = max(start, 0), min(stop, total)
            return cum[stop + 1] - cum[start] if start <= stop else 0

        for gd in weights[: r + 1]:
            x = groups[gd][0]
            wx = g.w[x]
            # subsets of the other heavy players, by size: deconvolve x out
            others: list[list[int]] = []
            for a in range(len(heavy) - 1):
                prev = others[a - 1] if a else None
                row = heavy[a]
                others.append(
                    row[:]
                    if prev is None
                    else [row[s] - (prev[s - wx] if s >= wx else 0) for s in range(size)]
                )
            inner = [window(T + lo - wx - u, T + hi - wx - u) for u in range(size)]
            value = Fraction(0)
            for a, row in enumerate(others):
                dot = sum(p * q for p, q in zip(row, inner, strict=True) if p)
                if dot:
                    value += Fraction(dot, a + 1)
            for i in groups[gd]:
                raw[i] = raw.get(i, Fraction(0)) + value
    mass = sum(raw.values())
    return {i: (raw.get(i, Fraction(0)) / mass if mass else Fraction(0)) for i in range(g.n)}


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
    between unions). Without unions it equals :func:`shapley_shubik`.

    For a legislature, the unions are the ``keep_together`` blocs; for a
    :class:`WeightedGame`, pass ``unions`` as lists of player keys.

    Reference: G. Owen, "Values of games with a priori unions", in *Mathematical
    Economics and Game Theory* (Springer, 1977) 76-88.

    >>> g = WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3)
    >>> owen(g, unions=[["b", "c"]])
    {'a': Fraction(1, 2), 'b': Fraction(1, 4), 'c': Fraction(1, 4)}
    """
    if isinstance(game, WeightedGame):
        g = _simple(game, quota, None, {})
        if unions is not None:
            index = {k: i for i, k in enumerate(g.keys)}
            seen: set[int] = set()
            groups = []
            for u in unions:
                members = []
                for k in u:
                    if k not in index:
                        raise ConstraintError(f"unknown player {k!r} in 'unions'")
                    if index[k] in seen:
                        raise ConstraintError(f"player {k!r} is in two unions")
                    seen.add(index[k])
                    members.append(index[k])
                groups.append(members)
            groups += [[i] for i in range(g.n) if i not in seen]
            g.unions = groups
    else:
        if unions is not None:
            raise ConstraintError("for a legislature, the unions are the 'keep_together' blocs")
        g = _simple(game, quota, constraints, keywords, unions=True)
    return g.result(_owen(g))


def _owen(g: _Simple) -> dict[int, Fraction]:
    T = g.T
    m = len(g.unions)
    union_w = [sum(g.w[i] for i in u) for u in g.unions]
    union_mask = [0] * m
    for k, u in enumerate(g.unions):
        for i in u:
            union_mask[k] |= g.mask[i]
    quotient = _Simple(
        keys=[str(k) for k in range(m)],
        w=union_w,
        mask=union_mask,
        T=T,
        full=g.full,
        null=[],
        unions=[],
    )
    table = _table(quotient, range(m), sizes=True)
    outer = [
        Fraction(math.factorial(r) * math.factorial(m - 1 - r), math.factorial(m)) for r in range(m)
    ]
    values: dict[int, Fraction] = {}
    done: dict[tuple[int, int, int], Fraction] = {}
    for k, members in enumerate(g.unions):
        rest = _without(quotient, table, k, True)
        prefix = {key: list(itertools.accumulate(arr, initial=0)) for key, arr in rest.items()}
        b = len(members)
        inner = [
            Fraction(math.factorial(s) * math.factorial(b - 1 - s), math.factorial(b))
            for s in range(b)
        ]
        for i in members:
            signature = (k, g.w[i], g.mask[i]) if b > 1 else (-1, union_w[k], union_mask[k])
            if signature in done and b > 1:
                values[i] = done[signature]
                continue
            others = [j for j in members if j != i]
            value = Fraction(0)
            # subsets of the union's other members, by (mask, size, seats), enumerated
            partial: Counter[tuple[int, int, int]] = Counter({(0, 0, 0): 1})
            for j in others:
                step: Counter[tuple[int, int, int]] = Counter()
                for (mm, ss, yy), n in partial.items():
                    step[(mm, ss, yy)] += n
                    step[(mm | g.mask[j], ss + 1, min(yy + g.w[j], T))] += n
                partial = step
            for (m2, s, y), n_s in partial.items():
                for (m1, r), pre in prefix.items():
                    mask = m1 | m2
                    if (mask | g.mask[i]) != g.full:
                        continue
                    # outer coalition seats x (saturated at T): x + y loses, x + y + w_i wins
                    lo = max(0, T - g.w[i] - y)
                    hi = T - 1 - y if mask == g.full else T
                    if hi < lo:
                        continue
                    count = pre[min(hi, T) + 1] - pre[lo]
                    if count:
                        value += outer[r] * inner[s] * n_s * count
            values[i] = value
            if b > 1:
                done[signature] = value
    return values


# ------------------------------------------------------------------ many at once

#: The indices by name, with their functions; aliases map to these names.
INDICES: Final[dict[str, Callable[..., dict[str, Fraction]]]] = {
    "banzhaf": banzhaf,
    "penrose": lambda game, quota="majority", **kw: banzhaf(game, quota, normalized=False, **kw),
    "shapley-shubik": shapley_shubik,
    "deegan-packel": deegan_packel,
    "public-good": public_good,
    "johnston": johnston,
    "owen": owen,
}
_ALIASES: Final = {
    "absolute-banzhaf": "penrose",
    "shapley": "shapley-shubik",
    "ss": "shapley-shubik",
    "holler": "public-good",
    "pgi": "public-good",
    "holler-packel": "public-good",
    "dp": "deegan-packel",
}
#: The indices :func:`indices` computes by default (Owen needs unions; Penrose is
#: Banzhaf unnormalized).
DEFAULT_INDICES: Final = ("banzhaf", "shapley-shubik", "deegan-packel", "public-good", "johnston")


def index_name(name: str) -> str:
    """The registry name of an index given by name or alias."""
    key = name.strip().lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    if key not in INDICES:
        raise ConstraintError(
            f"unknown index {name!r}; expected one of {', '.join(INDICES)} "
            f"(aliases: {', '.join(sorted(_ALIASES))})"
        )
    return key


@attrs.frozen
class PowerTable:
    """Several indices side by side, with each player's seats and seat share.

    ``values[index][key]`` is an exact Fraction (a key an index does not rate, such as a
    bloc member for an index computed on the bloc, is absent). :meth:`rows` gives
    records sorted by the first index, largest first, with ``gap``: the first index
    minus the seat share, which shows who weighs more (or less) than their seats.
    ``seats`` are the seats each player counts in the game (an excluded faction's seats
    do not count; an excluded party keeps its seats and has no power).
    """

    indices: tuple[str, ...]
    values: Mapping[str, Mapping[str, Fraction]] = attrs.field(eq=False)
    seats: Mapping[str, int] = attrs.field(eq=False)
    size: int

    def _repr_html_(self) -> str:
        from .report import to_html

        return to_html(self)

    def rows(self) -> list[dict[str, Any]]:
        """One record a player, sorted by the first index (largest first), then key."""
        first = self.values[self.indices[0]]
        zero = Fraction(0)
        keys = sorted(self.seats, key=lambda k: (-first.get(k, zero), -self.seats[k], k))
        out = []
        for key in keys:
            share = Fraction(self.seats[key], self.size)
            row: dict[str, Any] = {"key": key, "seats": self.seats[key], "share": share}
            for name in self.indices:
                row[name] = self.values[name].get(key)
            row["gap"] = first[key] - share if key in first else None
            out.append(row)
        return out


def indices(
    game: Game,
    quota: rules.Rule = "majority",
    *,
    which: Sequence[str] = DEFAULT_INDICES,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> PowerTable:
    """Every index named in ``which`` at once, as a :class:`PowerTable`.

    By default: Banzhaf, Shapley-Shubik, Deegan-Packel, public good and Johnston
    (Johnston is left out of the default set for games with requirements, where it is
    not computed; name it to get the error).

    >>> t = indices(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    >>> [row["key"] for row in t.rows()], t.rows()[0]["banzhaf"]
    (['a', 'b', 'c'], Fraction(3, 5))
    """
    names = [index_name(n) for n in which]
    if isinstance(game, WeightedGame):
        values = {name: INDICES[name](game, quota) for name in names}
        return PowerTable(
            indices=tuple(names), values=values, seats=dict(game.weights), size=game.total
        )
    c = constraints_of(constraints, **keywords)
    if which is DEFAULT_INDICES and (c.require or c.require_tags):
        names = [n for n in names if n != "johnston"]
    values = {name: INDICES[name](game, quota, constraints=c) for name in names}
    compiled = compile_game(game, quota, attrs.evolve(c, keep_together=frozenset()))
    seats = {p.key: compiled.party_weight.get(p.key, p.seats) for p in game.parties}
    for bloc_key in c.keep_together:
        bloc = game.bloc(bloc_key)
        seats[bloc.key] = sum(compiled.party_weight.get(m, 0) for m in bloc.members)
    rated = set().union(*(set(v) for v in values.values()))
    seats = {k: w for k, w in seats.items() if k in rated}
    return PowerTable(indices=tuple(names), values=values, seats=seats, size=game.size)
