"""Transformations of a chamber: moves, vacancies, merges, splits, joins, other sources.

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

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .. import numbers
from ..errors import UnknownPartyError, ValidationError, WhatIfError
from ..model import Bloc, Legislature, Party, chamber
from ..model.chamber import fitting

__all__ = [
    "join",
    "merge",
    "move_seats",
    "remove",
    "set_seats",
    "split",
    "split_factions",
    "use_alternative",
    "vacate",
]


def _party(leg: Legislature, key: str, field: str) -> Party:
    chamber(leg)
    try:
        return leg[key]
    except UnknownPartyError as err:
        raise UnknownPartyError(key, leg.keys, where=f"{field!r} of {leg.name!r}") from err


def _rebuild(
    leg: Legislature, parties: Sequence[Party], blocs: Sequence[Bloc] | None = None, **changes: Any
) -> Legislature:
    """The legislature with new parties (and blocs), blocs and their definitions pruned of
    missing members, and affiliations of lists that are no more dropped.

    A what-if is a chamber on the chamber's date that did not happen: its record of later
    events no longer applies, so it has none (replay the record first with
    :meth:`Legislature.at <coalitions.Legislature.at>` to ask a question about a later day).
    """
    keys = {p.key for p in parties}
    kept_blocs = []
    for b in leg.blocs if blocs is None else blocs:
        members = tuple(m for m in b.members if m in keys)
        if members:
            definitions = [
                attrs.evolve(d, members=tuple(m for m in d.members if m in keys))
                for d in b.definitions
                if not d.members or any(m in keys for m in d.members)
            ]
            kept_blocs.append(attrs.evolve(b, members=members, definitions=definitions))
    changes.setdefault("events", ())
    changes.setdefault("affiliations", fitting(leg.affiliations, parties, kept_blocs, leg.groups))
    try:
        return attrs.evolve(leg, parties=tuple(parties), blocs=tuple(kept_blocs), **changes)
    except ValidationError as err:
        raise WhatIfError(f"the change breaks the chamber: {err}") from None


def _with_seats(p: Party, seats: int) -> Party:
    """``p`` with ``seats``; factions are kept if they still fit, else it is an error."""
    if seats < 0:
        raise WhatIfError(f"{p.key!r} would hold {seats} seats")
    held = sum(f.least for f in p.factions)
    if held > seats:
        raise WhatIfError(
            f"{p.key!r} would hold {seats} seats, fewer than its factions' {held}; "
            "use split_factions first, or set the factions' seats"
        )
    return attrs.evolve(p, seats=seats, alternatives=())


def _count(value: Any, field: str) -> int:
    return numbers.whole(value, field=field, low=0, error=WhatIfError)


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
    join; it takes the place of the first of them in the blocs they all sit in (lists in
    different blocs are refused).

    >>> import coalitions as co
    >>> merge(co.load_scenario("kurdistan-2024"), ["kdp", "puk"], key="kdp-puk")["kdp-puk"].seats
    62
    """
    members = [_party(leg, k, "keys") for k in _keys(keys)]
    if len(members) < 2:
        raise WhatIfError("'keys' must name at least two lists to merge")
    blocs = {tuple(b.key for b in leg.blocs_of(p.key)) for p in members}
    if len(blocs) > 1:
        raise WhatIfError(
            "the lists to merge sit in different blocs ("
            + "; ".join(sorted("+".join(b) or "none" for b in blocs))
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
        links=tuple(dict.fromkeys(link for p in members for link in p.links)),  # ties go along
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
    shared = set(blocs.pop())
    new_blocs = [
        attrs.evolve(b, members=tuple(dict.fromkeys(key if m in taken else m for m in b.members)))
        if b.key in shared
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
                    links=p.links,
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
        leaving = [
            f for f in p.factions if f.key in keys or leg.faction_tags_of(p.key, f.key) & tags
        ]
        if not leaving:
            parties.append(p)
            continue
        unknown = [f.key for f in leaving if not f.known]
        if unknown:
            raise WhatIfError(
                f"the seats of faction {unknown[0]!r} of {p.key!r} are unknown or only a "
                "range: give it a count (attrs.evolve the faction) before splitting it off"
            )
        staying = tuple(f for f in p.factions if f not in leaving)
        parent = attrs.evolve(
            p, seats=p.seats - sum(f.least for f in leaving), factions=staying, alternatives=()
        )
        parties.append(parent)
        for f in leaving:
            found.add(f.key)
            parties.append(
                Party(
                    key=f.key,
                    name=f.name,
                    seats=f.least,
                    tags=f.tags | {t for t in p.tags if t.startswith("component:")},
                    links=f.links,  # its ties to groups go with it
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
    if not isinstance(target, str):
        raise WhatIfError(f"'target' must be a list or bloc key (got {target!r})")
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
            links=tuple(dict.fromkeys([*p.links, *(link for q in joining for link in q.links)])),
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
    """Keys (or tags) from one string or an iterable of them, stripped (and lowered)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise WhatIfError(f"expected a key or an iterable of keys (got {value!r})")
    return [str(v).strip().lower() if lower else str(v).strip() for v in value]
