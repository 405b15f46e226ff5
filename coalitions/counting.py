"""Exact counting of coalitions over a compiled game: the dynamic programs that search and
power share.

:class:`View` flattens a :class:`~coalitions.constraints.Game` into arrays, with the
required tags (and, for power, the required players) as bit masks. :func:`count` counts
viable coalitions, minimal or not, by dynamic programming over seat sums, optionally by
size; nothing is listed.

Minimal coalitions are counted by a heavy/light decomposition. In a coalition with
surplus ``t`` (seats above the threshold), a member is *heavy* when its seats exceed
``t``: it cannot leave. A *light* member can leave unless it is the only holder of a
required tag; so a coalition is minimal exactly when each light member is the sole
holder of some required tag, which allows at most one light member per tag. The count
runs over the lightest heavy member ``j`` (the heavier members form a prefix
sub-sum in a window) and over the few possible light sets.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from .constraints import Game

__all__ = ["View", "count", "count_sizes", "shift_saturated"]


class View:
    """The compiled game as flat arrays, with required tags as bit masks."""

    def __init__(
        self, game: Game, *, players_count: bool = False, veto_required: bool = False
    ) -> None:
        """``players_count``: a coalition's size counts players (a kept-together bloc is
        one), not parties. ``veto_required``: required players become required tags
        (a bit each) instead of a fixed base, as power indices need."""
        self.game = game
        players = game.players
        self.n = len(players)
        self.w = [p.weight for p in players]
        self.cnt = [1 if players_count else len(p.parties) for p in players]
        self.required = [p.required and not veto_required for p in players]
        self.T = game.threshold
        self.U = game.upper
        self.P = game.constraints.max_parties
        covered: set[str] = set()
        for p, req in zip(players, self.required, strict=True):
            if req:
                covered |= p.tags
        open_tags = sorted(game.required_tags - covered)
        self.missing_tags = tuple(t for t in open_tags if not any(t in p.tags for p in players))
        self.bits = {t: 1 << i for i, t in enumerate(open_tags)}
        self.mask = [sum(self.bits[t] for t in p.tags if t in self.bits) for p in players]
        if veto_required:
            for i, p in enumerate(players):
                if p.required:
                    bit = 1 << len(self.bits)
                    self.bits[f"player:{p.key}"] = bit
                    self.mask[i] |= bit
        self.k = len(self.bits)
        self.full = (1 << self.k) - 1
        self.req = [i for i in range(self.n) if self.required[i]]
        self.base_w = sum(self.w[i] for i in self.req)
        self.base_c = sum(self.cnt[i] for i in self.req)
        self.forbidden = game.forbidden
        self.conflicts: list[set[int]] = [set() for _ in range(self.n)]
        for i, j in game.forbidden:
            self.conflicts[i].add(j)
            self.conflicts[j].add(i)

    @classmethod
    def weighted(cls, weights: Sequence[int], threshold: int) -> View:
        """The view of a plain weighted game (players sorted heaviest first)."""
        if any(a < b for a, b in itertools.pairwise(weights)):
            raise ValueError("weights must be sorted heaviest first")
        v = cls.__new__(cls)
        n = len(weights)
        v.n, v.w, v.cnt = n, list(weights), [1] * n
        v.required, v.T, v.U, v.P = [False] * n, threshold, None, None
        v.missing_tags, v.bits, v.mask, v.k, v.full = (), {}, [0] * n, 0, 0
        v.req, v.base_w, v.base_c = [], 0, 0
        v.forbidden, v.conflicts = (), [set() for _ in range(n)]
        return v

    # -- checks on a full set of player indices --

    def wins(self, idx: Iterable[int]) -> bool:
        """Holds the threshold and meets every requirement (the minimality test)."""
        idx = list(idx)
        if sum(self.w[i] for i in idx) < self.T:
            return False
        if any(i not in idx for i in self.req):
            return False
        m = 0
        for i in idx:
            m |= self.mask[i]
        return m == self.full

    def viable(self, idx: Sequence[int]) -> bool:
        """Wins, and passes every filter."""
        if not self.wins(idx):
            return False
        s = sum(self.w[i] for i in idx)
        if self.U is not None and s > self.U:
            return False
        if self.P is not None and sum(self.cnt[i] for i in idx) > self.P:
            return False
        chosen = set(idx)
        return not any(self.conflicts[i] & chosen for i in idx)

    def minimal(self, idx: Sequence[int]) -> bool:
        """No non-required member can leave while the rest still wins."""
        s = sum(self.w[i] for i in idx)
        holders = [0] * self.k
        for i in idx:
            m = self.mask[i]
            b = 0
            while m:
                if m & 1:
                    holders[b] += 1
                m >>= 1
                b += 1
        for i in idx:
            if self.required[i] or s - self.w[i] < self.T:
                continue
            m = self.mask[i]
            if not any(m >> b & 1 and holders[b] == 1 for b in range(self.k)):
                return False
        return True


# ------------------------------------------------------------------------ counting


def _add_player(
    dp: dict[tuple[int, int], list[int]],
    w: int,
    m: int,
    c: int,
    take_only: bool,
    limit_c: int | None,
    saturate: bool,
) -> dict[tuple[int, int], list[int]]:
    new: dict[tuple[int, int], list[int]] = {}
    for (mask, cc), arr in dp.items():
        if not take_only:
            cur = new.get((mask, cc))
            new[(mask, cc)] = (
                arr[:] if cur is None else [a + b for a, b in zip(cur, arr, strict=True)]
            )
        c2 = cc + c
        if limit_c is not None and c2 > limit_c:
            continue
        moved = shift_saturated(arr, w) if saturate else _shift_drop(arr, w)
        key = (mask | m, c2)
        cur = new.get(key)
        new[key] = moved if cur is None else [a + b for a, b in zip(cur, moved, strict=True)]
    return new


def _shift_drop(arr: list[int], w: int) -> list[int]:
    size = len(arr)
    if w >= size:
        return [0] * size
    return [0] * w + arr[: size - w]


def shift_saturated(arr: list[int], w: int) -> list[int]:
    """Counts by seats moved up by ``w`` seats; the top bucket holds every sum at or
    above it (it saturates)."""
    size = len(arr)
    if w >= size:
        out = [0] * size
        out[-1] = sum(arr)
        return out
    out = [0] * w + arr[: size - w]
    out[-1] += sum(arr[size - w :])
    return out


def _count_all(
    v: View, forced_in: frozenset[int], forced_out: frozenset[int], cnt: Sequence[int]
) -> Counter[int]:
    """Viable coalitions (not only minimal) with ``forced_in`` in and ``forced_out`` out,
    by size."""
    sizes: Counter[int] = Counter()
    if v.P is not None and v.base_c > v.P:
        return sizes
    need = max(v.T - v.base_w, 0)
    if v.U is not None:
        hi = v.U - v.base_w
        if hi < need:
            return sizes
        size, saturate = hi + 1, False
    else:
        size, saturate = need + 1, True
    limit_c = None if v.P is None else v.P - v.base_c
    dp: dict[tuple[int, int], list[int]] = {(0, 0): [1] + [0] * (size - 1)}
    for i in range(v.n):
        if v.required[i] or i in forced_out:
            continue
        dp = _add_player(dp, v.w[i], v.mask[i], cnt[i], i in forced_in, limit_c, saturate)
    for (mask, c), arr in dp.items():
        if mask == v.full:
            n = sum(arr[need:])
            if n:
                sizes[v.base_c + c] += n
    return sizes


def _lsets(pool: Sequence[int], k: int, must: Sequence[int]) -> Iterator[tuple[int, ...]]:
    """Subsets of ``pool`` of at most ``k`` players that contain ``must``."""
    must_set = set(must)
    rest = [x for x in pool if x not in must_set]
    for extra in range(k - len(must) + 1):
        for combo in itertools.combinations(rest, extra):
            yield tuple(must) + combo


def _sole_ok(v: View, lset: Sequence[int], others_mask: int) -> bool:
    """Each light member holds a required tag that no other member holds."""
    for a in lset:
        other = others_mask
        for b in lset:
            if b != a:
                other |= v.mask[b]
        if not v.mask[a] & ~other:
            return False
    return True


class _Packed:
    """Arrays of counts by seats 0..length-1 packed into integers, ``bits`` bits a slot.

    Python's integers are the vector unit: a shift moves every count up by ``w`` seats,
    an addition adds two arrays, a multiplication sums a window.
    """

    def __init__(self, length: int, bits: int) -> None:
        self.bits = max(bits, 8)
        self.all = (1 << (length * self.bits)) - 1
        self.slot = (1 << self.bits) - 1
        self._ones: dict[int, int] = {}

    def window(self, packed: int, lo: int, hi: int) -> int:
        """The sum of the counts at seats ``lo..hi``."""
        b, width = self.bits, hi - lo + 1
        part = (packed >> (lo * b)) & ((1 << (width * b)) - 1)
        ones = self._ones.get(width)
        if ones is None:
            ones = self._ones[width] = sum(1 << (t * b) for t in range(width))
        return ((part * ones) >> ((width - 1) * b)) & self.slot

    def add_player(
        self,
        dp: dict[tuple[int, int], int],
        w: int,
        m: int,
        c: int,
        take_only: bool,
        limit_c: int | None,
    ) -> dict[tuple[int, int], int]:
        new: dict[tuple[int, int], int] = {}
        shift = w * self.bits
        for (mask, cc), packed in dp.items():
            if not take_only:
                new[(mask, cc)] = new.get((mask, cc), 0) + packed
            c2 = cc + c
            if limit_c is not None and c2 > limit_c:
                continue
            moved = (packed << shift) & self.all
            if moved:
                key = (mask | m, c2)
                new[key] = new.get(key, 0) + moved
        return new


def _count_minimal(
    v: View, forced_in: frozenset[int], forced_out: frozenset[int], cnt: Sequence[int]
) -> Counter[int]:
    """Minimal viable coalitions by size, by the heavy/light decomposition (module docs)."""
    total: Counter[int] = Counter()
    if v.P is not None and v.base_c > v.P:
        return total
    need = v.T - v.base_w
    free = [i for i in range(v.n) if not v.required[i] and i not in forced_out]
    holders = [i for i in free if v.mask[i]]
    # a forced player without a required tag cannot be light: it must be heavy
    forced_no_tag = any(i in forced_in and not v.mask[i] for i in free)

    def fits(seats: int, count: int) -> bool:
        return (v.U is None or seats <= v.U) and (v.P is None or count <= v.P)

    # No heavy member: the required parties and light, tag-critical members only.
    if not forced_no_tag:
        must = [i for i in free if i in forced_in]
        for lset in _lsets(holders, v.k, must):
            s = v.base_w + sum(v.w[i] for i in lset)
            if s < v.T or any(s - v.w[i] < v.T for i in lset):
                continue
            m = 0
            for i in lset:
                m |= v.mask[i]
            if m != v.full or not _sole_ok(v, lset, 0):
                continue
            size = v.base_c + sum(cnt[i] for i in lset)
            if fits(s, size):
                total[size] += 1
    if need <= 0:
        return total  # every added member would be light: no heavy member exists
    # At least one heavy member; j is the lightest of them (the last in order).
    # dp[(mask, size)] counts the subsets of the players before j by seats 0..need-1,
    # packed into one integer (a slot of `bits` bits a seat count) so that adding a
    # player is one shift and one addition.
    limit_c = None if v.P is None else v.P - v.base_c
    pk = _Packed(need, len(free) + 2)
    dp: dict[tuple[int, int], int] = {(0, 0): 1}
    for pos, j in enumerate(free):
        later = free[pos + 1 :]
        forced_later = [x for x in later if x in forced_in]
        valid = all(v.w[x] < v.w[j] and v.mask[x] for x in forced_later)
        if valid:
            pool = [x for x in later if v.w[x] < v.w[j] and v.mask[x]]
            for lset in _lsets(pool, v.k, forced_later):
                wl = sum(v.w[x] for x in lset)
                ml = 0
                for x in lset:
                    ml |= v.mask[x]
                cl = sum(cnt[x] for x in lset)
                maxl = max((v.w[x] for x in lset), default=None)
                hi = need - wl - 1
                lo = need - v.w[j] - wl
                if maxl is not None:
                    lo = max(lo, need - v.w[j] - wl + maxl)
                if v.U is not None:
                    hi = min(hi, v.U - v.base_w - v.w[j] - wl)
                lo = max(lo, 0)
                hi = min(hi, need - 1)
                if lo > hi:
                    continue
                for (mask_h, c), packed in dp.items():
                    mh = mask_h | v.mask[j]
                    if (mh | ml) != v.full:
                        continue
                    if lset and not _sole_ok(v, lset, mh):
                        continue
                    size = v.base_c + c + cnt[j] + cl
                    if v.P is not None and size > v.P:
                        continue
                    n = pk.window(packed, lo, hi)
                    if n:
                        total[size] += n
        dp = pk.add_player(dp, v.w[j], v.mask[j], cnt[j], j in forced_in, limit_c)
    return total


def _independent_sets(v: View) -> Iterator[tuple[frozenset[int], frozenset[int]]]:
    """(in, out) splits of the players in forbidden pairs that respect every pair."""
    vertices = sorted({i for pair in v.forbidden for i in pair})
    chosen: list[int] = []

    def walk(pos: int, blocked: frozenset[int]) -> Iterator[tuple[frozenset[int], frozenset[int]]]:
        if pos == len(vertices):
            inside = frozenset(chosen)
            yield inside, frozenset(vertices) - inside
            return
        x = vertices[pos]
        if x not in blocked:
            chosen.append(x)
            yield from walk(pos + 1, blocked | v.conflicts[x])
            chosen.pop()
        if not v.required[x]:
            yield from walk(pos + 1, blocked)

    yield from walk(0, frozenset())


def count_sizes(
    v: View,
    minimal: bool,
    forced_in: frozenset[int] = frozenset(),
    forced_out: frozenset[int] = frozenset(),
    *,
    by_size: bool = True,
) -> Counter[int]:
    """Viable coalitions (minimal ones if ``minimal``) by size, with the players
    ``forced_in`` in every coalition and ``forced_out`` in none.

    With ``by_size=False`` the sizes are not tracked (unless ``max_parties`` needs
    them), which is much faster; the counter then holds the total under one key.
    """
    sizes: Counter[int] = Counter()
    if v.missing_tags:
        return sizes
    counter = _count_minimal if minimal else _count_all
    cnt = v.cnt if by_size or v.P is not None else [0] * v.n
    for inside, outside in _independent_sets(v):
        if forced_in & outside or forced_out & inside:
            continue
        sizes.update(counter(v, inside | forced_in, outside | forced_out, cnt))
    return sizes


def count(
    v: View,
    minimal: bool,
    forced_in: frozenset[int] = frozenset(),
    forced_out: frozenset[int] = frozenset(),
) -> int:
    """The number of viable coalitions (minimal ones if ``minimal``); see :func:`count_sizes`."""
    return sum(count_sizes(v, minimal, forced_in, forced_out, by_size=False).values())
