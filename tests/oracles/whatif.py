"""What-if questions by exhaustion: every set of defectors from a coalition."""

from __future__ import annotations

import itertools

import coalitions as co


def oracle_fragility(leg: co.Legislature, members: list[str]) -> tuple[int, set, set]:
    def viable(keys) -> bool:
        return bool(keys) and co.check_coalition(leg, list(keys)).viable

    breaking = [
        set(d)
        for r in range(1, len(members) + 1)
        for d in itertools.combinations(members, r)
        if not viable([m for m in members if m not in d])
    ]
    best = min(sum(leg[m].seats for m in d) for d in breaking)
    minimal = {
        frozenset(d)
        for d in breaking
        if sum(leg[m].seats for m in d) == best and not any(e < d for e in breaking)
    }
    pivotal = {m for m in members if not viable([x for x in members if x != m])}
    return best, minimal, pivotal


def oracle_robust(leg: co.Legislature, question, max_seats_moved: int) -> int | None:
    """The fewest single seats that must move between lists (a list keeping its
    factions' seats) to change ``question``'s answer, or ``None`` if no move of up to
    ``max_seats_moved`` seats does: every seat vector of the same total is tried."""
    answer = bool(question(leg))
    base = [p.seats for p in leg.parties]
    floor = [sum(f.seats for f in p.factions) for p in leg.parties]
    k = max_seats_moved
    ranges = [range(max(lo, s - k), s + k + 1) for s, lo in zip(base, floor, strict=True)]
    best = None
    for vector in itertools.product(*ranges):
        moved = sum(max(0, v - s) for v, s in zip(vector, base, strict=True))
        if sum(vector) != sum(base) or not 0 < moved <= k or (best is not None and moved >= best):
            continue
        parties = [
            co.Party(key=p.key, name=p.name, seats=v, tags=p.tags, factions=p.factions)
            for p, v in zip(leg.parties, vector, strict=True)
        ]
        other = co.Legislature(name=leg.name, size=leg.size, parties=parties, blocs=leg.blocs)
        if bool(question(other)) != answer:
            best = moved
    return best
