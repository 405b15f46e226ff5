"""The joint distribution of (no votes, yes votes) in a sitting, only where a step's rule
needs it: the exact arithmetic behind :func:`coalitions.formation.pass_probability`.

Every count is an integer numerator over one common denominator (the product of each
member's denominator). A row is a number of no votes; its counts by yes votes are packed
into one big integer, one slot of ``8 * width`` bits a count (Kronecker substitution), so
that adding a member to a row is two multiplications by small integers, a shift and
additions over the whole row.

What makes it fast:

- **Rows and slots the rule never reads.** With ``n`` no votes, the outcomes are read
  up to the highest yes count that passes (above it nothing passes and nothing is
  short); when every yes count from some ``cut`` up passes, only the counts below
  ``cut`` are kept, and the passing weight is the row's whole weight (the distribution
  of the no votes alone, one dimension) less those. A row in which nothing passes is
  not kept at all. Since members only add votes, a partial row keeps what any final row
  at or above it needs, and every kept count is exact.
- **Slots no wider than needed.** The slots are as wide as the counts so far
  (at most the product of the weights' sums of the members added), and widened as
  members come.
- **Member by member.** The most numerous kind of member (the same weights) is added in
  closed form (row ``n`` is ``C(k, n) no^n (absent + yes t)^(k - n)``); the others one
  by one, each a pass over the kept rows with small multipliers.
- **Common factors.** Every count with ``a`` members absent and ``p`` present carries
  ``g^a h^p``, ``g`` the gcd of the weights of absence and ``h`` that of the votes (with
  one attendance for every list, ``g`` is the whole weight of absence); they are left
  out while the members are added (slots grow more slowly) and put back once, count by
  count.

The previous computation (the whole grid, member by member, slots as wide as the whole
denominator) is kept as a test oracle; both give the same fractions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

__all__ = ["Plan", "Weights", "line", "plan", "rows", "slots", "tally"]

#: A list's integer weights of (absent, present voting no, present voting yes) and
#: their sum, the denominator.
Weights = tuple[int, int, int, int]


@attrs.frozen
class Plan:
    """Which part of each row the rule reads (see :func:`plan`).

    ``needs[p]``: the fewest yes votes that pass some round with ``p`` present (``None``
    below every quorum); ``keep[n]``: the yes counts kept in row ``n`` (0 when nothing
    in it passes); ``suffix[n]``: every yes count from ``keep[n]`` to the top of the row
    passes; ``cap[n]``: the slots a partial row ``n`` keeps (the most any row at or
    above it keeps); ``last``: the last row kept (-1 when none)."""

    needs: tuple[int | None, ...]
    keep: tuple[int, ...]
    suffix: tuple[bool, ...]
    cap: tuple[int, ...]
    last: int

    def passes(self, no: int, yes: int) -> bool:
        """Whether ``no`` votes against and ``yes`` in favour pass some round."""
        need = self.needs[no + yes]
        return need is not None and yes >= need


def plan(needs: Sequence[int | None], seated: int) -> Plan:
    """The :class:`Plan` of a step whose fewest passing yes votes, for each number
    present, are ``needs`` (``None`` below every quorum)."""

    def passes(no: int, yes: int) -> bool:
        need = needs[no + yes]
        return need is not None and yes >= need

    keep: list[int] = []
    suffix: list[bool] = []
    for n in range(seated + 1):
        top = seated - n
        y = top
        while y >= 0 and passes(n, y):
            y -= 1
        suffix.append(y < top)  # the top passes: a passing suffix from y + 1
        while not suffix[-1] and y >= 0 and not passes(n, y):
            y -= 1
        keep.append(y + 1)  # 0 when nothing passes
    last = max((n for n, k in enumerate(keep) if k), default=-1)
    cap = keep[: last + 1]
    for n in range(last - 1, -1, -1):
        cap[n] = max(cap[n], cap[n + 1])
    return Plan(
        needs=tuple(needs), keep=tuple(keep), suffix=tuple(suffix), cap=tuple(cap), last=last
    )


#: slots a partial row may run past its cap before it is cut back
_SPARE = 8


def _bytes_for(value: int) -> int:
    return value.bit_length() // 8 + 1


def _widen(rows: list[int], old: int, new: int) -> list[int]:
    """The rows with slots of ``old`` bytes repacked into slots of ``new`` bytes."""
    if new == old:
        return rows
    pad = bytes(new - old)
    out = []
    for row in rows:
        count = -(-row.bit_length() // (8 * old))
        data = row.to_bytes(old * count, "little")
        out.append(
            int.from_bytes(
                b"".join(data[i : i + old] + pad for i in range(0, old * count, old)), "little"
            )
        )
    return out


def _reach(plan: Plan, most: int) -> list[list[int]]:
    """``caps[r][n]``: the slots a partial row ``n`` keeps when at most ``r`` more
    members may vote no (the most that the rows ``n`` to ``n + r`` keep)."""
    last = plan.last
    caps = [list(plan.keep[: last + 1])]
    for _ in range(min(most, last)):
        prev = caps[-1]
        caps.append([max(plan.keep[n], prev[n + 1]) for n in range(last)] + [plan.keep[last]])
    return caps


class _Masks(dict[int, int]):
    """The mask of the first ``c`` slots of ``bits`` bits, made once for each ``c``."""

    def __init__(self, bits: int) -> None:
        super().__init__()
        self.bits = bits

    def __missing__(self, c: int) -> int:
        mask = self[c] = (1 << (c * self.bits)) - 1
        return mask


def _group(k: int, weights: tuple[int, int, int], cap: list[int], width: int) -> list[int]:
    """The kept rows of ``k`` members of the same weights, in closed form: row ``n`` is
    ``C(k, n) wn^n (wa + wy t)^(k - n)``, cut to ``cap[n]`` slots."""
    wa, wn, wy = weights
    bits = 8 * width
    masks = _Masks(bits)
    top = max(cap)
    powers = [1]
    for _ in range(k):
        p = powers[-1]
        p = (p * wa if wa != 1 else p) + ((p * wy) << bits if wy != 1 else p << bits)
        powers.append(p & masks[top] if p.bit_length() > bits * top else p)
    return [
        (math.comb(k, n) * wn**n * powers[k - n]) & masks[cap[n]]
        for n in range(min(k, len(cap) - 1) + 1)
    ]


def _add_members(
    members: list[tuple[int, int, int]], plan: Plan, final: int, later: int
) -> tuple[list[int], int]:
    """The kept rows of members ``(weight absent, weight no, weight yes)``: the most
    numerous weights in closed form, then the others one by one, the slots widened as
    the counts grow (a count is at most the product of the weights' sums so far; at
    most ``final`` bytes); ``later`` more members may vote no after these. Returns the
    rows and their slot width in bytes."""
    counts: dict[tuple[int, int, int], int] = {}
    for m in members:
        counts[m] = counts.get(m, 0) + 1
    first, k = max(counts.items(), key=lambda item: (item[1], item[0]), default=((1, 0, 0), 0))
    members = [m for m in members if m != first]
    caps = _reach(plan, len(members) + later)
    bound = sum(first) ** k
    most = math.prod(sum(m) ** c for m, c in counts.items())  # the last bound
    final = min(final, _bytes_for(most))
    width = min(_bytes_for(bound) + _bytes_for(bound) // 4, final)
    bits = 8 * width
    rows = _group(k, first, caps[min(len(members) + later, len(caps) - 1)], width)
    masks = _Masks(bits)
    for i, (wa, wn, wy) in enumerate(members):
        bound *= wa + wn + wy
        if bound.bit_length() >= bits:
            new = min(max(_bytes_for(bound) + width // 4, width + 8), final)
            new = max(new, _bytes_for(bound))
            rows = _widen(rows, width, new)
            width, bits = new, 8 * new
            masks = _Masks(bits)
        cap = caps[min(len(members) - i - 1 + later, len(caps) - 1)]
        out = []
        prev = 0
        for n, r in enumerate(rows):
            cell = r * wa if wa != 1 else r
            cell += (r * wy) << bits if wy != 1 else r << bits
            if prev:
                cell += prev * wn if wn != 1 else prev
            # a row may run _SPARE slots past its cap before it is cut back
            if cell.bit_length() > bits * (cap[n] + _SPARE):
                cell &= masks[cap[n]]
            out.append(cell)
            prev = r
        if len(rows) <= plan.last and prev:
            out.append((prev * wn) & masks[cap[len(rows)]])
        rows = out
    return rows, width


def rows(
    lists: Sequence[tuple[int, Weights]],
    plan: Plan,
    width: int,
) -> list[list[int]]:
    """The kept counts of the joint distribution of (no votes, yes votes), row by row
    (``plan.keep[n]`` counts in row ``n``): ``lists`` are ``(seats, weights)``, and
    ``width`` bytes hold the whole denominator."""
    if plan.last < 0:
        return []
    three = [(k, w) for k, w in lists if w[0] and w[1] and w[2]]
    two = [(k, w) for k, w in lists if not (w[0] and w[1] and w[2])]
    # every count with a absent and p present carries absent^a * present^p: the gcds of
    # the weights of absence and of the votes; left out until the end
    absent = math.gcd(*(w[0] for _k, w in three)) or 1
    present = math.gcd(*(w[i] for _k, w in three for i in (1, 2))) or 1
    members = [
        (wa // absent, wn // present, wy // present)
        for k, (wa, wn, wy, _d) in three
        for _ in range(k)
    ]
    later = sum(k for k, w in two if w[1])  # who may still vote no
    grid, inner = _add_members(members, plan, width, later)
    count = len(members)
    if not two:
        return _restore(grid, inner, plan.keep, count, absent, present)
    grid = _widen(grid, inner, width)
    if (absent, present) != (1, 1):
        cells = _restore(grid, width, plan.cap, count, absent, present)
        grid = [_pack(c, width) for c in cells]
    bits = 8 * width
    grid = _two_outcomes(grid, lists, plan, bits)
    return [slots(r, width, plan.keep[n]) for n, r in enumerate(grid)]


def _restore(
    grid: list[int], width: int, lengths: Sequence[int], count: int, wa: int, wp: int
) -> list[list[int]]:
    """The first ``lengths[n]`` counts of each row, each multiplied by the factor
    ``wa^absent * wp^present`` left out (of ``count`` members)."""
    out = []
    for n, row in enumerate(grid):
        cells = slots(row, width, lengths[n])
        # count (n, y): absent = count - n - y, present = n + y
        top = min(len(cells), count - n + 1)
        if (wa, wp) == (1, 1) or top <= 0:
            out.append(cells)
            continue
        factor = wa ** (count - n - top + 1) * wp ** (n + top - 1)
        for y in range(top - 1, -1, -1):
            if cells[y]:
                cells[y] *= factor
            if y:
                factor = factor // wp * wa
        out.append(cells)
    return out


def _pack(cells: list[int], width: int) -> int:
    return int.from_bytes(b"".join(c.to_bytes(width, "little") for c in cells), "little")


def slots(row: int, width: int, count: int) -> list[int]:
    """The first ``count`` slots of ``width`` bytes of a packed row (zeros past its
    end)."""
    if row.bit_length() > 8 * width * count:
        row &= (1 << (8 * width * count)) - 1
    data = row.to_bytes(width * count, "little")
    return [int.from_bytes(data[i : i + width], "little") for i in range(0, width * count, width)]


def line(pairs: Sequence[tuple[int, int, int]], bits: int) -> int:
    """The distribution of a count, packed: ``pairs`` are ``(seats, w_out, w_in)`` per
    list; the product of ``(w_out + w_in t)^seats``."""
    grouped: dict[tuple[int, int], int] = {}
    for seats, w_out, w_in in pairs:  # lists of the same weights: one binomial
        grouped[w_out, w_in] = grouped.get((w_out, w_in), 0) + seats
    poly = 1
    for (w_out, w_in), seats in sorted(grouped.items()):
        poly *= sum(
            (math.comb(seats, i) * w_out ** (seats - i) * w_in**i) << (i * bits)
            for i in range(seats + 1)
        )
    return poly


def _two_outcomes(
    rows: list[int], lists: Sequence[tuple[int, Weights]], plan: Plan, bits: int
) -> list[int]:
    """Add the lists with two outcomes: yes or away (a yes line), no or away (a shift
    of rows), all present voting yes or no (no votes = seats - yes votes)."""
    width = bits // 8
    ayes = [(k, wa, wy) for k, (wa, wn, wy, _d) in lists if wn == 0]
    noes = [(k, wa, wn) for k, (wa, wn, wy, _d) in lists if wy == 0 and wn != 0]
    votes = [(k, wn, wy) for k, (wa, wn, wy, _d) in lists if wa == 0 and wn and wy]
    last = plan.last
    top = plan.cap[0]
    if votes:
        seats = sum(k for k, _n, _y in votes)
        coeffs = slots(line(votes, bits), width, seats + 1)
        voted = [0] * min(len(rows) + seats, last + 1)
        for i, r in enumerate(rows):
            if not r:
                continue
            for yes, c in enumerate(coeffs):
                if c and i + seats - yes <= last:
                    voted[i + seats - yes] += (r * c) << (yes * bits)
        rows = voted
    if ayes:
        yes_line = line(ayes, bits) & ((1 << (top * bits)) - 1)
        rows = [r * yes_line for r in rows]
    if noes:
        seats = sum(k for k, _o, _i in noes)
        coeffs = slots(line(noes, bits), width, seats + 1)
        out = [0] * min(len(rows) + seats, last + 1)
        for i, r in enumerate(rows):
            if r:
                for j, c in enumerate(coeffs):
                    if c and i + j <= last:
                        out[i + j] += r * c
        rows = out
    return [r & ((1 << (plan.cap[n] * bits)) - 1) for n, r in enumerate(rows)]


def tally(
    rows: Sequence[Sequence[int]], masses: Sequence[int], plan: Plan
) -> tuple[int, dict[int, int]]:
    """The weight of the passing outcomes, and the weight of each shortfall (the fewest
    absent members who, by coming and voting yes, would have passed): ``masses[n]`` is
    the whole weight of ``n`` no votes."""
    won = 0
    short: dict[int, int] = {}
    for n, row in enumerate(rows):
        keep = plan.keep[n]
        if not keep:
            continue
        counts = row
        target = keep if plan.suffix[n] else None
        if plan.suffix[n]:
            won += masses[n] - sum(counts)
        for y in range(keep - 1, -1, -1):
            weight = counts[y]
            if plan.passes(n, y):
                target = y
                won += weight
            elif weight and target is not None:
                short[target - y] = short.get(target - y, 0) + weight
    return won, short
