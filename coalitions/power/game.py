"""Weighted games, and any game made ready for the indices: its players heaviest first
as :class:`~coalitions.counting.FlatGame` arrays, its null players and its a priori
unions."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from .. import numbers, rules
from .._frozen import FrozenMap, frozen_map
from ..constraints import Constraints, compile_game, constraints_of
from ..counting import FlatGame
from ..errors import ConstraintError, Problem, ValidationError
from ..limits import MAX_PARTIES, MAX_TOTAL_WEIGHT
from ..model import Legislature

__all__ = ["GameOrChamber", "Players", "WeightedGame", "check_monotone", "players_of"]


def _vectors(value: Any) -> Any:
    """``also`` as a tuple of (frozen weights, quota) pairs (anything else is left for
    the checks to name)."""
    if isinstance(value, Mapping) or not isinstance(value, Sequence | tuple):
        return value
    out = []
    for item in value:
        if isinstance(item, Sequence) and len(item) == 2:
            out.append((frozen_map(item[0]), item[1]))
        else:
            out.append(item)
    return tuple(out)


@attrs.frozen
class WeightedGame:
    """A weighted voting game: players with weights, and the quota a coalition needs.

    A *vector-weighted* game adds more weight vectors, each with its quota (``also``: a
    sequence of ``(weights, quota)``), and a coalition wins when it reaches every quota
    (states and population; members and those present; two chambers). ``blockers``
    adds a blocking-minority clause: a coalition that leaves out fewer than
    ``blockers`` players wins whatever the quotas (the EU Council's "a blocking
    minority must include at least four Council members").

    >>> g = WeightedGame(weights={"a": 4, "b": 2, "c": 1}, quota=5)
    >>> g.total, g.wins({"a", "c"}), g.wins({"b", "c"})
    (7, True, False)
    >>> two = WeightedGame(weights={"a": 4, "b": 2, "c": 1}, quota=5,
    ...                    also=[({"a": 1, "b": 1, "c": 1}, 2)])
    >>> two.wins({"a", "c"}), two.wins({"a"})
    (True, False)
    """

    weights: Mapping[str, int] = attrs.field(converter=frozen_map)
    quota: int
    also: tuple[tuple[Mapping[str, int], int], ...] = attrs.field(default=(), converter=_vectors)
    blockers: int | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        problems.extend(self._vector_problems())
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
                if numbers.whole_problem(w, low=0) is not None:
                    problems.append(
                        ("weights", f"must be whole numbers >= 0 (got {w!r} for {key!r})")
                    )
        if not problems and self.total > MAX_TOTAL_WEIGHT:
            problems.append(
                (
                    "weights",
                    (
                        f"add up to {self.total:,}, over the limit of {MAX_TOTAL_WEIGHT:,} "
                        "(coalitions.limits.MAX_TOTAL_WEIGHT): divide them by a common "
                        "factor, or round them"
                    ),
                )
            )
        if isinstance(self.weights, FrozenMap) and len(self.weights) > MAX_PARTIES:
            problems.append(("weights", f"name more than {MAX_PARTIES:,} players"))
        quota_problem = numbers.whole_problem(self.quota)
        if quota_problem is not None:
            problems.append(("quota", quota_problem))
        elif not problems and not 1 <= self.quota <= self.total:
            problems.append(
                ("quota", f"must be between 1 and the total weight {self.total} (got {self.quota})")
            )
        if problems:
            raise ValidationError(problems)

    def _vector_problems(self) -> list[Problem]:
        """What is wrong with ``also`` and ``blockers``."""
        problems: list[Problem] = []
        also: Any = self.also  # the converter leaves what it cannot read as it was
        if not isinstance(also, tuple):
            return [("also", f"must be a sequence of (weights, quota) pairs (got {also!r})")]
        keys = set(self.weights) if isinstance(self.weights, FrozenMap) else set()
        for n, item in enumerate(also):
            where = f"also[{n}]"
            if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], FrozenMap)):
                problems.append((where, f"must be a (weights, quota) pair (got {item!r})"))
                continue
            weights, quota = item
            if set(weights) != keys:
                problems.append((where, "must weigh the same players as 'weights'"))
                continue
            bad = [k for k, w in weights.items() if numbers.whole_problem(w, low=0) is not None]
            if bad:
                problems.append((where, f"must be whole numbers >= 0 (got {weights[bad[0]]!r})"))
                continue
            total = sum(weights.values())
            if total > MAX_TOTAL_WEIGHT:
                problems.append((where, f"adds up to {total:,}, over {MAX_TOTAL_WEIGHT:,}"))
            if numbers.whole_problem(quota, low=1, high=max(total, 1)) is not None:
                problems.append(
                    (where, f"needs a quota between 1 and its total {total} (got {quota!r})")
                )
        if self.blockers is not None and (
            numbers.whole_problem(self.blockers, low=1, high=max(len(keys), 1)) is not None
        ):
            problems.append(
                (
                    "blockers",
                    f"must be between 1 and the {len(keys)} players (got {self.blockers!r})",
                )
            )
        return problems

    @property
    def is_vector(self) -> bool:
        """Whether more than one condition decides (several vectors, or blockers)."""
        return bool(self.also) or self.blockers is not None

    @property
    def players(self) -> tuple[str, ...]:
        """The player keys, in the order given."""
        return tuple(self.weights)

    @property
    def total(self) -> int:
        """The sum of the weights."""
        return sum(self.weights.values())

    def wins(self, coalition: Any) -> bool:
        """Whether the players ``coalition`` reach every quota (or leave out fewer than
        ``blockers`` players)."""
        members = set(coalition)
        if self.blockers is not None and len(self.weights) - len(members) < self.blockers:
            return True
        vectors = ((self.weights, self.quota), *self.also)
        return all(sum(w[k] for k in members) >= q for w, q in vectors)

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
        check_monotone(c)
        game = compile_game(leg, quota, c)
        return cls(weights={p.key: p.weight for p in game.players}, quota=game.threshold)


#: What the index functions take: a weighted game, or a chamber with a quota rule and
#: constraints.
GameOrChamber = WeightedGame | Legislature


def check_monotone(c: Constraints) -> None:
    """Refuse the constraints that make a game non-monotone."""
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


class Players:
    """A monotone simple game ready for the indices.

    ``flat`` holds the players heaviest first (then by key), as counting needs, with
    requirements as tag bits; ``keys`` are their keys in that order. ``null`` are the
    parties left out (each worth 0), ``unions`` the a priori unions (a partition of the
    players, as indices), ``given`` the order the results come in.
    """

    def __init__(
        self,
        keys: Sequence[str],
        flat: FlatGame,
        *,
        null: Sequence[str] = (),
        unions: Sequence[Sequence[int]] | None = None,
        given: Sequence[str] | None = None,
    ) -> None:
        self.keys = list(keys)
        self.flat = flat
        self.count = len(self.keys)
        self.null = list(null)
        self.unions = [list(u) for u in unions] if unions is not None else None
        self.given = list(given) if given is not None else self.keys
        self.index = {k: i for i, k in enumerate(self.keys)}

    def classes(self) -> list[list[int]]:
        """Symmetric players: equal weight and equal tag bits."""
        groups: dict[tuple[int, int], list[int]] = {}
        for i in range(self.count):
            groups.setdefault((self.flat.weight[i], self.flat.tag_bits[i]), []).append(i)
        return list(groups.values())

    def by_class(self, value_of: Callable[[int], Fraction]) -> dict[int, Fraction]:
        """``value_of`` each player, computed once for each class of symmetric players."""
        values: dict[int, Fraction] = {}
        for group in self.classes():
            value = value_of(group[0])
            for i in group:
                values[i] = value
        return values

    def result(self, values: Mapping[int, Fraction]) -> dict[str, Fraction]:
        """The values by key, in the order given, then the null players at 0."""
        out = {key: values[self.index[key]] for key in self.given}
        for key in self.null:
            out[key] = Fraction(0)
        return out


def players_of(
    game: GameOrChamber,
    quota: rules.Rule,
    constraints: Constraints | None,
    keywords: Mapping[str, Any],
    *,
    unions: bool = False,
) -> Players:
    """The :class:`Players` of a weighted game, or of a chamber under a quota rule and
    constraints (with ``unions``, the kept-together blocs become a priori unions
    instead of players)."""
    if isinstance(game, WeightedGame):
        if constraints is not None or keywords:
            raise ConstraintError(
                "constraints apply to a legislature; a WeightedGame is already the game"
            )
        if game.is_vector:
            raise ConstraintError(
                "this index is not computed for vector-weighted games (several weight "
                "vectors or a blocking minority)"
            )
        w = game.weights
        keys = sorted(w, key=lambda k: (-w[k], k))
        flat = FlatGame.weighted([w[k] for k in keys], game.quota).reduced()
        return Players(keys, flat, given=game.players)
    if not isinstance(game, Legislature):
        raise ConstraintError(
            f"expected a WeightedGame or a Legislature (got {type(game).__name__})"
        )
    c = constraints_of(constraints, **keywords)
    check_monotone(c)
    compiled = compile_game(
        game, quota, attrs.evolve(c, keep_together=frozenset()) if unions else c
    )
    flat = FlatGame.of(compiled, sizes_in_players=True, required_as_tags=True)
    if flat.missing_tags:
        raise ConstraintError(
            "no coalition can win: no party left in the game carries "
            + ", ".join(flat.missing_tags)
            + "; power indices are undefined"
        )
    if sum(flat.weight) < compiled.threshold:
        raise ConstraintError(
            f"no coalition can win: the parties left hold {sum(flat.weight)} seats, fewer "
            f"than the {compiled.threshold} needed; power indices are undefined"
        )
    flat = flat.reduced()
    keys = [p.key for p in compiled.players]
    players = Players(keys, flat, null=[k for k, _why in compiled.left_out])
    if unions:
        groups: list[list[int]] = []
        seen: set[int] = set()
        for bloc_key in sorted(c.keep_together):
            _name, kept = game.together(bloc_key)
            members = [players.index[m] for m in kept if m in players.index]
            if members:
                groups.append(members)
                seen.update(members)
        players.unions = groups + [[i] for i in range(len(keys)) if i not in seen]
    return players
