"""Finding, counting and ranking coalitions under red lines.

A coalition is *viable* when it holds at least the threshold (the quota, or
``min_seats`` if higher) and meets every requirement (required parties, required tags)
and filter (exclusions, forbidden pairs, ``max_parties``, ``max_surplus``). It is
*minimal* when no member (or kept-together bloc) can leave while the rest still wins
and still meets every requirement; exclusions and forbidden pairs only filter.

- :func:`count_coalitions` counts exactly, by dynamic programming over seat sums,
  without listing anything.
- :func:`find_coalitions` is a lazy generator. Unranked (``order_by=None``) it streams
  in a fixed depth-first order with flat memory; ranked (``"seats"``, ``"parties"``,
  ``"range"``) it runs a best-first search with exact bounds, so the first results
  come without enumerating the rest.

.. warning::
   The number of coalitions grows exponentially with the number of parties: Iraq's
   2025 chamber has about 10^13 minimal winning coalitions (10,490,577,401,367). Count them,
   or bound a listing with ``limit``.

>>> import coalitions as co
>>> kr = co.load_scenario("kurdistan-2024")
>>> [str(c) for c in co.find_coalitions(kr, "majority", max_parties=2)]
['kdp+puk', 'kdp+new-generation']
>>> co.count_coalitions(kr, "majority")
303
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any, Final, Literal

import attrs

from . import rules
from ._frozen import FrozenMap, frozen_map
from .constraints import Constraints, Game, compile_game, constraints_of
from .counting import View, count
from .errors import ConstraintError, UnknownPartyError
from .model import Legislature

__all__ = [
    "ORDERS",
    "Coalition",
    "CoalitionCheck",
    "check_coalition",
    "check_in_game",
    "count_by_party",
    "count_coalitions",
    "find_coalitions",
    "parse_members",
]

OrderBy = Literal["seats", "parties", "range"] | None
#: The rankings :func:`find_coalitions` knows.
ORDERS: Final = ("seats", "parties", "range")


# ----------------------------------------------------------------------------- values


def _sort_key(c: Coalition) -> tuple[int, int, tuple[str, ...]]:
    return (c.seats, len(c.members), tuple(sorted(c.members)))


@attrs.frozen(eq=True, order=False)
class Coalition:
    """A coalition: its member parties, seats, and what the question's quota makes of it.

    ``members`` are party keys; ``order`` lists them heaviest first (then by key), which
    is how ``str()`` writes it (``"kdp+puk"``). ``pivotal`` are the members whose loss
    breaks it (it would then lose, or miss a requirement). ``meets`` names the extra
    rules (``report_quotas``) it also meets. With ``group_equivalent=True`` a result
    stands for ``stands_for`` coalitions: ``interchangeable`` lists, for each group of
    interchangeable lists it draws on, the group's keys and how many it takes, and
    :meth:`expand` gives them all.

    Coalitions compare and hash by value and sort by seats, then size, then their
    sorted member keys: the order of ``find_coalitions(..., order_by="seats")``.
    """

    members: frozenset[str]
    seats: int
    quota: int
    order: tuple[str, ...]
    pivotal: frozenset[str] = frozenset()
    range: Fraction | None = None
    meets: tuple[str, ...] = ()
    stands_for: int = 1
    interchangeable: tuple[tuple[tuple[str, ...], int], ...] = ()
    house: int | None = attrs.field(default=None, eq=False)
    member_seats: tuple[int, ...] = attrs.field(default=(), eq=False)

    @property
    def surplus(self) -> int:
        """Seats above the quota (negative: the shortfall)."""
        return self.seats - self.quota

    def _repr_html_(self) -> str:
        from .report import to_html

        return to_html(self)

    def _repr_svg_(self) -> str:
        """The coalition's seats in a hemicycle of the chamber (when its size is known)."""
        from .chart import GREY, PALETTE, svg_of_seats

        if not self.house:
            raise ValueError("the chamber's size is not known for this coalition")
        seats = self.member_seats or (self.seats,)
        keys = self.order if self.member_seats else (str(self),)
        groups = [
            (k, k, n, PALETTE[i % len(PALETTE)], True)
            for i, (k, n) in enumerate(zip(keys, seats, strict=True))
        ]
        groups.append(("others", "others", self.house - self.seats, GREY, False))
        sign = "+" if self.surplus >= 0 else ""
        caption = f"quota {self.quota} · coalition {self.seats} ({sign}{self.surplus})"
        return svg_of_seats(groups, self.house, quota=self.quota, caption=caption, width=480)

    @property
    def size(self) -> int:
        """The number of member parties."""
        return len(self.members)

    def __str__(self) -> str:
        return "+".join(self.order)

    def __len__(self) -> int:
        return len(self.members)

    def __contains__(self, key: object) -> bool:
        return key in self.members

    def __lt__(self, other: Coalition) -> bool:
        return _sort_key(self) < _sort_key(other)

    def __le__(self, other: Coalition) -> bool:
        return _sort_key(self) <= _sort_key(other)

    def __gt__(self, other: Coalition) -> bool:
        return _sort_key(self) > _sort_key(other)

    def __ge__(self, other: Coalition) -> bool:
        return _sort_key(self) >= _sort_key(other)

    def expand(self) -> Iterator[frozenset[str]]:
        """Every coalition this (grouped) result stands for, as sets of party keys."""
        fixed = set(self.members)
        for keys, _k in self.interchangeable:
            fixed -= set(keys)
        choices = [itertools.combinations(keys, k) for keys, k in self.interchangeable]
        for combo in itertools.product(*choices):
            yield frozenset(fixed.union(*combo))

    def to_record(self) -> dict[str, Any]:
        """A plain record (for JSON, CSV and tables)."""
        record: dict[str, Any] = {
            "coalition": str(self),
            "seats": self.seats,
            "quota": self.quota,
            "surplus": self.surplus,
            "parties": self.size,
            "pivotal": [k for k in self.order if k in self.pivotal],
        }
        if self.range is not None:
            record["range"] = self.range
        if self.meets:
            record["meets"] = list(self.meets)
        if self.interchangeable:
            record["stands_for"] = self.stands_for
            record["interchangeable"] = [
                {"lists": list(keys), "takes": k} for keys, k in self.interchangeable
            ]
        return record


def count_coalitions(
    leg: Legislature,
    quota: rules.Rule = "majority",
    *,
    minimal: bool = True,
    constraints: Constraints | None = None,
    connected: bool = False,
    **keywords: Any,
) -> int:
    """The exact number of viable coalitions (minimal ones by default), without listing.

    Takes the same constraints as :func:`find_coalitions`. Runs in time proportional to
    the number of players times the quota (times small factors for required tags, seat
    bounds and forbidden pairs), whatever the count.

    >>> import coalitions as co
    >>> co.count_coalitions(co.load_scenario("iraq-2025"), "majority")
    10490577401367
    """
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    if connected:
        return sum(1 for _ in _connected(game, minimal))
    return count(View(game), minimal)


def count_by_party(
    leg: Legislature,
    quota: rules.Rule = "majority",
    *,
    minimal: bool = True,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, int]:
    """How many viable coalitions each party is in, keyed by party (0 for parties left out).

    >>> import coalitions as co
    >>> count_by_party(co.load_scenario("kurdistan-2024"), max_parties=2)["kdp"]
    2
    """
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    v = View(game)
    total = count(v, minimal)
    out = dict.fromkeys(leg.keys, 0)
    for i, player in enumerate(game.players):
        n = total if player.required else count(v, minimal, frozenset({i}))
        for party in player.parties:
            out[party] = n
    return out


# --------------------------------------------------------------------- enumeration


class _Units:
    """Players grouped into interchangeable units (singletons unless grouping)."""

    def __init__(self, v: View, group: bool, by_key: bool = False) -> None:
        game = v.game
        named: set[str] = set(game.constraints.require) | set(game.constraints.exclude)
        for pair in game.constraints.forbid:
            named |= pair
        classes: dict[tuple[Any, ...], list[int]] = {}
        order: list[tuple[Any, ...]] = []
        for i, p in enumerate(game.players):
            if p.required:
                continue  # in every coalition: part of the base, not a unit
            free = (
                group
                and p.parties == (p.key,)  # a kept-together bloc stays a unit of its own
                and not p.required
                and not v.conflicts[i]
                and not (set(p.parties) & named or p.key in named)
            )
            key: tuple[Any, ...] = (v.w[i], p.tags, v.cnt[i], p.position) if free else ("single", i)
            if key not in classes:
                classes[key] = []
                order.append(key)
            classes[key].append(i)
        self.members = [classes[k] for k in order]  # player indices, keys ascending
        self.members = [sorted(m, key=lambda i: game.players[i].key) for m in self.members]
        if by_key:  # the ranked walk: ties between results then come in key order
            self.members.sort(key=lambda m: min(game.players[m[0]].parties))
        else:  # the streaming walk: heaviest first, so crossing the quota means minimal
            self.members.sort(key=lambda m: (-v.w[m[0]], game.players[m[0]].key))
        self.n = len(self.members)
        self.size = [len(m) for m in self.members]
        self.w = [v.w[m[0]] for m in self.members]
        self.mask = [v.mask[m[0]] for m in self.members]
        self.cnt = [v.cnt[m[0]] for m in self.members]
        suffix_w = [0] * (self.n + 1)
        suffix_m = [0] * (self.n + 1)
        reach = [1] * (self.n + 1)  # bit s set: seats s reachable from units i..
        for u in range(self.n - 1, -1, -1):
            suffix_w[u] = suffix_w[u + 1] + self.w[u] * self.size[u]
            suffix_m[u] = suffix_m[u + 1] | self.mask[u]
            r = reach[u + 1]
            acc = r
            for k in range(1, self.size[u] + 1):
                acc |= r << (self.w[u] * k)
            reach[u] = acc
        self.suffix_w = suffix_w
        self.suffix_m = suffix_m
        self.reach = reach


class _Search:
    """Depth-first and best-first enumeration over units."""

    def __init__(
        self,
        game: Game,
        minimal: bool,
        group: bool,
        report_quotas: Sequence[rules.Rule],
        *,
        by_key: bool = False,
    ) -> None:
        self.game = game
        self.v = View(game)
        self.u = _Units(self.v, group, by_key)
        self.minimal = minimal
        self.group = group
        leg = game.legislature
        self.extra = [(str(r), leg.quota(r)) for r in report_quotas]
        self.party_weight = game.party_weight
        self.party_tags = game.party_tags
        self.required_parties = {p for pl in game.players if pl.required for p in pl.parties}
        self.positions = {p.key: p.position for p in leg.parties}
        self.has_positions = any(p is not None for p in self.positions.values())
        self.player_parties = [p.parties for p in game.players]
        ranked = sorted(game.party_weight, key=lambda k: (-game.party_weight[k], k))
        self.party_rank = {k: r for r, k in enumerate(ranked)}
        self.simple_pivots = not self.required_parties and not game.required_tags
        self.house = leg.size

    # -- building results --

    def players_of(self, picks: Sequence[tuple[int, int]]) -> list[int]:
        out = list(self.v.req)
        for unit, k in picks:
            out.extend(self.u.members[unit][:k])
        return out

    def ok(self, picks: Sequence[tuple[int, int]]) -> bool:
        idx = self.players_of(picks)
        if not self.v.viable(idx):
            return False
        return not self.minimal or self.v.minimal(idx)

    def coalition(self, picks: Sequence[tuple[int, int]]) -> Coalition:
        return self.build(self.players_of(picks), picks)

    def build(self, idx: Sequence[int], picks: Sequence[tuple[int, int]] = ()) -> Coalition:
        """The :class:`Coalition` of the players ``idx`` (``picks``: their units)."""
        v = self.v
        game = self.game
        pw = self.party_weight
        parties = [p for i in idx for p in self.player_parties[i]]
        seats = 0
        for i in idx:
            seats += v.w[i]
        order = tuple(sorted(parties, key=self.party_rank.__getitem__))
        members = frozenset(parties)
        threshold = self.game.threshold
        if self.simple_pivots:
            pivotal = frozenset(k for k in parties if seats - pw[k] < threshold)
        else:
            pivotal = frozenset(k for k in parties if self._pivotal(k, members, seats))
        spread = None
        if self.has_positions:
            positions = [self.positions[k] for k in parties]
            if positions and None not in positions:
                spread = Fraction(max(positions) - min(positions))  # type: ignore[type-var, operator]
        meets = tuple(name for name, q in self.extra if seats >= q) if self.extra else ()
        interchangeable: list[tuple[tuple[str, ...], int]] = []
        stands_for = 1
        if self.group:
            for unit, k in picks:
                size = self.u.size[unit]
                if size > 1:
                    keys = tuple(game.players[i].key for i in self.u.members[unit])
                    interchangeable.append((keys, k))
                    stands_for *= math.comb(size, k)
        return Coalition(
            members=members,
            seats=seats,
            quota=game.quota,
            order=order,
            pivotal=pivotal,
            range=spread,
            meets=meets,
            stands_for=stands_for,
            interchangeable=tuple(interchangeable),
            house=self.house,
            member_seats=tuple(pw[k] for k in order),
        )

    def _pivotal(self, key: str, members: frozenset[str], seats: int) -> bool:
        if key in self.required_parties:
            return True
        if seats - self.party_weight[key] < self.game.threshold:
            return True
        needed = self.game.required_tags & self.party_tags[key]
        for tag in needed:
            if not any(tag in self.party_tags[m] for m in members if m != key):
                return True
        return False

    # -- depth first (unranked) --

    def depth_first(self) -> Iterator[Coalition]:
        """Every result, in a fixed depth-first order, with memory flat in the count."""
        v, u = self.v, self.u
        if v.missing_tags:
            return
        T, full, minimal = v.T, v.full, self.minimal
        base_m = 0
        for i in v.req:
            base_m |= v.mask[i]
        picks: list[tuple[int, int]] = []
        chosen: set[int] = set(v.req)
        check = minimal and v.k > 0
        if v.base_w >= T and base_m == full:
            if self.ok(picks):
                yield self.coalition(picks)
            if minimal:
                return
        # A frame is one level of the walk: [unit, k, seats, mask, parties].
        stack: list[list[int]] = [[0, 0, v.base_w, base_m, v.base_c]]
        while stack:
            frame = stack[-1]
            unit, k, s, m, c = frame
            found = False
            while unit < u.n:
                if (s < T and s + u.suffix_w[unit] < T) or (m | u.suffix_m[unit]) != full:
                    unit = u.n
                    break
                k += 1
                if k > u.size[unit] or not self._can_take(unit, k, s, m, c, chosen):
                    unit, k = unit + 1, 0
                    continue
                found = True
                break
            if not found:
                stack.pop()
                if stack:
                    self._undo(picks, chosen)
                continue
            frame[0], frame[1] = unit, k
            s2 = s + k * u.w[unit]
            m2 = m | u.mask[unit]
            c2 = c + k * u.cnt[unit]
            picks.append((unit, k))
            chosen.update(u.members[unit][:k])
            complete = s2 >= T and m2 == full
            # Built to be viable; minimal too unless required tags can make a light
            # member necessary (then check).
            if complete and (not check or self.v.minimal(self.players_of(picks))):
                yield self.coalition(picks)
            if (minimal and complete) or unit + 1 >= u.n:
                self._undo(picks, chosen)
            else:
                stack.append([unit + 1, 0, s2, m2, c2])

    def _undo(self, picks: list[tuple[int, int]], chosen: set[int]) -> None:
        unit, k = picks.pop()
        chosen.difference_update(self.u.members[unit][:k])

    def _can_take(self, unit: int, k: int, s: int, m: int, c: int, chosen: set[int]) -> bool:
        """Whether taking ``k`` players of ``unit`` may lead to a result."""
        v, u = self.v, self.u
        if v.P is not None and c + k * u.cnt[unit] > v.P:
            return False
        if v.U is not None and s + k * u.w[unit] > v.U:
            return False
        if self.minimal and s + (k - 1) * u.w[unit] >= v.T and (k > 1 or not u.mask[unit] & ~m):
            return False  # a newcomer could leave again: never minimal
        return not any(v.conflicts[i] & chosen for i in u.members[unit][:k])

    # -- best first (ranked) --

    def best_first(self, order_by: str) -> Iterator[Coalition]:
        """Results in rank order, found by best-first search with exact lower bounds.

        Heap entries are ``(bounds, path)``: lower bounds on the rank, then on seats,
        then on parties, of every result below a node, and ``path``, the walk's choices
        so far over the units in key order (more of a unit before fewer). A node sorts
        before every result below it, so popping in this order emits results by rank,
        then seats, then parties, then their sorted member keys (a kept-together bloc
        sorting by its first member), without exhausting a level of ties.
        """
        v, u = self.v, self.u
        if v.missing_tags:
            return
        if order_by == "range":
            self._need_positions()
        T, full, minimal = v.T, v.full, self.minimal
        base_m = 0
        for i in v.req:
            base_m |= v.mask[i]
        reach = self._reach_by_mask()
        cum: list[list[int]] = []
        for unit in range(u.n):
            weights = sorted(
                (u.w[x] for x in range(unit, u.n) for _ in range(u.size[x])), reverse=True
            )
            cum.append(list(itertools.accumulate(weights)))
        track = bool(v.game.forbidden) or order_by == "range"
        positions = [p.position for p in self.game.players]
        base_pos = [positions[i] for i in v.req]

        def seats_bound(unit: int, s: int, m: int) -> int | None:
            need = max(T - s, 0)
            best = None
            for mask_rest, bits in enumerate(reach[unit]):
                if (m | mask_rest) != full:
                    continue
                r = bits >> need
                if r:
                    x = s + need + (r & -r).bit_length() - 1
                    best = x if best is None or x < best else best
            return best

        def parties_bound(unit: int, s: int, m: int, c: int) -> int | None:
            need = T - s
            if need <= 0:
                return c + (1 if m != full else 0)
            if unit >= u.n or cum[unit][-1] < need:
                return None
            return c + bisect.bisect_left(cum[unit], need) + 1

        def bound(unit: int, s: int, m: int, c: int, span: Fraction) -> tuple[Any, ...] | None:
            """Lower bounds on (rank, then seats, then parties) of any result below."""
            seats = seats_bound(unit, s, m)
            parties = parties_bound(unit, s, m, c)
            if seats is None or parties is None:
                return None
            if order_by == "seats":
                return (seats, parties)
            if order_by == "parties":
                return (parties, seats)
            return (span, seats, parties)

        heap: list[tuple[Any, ...]] = []

        def span_of(chosen: Sequence[int]) -> Fraction:
            pos = base_pos + [positions[i] for i in chosen]
            return Fraction(max(pos) - min(pos)) if pos else Fraction(0)  # type: ignore[type-var, operator]

        def rank_of(coalition: Coalition) -> tuple[Any, ...]:
            if order_by == "seats":
                return (coalition.seats, coalition.size)
            if order_by == "parties":
                return (coalition.size, coalition.seats)
            return (coalition.range, coalition.seats, coalition.size)

        def push(
            unit: int,
            s: int,
            m: int,
            c: int,
            path: tuple[int, ...],
            picks: tuple[Any, ...] | None,
            chosen: tuple[int, ...],
        ) -> None:
            span = span_of(chosen) if order_by == "range" else Fraction(0)
            lb = bound(unit, s, m, c, span)
            if lb is None:
                return
            heapq.heappush(heap, (lb, path, 0, (unit, s, m, c, picks, chosen)))

        def emit(path: tuple[int, ...], picks: tuple[Any, ...] | None) -> None:
            plist = _unchain(picks)
            if self.ok(plist):
                coalition = self.coalition(plist)
                heapq.heappush(heap, (rank_of(coalition), path, 1, coalition))

        if v.base_w >= T and base_m == full:
            emit((), None)
            if not minimal:
                push(0, v.base_w, base_m, v.base_c, (), None, ())
        else:
            push(0, v.base_w, base_m, v.base_c, (), None, ())
        while heap:
            _rank, path, kind, item = heapq.heappop(heap)
            if kind == 1:
                yield item
                continue
            unit, s, m, c, picks, chosen = item
            if unit >= u.n:
                continue
            chosen_set = set(chosen) | set(v.req) if track else set()
            for k in range(u.size[unit], -1, -1):
                if k and not self._can_take(unit, k, s, m, c, chosen_set):
                    continue
                s2, c2 = s + k * u.w[unit], c + k * u.cnt[unit]
                m2 = m | u.mask[unit] if k else m
                path2 = (*path, -k)
                picks2 = (unit, k, picks) if k else picks
                chosen2 = (*chosen, *u.members[unit][:k]) if track and k else chosen
                complete = k > 0 and s2 >= T and m2 == full
                if complete:
                    emit(path2, picks2)
                if not (minimal and complete) and unit + 1 < u.n:
                    push(unit + 1, s2, m2, c2, path2, picks2, chosen2)

    def _reach_by_mask(self) -> list[list[int]]:
        """For each unit, for each tag mask: the seat sums (as bits) that the units from
        there on can add while bringing exactly those required tags."""
        u, v = self.u, self.v
        states = 1 << v.k
        reach = [[0] * states for _ in range(u.n + 1)]
        reach[u.n][0] = 1
        for unit in range(u.n - 1, -1, -1):
            nxt = reach[unit + 1]
            cur = nxt[:]
            for mask_rest in range(states):
                bits = nxt[mask_rest]
                if not bits:
                    continue
                target = mask_rest | u.mask[unit]
                for k in range(1, u.size[unit] + 1):
                    cur[target] |= bits << (u.w[unit] * k)
            reach[unit] = cur
        return reach

    def _need_positions(self) -> None:
        missing = [p.key for p in self.game.players if p.position is None]
        if missing:
            raise ConstraintError(
                "ranking by left-right range needs a position for every player; "
                f"missing: {_some(missing)}"
            )

    # -- connected coalitions (Axelrod) --


def _some(keys: Sequence[str], shown: int = 6) -> str:
    """The first few keys, and how many more."""
    more = f" and {len(keys) - shown} more" if len(keys) > shown else ""
    return ", ".join(keys[:shown]) + more


def _unchain(chain: tuple[Any, ...] | None) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while chain is not None:
        unit, k, chain = chain
        out.append((unit, k))
    out.reverse()
    return out


def _connected(game: Game, minimal: bool) -> Iterator[list[int]]:
    """Connected viable coalitions (player indices): contiguous in left-right order.

    A set is connected when every player whose position lies strictly between its
    leftmost and rightmost members is in it. Minimal: no member can leave while the
    rest stays connected and still wins (only members at either end can leave without
    breaking connectedness).
    """
    v = View(game)
    missing = [p.key for p in game.players if p.position is None]
    if missing:
        raise ConstraintError(
            "connected coalitions need a left-right position for every player; "
            f"missing: {_some(missing)}"
        )
    if v.missing_tags:
        return
    positions = [p.position for p in game.players]
    values = sorted(set(positions))  # type: ignore[type-var]
    at = {val: [i for i in range(v.n) if positions[i] == val] for val in values}
    for a, lo in enumerate(values):
        for hi in values[a:]:
            inner = [i for i in range(v.n) if lo < positions[i] < hi]  # type: ignore[operator]
            if any(v.required[i] and not lo <= positions[i] <= hi for i in range(v.n)):  # type: ignore[operator]
                continue
            ends = [at[lo]] if lo == hi else [at[lo], at[hi]]
            choices = [
                [
                    list(c)
                    for r in range(1, len(group) + 1)
                    for c in itertools.combinations(group, r)
                    if all(i in c for i in group if v.required[i])
                ]
                for group in ends
            ]
            for combo in itertools.product(*choices):
                idx = sorted(set(inner).union(*combo))
                if not v.viable(idx):
                    continue
                if minimal:
                    removable = [i for i in idx if not v.required[i] and positions[i] in (lo, hi)]
                    if any(v.wins([x for x in idx if x != i]) for i in removable):
                        continue
                yield idx


# ------------------------------------------------------------------ public functions


def parse_members(leg: Legislature, spec: str | Iterable[str]) -> tuple[str, ...]:
    """Party keys from ``"kdp+puk"`` (or ``"kdp,puk"``) or an iterable of keys or bloc keys.

    Keys are accepted in any case; an unknown key raises
    :class:`~coalitions.errors.UnknownPartyError` with close matches.

    >>> import coalitions as co
    >>> parse_members(co.load_scenario("kurdistan-2024"), "KDP+puk")
    ('kdp', 'puk')
    """
    if isinstance(spec, str):
        items = [p for p in spec.replace(",", "+").replace(" ", "+").split("+") if p]
    else:
        items = list(spec)
    out: list[str] = []
    blocs = {b.key: b for b in leg.blocs}
    for item in items:
        key = str(item).strip().lower()
        if key in blocs:
            out.extend(m for m in blocs[key].members if m not in out)
        elif key in leg:
            if key not in out:
                out.append(key)
        else:
            raise UnknownPartyError(key, list(leg.keys) + list(blocs), where=repr(leg.name))
    if not out:
        raise ConstraintError("a coalition needs at least one member (got none)")
    return tuple(out)


def find_coalitions(
    leg: Legislature,
    quota: rules.Rule = "majority",
    *,
    minimal: bool = True,
    constraints: Constraints | None = None,
    order_by: OrderBy | Literal["none"] = None,
    limit: int | None = None,
    connected: bool = False,
    group_equivalent: bool = False,
    report_quotas: Sequence[rules.Rule] = (),
    **keywords: Any,
) -> Iterator[Coalition]:
    """Viable coalitions of ``leg`` under ``quota`` and the constraints, lazily.

    Constraints come as a :class:`~coalitions.constraints.Constraints` value and/or as
    keywords: ``exclude``, ``exclude_tags``, ``require``, ``require_tags``, ``forbid``,
    ``keep_together``, ``max_parties``, ``min_seats``, ``max_surplus``, ``whole_lists``.

    ``minimal=True`` (the default) gives minimal coalitions only; ``False`` every viable
    one. ``order_by=None`` streams in a fixed depth-first order (largest parties first);
    ``"seats"`` gives the fewest seats first (the minimum winning coalitions),
    ``"parties"`` the fewest members first, ``"range"`` the smallest left-right spread
    first; ties are broken by seats, then size, then the sorted member keys
    (alphabetically; a kept-together bloc sorts by its first member's key). ``limit``
    stops after that many results. ``connected=True`` gives Axelrod's connected
    coalitions (contiguous in left-right order; every party needs a position).
    ``group_equivalent=True`` merges
    lists with equal seats and tags that no constraint names: each result then stands
    for several coalitions (see :class:`Coalition`). ``report_quotas`` names further
    rules whose fulfilment each result reports in ``meets``.

    .. warning:: exponential: bound the listing with ``limit``, or count instead.

    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> [str(c) for c in find_coalitions(kr, "majority", order_by="seats", limit=2)]
    ['kdp+kiu+halwest+armenian-duhok', 'kdp+kiu+halwest+christian-erbil']
    """
    if order_by == "none":
        order_by = None
    if order_by is not None and order_by not in ORDERS:
        raise ConstraintError(
            f"unknown order_by {order_by!r}; expected one of {', '.join(ORDERS)} or None"
        )
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ConstraintError(f"'limit' must be a whole number >= 0 (got {limit!r})")
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    search = _Search(
        game,
        minimal,
        group_equivalent and not connected,
        report_quotas,
        by_key=order_by is not None,
    )
    results: Iterator[Coalition]
    if connected:
        found = [search.build(idx) for idx in _connected(game, minimal)]
        if order_by == "seats":
            found.sort(key=lambda c: (c.seats, c.size, c.order))
        elif order_by == "parties":
            found.sort(key=lambda c: (c.size, c.seats, c.order))
        elif order_by == "range":
            found.sort(key=lambda c: (c.range, c.seats, c.size, c.order))
        results = iter(found)
    elif order_by is None:
        results = search.depth_first()
    else:
        results = search.best_first(order_by)
    return itertools.islice(results, limit) if limit is not None else results


# -------------------------------------------------------------------------- checking


@attrs.frozen
class CoalitionCheck:
    """What a proposed coalition is worth under a question's quota and constraints.

    ``viable`` says whether it meets everything; ``failures`` says, in words, each rule
    it breaks; ``superfluous`` lists members that could leave while the rest still wins
    and meets every requirement; ``pivotal`` those whose loss breaks it; ``minimal`` is
    ``viable`` with nobody superfluous. ``seats`` counts only what the constraints let
    count (an excluded list, or an excluded faction, brings nothing); ``counted`` gives,
    for each member, the seats it counts.
    """

    members: tuple[str, ...]
    seats: int
    quota: int
    threshold: int
    viable: bool
    minimal: bool
    failures: tuple[str, ...]
    superfluous: tuple[str, ...]
    pivotal: tuple[str, ...]
    meets: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    counted: Mapping[str, int] = attrs.field(default=FrozenMap(), converter=frozen_map, eq=False)

    @property
    def surplus(self) -> int:
        """Seats above the quota (negative: the shortfall)."""
        return self.seats - self.quota

    @property
    def shortfall(self) -> int:
        """Seats missing to reach the threshold (0 if none)."""
        return max(0, self.threshold - self.seats)

    def _repr_html_(self) -> str:
        from .report import to_html

        return to_html(self)

    def explain(self) -> str:
        """The verdict in words."""
        name = "+".join(self.members)
        lines = [
            f"{name}: {self.seats} seats; the quota is {self.quota}"
            + (f" (at least {self.threshold} asked)" if self.threshold != self.quota else "")
        ]
        if self.viable:
            lines.append(
                f"viable, {self.surplus} seats to spare; "
                + ("minimal: every member is needed" if self.minimal else "not minimal")
            )
        else:
            lines.append("not viable:")
            lines.extend(f"  - {f}" for f in self.failures)
        if self.superfluous:
            lines.append("could leave while the rest still wins: " + ", ".join(self.superfluous))
        if self.pivotal:
            lines.append("pivotal (its loss breaks the coalition): " + ", ".join(self.pivotal))
        if self.meets:
            lines.append("also meets: " + ", ".join(self.meets))
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def to_record(self) -> dict[str, Any]:
        """A plain record (for JSON)."""
        return {
            "coalition": "+".join(self.members),
            "seats": self.seats,
            "quota": self.quota,
            "threshold": self.threshold,
            "surplus": self.surplus,
            "viable": self.viable,
            "minimal": self.minimal,
            "failures": list(self.failures),
            "superfluous": list(self.superfluous),
            "pivotal": list(self.pivotal),
            "meets": list(self.meets),
            "notes": list(self.notes),
        }


def check_coalition(
    leg: Legislature,
    coalition: str | Iterable[str],
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    report_quotas: Sequence[rules.Rule] = (),
    **keywords: Any,
) -> CoalitionCheck:
    """Explain a proposed coalition: viable or not, and why; who is superfluous or pivotal.

    >>> import coalitions as co
    >>> check = co.check_coalition(co.load_scenario("kurdistan-2024"), "kdp+puk+kiu")
    >>> check.viable, check.minimal, check.superfluous, check.surplus
    (True, False, ('kiu',), 18)
    """
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    return check_in_game(game, parse_members(leg, coalition), report_quotas)


def check_in_game(
    game: Game, members: Sequence[str], report_quotas: Sequence[rules.Rule] = ()
) -> CoalitionCheck:
    """:func:`check_coalition` for a game already compiled and members already parsed
    (for callers that check many coalitions under one question)."""
    leg, c = game.legislature, game.constraints
    members = tuple(members)
    weight = game.party_weight
    failures: list[str] = []
    left_out = dict(game.left_out)
    for key in members:
        if key in left_out and left_out[key] != "no seats":
            failures.append(f"{key} is left out: {left_out[key]}")
    notes = tuple(
        f"{party} counts {weight[party]} seats, without the {seats} of its {why}"
        for party, seats, why in game.reduced
        if party in members and party in weight  # an excluded list counts nothing
    )
    counted = [k for k in members if k in weight]
    seats = sum(weight[k] for k in counted)
    required = {p for pl in game.players if pl.required for p in pl.parties}

    def wins(keys: Sequence[str]) -> bool:
        if sum(weight[k] for k in keys if k in weight) < game.threshold:
            return False
        if not required <= set(keys):
            return False
        held = set().union(*(game.party_tags[k] for k in keys if k in weight))
        return game.required_tags <= held

    if seats < game.threshold:
        failures.append(
            f"holds {seats} seats, {game.threshold - seats} short of the {game.threshold} needed"
        )
    for key in sorted(required - set(members)):
        failures.append(f"lacks {key}, which is required")
    held = set().union(*(game.party_tags[k] for k in counted)) if counted else set()
    for tag in sorted(game.required_tags - held):
        failures.append(f"has no member tagged {tag}")
    for pair in sorted(c.forbid, key=sorted):
        a, b = sorted(pair)
        a_in = set(parse_members(leg, a)) & set(members)
        b_in = set(parse_members(leg, b)) & set(members)
        if a_in and b_in:
            failures.append(f"{a} and {b} will not sit together")
    for bloc_key in sorted(c.keep_together):
        bloc = leg.bloc(bloc_key)
        inside = [m for m in bloc.members if m in members]
        eligible = [m for m in bloc.members if m in weight]
        missing = [m for m in eligible if m not in members]
        if inside and missing:
            failures.append(
                f"splits the bloc {bloc.key} (kept together): lacks {', '.join(missing)}"
            )
    if c.max_parties is not None and len(members) > c.max_parties:
        failures.append(f"has {len(members)} parties, more than the {c.max_parties} allowed")
    if game.upper is not None and seats > game.upper:
        failures.append(
            f"has {seats - game.quota} seats above the quota, more than the {c.max_surplus} allowed"
        )
    superfluous = tuple(
        k for k in members if k not in required and wins([m for m in members if m != k])
    )
    wins_now = wins(members)
    pivotal = tuple(
        k for k in members if k in weight and wins_now and not wins([m for m in members if m != k])
    )
    viable = not failures
    meets = tuple(str(r) for r in report_quotas if seats >= leg.quota(r))
    return CoalitionCheck(
        members=members,
        seats=seats,
        quota=game.quota,
        threshold=game.threshold,
        viable=viable,
        minimal=viable and not superfluous,
        failures=tuple(failures),
        superfluous=superfluous,
        pivotal=pivotal,
        meets=meets,
        notes=notes,
        counted={k: weight.get(k, 0) for k in members},
    )
