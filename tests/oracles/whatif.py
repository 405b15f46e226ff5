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
