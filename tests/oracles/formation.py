"""Formation by exhaustion: every outcome of every member (absent, no, yes) for pass
probabilities, and every group of lists for blocking, written from the definitions."""

from __future__ import annotations

import importlib
import itertools
import math
from fractions import Fraction

from coalitions.formation.procedure import Procedure
from coalitions.model import Legislature
from coalitions.rules import Vote

attendance_module = importlib.import_module("coalitions.formation.attendance")


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


# The previous exact computation of pass probabilities (before the rule-aware grid of
# coalitions.formation.grid): the whole joint distribution of (no votes, yes votes), built
# member by member with rows packed over the yes votes in slots as wide as the whole
# denominator. Slow (seconds at Iraq's scale) but simple; the new path must agree with it.


def _old_line(pairs: list[tuple[int, int, int]], bits: int) -> int:
    poly = 1
    for seats, w_out, w_in in pairs:
        poly *= sum(
            (math.comb(seats, i) * w_out ** (seats - i) * w_in**i) << (i * bits)
            for i in range(seats + 1)
        )
    return poly


def _old_slots(row: int, bits: int, count: int) -> list[int]:
    width = bits // 8
    data = row.to_bytes(width * count, "little")
    return [int.from_bytes(data[i * width : (i + 1) * width], "little") for i in range(count)]


def _old_rows(lists: list[tuple[int, tuple[int, int, int, int]]], bits: int) -> list[int]:
    ayes = [(k, wa, wy) for k, (wa, wn, wy, _d) in lists if wn == 0]
    noes = [(k, wa, wn) for k, (wa, wn, wy, _d) in lists if wy == 0 and wn != 0]
    votes = [(k, wn, wy) for k, (wa, wn, wy, _d) in lists if wa == 0 and wn and wy]
    rows = [1]
    for seats, (wa, wn, wy, _den) in lists:
        if wn == 0 or wy == 0 or wa == 0:
            continue
        for _ in range(seats):
            new = [0] * (len(rows) + 1)
            for i, r in enumerate(rows):
                if r:
                    new[i] += r * wa + ((r * wy) << bits)
                    new[i + 1] += r * wn
            rows = new
    if votes:
        seats = sum(k for k, _n, _y in votes)
        line = _old_slots(_old_line(votes, bits), bits, seats + 1)
        voted = [0] * (len(rows) + seats)
        for i, r in enumerate(rows):
            for yes, c in enumerate(line):
                if r and c:
                    voted[i + seats - yes] += (r * c) << (yes * bits)
        rows = voted
    yes_line = _old_line(ayes, bits)
    rows = [r * yes_line for r in rows]
    no_line = _old_slots(_old_line(noes, bits), bits, sum(k for k, _o, _i in noes) + 1)
    out = [0] * (len(rows) + len(no_line) - 1)
    for i, r in enumerate(rows):
        if r:
            for j, c in enumerate(no_line):
                if c:
                    out[i + j] += r * c
    return out


def _old_tally(slots: list[int], no: int, needs: list[int | None], out: dict[int, int]) -> int:
    won = 0
    target = None
    for y in range(len(needs) - 1 - no, -1, -1):
        weight = slots[y] if y < len(slots) else 0
        need = needs[no + y]
        if need is not None and y >= need:
            target = y
            won += weight
        elif weight and target is not None:
            out[target - y] = out.get(target - y, 0) + weight
    return won


def member_by_member(
    leg: Legislature,
    coalition: str,
    step: str,
    procedure: str | Procedure,
    attendance: dict[str, Fraction] | None = None,
    discipline: dict[str, Fraction] | None = None,
) -> tuple[Fraction, int | None, Fraction]:
    """The previous computation: (probability, most likely shortfall, its probability),
    for steps counted over those present (the two-dimensional path)."""
    members = leg.members(coalition)
    votes = attendance_module._votes(leg, step, procedure, None)
    lists = attendance_module._members(leg, members, attendance, discipline)
    total = attendance_module._total(lists)
    bits = (total.bit_length() + 8) // 8 * 8
    needs = attendance_module._needs(votes, leg.size, leg.seated)
    shortfall: dict[int, int] = {}
    won = 0
    for no, row in enumerate(_old_rows(lists, bits)):
        if row:
            slots = _old_slots(row, bits, (row.bit_length() + bits - 1) // bits)
            won += _old_tally(slots, no, needs, shortfall)
    most = max(sorted(shortfall), key=lambda k: shortfall[k], default=None)
    chance = Fraction(shortfall.get(most, 0), total) if most else Fraction(0)
    return Fraction(won, total), most, chance
