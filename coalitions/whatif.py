"""What if: transformations of a chamber, and questions about how robust an answer is.

Every transformation returns a new, valid :class:`~coalitions.Legislature` and leaves its
input untouched; a change that cannot be made (moving more seats than a list holds, an
unknown key, a split that does not add up) raises
:class:`~coalitions.errors.WhatIfError` naming what is wrong.

>>> import coalitions as co
>>> kr = co.load_scenario("kurdistan-2024")
>>> after = move_seats(kr, "kdp", "puk", 5)
>>> after["kdp"].seats, after["puk"].seats, kr["kdp"].seats
(34, 28, 39)
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from . import rules
from ._frozen import FrozenMap, frozen_map
from .constraints import Constraints, Game, compile_game, constraints_of
from .errors import CoalitionsError, UnknownPartyError, ValidationError, WhatIfError
from .model import Bloc, Legislature, Party
from .search import (
    Coalition,
    CoalitionCheck,
    check_in_game,
    count_coalitions,
    find_coalitions,
    parse_members,
)

__all__ = [
    "Comparison",
    "Fragility",
    "Robustness",
    "SeatsNeeded",
    "WhatIfError",
    "compare",
    "fragility",
    "join",
    "merge",
    "move_seats",
    "remove",
    "robust",
    "seats_needed",
    "set_seats",
    "split",
    "split_factions",
    "use_alternative",
    "vacate",
]


def _party(leg: Legislature, key: str, field: str) -> Party:
    try:
        return leg[key]
    except UnknownPartyError as err:
        raise UnknownPartyError(key, leg.keys, where=f"{field!r} of {leg.name!r}") from err


def _rebuild(
    leg: Legislature, parties: Sequence[Party], blocs: Sequence[Bloc] | None = None, **changes: Any
) -> Legislature:
    """The legislature with new parties (and blocs), blocs pruned of missing members."""
    keys = {p.key for p in parties}
    kept_blocs = []
    for b in leg.blocs if blocs is None else blocs:
        members = tuple(m for m in b.members if m in keys)
        if members:
            kept_blocs.append(attrs.evolve(b, members=members))
    try:
        return attrs.evolve(leg, parties=tuple(parties), blocs=tuple(kept_blocs), **changes)
    except ValidationError as err:
        raise WhatIfError(f"the change breaks the chamber: {err}") from None


def _with_seats(p: Party, seats: int) -> Party:
    """``p`` with ``seats``; factions are kept if they still fit, else it is an error."""
    if seats < 0:
        raise WhatIfError(f"{p.key!r} would hold {seats} seats")
    held = sum(f.seats for f in p.factions)
    if held > seats:
        raise WhatIfError(
            f"{p.key!r} would hold {seats} seats, fewer than its factions' {held}; "
            "use split_factions first, or set the factions' seats"
        )
    return attrs.evolve(p, seats=seats, alternatives=())


def _count(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise WhatIfError(f"{field!r} must be a whole number >= 0 (got {value!r})")
    return value


# -------------------------------------------------------------- transformations


def move_seats(leg: Legislature, source: str, target: str, seats: int) -> Legislature:
    """Move ``seats`` seats from list ``source`` to list ``target`` (defections).

    >>> import coalitions as co
    >>> move_seats(co.load_scenario("kurdistan-2024"), "kdp", "puk", 3)["puk"].seats
    26
    """
    n = _count(seats, "seats")
    a, b = _party(leg, source, "source"), _party(leg, target, "target")
    if a.key == b.key:
        raise WhatIfError(f"'source' and 'target' are both {a.key!r}")
    if n > a.seats:
        raise WhatIfError(f"cannot move {n} seats from {a.key!r}, which holds {a.seats}")
    parties = [
        _with_seats(p, p.seats - n)
        if p.key == a.key
        else _with_seats(p, p.seats + n)
        if p.key == b.key
        else p
        for p in leg.parties
    ]
    return _rebuild(leg, parties)


def set_seats(leg: Legislature, seats: Mapping[str, int]) -> Legislature:
    """Set the seats of some lists (the chamber's size is unchanged).

    >>> import coalitions as co
    >>> set_seats(co.load_scenario("iraq-2025"), {"kdp": 25})["kdp"].seats
    25
    """
    if not isinstance(seats, Mapping):
        raise WhatIfError(f"'seats' must be a mapping of keys to seats (got {seats!r})")
    wanted = {_party(leg, k, "seats").key: _count(v, f"seats of {k}") for k, v in seats.items()}
    parties = [_with_seats(p, wanted[p.key]) if p.key in wanted else p for p in leg.parties]
    total = sum(p.seats for p in parties)
    if total > leg.size:
        raise WhatIfError(f"the lists would hold {total} seats, more than the chamber's {leg.size}")
    return _rebuild(leg, parties)


def vacate(leg: Legislature, keys: Iterable[str]) -> Legislature:
    """Empty the seats of the lists ``keys`` (resignations): they hold 0 seats, and the
    chamber's size is unchanged, so a majority of the full house is as hard as before.

    >>> import coalitions as co
    >>> after = vacate(co.load_scenario("iraq-2021"), ["sadrist"])
    >>> after.seated, after.quota("majority")
    (256, 165)
    """
    gone = {_party(leg, k, "keys").key for k in _keys(keys)}
    parties = [
        attrs.evolve(
            p,
            seats=0,
            factions=tuple(attrs.evolve(f, seats=0) for f in p.factions),
            alternatives=(),
        )
        if p.key in gone
        else p
        for p in leg.parties
    ]
    return _rebuild(leg, parties)


def remove(leg: Legislature, keys: Iterable[str]) -> Legislature:
    """Remove the lists ``keys`` from the chamber (their seats become vacant).

    >>> import coalitions as co
    >>> "gorran" in remove(co.load_scenario("kurdistan-2024"), ["gorran"])
    False
    """
    gone = {_party(leg, k, "keys").key for k in _keys(keys)}
    return _rebuild(leg, [p for p in leg.parties if p.key not in gone])


def merge(
    leg: Legislature, keys: Iterable[str], *, key: str, name: str | None = None
) -> Legislature:
    """Merge the lists ``keys`` into one list ``key``: seats add up, tags and factions
    join; it takes the place of the first of them, and their bloc if they share one.

    >>> import coalitions as co
    >>> merge(co.load_scenario("kurdistan-2024"), ["kdp", "puk"], key="kdp-puk")["kdp-puk"].seats
    62
    """
    members = [_party(leg, k, "keys") for k in _keys(keys)]
    if len(members) < 2:
        raise WhatIfError("'keys' must name at least two lists to merge")
    blocs = {leg.bloc_of(p.key) for p in members}
    if len(blocs) > 1:
        raise WhatIfError(
            "the lists to merge sit in different blocs ("
            + ", ".join(sorted(b.key if b else "none" for b in blocs))
            + "); remove them first"
        )
    taken = {p.key for p in members}
    if key in leg and key not in taken:
        raise WhatIfError(f"'key' {key!r} is already another list's key")
    merged = Party(
        key=key,
        name=name or " + ".join(p.name for p in members),
        seats=sum(p.seats for p in members),
        tags=frozenset().union(*(p.tags for p in members)),
        factions=tuple(f for p in members for f in p.factions),
        votes=sum(p.votes or 0 for p in members)
        if all(p.votes is not None for p in members)
        else None,
        sources=tuple(dict.fromkeys(s for p in members for s in p.sources)),
        notes="Merged from " + ", ".join(p.key for p in members) + ".",
    )
    parties: list[Party] = []
    for p in leg.parties:
        if p.key == members[0].key:
            parties.append(merged)
        elif p.key not in taken:
            parties.append(p)
    bloc = blocs.pop()
    new_blocs = [
        attrs.evolve(b, members=tuple(dict.fromkeys(key if m in taken else m for m in b.members)))
        if bloc is not None and b.key == bloc.key
        else b
        for b in leg.blocs
    ]
    return _rebuild(leg, parties, new_blocs)


def split(leg: Legislature, key: str, parts: Mapping[str, int | Party]) -> Legislature:
    """Split list ``key`` into ``parts``: new keys with their seats (or whole
    :class:`~coalitions.Party` values). The seats must add up to the list's; each part
    keeps the list's tags (and bloc) unless given as a Party. Factions are not carried
    over: split them off first with :func:`split_factions`.

    >>> import coalitions as co
    >>> after = split(co.load_scenario("kurdistan-2024"), "kdp", {"kdp-a": 20, "kdp-b": 19})
    >>> after["kdp-a"].seats, after["kdp-b"].tags
    (20, frozenset({'component:kurdish'}))
    """
    p = _party(leg, key, "key")
    if not isinstance(parts, Mapping) or len(parts) < 2:
        raise WhatIfError("'parts' must map at least two new keys to seats")
    new: list[Party] = []
    for k, v in parts.items():
        if isinstance(v, Party):
            new.append(v)
        else:
            seats = _count(v, f"seats of {k}")
            new.append(
                Party(
                    key=k,
                    name=f"{p.name} ({k})",
                    seats=seats,
                    tags=p.tags,
                    position=p.position,
                    sources=p.sources,
                    notes=f"Split from {p.key}.",
                )
            )
    total = sum(x.seats for x in new)
    if total != p.seats:
        raise WhatIfError(f"the parts hold {total} seats; {p.key!r} holds {p.seats}")
    clash = [x.key for x in new if x.key in leg and x.key != p.key]
    if clash:
        raise WhatIfError(f"{clash[0]!r} is already another list's key")
    parties: list[Party] = []
    for q in leg.parties:
        parties.extend(new if q.key == p.key else [q])
    blocs = [
        attrs.evolve(
            b,
            members=tuple(
                x for m in b.members for x in ([y.key for y in new] if m == p.key else [m])
            ),
        )
        for b in leg.blocs
    ]
    return _rebuild(leg, parties, blocs)


def split_factions(
    leg: Legislature, *, tags: Iterable[str] = (), keys: Iterable[str] = ()
) -> Legislature:
    """Make factions their own lists: those carrying any of ``tags``, or named by
    ``keys``. The parent list keeps the rest of its seats; the new list takes the
    faction's key, name, seats and tags (and the parent's ``component:`` tags) and sits
    in no bloc.

    >>> import coalitions as co
    >>> after = split_factions(co.load_scenario("iraq-2025"), tags={"us-designated"})
    >>> after["state-of-law"].seats, after["kataib-sayyid-al-shuhada"].seats
    (22, 7)
    """
    tags, keys = set(_keys(tags, lower=False)), set(_keys(keys))
    if not tags and not keys:
        raise WhatIfError("name the factions to split off by 'tags' or 'keys'")
    found: set[str] = set()
    parties: list[Party] = []
    for p in leg.parties:
        leaving = [f for f in p.factions if f.key in keys or f.tags & tags]
        if not leaving:
            parties.append(p)
            continue
        staying = tuple(f for f in p.factions if f not in leaving)
        parent = attrs.evolve(
            p, seats=p.seats - sum(f.seats for f in leaving), factions=staying, alternatives=()
        )
        parties.append(parent)
        for f in leaving:
            found.add(f.key)
            parties.append(
                Party(
                    key=f.key,
                    name=f.name,
                    seats=f.seats,
                    tags=f.tags | {t for t in p.tags if t.startswith("component:")},
                    sources=f.sources,
                    notes=f"Split off from {p.key}.",
                )
            )
    missing = sorted(keys - found)
    if missing:
        raise WhatIfError(f"no faction has the key {missing[0]!r}")
    if not found:
        raise WhatIfError(f"no faction carries {', '.join(sorted(tags))}")
    return _rebuild(leg, parties)


def join(leg: Legislature, keys: Iterable[str], target: str) -> Legislature:
    """Lists (independents, quota seats) join ``target``: a list (their seats are added
    to it and they leave the chamber as entries) or a bloc (they become its members).

    >>> import coalitions as co
    >>> join(co.load_scenario("kurdistan-2024"), ["turkmen-erbil"], "kdp")["kdp"].seats
    40
    """
    joining = [_party(leg, k, "keys") for k in _keys(keys)]
    bloc_keys = {b.key for b in leg.blocs}
    t = target.strip().lower()
    if t in bloc_keys:
        moved = {p.key for p in joining}
        blocs = [
            attrs.evolve(
                b,
                members=tuple(m for m in b.members if m not in moved)
                + (tuple(p.key for p in joining) if b.key == t else ()),
            )
            for b in leg.blocs
        ]
        return _rebuild(leg, leg.parties, blocs)
    host = _party(leg, t, "target")
    if host.key in {p.key for p in joining}:
        raise WhatIfError(f"{host.key!r} cannot join itself")
    added = sum(p.seats for p in joining)
    gone = {p.key for p in joining}
    parties = [
        attrs.evolve(
            _with_seats(p, p.seats + added),
            factions=p.factions + tuple(f for q in joining for f in q.factions),
        )
        if p.key == host.key
        else p
        for p in leg.parties
        if p.key not in gone
    ]
    return _rebuild(leg, parties)


def use_alternative(
    leg: Legislature, source: str, *, parties: Iterable[str] | None = None
) -> Legislature:
    """Switch to the seat figures that ``source`` reports (recorded as alternatives),
    for every list it reports or only those named in ``parties``.

    >>> import coalitions as co
    >>> iraq = vacate(co.load_scenario("iraq-2025"), ["state-support"])
    >>> use_alternative(iraq, "USKRD", parties=["kdp"])["kdp"].seats
    27
    """
    only = None if parties is None else {_party(leg, k, "parties").key for k in _keys(parties)}
    figures: dict[str, int] = {}
    for p in leg.parties:
        if only is not None and p.key not in only:
            continue
        for alt in p.alternatives:
            if source in alt.sources:
                figures[p.key] = alt.seats
    if not figures:
        known = sorted({s for p in leg.parties for a in p.alternatives for s in a.sources})
        raise WhatIfError(
            f"no alternative figure from {source!r}"
            + (f" for {', '.join(sorted(only))}" if only else "")
            + (f"; sources with alternatives: {', '.join(known)}" if known else "")
        )
    total = leg.seated + sum(figures[k] - leg[k].seats for k in figures)
    if total > leg.size:
        raise WhatIfError(
            f"with {source}'s figures ({', '.join(f'{k} {v}' for k, v in figures.items())}) the "
            f"lists would hold {total} seats, {total - leg.size} more than the chamber's "
            f"{leg.size}; pick lists with 'parties', or make room with move_seats or vacate"
        )
    return set_seats(leg, figures)


def _keys(value: Any, *, lower: bool = True) -> list[str]:
    if isinstance(value, str):
        value = [value]
    return [str(v).strip().lower() if lower else str(v).strip() for v in value]


# ------------------------------------------------------------------- questions


@attrs.frozen
class Comparison:
    """What changed between two chambers.

    ``seats``: for every list in either, ``(before, after)`` where they differ;
    ``counts``: the number of viable (minimal) coalitions before and after;
    ``gained``/``lost``: the smallest coalitions viable only after / only before (up to
    ``limit`` each); ``power``: each list's ``(before, after)`` index where it moved.
    """

    seats: Mapping[str, tuple[int, int]] = attrs.field(converter=frozen_map)
    counts: tuple[int, int]
    gained: tuple[Coalition, ...]
    lost: tuple[Coalition, ...]
    power: Mapping[str, tuple[Fraction, Fraction]] = attrs.field(converter=frozen_map)
    index: str

    @property
    def is_empty(self) -> bool:
        """Nothing changed."""
        return (
            not self.seats
            and not self.gained
            and not self.lost
            and not self.power
            and self.counts[0] == self.counts[1]
        )

    def explain(self, top: int = 8) -> str:
        """The changes in words (the ``top`` largest power shifts)."""
        if self.is_empty:
            return "no change"
        lines = []
        for k, (a, b) in self.seats.items():
            lines.append(f"{k}: {a} -> {b} seats ({b - a:+d})")
        lines.append(f"viable coalitions: {self.counts[0]:,} -> {self.counts[1]:,}")
        for c in self.gained:
            lines.append(f"  gained: {c} ({c.seats} seats)")
        for c in self.lost:
            lines.append(f"  lost: {c} ({c.seats} seats)")
        shifts = sorted(self.power.items(), key=lambda kv: (-abs(kv[1][1] - kv[1][0]), kv[0]))
        for k, (p0, p1) in shifts[:top]:
            lines.append(f"{self.index} {k}: {float(p0):.2%} -> {float(p1):.2%}")
        if len(shifts) > top:
            lines.append(f"({len(shifts) - top} smaller power shifts)")
        return "\n".join(lines)


def compare(
    before: Legislature,
    after: Legislature,
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    limit: int = 10,
    index: str = "shapley-shubik",
    **keywords: Any,
) -> Comparison:
    """Seat changes, coalitions gained and lost, and power shifts from ``before`` to
    ``after`` under the same quota and constraints.

    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> dict(compare(kr, move_seats(kr, "kdp", "puk", 5)).seats)
    {'kdp': (39, 34), 'puk': (23, 28)}
    """
    from . import power

    c = constraints_of(constraints, **keywords)
    seats = {}
    for k in dict.fromkeys([*before.keys, *after.keys]):
        a = before[k].seats if k in before else 0
        b = after[k].seats if k in after else 0
        if a != b:
            seats[k] = (a, b)
    counts = (
        count_coalitions(before, quota, constraints=_fit(c, before)),
        count_coalitions(after, quota, constraints=_fit(c, after)),
    )
    gained = _only_in(after, before, quota, c, limit)
    lost = _only_in(before, after, quota, c, limit)
    shifts: dict[str, tuple[Fraction, Fraction]] = {}
    try:
        p0 = power.INDICES[power.index_name(index)](before, quota, constraints=_fit(c, before))
        p1 = power.INDICES[power.index_name(index)](after, quota, constraints=_fit(c, after))
        for k in dict.fromkeys([*p0, *p1]):
            v0, v1 = p0.get(k, Fraction(0)), p1.get(k, Fraction(0))
            if v0 != v1:
                shifts[k] = (v0, v1)
    except CoalitionsError:
        shifts = {}  # an index undefined under these constraints: no power shifts to show
    return Comparison(
        seats=seats,
        counts=counts,
        gained=tuple(gained),
        lost=tuple(lost),
        power=shifts,
        index=power.index_name(index),
    )


def _fit(c: Constraints, leg: Legislature) -> Constraints:
    """Constraints restricted to keys the chamber has (a removed list cannot be named)."""
    known = set(leg.keys) | {b.key for b in leg.blocs}
    return attrs.evolve(
        c,
        exclude=frozenset(k for k in c.exclude if k in known),
        require=frozenset(k for k in c.require if k in known),
        forbid=frozenset(p for p in c.forbid if p <= known),
        keep_together=frozenset(k for k in c.keep_together if k in known),
        exclude_tags=frozenset(t for t in c.exclude_tags if t in leg.tags),
    )


def _only_in(
    a: Legislature, b: Legislature, quota: rules.Rule, c: Constraints, limit: int
) -> list[Coalition]:
    """The smallest minimal coalitions viable in ``a`` but not in ``b``."""
    out: list[Coalition] = []
    if limit <= 0:
        return out
    game_b = compile_game(b, quota, _fit(c, b))
    for coalition in find_coalitions(
        a, quota, constraints=_fit(c, a), order_by="seats", limit=max(200, 20 * limit)
    ):
        members = [m for m in coalition.members if m in b]
        if len(members) < len(coalition.members) or not check_in_game(game_b, members).viable:
            out.append(coalition)
            if len(out) >= limit:
                break
    return out


def _checked(
    leg: Legislature,
    coalition: str | Iterable[str],
    quota: rules.Rule,
    constraints: Constraints | None,
    keywords: Mapping[str, Any],
) -> tuple[Game, tuple[str, ...], CoalitionCheck]:
    """The compiled question, the member keys and the check of a proposed coalition."""
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    members = parse_members(leg, coalition)
    return game, members, check_in_game(game, members)


@attrs.frozen
class Fragility:
    """How easily a coalition breaks.

    ``seats_to_break``: the fewest defecting members (single seats) that make it lose:
    its surplus plus one (0 if it is not viable). ``lists_to_break``: the fewest seats
    whose lists' departure breaks it, and ``breaking_sets`` the sets of member lists
    that do so with that many seats (up to ``limit``). ``pivotal``: the lists whose
    departure alone breaks it.
    """

    coalition: tuple[str, ...]
    viable: bool
    seats: int
    quota: int
    seats_to_break: int
    lists_to_break: int
    breaking_sets: tuple[frozenset[str], ...]
    pivotal: tuple[str, ...]


def fragility(
    leg: Legislature,
    coalition: str | Iterable[str],
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    limit: int = 20,
    **keywords: Any,
) -> Fragility:
    """The smallest defections that break a coalition: single seats, or whole lists.

    >>> import coalitions as co
    >>> f = fragility(co.load_scenario("kurdistan-2024"), "kdp+puk")
    >>> f.seats_to_break, f.lists_to_break, f.pivotal
    (12, 23, ('kdp', 'puk'))
    """
    game, members, check = _checked(leg, coalition, quota, constraints, keywords)
    weight = {k: game.party_weight.get(k, 0) for k in members}
    if not check.viable:
        return Fragility(
            coalition=members,
            viable=False,
            seats=check.seats,
            quota=check.quota,
            seats_to_break=0,
            lists_to_break=0,
            breaking_sets=(),
            pivotal=(),
        )

    def breaks(gone: frozenset[str]) -> bool:
        rest = [m for m in members if m not in gone]
        return not rest or not check_in_game(game, rest).viable

    pivotal = tuple(m for m in members if breaks(frozenset({m})))
    # The fewest seats whose departure breaks it: by increasing seat total, over sets
    # of members (a coalition has few members; sums are pruned by the best found).
    best: int | None = None
    found: list[frozenset[str]] = []
    ordered = sorted(members, key=lambda m: (weight[m], m))
    for size in range(1, len(ordered) + 1):
        for combo in itertools.combinations(ordered, size):
            total = sum(weight[m] for m in combo)
            if best is not None and total > best:
                continue
            gone = frozenset(combo)
            if any(f < gone for f in found):
                continue  # a smaller set already breaks it
            if breaks(gone):
                if best is None or total < best:
                    best, found = total, []
                found.append(gone)
    found = sorted(
        (f for f in found if sum(weight[m] for m in f) == best), key=lambda f: (len(f), sorted(f))
    )[:limit]
    return Fragility(
        coalition=members,
        viable=True,
        seats=check.seats,
        quota=check.quota,
        seats_to_break=check.seats - check.threshold + 1,
        lists_to_break=best or 0,
        breaking_sets=tuple(found),
        pivotal=pivotal,
    )


@attrs.frozen
class SeatsNeeded:
    """How far a party or coalition is from a quota, and who could close the gap.

    ``shortfall``: seats missing (0 if it already wins); ``single``: lists that close
    it alone; ``options``: the smallest viable coalitions that include it.
    """

    coalition: tuple[str, ...]
    seats: int
    threshold: int
    shortfall: int
    single: tuple[str, ...]
    options: tuple[Coalition, ...]


def seats_needed(
    leg: Legislature,
    coalition: str | Iterable[str],
    quota: rules.Rule = "majority",
    *,
    constraints: Constraints | None = None,
    limit: int = 10,
    **keywords: Any,
) -> SeatsNeeded:
    """Seats a party or coalition still needs for ``quota``, and from whom.

    >>> import coalitions as co
    >>> need = seats_needed(co.load_scenario("kurdistan-2024"), "kdp")
    >>> need.shortfall, need.single
    (12, ('puk', 'new-generation'))
    """
    game, members, check = _checked(leg, coalition, quota, constraints, keywords)
    c = game.constraints
    shortfall = check.shortfall
    others = [p for p in leg.parties if p.key not in members]
    single = tuple(
        p.key
        for p in sorted(others, key=lambda p: (-p.seats, p.key))
        if shortfall and check_in_game(game, [*members, p.key]).viable
    )
    options = tuple(
        find_coalitions(
            leg,
            quota,
            constraints=attrs.evolve(c, require=c.require | frozenset(members)),
            order_by="seats",
            limit=limit,
        )
    )
    return SeatsNeeded(
        coalition=members,
        seats=check.seats,
        threshold=check.threshold,
        shortfall=shortfall,
        single=single,
        options=options,
    )


# ---------------------------------------------------------------------- robust


@attrs.frozen
class Robustness:
    """Whether a yes/no answer survives every move of up to ``max_seats_moved`` seats.

    ``holds``: no counterexample was found; ``exhaustive``: every move was tried (so
    ``holds`` is proven), otherwise a Hypothesis search tried ``checked`` chambers.
    ``counterexample`` is the smallest found (fewest seats moved), with ``moves`` saying
    which seats moved (``{key: change}``).
    """

    answer: bool
    holds: bool
    exhaustive: bool
    checked: int
    counterexample: Legislature | None = None
    moves: Mapping[str, int] = attrs.field(default=FrozenMap(), converter=frozen_map)

    def explain(self) -> str:
        """The verdict in words."""
        how = "every move tried" if self.exhaustive else f"{self.checked} chambers searched"
        if self.holds:
            return f"the answer {self.answer} holds ({how})"
        moved = ", ".join(f"{k} {v:+d}" for k, v in self.moves.items())
        return f"the answer {self.answer} fails after moving seats: {moved} ({how})"


def _moves_count(n: int, k: int, limit: int) -> int:
    """An upper bound on the seat vectors within ``k`` single-seat moves (capped)."""
    total = 0
    for m in range(k + 1):
        total += math_comb(n + m - 1, m) ** 2
        if total > limit:
            return total
    return total


def math_comb(n: int, k: int) -> int:
    """``n choose k`` (0 outside the range)."""
    import math

    return math.comb(n, k) if 0 <= k <= n else 0


def _vectors(seats: Sequence[int], k: int, floor: Sequence[int]) -> Iterator[tuple[int, ...]]:
    """Seat vectors reached by moving 1..k seats between lists, fewest seats first; no
    list goes below its ``floor``."""
    n = len(seats)
    for m in range(1, k + 1):
        seen: set[tuple[int, ...]] = set()
        for givers in itertools.combinations_with_replacement(range(n), m):
            take = [0] * n
            for i in givers:
                take[i] += 1
            if any(take[i] > seats[i] - floor[i] for i in range(n)):
                continue
            for takers in itertools.combinations_with_replacement(range(n), m):
                if set(takers) & set(givers):
                    continue
                v = list(seats)
                for i in givers:
                    v[i] -= 1
                for i in takers:
                    v[i] += 1
                t = tuple(v)
                if t not in seen:
                    seen.add(t)
                    yield t


def robust(
    leg: Legislature,
    question: Callable[[Legislature], bool],
    *,
    max_seats_moved: int = 5,
    budget: int = 20_000,
    max_examples: int = 300,
    seed: int = 0,
) -> Robustness:
    """Does ``question(leg)`` keep its answer under every move of up to
    ``max_seats_moved`` seats between lists?

    When the moves number at most ``budget``, every one is tried, fewest seats first,
    so the answer is proven (or the smallest counterexample found). Otherwise every
    move of up to ``max_seats_moved`` seats from one list to another is tried (fewest
    first), then a Hypothesis search (``max_examples`` chambers, deterministic with
    ``seed``) over mixed moves looks for a counterexample and shrinks it to the fewest
    seats moved; a result that holds is then evidence, not proof (``exhaustive`` is
    False).

    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> robust(kr, lambda leg: co.check_coalition(leg, "kdp+puk").viable, max_seats_moved=2).holds
    True
    """
    from hypothesis import HealthCheck, find, settings
    from hypothesis.errors import NoSuchExample

    from .strategies import perturbations

    k = _count(max_seats_moved, "max_seats_moved")
    answer = bool(question(leg))
    base = [p.seats for p in leg.parties]
    # a list keeps at least its factions' seats: moves come from the rest of it
    floor = [sum(f.seats for f in p.factions) for p in leg.parties]

    def rebuilt(vector: Sequence[int]) -> Legislature:
        parties = [
            attrs.evolve(p, seats=v, alternatives=())
            for p, v in zip(leg.parties, vector, strict=True)
        ]
        return attrs.evolve(leg, parties=tuple(parties))

    def moves_of(other: Legislature) -> dict[str, int]:
        return {
            p.key: other[p.key].seats - p.seats
            for p in leg.parties
            if other[p.key].seats != p.seats
        }

    if _moves_count(len(base), k, budget) <= budget:
        checked = 0
        for vector in _vectors(base, k, floor):
            checked += 1
            other = rebuilt(vector)
            if bool(question(other)) != answer:
                return Robustness(
                    answer=answer,
                    holds=False,
                    exhaustive=True,
                    checked=checked,
                    counterexample=other,
                    moves=moves_of(other),
                )
        return Robustness(answer=answer, holds=True, exhaustive=True, checked=checked)
    counter = [0]

    def differs(other: Legislature) -> bool:
        counter[0] += 1
        return bool(question(other)) != answer

    # Too many moves to try them all. First every move of 1..k seats from one list to
    # another (defections come in blocks), fewest seats first; then a Hypothesis search
    # over mixed moves, which shrinks what it finds to the fewest seats moved.
    n = len(base)
    for m in range(1, k + 1):
        for a in range(n):
            if base[a] - floor[a] < m:
                continue
            for b in range(n):
                if a == b:
                    continue
                moved = list(base)
                moved[a] -= m
                moved[b] += m
                other = rebuilt(moved)
                if differs(other):
                    return Robustness(
                        answer=answer,
                        holds=False,
                        exhaustive=False,
                        checked=counter[0],
                        counterexample=other,
                        moves=moves_of(other),
                    )

    try:
        other = find(
            perturbations(leg, max_seats_moved=k),
            differs,
            settings=settings(
                max_examples=max_examples,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
                deadline=None,
            ),
            random=random.Random(seed),
        )
    except NoSuchExample:
        return Robustness(answer=answer, holds=True, exhaustive=False, checked=counter[0])
    return Robustness(
        answer=answer,
        holds=False,
        exhaustive=False,
        checked=counter[0],
        counterexample=other,
        moves=moves_of(other),
    )


# ------------------------------------------------------- changes by name (CLI)

#: The changes the command line's ``whatif`` chains, by name: each takes the chamber and
#: the parsed argument of its option.
CHANGES: dict[str, Callable[[Legislature, Any], Legislature]] = {
    "move": lambda leg, arg: move_seats(leg, *arg),
    "set": set_seats,
    "vacate": vacate,
    "remove": remove,
    "merge": lambda leg, arg: merge(leg, arg[0], key=arg[1]),
    "split-factions": lambda leg, arg: split_factions(leg, tags=arg),
    "join": lambda leg, arg: join(leg, arg[0], arg[1]),
    "alternative": lambda leg, arg: (
        use_alternative(leg, arg[0], parties=arg[1])
        if isinstance(arg, tuple)
        else use_alternative(leg, arg)
    ),
}


def apply_changes(leg: Legislature, changes: Sequence[tuple[str, Any]]) -> Legislature:
    """Apply ``(name, argument)`` changes of :data:`CHANGES` in order."""
    for name, arg in changes:
        if name not in CHANGES:
            raise WhatIfError(f"unknown change {name!r}; known: {', '.join(CHANGES)}")
        leg = CHANGES[name](leg, arg)
    return leg
