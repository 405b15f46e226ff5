"""Brute-force oracles: every subset, checked against the definitions, written from scratch.

Used by the property tests on small chambers; deliberately naive and independent of
the library's compiled game.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import coalitions as co


def resolve(leg: co.Legislature, key: str) -> tuple[str, ...]:
    for bloc in leg.blocs:
        if bloc.key == key:
            return bloc.members
    return (key,)


class Oracle:
    """The semantics of DESIGN.md and the constraints' docs, by exhaustion."""

    def __init__(self, leg: co.Legislature, quota: co.rules.Rule, c: co.Constraints) -> None:
        self.leg = leg
        self.c = c
        self.quota = leg.quota(quota)
        self.threshold = max(self.quota, c.min_seats or 0)
        self.upper = None if c.max_surplus is None else self.quota + c.max_surplus
        excluded = {p for k in c.exclude for p in resolve(leg, k)}
        self.required = {p for k in c.require for p in resolve(leg, k)}
        self.weight: dict[str, int] = {}
        self.tags: dict[str, set[str]] = {}
        for p in leg.parties:
            own = leg.tags_of(p.key)  # declared tags, and those links give
            if own & c.exclude_tags:
                excluded.add(p.key)
            w, tags = p.seats, set(own)
            for f in p.factions:
                faction_tags = leg.faction_tags_of(p.key, f.key)
                if faction_tags & c.exclude_tags:
                    if c.whole_lists:
                        excluded.add(p.key)  # the whole list goes, seats and all
                    else:
                        w -= f.seats
                else:
                    tags |= faction_tags
            self.weight[p.key] = w
            self.tags[p.key] = tags
        # A list with no seat sits in no coalition and supplies no tag; requiring one
        # is a contradiction.
        self.seatless = {p.key for p in leg.parties if self.weight[p.key] == 0}
        self.excluded = excluded | self.seatless
        units: list[tuple[str, ...]] = []
        done: set[str] = set()
        for key in sorted(c.keep_together):
            members = tuple(m for m in resolve(leg, key) if m not in self.excluded)
            if members:
                units.append(members)
            done |= set(resolve(leg, key))
        units += [(p.key,) for p in leg.parties if p.key not in self.excluded and p.key not in done]
        self.units = units
        self.forbid = [
            (set(resolve(leg, a)), set(resolve(leg, b))) for a, b in (sorted(p) for p in c.forbid)
        ]

    def contradiction(self) -> bool:
        if self.required & self.excluded:
            return True
        if self.c.min_seats is not None and self.c.min_seats > self.leg.size:
            return True
        unit_of = {p: unit for unit in self.units for p in unit}
        for a, b in self.forbid:
            for x in a:
                for y in b:
                    if x not in unit_of or y not in unit_of:
                        continue
                    ux, uy = unit_of[x], unit_of[y]
                    if ux == uy:
                        return True
                    if set(ux) & self.required and set(uy) & self.required:
                        return True
        return False

    def wins(self, parties: set[str]) -> bool:
        if sum(self.weight[p] for p in parties) < self.threshold:
            return False
        if not self.required <= parties:
            return False
        held = set().union(*(self.tags[p] for p in parties)) if parties else set()
        return self.c.require_tags <= held

    def viable(self, parties: set[str]) -> bool:
        if not self.wins(parties):
            return False
        seats = sum(self.weight[p] for p in parties)
        if self.upper is not None and seats > self.upper:
            return False
        if self.c.max_parties is not None and len(parties) > self.c.max_parties:
            return False
        return not any(parties & a and parties & b for a, b in self.forbid)

    def coalitions(self, minimal: bool) -> Iterator[frozenset[str]]:
        for r in range(len(self.units) + 1):
            for combo in itertools.combinations(self.units, r):
                parties = {p for unit in combo for p in unit}
                if not self.viable(parties):
                    continue
                if minimal and any(
                    not set(unit) & self.required and self.wins(parties - set(unit))
                    for unit in combo
                ):
                    continue
                yield frozenset(parties)

    def verdict(self, parties: set[str]) -> tuple[bool, bool, set[str], set[str]]:
        """``(viable, minimal, superfluous, pivotal)`` for any proposed set of parties.

        Lists with no seat sit in no coalition: they are dropped first. A proposal that
        names an excluded party or splits a kept-together bloc is not viable (excluded
        parties count for nothing); a member is superfluous when its unit (never a
        required one) could leave while the rest still wins, pivotal when the coalition
        wins and its unit's departure makes it lose.
        """
        named = parties - self.seatless
        parties = named - self.excluded
        units = [u for u in self.units if set(u) & parties]
        touched = [set(u) & parties for u in units]
        whole = all(part == set(u) for part, u in zip(touched, units, strict=True))
        viable = whole and named == parties and self.viable(parties)
        wins = self.wins(parties)
        superfluous = {
            p
            for part in touched
            if not part & self.required and wins and self.wins(parties - part)
            for p in part
        }
        pivotal = {p for part in touched if wins and not self.wins(parties - part) for p in part}
        return viable, viable and not superfluous, superfluous, pivotal

    def connected(self, minimal: bool) -> Iterator[frozenset[str]]:
        pos = {p.key: p.position for p in self.leg.parties}
        live = list(self.units)
        for r in range(1, len(live) + 1):
            for combo in itertools.combinations(live, r):
                parties = {p for unit in combo for p in unit}
                if not self.viable(parties) or not self._is_connected(parties, pos):
                    continue
                if minimal and any(
                    not set(unit) & self.required
                    and self._is_connected(parties - set(unit), pos)
                    and self.wins(parties - set(unit))
                    for unit in combo
                ):
                    continue
                yield frozenset(parties)

    def _is_connected(self, parties: set[str], pos: dict) -> bool:
        if not parties:
            return True
        lo = min(pos[p] for p in parties)
        hi = max(pos[p] for p in parties)
        return all(p in parties for unit in self.units for p in unit if lo < pos[p] < hi)
