"""The machinery the walks share: players grouped into units, the pruning test, and
building :class:`~coalitions.search.values.Coalition` results cheaply.

A *unit* is a group of interchangeable players (equal seats, tags, size and position,
and named by no constraint) when results are grouped, and a single player otherwise.
A walk chooses, unit by unit, how many of its players to take (the first ``k`` by key).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from .. import rules
from ..constraints import Game
from ..counting import FlatGame
from .values import Coalition

__all__ = ["Builder", "Pick", "Units", "Walk"]

#: A walk's choice: ``(unit, k)``, the first ``k`` players of a unit.
Pick = tuple[int, int]


class Units:
    """Players grouped into interchangeable units (singletons unless grouping).

    ``by_key``: units in key order (the ranked walk: ties between results then come in
    key order); otherwise heaviest first (the streaming walk: crossing the threshold
    then means minimal). ``members[u]`` are the unit's player indices (by key);
    ``weight``, ``tag_bits`` and ``party_count`` are per player of the unit; the
    ``suffix_*`` arrays say what the units from ``u`` on can still add.
    """

    def __init__(self, flat: FlatGame, game: Game, group: bool, *, by_key: bool = False) -> None:
        named: set[str] = set(game.constraints.require) | set(game.constraints.exclude)
        for pair in game.constraints.forbid:
            named |= pair
        classes: dict[tuple[Any, ...], list[int]] = {}
        for i, p in enumerate(game.players):
            if p.required:
                continue  # in every coalition: part of the base, not a unit
            free = (
                group
                and p.parties == (p.key,)  # a kept-together bloc stays a unit of its own
                and not flat.conflicts[i]
                and p.key not in named
            )
            key = (flat.weight[i], p.tags, flat.party_count[i], p.position) if free else (i,)
            classes.setdefault(key, []).append(i)
        members = [sorted(m, key=lambda i: game.players[i].key) for m in classes.values()]
        if by_key:
            members.sort(key=lambda m: min(game.players[m[0]].parties))
        else:
            members.sort(key=lambda m: (-flat.weight[m[0]], game.players[m[0]].key))
        self.members = members
        self.count = len(members)
        self.size = [len(m) for m in members]
        self.weight = [flat.weight[m[0]] for m in members]
        self.tag_bits = [flat.tag_bits[m[0]] for m in members]
        self.party_count = [flat.party_count[m[0]] for m in members]
        self.suffix_seats = [0] * (self.count + 1)
        self.suffix_tags = [0] * (self.count + 1)
        for u in range(self.count - 1, -1, -1):
            self.suffix_seats[u] = self.suffix_seats[u + 1] + self.weight[u] * self.size[u]
            self.suffix_tags[u] = self.suffix_tags[u + 1] | self.tag_bits[u]


class Builder:
    """Builds the :class:`Coalition` of a set of players, as cheaply as it can."""

    def __init__(
        self,
        game: Game,
        flat: FlatGame,
        units: Units,
        *,
        minimal: bool,
        group: bool,
        report_quotas: Sequence[rules.Rule],
    ) -> None:
        leg = game.legislature
        self.game = game
        self.flat = flat
        self.units = units
        self.group = group
        self.extra = [(str(r), leg.quota(r)) for r in report_quotas]
        self.party_weight = game.party_weight
        ranked = sorted(game.party_weight, key=lambda k: (-game.party_weight[k], k))
        self.party_rank = {k: r for r, k in enumerate(ranked)}.__getitem__
        self.parties_of = [p.parties for p in game.players]
        # Every player one party: order the players, not their parties.
        self.single = all(len(p.parties) == 1 for p in game.players)
        self.key_of = [p.parties[0] if p.parties else "" for p in game.players]
        self.player_rank = [self.party_rank(k) if k else 0 for k in self.key_of].__getitem__
        positions = {p.key: p.position for p in leg.parties}
        self.positions = positions if any(v is not None for v in positions.values()) else None
        # Every member of a minimal coalition is pivotal (it wins, and nobody can leave).
        self.all_pivotal = minimal
        self.house = leg.size
        self.quota = game.quota
        # Nothing but the members to work out: every player one party, all pivotal, no
        # positions, no groups, nothing extra to report.
        self.plain = (
            self.single and minimal and self.positions is None and not group and not self.extra
        )

    def coalition(
        self,
        players: Sequence[int],
        seats: int,
        picks: Sequence[Pick] = (),
        parties: Sequence[str] | None = None,
    ) -> Coalition:
        """The result for ``players`` holding ``seats``; ``parties``, when given, are
        their parties already in order (heaviest first, then by key)."""
        if self.plain and parties is None:
            order = tuple([self.key_of[i] for i in sorted(players, key=self.player_rank)])
            members = frozenset(order)
            return Coalition(
                members=members,
                seats=seats,
                quota=self.quota,
                order=order,
                pivotal=members,
                house=self.house,
                member_seats=tuple(map(self.party_weight.__getitem__, order)),
            )
        if parties is None:
            if self.single:
                parties = [self.key_of[i] for i in sorted(players, key=self.player_rank)]
            else:
                parties_of = self.parties_of
                parties = sorted([k for i in players for k in parties_of[i]], key=self.party_rank)
        order = tuple(parties)
        members = frozenset(order)
        if self.all_pivotal:
            pivotal = members
        else:
            pivotal = frozenset(k for i in self.flat.pivotal(players) for k in self.parties_of[i])
        spread = None
        if self.positions is not None:
            points = [self.positions[k] for k in order]
            if order and None not in points:
                spread = Fraction(max(points) - min(points))  # type: ignore[type-var, operator]
        interchangeable: list[tuple[tuple[str, ...], int]] = []
        stands_for = 1
        if self.group:
            for unit, k in picks:
                size = self.units.size[unit]
                if size > 1:
                    keys = tuple(self.game.players[i].key for i in self.units.members[unit])
                    interchangeable.append((keys, k))
                    stands_for *= math.comb(size, k)
        weight = self.party_weight
        return Coalition(
            members=members,
            seats=seats,
            quota=self.quota,
            order=order,
            pivotal=pivotal,
            range=spread,
            meets=tuple(name for name, q in self.extra if seats >= q) if self.extra else (),
            stands_for=stands_for,
            interchangeable=tuple(interchangeable),
            house=self.house,
            member_seats=tuple(map(weight.__getitem__, order)),
        )


class Walk:
    """What the streaming and the ranked walks share: the game's arrays, its units, the
    pruning test, and the builder of results."""

    def __init__(
        self,
        game: Game,
        *,
        minimal: bool,
        group: bool,
        report_quotas: Sequence[rules.Rule] = (),
        by_key: bool = False,
    ) -> None:
        self.game = game
        self.flat = FlatGame.of(game)
        self.units = Units(self.flat, game, group, by_key=by_key)
        self.minimal = minimal
        self.builder = Builder(
            game,
            self.flat,
            self.units,
            minimal=minimal,
            group=group,
            report_quotas=report_quotas,
        )

    def players_of(self, picks: Sequence[Pick]) -> list[int]:
        """The players of a walk's choices (the required players first)."""
        out = list(self.flat.required_players)
        for unit, k in picks:
            out.extend(self.units.members[unit][:k])
        return out

    def accepts(self, players: Sequence[int]) -> bool:
        """Whether ``players`` are a result: viable, and minimal if asked."""
        flat = self.flat
        return flat.viable(players) and (not self.minimal or not flat.leavers(players))

    def can_take(
        self, unit: int, k: int, seats: int, tags: int, size: int, chosen: set[int]
    ) -> bool:
        """Whether taking ``k`` players of ``unit`` (on top of ``seats``, ``tags``,
        ``size`` and the players ``chosen``) may lead to a result."""
        flat, units = self.flat, self.units
        if flat.max_parties is not None and size + k * units.party_count[unit] > flat.max_parties:
            return False
        if flat.upper is not None and seats + k * units.weight[unit] > flat.upper:
            return False
        if (
            self.minimal
            and seats + (k - 1) * units.weight[unit] >= flat.threshold
            and (k > 1 or not units.tag_bits[unit] & ~tags)
        ):
            return False  # a newcomer could leave again: never minimal
        return not any(flat.conflicts[i] & chosen for i in units.members[unit][:k])
