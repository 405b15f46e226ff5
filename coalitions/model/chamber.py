"""The invariants of a whole chamber and its derived tags, as functions of fields.

What :class:`~coalitions.Legislature` checks at construction (and the file reader on what
it could read): its parts are values of the right kinds and keep the invariants of
:mod:`.checks`; its groups, links and affiliations name what exists (:mod:`.ties`); its
record replays, each event against the chamber of its day (:mod:`.events`). And the tags
its links and affiliations give, on a date (:func:`derive`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import Problem, _short
from . import checks
from .events import Event, State
from .parts import Bloc, Party, Source
from .ties import Affiliation, Group, Link, derived_tags, in_force

__all__ = [
    "chamber_problems",
    "day_state",
    "derive",
    "fitting",
    "in_order",
    "record_problems",
    "ties_problems",
]


def chamber_problems(
    fields: dict[str, Any], also_known: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every problem of a chamber's fields: the types of its parts, the invariants, then
    the record replayed from the result."""
    problems: list[Problem] = []
    fields = dict(fields)
    election, events = fields.pop("election"), fields.pop("events")
    groups, affiliations = fields.pop("groups"), fields.pop("affiliations")
    if election is not None and not isinstance(election, _dt.date):
        problems.append(("election", f"must be a date such as 2025-11-11 (got {_short(election)})"))
    record_ok = checks.check_objects(problems, "events", events, Event, "")
    ties_ok = checks.check_objects(problems, "groups", groups, Group, "")
    ties_ok &= checks.check_objects(problems, "affiliations", affiliations, Affiliation, "")
    problems += parts_problems(fields, also_known)
    if ties_ok and not problems:
        problems += ties_problems(fields, groups, affiliations)
    if record_ok and not problems and events:
        problems += record_problems({**fields, "groups": groups}, election, events)
    return problems


def ties_problems(
    fields: dict[str, Any], groups: tuple[Group, ...], affiliations: tuple[Affiliation, ...]
) -> list[Problem]:
    """Groups with keys of their own; links to known groups; affiliations of known lists
    with known patrons, for no more seats than the list holds; sources cited."""
    problems: list[Problem] = []
    parties = {p.key: p for p in fields["parties"]}
    blocs = {b.key for b in fields["blocs"]}
    cited = {s.key for s in fields["sources"]}
    group_keys: set[str] = set()
    for i, g in enumerate(groups):
        # a list may bear its group's key when it is tied to it (a faction split off as
        # a list of its own): the list is the group's seats
        namesake = g.key in parties and any(link.group == g.key for link in parties[g.key].links)
        if g.key in group_keys or g.key in blocs or (g.key in parties and not namesake):
            problems.append((f"groups[{i}].key", f"{g.key!r} is already a key"))
        group_keys.add(g.key)
        if cited:
            refs = [*g.sources, *(s for grade in g.grades for s in grade.sources)]
            problems += uncited(f"groups[{i}].sources", refs, cited)
    for i, p in enumerate(fields["parties"]):
        for where, links in [(f"parties[{i}]", p.links)] + [
            (f"parties[{i}].factions[{j}]", f.links) for j, f in enumerate(p.factions)
        ]:
            for k, link in enumerate(links):
                if link.group not in group_keys:
                    problems.append(
                        (f"{where}.links[{k}].group", f"names {link.group!r}, which is not a group")
                    )
                if cited:
                    problems += uncited(f"{where}.links[{k}].sources", link.sources, cited)
    for i, a in enumerate(affiliations):
        where = f"affiliations[{i}]"
        if a.member not in parties:
            problems.append((f"{where}.member", f"names {a.member!r}, which is not a list"))
        elif a.seats is not None and a.seats > parties[a.member].seats:
            held = parties[a.member].seats
            problems.append((f"{where}.seats", f"is {a.seats}, more than the {held} it holds"))
        if a.patron not in parties and a.patron not in blocs and a.patron not in group_keys:
            problems.append(
                (f"{where}.patron", f"names {a.patron!r}, which is no list, bloc or group")
            )
        if cited:
            problems += uncited(f"{where}.sources", a.sources, cited)
    return problems


def uncited(path: str, refs: Iterable[str], cited: set[str]) -> list[Problem]:
    return [
        (path, f"cites {k!r}, which is not among the legislature's sources")
        for k in refs
        if k not in cited
    ]


def record_problems(
    fields: dict[str, Any], election: _dt.date | None, events: tuple[Event, ...]
) -> list[Problem]:
    """Replays the record, each event against the chamber of its day."""
    problems: list[Problem] = []
    floor = max((d for d in (election, fields["as_of"]) if d is not None), default=None)
    cited = {s.key for s in fields["sources"]}
    state = day_state(fields["size"], fields["parties"], fields["blocs"], fields["groups"])
    for i, event in in_order(events):
        where = f"events[{i}]"
        if floor is not None and event.date < floor:
            what = "the election" if floor == election else "as_of, the date of the result"
            problems.append((f"{where}.date", f"is {event.date}, before {what} ({floor})"))
        if cited:
            problems += uncited(f"{where}.sources", event.sources, cited)
        found = event.problems(state)
        problems += [(f"{where}.{path}" if path else where, msg) for path, msg in found]
        if not found:
            event.apply(state)
    return problems


def day_state(
    size: int, parties: Iterable[Party], blocs: Iterable[Bloc], groups: Iterable[Group] = ()
) -> State:
    return State(
        size=size,
        parties={p.key: p for p in parties},
        blocs={b.key: b for b in blocs},
        groups={g.key: g for g in groups},
    )


def fitting(
    affiliations: Sequence[Affiliation],
    parties: Sequence[Party],
    blocs: Sequence[Bloc],
    groups: Sequence[Group],
) -> tuple[Affiliation, ...]:
    """The affiliations that still fit a changed chamber (after its record is replayed, or
    in a what-if): their list still exists and holds the seats they claim, and their
    patron is still a list, a bloc or a group."""
    held = {p.key: p.seats for p in parties}
    patrons = set(held) | {b.key for b in blocs} | {g.key for g in groups}
    return tuple(
        a
        for a in affiliations
        if a.member in held
        and a.patron in patrons
        and (a.seats is None or a.seats <= held[a.member])
    )


def derive(
    parties: Sequence[Party],
    groups: Sequence[Group],
    affiliations: Sequence[Affiliation],
    day: _dt.date | None,
) -> dict[str, frozenset[str]]:
    """The derived tags of every party (``key``) and faction (``key/faction``) with links
    or affiliations in force on ``day`` (see :mod:`.ties`)."""
    by_key = {p.key: p for p in parties}
    groups_by_key = {g.key: g for g in groups}
    inherited: dict[str, list[Link]] = {}
    for a in affiliations:
        if not in_force(a.since, a.until, day):
            continue
        if a.seats is not None and a.seats < by_key[a.member].seats:
            continue  # some of a list's seats: its patron's ties are not the list's
        if a.patron in groups_by_key:
            inherited.setdefault(a.member, []).append(Link(group=a.patron, relation="aligned"))
        elif a.patron in by_key:
            inherited.setdefault(a.member, []).extend(by_key[a.patron].links)
    out: dict[str, frozenset[str]] = {}
    for p in parties:
        links = [*p.links, *inherited.get(p.key, ())]
        if links:
            out[p.key] = derived_tags(links, groups_by_key, day)
        for f in p.factions:
            if f.links:
                out[f"{p.key}/{f.key}"] = derived_tags(f.links, groups_by_key, day)
    return out


def in_order(events: tuple[Event, ...]) -> list[tuple[int, Event]]:
    """The events with their index in the file, by date (a day's in the file's order)."""
    return sorted(enumerate(events), key=lambda pair: pair[1].date)


def parts_problems(fields: dict[str, Any], also_known: frozenset[str]) -> list[Problem]:
    problems: list[Problem] = []
    parts = {"parties": Party, "blocs": Bloc, "sources": Source}
    ok = {
        name: checks.check_objects(problems, name, fields[name], cls, "")
        for name, cls in parts.items()
    }
    if not all(ok.values()):
        fields = {**fields, **{name: () for name, good in ok.items() if not good}}
    return problems + checks.legislature_problems(**fields, also_known=also_known)
