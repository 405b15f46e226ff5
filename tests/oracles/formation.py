"""Formation by exhaustion: every outcome of every member (absent, no, yes) for pass
probabilities, and every group of lists for blocking, written from the definitions."""

from __future__ import annotations

import itertools
from fractions import Fraction

from coalitions.rules import Vote


def passes(votes: list[Vote], size: int, present: int, yes: int) -> bool:
    """Some round passes: its quorum is present and the yes votes reach its threshold
    (of the members, or of those present)."""
    for v in votes:
        if present < max(1, v.quorum_seats(size)):
            continue
        if yes >= v.needed(size, present):
            return True
    return False


def pass_probability(
    lists: list[tuple[int, Fraction, Fraction, bool]], votes: list[Vote], size: int
) -> tuple[Fraction, dict[int, Fraction]]:
    """``lists``: ``(seats, attendance, discipline, in the coalition)``. The probability
    that the step passes, and the probability of each shortfall (the fewest absent
    members who, coming and voting yes, would pass a failing sitting)."""
    members = [(a, d, inside) for seats, a, d, inside in lists for _ in range(seats)]
    seated = len(members)
    won = Fraction(0)
    short: dict[int, Fraction] = {}
    for outcome in itertools.product(("away", "no", "yes"), repeat=seated):
        p = Fraction(1)
        present = yes = 0
        for (a, d, inside), o in zip(members, outcome, strict=True):
            loyal_yes = d if inside else 1 - d
            if o == "away":
                p *= 1 - a
            elif o == "yes":
                p *= a * loyal_yes
                present += 1
                yes += 1
            else:
                p *= a * (1 - loyal_yes)
                present += 1
        if not p:
            continue
        if passes(votes, size, present, yes):
            won += p
            continue
        for k in range(1, seated - present + 1):
            if passes(votes, size, present + k, yes + k):
                short[k] = short.get(k, Fraction(0)) + p
                break
    return won, short


def blocks(votes: list[Vote], size: int, seated: int, seats: int, how: str) -> bool:
    """Whether ``seats`` defeat every round, each by voting no or by staying away (as
    ``how`` allows), everybody else attending and voting yes."""
    for v in votes:
        by_no = not passes([v], size, seated, seated - seats)
        by_away = not passes([v], size, seated - seats, seated - seats)
        if not {"no": by_no, "absence": by_away, "either": by_no or by_away}[how]:
            return False
    return True


def minimal_blocking(
    weights: dict[str, int], votes: list[Vote], size: int, how: str
) -> list[frozenset[str]]:
    """Every minimal blocking group of lists (lists with seats only)."""
    keys = [k for k, w in weights.items() if w > 0]
    seated = sum(weights.values())
    out = []
    for r in range(len(keys) + 1):
        for group in itertools.combinations(keys, r):
            seats = sum(weights[k] for k in group)
            if not blocks(votes, size, seated, seats, how):
                continue
            if all(not blocks(votes, size, seated, seats - weights[k], how) for k in group):
                out.append(frozenset(group))
    return out
