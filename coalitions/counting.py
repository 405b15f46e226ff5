"""The compiled game as flat arrays, what wins in it, and exact counting over seat sums:
the one owner of the semantics and of the dynamic program that search and power share.

:class:`FlatGame` flattens a :class:`~coalitions.constraints.Game` into arrays indexed
by player, with the required tags (and, for power, the required players) as bit masks.
It owns the meaning of a set of players: :meth:`~FlatGame.wins`,
:meth:`~FlatGame.viable`, :meth:`~FlatGame.leavers` (who could leave while the rest
still wins), :meth:`~FlatGame.minimal` and :meth:`~FlatGame.pivotal`. Every walk of
:mod:`coalitions.search`, its checker, and :mod:`coalitions.power` use these.

The dynamic program has one array form and one step. :class:`Counts` packs counts by
seat sum ``0..length-1`` into one Python integer, ``bits`` bits a slot: a shift moves
every count up by ``w`` seats, an addition adds two arrays, and a window sum is the
digit sum of a slice (a number in base ``2**bits`` is congruent to the sum of its
digits modulo ``2**bits - 1``). A :data:`Table` maps ``(tag mask, size)`` to such an
array; :func:`add_player` is the step (a player joins or not), :func:`remove_player`
undoes it (deconvolution), and :meth:`Counts.unshift_counts` undoes it on one array.

:func:`count` counts viable coalitions, minimal or not, optionally by size; nothing is
listed. Minimal coalitions are counted by a heavy/light decomposition. In a coalition
with surplus ``t`` (seats above the threshold), a member is *heavy* when its seats
exceed ``t``: it cannot leave. A *light* member can leave unless it is the only holder
of a required tag; so a coalition is minimal exactly when each light member is the
sole holder of some required tag, which allows at most one light member per tag. The
count runs over the lightest heavy member ``j`` (the heavier members form a prefix
sub-sum in a window) and over the few possible light sets.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence

from .constraints import Game

__all__ = [
    "Counts",
    "FlatGame",
    "Table",
    "add_player",
    "build_table",
    "count",
    "count_sizes",
    "remove_player",
]


class FlatGame:
    """A game as arrays indexed by player, and what a set of players is worth in it.

    ``weight[i]`` is player ``i``'s seats, ``party_count[i]`` how many parties it counts
    for (towards ``max_parties`` and a coalition's size), ``tag_bits[i]`` the required
    tags it brings (one bit a tag; ``all_tags`` has every bit), ``is_required[i]``
    whether it is in every coalition. ``threshold`` is the seats a coalition needs,
    ``upper`` the most it may hold (or ``None``), ``max_parties`` the most parties (or
    ``None``); ``conflicts[i]`` the players that never sit with ``i``.

    The compiled games of :meth:`of` list their players heaviest first, as
    :func:`count` needs.
    """

    def __init__(
        self,
        *,
        weight: Sequence[int],
        party_count: Sequence[int],
        tag_bits: Sequence[int],
        is_required: Sequence[bool],
        threshold: int,
        upper: int | None = None,
        max_parties: int | None = None,
        all_tags: int = 0,
        forbidden: Iterable[tuple[int, int]] = (),
        bits: dict[str, int] | None = None,
        missing_tags: tuple[str, ...] = (),
    ) -> None:
        self.player_count = len(weight)
        self.weight = list(weight)
        self.party_count = list(party_count)
        self.tag_bits = list(tag_bits)
        self.is_required = list(is_required)
        self.threshold = threshold
        self.upper = upper
        self.max_parties = max_parties
        self.all_tags = all_tags
        self.tag_count = all_tags.bit_length()
        self.bits = dict(bits or {})
        self.missing_tags = missing_tags
        self.forbidden = tuple(forbidden)
        self.conflicts: list[set[int]] = [set() for _ in range(self.player_count)]
        for i, j in self.forbidden:
            self.conflicts[i].add(j)
            self.conflicts[j].add(i)
        self.required_players = [i for i in range(self.player_count) if self.is_required[i]]
        self.base_seats = sum(self.weight[i] for i in self.required_players)
        self.base_parties = sum(self.party_count[i] for i in self.required_players)
        self.divisor = 1  # the common factor taken out of the weights (:meth:`reduced`)
        self.base_tags = 0
        for i in self.required_players:
            self.base_tags |= self.tag_bits[i]

    @classmethod
    def of(
        cls, game: Game, *, sizes_in_players: bool = False, required_as_tags: bool = False
    ) -> FlatGame:
        """The arrays of a compiled game.

        ``sizes_in_players``: a coalition's size counts players (a kept-together bloc is
        one), not parties. ``required_as_tags``: required players become required tags
        (a bit each) instead of a fixed base, as power indices need.
        """
        players = game.players
        required = [p.required and not required_as_tags for p in players]
        covered: set[str] = set()
        for p, req in zip(players, required, strict=True):
            if req:
                covered |= p.tags
        open_tags = sorted(game.required_tags - covered)
        bits = {t: 1 << i for i, t in enumerate(open_tags)}
        tag_bits = [sum(bits[t] for t in p.tags if t in bits) for p in players]
        if required_as_tags:
            for i, p in enumerate(players):
                if p.required:
                    bit = 1 << len(bits)
                    bits[f"player:{p.key}"] = bit
                    tag_bits[i] |= bit
        return cls(
            weight=[p.weight for p in players],
            party_count=[1 if sizes_in_players else len(p.parties) for p in players],
            tag_bits=tag_bits,
            is_required=required,
            threshold=game.threshold,
            upper=game.upper,
            max_parties=game.constraints.max_parties,
            all_tags=(1 << len(bits)) - 1,
            forbidden=game.forbidden,
            bits=bits,
            missing_tags=tuple(t for t in open_tags if not any(t in p.tags for p in players)),
        )

    @classmethod
    def weighted(cls, weights: Sequence[int], threshold: int) -> FlatGame:
        """The arrays of a plain weighted game (give the weights heaviest first for
        :func:`count`)."""
        n = len(weights)
        return cls(
            weight=weights,
            party_count=[1] * n,
            tag_bits=[0] * n,
            is_required=[False] * n,
            threshold=threshold,
        )

    def reduced(self) -> FlatGame:
        """The same game with the weights divided by their greatest common divisor
        ``g``, the threshold by ``g`` rounded up and the ceiling rounded down: the same
        coalitions win and fit (``sum(w) >= t`` exactly when ``sum(w/g) >= ceil(t/g)``),
        with arrays ``g`` times shorter. Every dynamic program starts from it."""
        g = math.gcd(*self.weight)
        if g <= 1:
            return self
        reduced = FlatGame(
            weight=[w // g for w in self.weight],
            party_count=self.party_count,
            tag_bits=self.tag_bits,
            is_required=self.is_required,
            threshold=-(-self.threshold // g),
            upper=None if self.upper is None else self.upper // g,
            max_parties=self.max_parties,
            all_tags=self.all_tags,
            forbidden=self.forbidden,
            bits=self.bits,
            missing_tags=self.missing_tags,
        )
        reduced.divisor = g * self.divisor
        return reduced

    def tags_of(self, tags: Iterable[str]) -> int:
        """The bits of the required tags among ``tags``."""
        bits = self.bits
        return sum(bits[t] for t in set(tags) if t in bits)

    # -- what a set of players is worth: the one definition --

    def wins(self, players: Collection[int]) -> bool:
        """Holds the threshold and meets every requirement (required players and tags)."""
        if sum(self.weight[i] for i in players) < self.threshold:
            return False
        if any(i not in players for i in self.required_players):
            return False
        held = 0
        for i in players:
            held |= self.tag_bits[i]
        return held == self.all_tags

    def fits(self, players: Collection[int]) -> bool:
        """Passes every filter: the seat ceiling, ``max_parties``, forbidden pairs."""
        if self.upper is not None and sum(self.weight[i] for i in players) > self.upper:
            return False
        if (
            self.max_parties is not None
            and sum(self.party_count[i] for i in players) > self.max_parties
        ):
            return False
        chosen = set(players)
        return not any(self.conflicts[i] & chosen for i in players)

    def viable(self, players: Collection[int]) -> bool:
        """Wins, and passes every filter."""
        return self.wins(players) and self.fits(players)

    def _sole_holders(self, players: Iterable[int]) -> int:
        """The tag bits that exactly one of ``players`` holds."""
        once = more = 0
        for i in players:
            m = self.tag_bits[i]
            more |= once & m
            once = (once | m) & ~more
        return once

    def leavers(self, players: Sequence[int]) -> list[int]:
        """The members (never a required one) that could leave while the rest still wins."""
        if not self.wins(players):
            return []
        rest = sum(self.weight[i] for i in players) - self.threshold
        sole = self._sole_holders(players) if self.all_tags else 0
        return [
            i
            for i in players
            if not self.is_required[i] and self.weight[i] <= rest and not self.tag_bits[i] & sole
        ]

    def minimal(self, players: Sequence[int]) -> bool:
        """Wins, and no member could leave while the rest still wins."""
        return self.wins(players) and not self.leavers(players)

    def pivotal(self, players: Sequence[int]) -> list[int]:
        """The members whose departure makes a winning coalition lose (none if it loses)."""
        if not self.wins(players):
            return []
        rest = sum(self.weight[i] for i in players) - self.threshold
        sole = self._sole_holders(players) if self.all_tags else 0
        return [
            i
            for i in players
            if self.is_required[i] or self.weight[i] > rest or self.tag_bits[i] & sole
        ]


# ------------------------------------------------------------------ the array form


class Counts:
    """Counts by seat sum ``0..length-1``, packed into one integer, ``bits`` bits a slot.

    ``bits`` must hold the largest count (and window sum) with a bit to spare: counts of
    subsets of ``n`` players need ``n + 2`` (it is rounded up to whole bytes). With
    ``saturate=True`` the top slot holds every sum at or above it.
    """

    def __init__(self, length: int, bits: int, *, saturate: bool = False) -> None:
        self.length = length
        self.bits = -(-max(bits, 8) // 8) * 8  # whole bytes, so that slots are byte slices
        self.saturate = saturate
        self.slot = (1 << self.bits) - 1
        self.everything = (1 << (length * self.bits)) - 1
        self.below_top = (1 << ((length - 1) * self.bits)) - 1

    def shift(self, packed: int, seats: int) -> int:
        """The counts moved up by ``seats`` (dropped past the end, or saturating)."""
        moved = packed << (seats * self.bits)
        if not self.saturate:
            return moved & self.everything
        if not seats:
            return packed
        top = self.length - 1
        first = max(top - seats, 0)  # the slots from here on reach the top
        over = self.window(packed, first, top)
        return (moved & self.below_top) | (over << (top * self.bits))

    def window(self, packed: int, lo: int, hi: int) -> int:
        """The sum of the counts at seats ``lo..hi``."""
        if lo > hi:
            return 0
        b = self.bits
        part = (packed >> (lo * b)) & ((1 << ((hi - lo + 1) * b)) - 1)
        return part % self.slot  # the digit sum: every window sum is below the modulus

    def at(self, packed: int, seats: int) -> int:
        """The count at ``seats``."""
        return (packed >> (seats * self.bits)) & self.slot

    def slots(self, packed: int) -> list[int]:
        """The counts as a list."""
        size = self.bits // 8
        raw = packed.to_bytes(self.length * size, "little")
        return [int.from_bytes(raw[s : s + size], "little") for s in range(0, len(raw), size)]

    def unshift_counts(self, counts: Sequence[int], seats: int) -> list[int]:
        """The counts ``g`` (as a list) with ``g + shift(g, seats) == counts``: a player
        of ``seats`` seats taken back out."""
        if not seats:
            return [n // 2 for n in counts]  # the counts are twice g's
        out = list(counts)
        end = self.length - 1 if self.saturate else self.length
        for s in range(seats, end):
            out[s] -= out[s - seats]
        if self.saturate:
            out[end] = (out[end] - sum(out[max(end - seats, 0) : end])) // 2
        return out


#: Packed counts by seats, by ``(tag mask, size)`` (size 0 when sizes are not tracked).
Table = dict[tuple[int, int], int]


def add_player(
    form: Counts,
    table: Table,
    weight: int,
    mask: int,
    size: int,
    *,
    take_only: bool = False,
    max_size: int | None = None,
) -> Table:
    """The step: every set of the table, with the player out (unless ``take_only``) and
    in (adding ``weight`` seats, ``mask`` tags and ``size`` parties, up to
    ``max_size``)."""
    new: Table = {}
    for (held, count), packed in table.items():
        if not take_only:
            new[(held, count)] = new.get((held, count), 0) + packed
        grown = count + size
        if max_size is not None and grown > max_size:
            continue
        moved = form.shift(packed, weight)
        if moved:
            key = (held | mask, grown)
            new[key] = new.get(key, 0) + moved
    return new


def build_table(
    form: Counts, flat: FlatGame, players: Iterable[int], *, sizes: bool = False
) -> Table:
    """Every subset of ``players``, by tags, size (if ``sizes``) and seats."""
    table: Table = {(0, 0): 1}
    for i in players:
        size = flat.party_count[i] if sizes else 0
        table = add_player(form, table, flat.weight[i], flat.tag_bits[i], size)
    return table


def remove_player(form: Counts, table: Table, weight: int) -> Table:
    """A table by size without a player of ``weight`` seats that brings no tag and counts
    for one: :func:`add_player` undone (deconvolution)."""
    out: Table = {}
    for held, count in sorted(table, key=lambda key: key[1]):
        prev = out.get((held, count - 1))
        packed = table[(held, count)]
        out[(held, count)] = packed if prev is None else packed - form.shift(prev, weight)
    return out


# ------------------------------------------------------------------------ counting


def _count_all(
    flat: FlatGame, forced_in: frozenset[int], forced_out: frozenset[int], size_of: Sequence[int]
) -> Counter[int]:
    """Viable coalitions (not only minimal) with ``forced_in`` in and ``forced_out`` out,
    by size."""
    sizes: Counter[int] = Counter()
    if flat.max_parties is not None and flat.base_parties > flat.max_parties:
        return sizes
    need = max(flat.threshold - flat.base_seats, 0)
    if flat.upper is not None:
        most = flat.upper - flat.base_seats
        if most < need:
            return sizes
        form = Counts(most + 1, flat.player_count + 2)
    else:
        form = Counts(need + 1, flat.player_count + 2, saturate=True)
    max_size = None if flat.max_parties is None else flat.max_parties - flat.base_parties
    table: Table = {(0, 0): 1}
    for i in range(flat.player_count):
        if flat.is_required[i] or i in forced_out:
            continue
        table = add_player(
            form,
            table,
            flat.weight[i],
            flat.tag_bits[i],
            size_of[i],
            take_only=i in forced_in,
            max_size=max_size,
        )
    for (held, size), packed in table.items():
        if held | flat.base_tags == flat.all_tags:
            n = form.window(packed, need, form.length - 1)
            if n:
                sizes[flat.base_parties + size] += n
    return sizes


def _light_sets(pool: Sequence[int], most: int, must: Sequence[int]) -> Iterator[tuple[int, ...]]:
    """Subsets of ``pool`` of at most ``most`` players that contain ``must``."""
    must_set = set(must)
    rest = [x for x in pool if x not in must_set]
    for extra in range(most - len(must) + 1):
        for combo in itertools.combinations(rest, extra):
            yield tuple(must) + combo


def _each_sole(flat: FlatGame, light: Sequence[int], others: int) -> bool:
    """Each light member holds a required tag that no other member holds."""
    for a in light:
        other = others
        for b in light:
            if b != a:
                other |= flat.tag_bits[b]
        if not flat.tag_bits[a] & ~other:
            return False
    return True


def _mask_of(flat: FlatGame, players: Iterable[int]) -> int:
    held = 0
    for i in players:
        held |= flat.tag_bits[i]
    return held


def _count_without_heavy(
    flat: FlatGame, free: Sequence[int], forced_in: frozenset[int], size_of: Sequence[int]
) -> Counter[int]:
    """Minimal coalitions with no heavy member: the required players and light,
    tag-critical members only."""
    total: Counter[int] = Counter()
    holders = [i for i in free if flat.tag_bits[i]]
    must = [i for i in free if i in forced_in]
    if any(not flat.tag_bits[i] for i in must):
        return total  # a forced player without a required tag cannot be light
    for light in _light_sets(holders, flat.tag_count, must):
        seats = flat.base_seats + sum(flat.weight[i] for i in light)
        if seats < flat.threshold or any(seats - flat.weight[i] < flat.threshold for i in light):
            continue
        if flat.base_tags | _mask_of(flat, light) != flat.all_tags:
            continue
        if not _each_sole(flat, light, flat.base_tags):
            continue
        size = flat.base_parties + sum(size_of[i] for i in light)
        if (flat.upper is None or seats <= flat.upper) and (
            flat.max_parties is None or size <= flat.max_parties
        ):
            total[size] += 1
    return total


def _count_minimal(
    flat: FlatGame, forced_in: frozenset[int], forced_out: frozenset[int], size_of: Sequence[int]
) -> Counter[int]:
    """Minimal viable coalitions by size, by the heavy/light decomposition (module docs)."""
    if flat.max_parties is not None and flat.base_parties > flat.max_parties:
        return Counter()
    free = [i for i in range(flat.player_count) if not flat.is_required[i] and i not in forced_out]
    total = _count_without_heavy(flat, free, forced_in, size_of)
    need = flat.threshold - flat.base_seats
    if need <= 0:
        return total  # every added member would be light: no heavy member exists
    # At least one heavy member; j is the lightest of them (the last in order). The
    # table counts the subsets of the players before j by tags, size and seats 0..need-1.
    max_size = None if flat.max_parties is None else flat.max_parties - flat.base_parties
    form = Counts(need, len(free) + 2)
    table: Table = {(0, 0): 1}
    weight = flat.weight
    for pos, j in enumerate(free):
        later = free[pos + 1 :]
        forced_later = [x for x in later if x in forced_in]
        if all(weight[x] < weight[j] and flat.tag_bits[x] for x in forced_later):
            pool = [x for x in later if weight[x] < weight[j] and flat.tag_bits[x]]
            for light in _light_sets(pool, flat.tag_count, forced_later):
                _count_with_heavy(flat, form, table, j, light, size_of, total)
        table = add_player(
            form,
            table,
            weight[j],
            flat.tag_bits[j],
            size_of[j],
            take_only=j in forced_in,
            max_size=max_size,
        )
    return total


def _count_with_heavy(
    flat: FlatGame,
    form: Counts,
    table: Table,
    j: int,
    light: Sequence[int],
    size_of: Sequence[int],
    total: Counter[int],
) -> None:
    """Add the minimal coalitions whose lightest heavy member is ``j`` and whose light
    members are ``light`` (heavier members drawn from ``table``) to ``total``."""
    need = flat.threshold - flat.base_seats
    light_seats = sum(flat.weight[x] for x in light)
    light_mask = _mask_of(flat, light)
    light_size = sum(size_of[x] for x in light)
    heaviest_light = max((flat.weight[x] for x in light), default=0)
    # heavier members' seats h: the coalition wins (h + w_j + light >= need), j is heavy
    # (h + light < need) and so is every heavier member, and every light member is light
    # (h + w_j + light - heaviest_light >= need).
    lo = max(need - flat.weight[j] - light_seats + heaviest_light, 0)
    hi = need - light_seats - 1
    if flat.upper is not None:
        hi = min(hi, flat.upper - flat.base_seats - flat.weight[j] - light_seats)
    if lo > hi:
        return
    for (held, size), packed in table.items():
        mask = held | flat.tag_bits[j] | flat.base_tags
        if mask | light_mask != flat.all_tags:
            continue
        if light and not _each_sole(flat, light, mask):
            continue
        n_parties = flat.base_parties + size + size_of[j] + light_size
        if flat.max_parties is not None and n_parties > flat.max_parties:
            continue
        n = form.window(packed, lo, hi)
        if n:
            total[n_parties] += n


def _independent_sets(flat: FlatGame) -> Iterator[tuple[frozenset[int], frozenset[int]]]:
    """(in, out) splits of the players in forbidden pairs that respect every pair."""
    vertices = sorted({i for pair in flat.forbidden for i in pair})
    chosen: list[int] = []

    def walk(pos: int, blocked: frozenset[int]) -> Iterator[tuple[frozenset[int], frozenset[int]]]:
        if pos == len(vertices):
            inside = frozenset(chosen)
            yield inside, frozenset(vertices) - inside
            return
        x = vertices[pos]
        if x not in blocked:
            chosen.append(x)
            yield from walk(pos + 1, blocked | flat.conflicts[x])
            chosen.pop()
        if not flat.is_required[x]:
            yield from walk(pos + 1, blocked)

    yield from walk(0, frozenset())


def count_sizes(
    flat: FlatGame,
    minimal: bool,
    forced_in: frozenset[int] = frozenset(),
    forced_out: frozenset[int] = frozenset(),
    *,
    by_size: bool = True,
) -> Counter[int]:
    """Viable coalitions (minimal ones if ``minimal``) by size, with the players
    ``forced_in`` in every coalition and ``forced_out`` in none.

    The players must be listed heaviest first (as :meth:`FlatGame.of` does). With
    ``by_size=False`` the sizes are not tracked (unless ``max_parties`` needs them),
    which is much faster; the counter then holds the total under one key.
    """
    sizes: Counter[int] = Counter()
    if flat.missing_tags:
        return sizes
    flat = flat.reduced()
    counter = _count_minimal if minimal else _count_all
    size_of = (
        flat.party_count if by_size or flat.max_parties is not None else [0] * flat.player_count
    )
    for inside, outside in _independent_sets(flat):
        if forced_in & outside or forced_out & inside:
            continue
        sizes.update(counter(flat, inside | forced_in, outside | forced_out, size_of))
    return sizes


def count(
    flat: FlatGame,
    minimal: bool,
    forced_in: frozenset[int] = frozenset(),
    forced_out: frozenset[int] = frozenset(),
) -> int:
    """The number of viable coalitions (minimal ones if ``minimal``); see :func:`count_sizes`."""
    return sum(count_sizes(flat, minimal, forced_in, forced_out, by_size=False).values())
