"""Power indices by exhaustion: every subset (Banzhaf, Johnston, Deegan-Packel, public
good) and every ordering (Shapley-Shubik, Owen), from the textbook definitions."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import coalitions as co


class Brute:
    """A simple game by its winning function; every index by exhaustion."""

    def __init__(self, players: list[str], wins) -> None:
        self.players = players
        self.wins = wins

    def subsets(self):
        for r in range(len(self.players) + 1):
            yield from (frozenset(c) for c in itertools.combinations(self.players, r))

    def banzhaf(self, normalized: bool = True) -> dict[str, Fraction]:
        sw = dict.fromkeys(self.players, 0)
        for s in self.subsets():
            for p in self.players:
                if p not in s and not self.wins(s) and self.wins(s | {p}):
                    sw[p] += 1
        if not normalized:
            return {p: Fraction(k, 2 ** (len(self.players) - 1)) for p, k in sw.items()}
        total = sum(sw.values())
        return {p: Fraction(k, total) for p, k in sw.items()}

    def shapley_shubik(self) -> dict[str, Fraction]:
        piv = dict.fromkeys(self.players, 0)
        for order in itertools.permutations(self.players):
            s: frozenset[str] = frozenset()
            for p in order:
                if not self.wins(s) and self.wins(s | {p}):
                    piv[p] += 1
                    break
                s = s | {p}
        n = math.factorial(len(self.players))
        return {p: Fraction(k, n) for p, k in piv.items()}

    def minimal(self) -> list[frozenset[str]]:
        return [
            s for s in self.subsets() if self.wins(s) and all(not self.wins(s - {p}) for p in s)
        ]

    def deegan_packel(self) -> dict[str, Fraction]:
        mwc = self.minimal()
        return {
            p: sum((Fraction(1, len(s)) for s in mwc if p in s), Fraction(0)) / len(mwc)
            for p in self.players
        }

    def public_good(self) -> dict[str, Fraction]:
        mwc = self.minimal()
        total = sum(len(s) for s in mwc)
        return {p: Fraction(sum(1 for s in mwc if p in s), total) for p in self.players}

    def johnston(self) -> dict[str, Fraction]:
        score = {p: Fraction(0) for p in self.players}
        for s in self.subsets():
            if not self.wins(s):
                continue
            critical = [p for p in s if not self.wins(s - {p})]
            for p in critical:
                score[p] += Fraction(1, len(critical))
        total = sum(score.values())
        return {p: v / total for p, v in score.items()}

    def owen(self, unions: list[list[str]]) -> dict[str, Fraction]:
        value = {p: Fraction(0) for p in self.players}
        orders = 0
        for outer in itertools.permutations(unions):
            for inner in itertools.product(*(itertools.permutations(u) for u in outer)):
                orders += 1
                s: frozenset[str] = frozenset()
                for p in itertools.chain.from_iterable(inner):
                    if not self.wins(s) and self.wins(s | {p}):
                        value[p] += 1
                        break
                    s = s | {p}
        return {p: v / orders for p, v in value.items()}


def brute_of(game: co.WeightedGame) -> Brute:
    return Brute(list(game.players), game.wins)


def owen_banzhaf(b: Brute, unions: list[list[str]]) -> dict[str, Fraction]:
    """Owen (1982): a player's swings over every set of the other unions and every subset
    of its own union's other members, each equally likely."""
    out = {}
    for union in unions:
        others = [u for u in unions if u is not union]
        for p in union:
            partners = [q for q in union if q != p]
            swings = 0
            for r in range(len(others) + 1):
                for chosen in itertools.combinations(others, r):
                    outside = frozenset(q for u in chosen for q in u)
                    for t in range(len(partners) + 1):
                        for inside in itertools.combinations(partners, t):
                            s = outside | frozenset(inside)
                            if not b.wins(s) and b.wins(s | {p}):
                                swings += 1
            out[p] = Fraction(swings, 2 ** (len(others) + len(partners)))
    return out


def coleman(b: Brute) -> tuple[dict[str, Fraction], dict[str, Fraction]]:
    """Coleman (1971): swings over the winning coalitions (prevent) and over the losing
    ones (initiate)."""
    swings = dict.fromkeys(b.players, 0)
    winning = 0
    total = 0
    for s in b.subsets():
        total += 1
        if b.wins(s):
            winning += 1
            for p in s:
                if not b.wins(s - {p}):
                    swings[p] += 1
    prevent = {p: Fraction(k, winning) for p, k in swings.items()}
    initiate = {p: Fraction(k, total - winning) for p, k in swings.items()}
    return prevent, initiate
