"""The dated record of a chamber: what happened to its seats and blocs after the result.

A scenario may carry events, each with a date, its sources and a note. Replayed in date
order (events of one day in the order given) from the certified result, they give the
chamber on any later date: :meth:`Legislature.at <coalitions.Legislature.at>`.

=============  ==================================================================
kind           what it does
=============  ==================================================================
``vacate``     ``seats`` (a table of list: seats) fall vacant (resignations, deaths)
``defect``     ``seats`` seats move from list ``source`` to list ``target``
``refill``     vacant seats are filled: ``seats`` adds to existing lists, ``parties``
               adds new lists (independents, runners-up of lists that had none)
``recount``    a ruling or a recount sets lists' ``seats`` (a table of list: seats)
``join``       list ``party`` joins bloc ``bloc``, leaving the blocs it was in (a bloc
               dissolves when its last member leaves); with ``also = true`` it keeps
               them (blocs may overlap)
``leave``      list ``party`` leaves bloc ``bloc``
``designation`` group ``group`` gets grade ``grade`` (an FTO designation, a sanction)
=============  ==================================================================

Every event checks itself against the chamber of its day (:meth:`Event.problems`): a
list that does not exist yet, more seats than a list holds, more seats than are vacant.

>>> Vacate(date="2022-06-12", seats={"sadrist": 73}).kind
'vacate'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Final

import attrs

from .._frozen import FrozenMap, frozen_map
from ..errors import Problem, _short
from . import checks
from .parts import Bloc, Party, _raise, _tuple
from .ties import GRADES, Grade, Group, to_date

__all__ = [
    "EVENT_KINDS",
    "EVENT_ORDER",
    "Defect",
    "Designation",
    "Event",
    "Join",
    "Leave",
    "Recount",
    "Refill",
    "State",
    "Vacate",
]


@attrs.define
class State:
    """The chamber of one day while the record is replayed: parties and blocs by key, in
    order, and the size (for the vacancies)."""

    size: int
    parties: dict[str, Party]
    blocs: dict[str, Bloc]
    groups: dict[str, Group] = attrs.field(factory=dict)

    @property
    def vacant(self) -> int:
        return self.size - sum(p.seats for p in self.parties.values())

    def set_seats(self, key: str, seats: int) -> None:
        """Party ``key`` holds ``seats``; its factions go when it holds none, and its
        other reported figures (alternatives) no longer apply."""
        party = self.parties[key]
        factions = party.factions if seats else ()
        self.parties[key] = attrs.evolve(party, seats=seats, factions=factions, alternatives=())


def _seat_table(value: Any) -> Any:
    return frozen_map(value) if isinstance(value, Mapping) else value


def _seat_table_problems(problems: list[Problem], field: str, value: object, low: int) -> None:
    if not isinstance(value, Mapping) or not value:
        problems.append((field, f"must be a table of list keys to seats (got {_short(value)})"))
        return
    for key, seats in value.items():
        checks.check_key(problems, field, key, "")
        checks.check_whole(problems, f"{field}.{key}", seats, "", low)


@attrs.frozen(kw_only=True)
class Event:
    """One dated change, with the keys of the sources that report it."""

    kind: ClassVar[str] = ""

    date: _dt.date = attrs.field(converter=to_date)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        date: object = self.date
        if not isinstance(date, _dt.date):
            problems.append(("date", f"must be a date such as 2022-06-23 (got {_short(date)})"))
        checks.check_strings(problems, "sources", self.sources, "", checks.SOURCE_KEY, "source key")
        checks.check_text(problems, "note", self.note, "")
        problems += self.field_problems()
        _raise(problems)

    def field_problems(self) -> list[Problem]:
        """The problems of this kind's own fields (each kind adds its checks)."""
        return []

    def problems(self, state: State) -> list[Problem]:
        """What does not fit the chamber of the event's day (empty when it applies)."""
        return []

    def apply(self, state: State) -> None:
        """Change ``state`` to the chamber after the event (it fits: see problems)."""

    def _unknown(self, state: State, field: str, keys: Sequence[str]) -> list[Problem]:
        return [
            (field, f"names {k!r}, which is not a list of the chamber on {self.date}")
            for k in keys
            if k not in state.parties
        ]


@attrs.frozen(kw_only=True)
class Vacate(Event):
    """Seats fall vacant: ``seats`` maps lists to the seats each loses."""

    kind: ClassVar[str] = "vacate"
    seats: Mapping[str, int] = attrs.field(converter=_seat_table)

    def field_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        _seat_table_problems(problems, "seats", self.seats, 1)
        return problems

    def problems(self, state: State) -> list[Problem]:
        problems = self._unknown(state, "seats", list(self.seats))
        for key, seats in self.seats.items():
            if key in state.parties and seats > state.parties[key].seats:
                held = state.parties[key].seats
                problems.append((f"seats.{key}", f"is {seats}, more than the {held} it holds"))
        return problems

    def apply(self, state: State) -> None:
        for key, seats in self.seats.items():
            state.set_seats(key, state.parties[key].seats - seats)


@attrs.frozen(kw_only=True)
class Defect(Event):
    """``seats`` seats move from list ``source`` to list ``target``."""

    kind: ClassVar[str] = "defect"
    source: str
    target: str
    seats: int

    def field_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        checks.check_key(problems, "source", self.source, "")
        checks.check_key(problems, "target", self.target, "")
        checks.check_whole(problems, "seats", self.seats, "", 1)
        if self.source == self.target:
            problems.append(("target", f"is the source {self.source!r} itself"))
        return problems

    def problems(self, state: State) -> list[Problem]:
        problems = self._unknown(state, "source", [self.source])
        problems += self._unknown(state, "target", [self.target])
        if self.source in state.parties and self.seats > state.parties[self.source].seats:
            held = state.parties[self.source].seats
            problems.append(("seats", f"is {self.seats}, more than the {held} {self.source} holds"))
        return problems

    def apply(self, state: State) -> None:
        state.set_seats(self.source, state.parties[self.source].seats - self.seats)
        state.set_seats(self.target, state.parties[self.target].seats + self.seats)


@attrs.frozen(kw_only=True)
class Refill(Event):
    """Vacant seats are filled: ``seats`` adds seats to existing lists, ``parties`` adds
    new lists with their seats."""

    kind: ClassVar[str] = "refill"
    seats: Mapping[str, int] = attrs.field(default=FrozenMap(), converter=_seat_table)
    parties: tuple[Party, ...] = attrs.field(default=(), converter=_tuple)

    def field_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        seats: object = self.seats
        if not isinstance(seats, Mapping):
            problems.append(
                ("seats", f"must be a table of list keys to seats (got {_short(seats)})")
            )
        elif self.seats:
            _seat_table_problems(problems, "seats", self.seats, 1)
        if checks.check_objects(problems, "parties", self.parties, Party, ""):
            for dup in checks.repeated(p.key for p in self.parties):
                problems.append(("parties", f"adds {dup!r} more than once"))
        if not self.seats and not self.parties:
            problems.append(("seats", "must give seats to a list, or 'parties' must add one"))
        return problems

    def problems(self, state: State) -> list[Problem]:
        problems = self._unknown(state, "seats", list(self.seats))
        for i, party in enumerate(self.parties):
            if party.key in state.parties or party.key in state.blocs:
                problems.append((f"parties[{i}].key", f"{party.key!r} is already a key"))
        filled = sum(self.seats.values()) + sum(p.seats for p in self.parties)
        if filled > state.vacant:
            problems.append(("seats", f"fill {filled} seats, but {state.vacant} are vacant"))
        return problems

    def apply(self, state: State) -> None:
        for key, seats in self.seats.items():
            state.set_seats(key, state.parties[key].seats + seats)
        for party in self.parties:
            state.parties[party.key] = party


@attrs.frozen(kw_only=True)
class Recount(Event):
    """A ruling or a recount sets lists' seats: ``seats`` maps lists to their new seats."""

    kind: ClassVar[str] = "recount"
    seats: Mapping[str, int] = attrs.field(converter=_seat_table)

    def field_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        _seat_table_problems(problems, "seats", self.seats, 0)
        return problems

    def problems(self, state: State) -> list[Problem]:
        problems = self._unknown(state, "seats", list(self.seats))
        if not problems:
            after = sum(self.seats.get(k, p.seats) for k, p in state.parties.items())
            if after > state.size:
                problems.append(("seats", f"leave {after} seats held, over the size {state.size}"))
        return problems

    def apply(self, state: State) -> None:
        for key, seats in self.seats.items():
            state.set_seats(key, seats)


@attrs.frozen(kw_only=True)
class Join(Event):
    """List ``party`` joins bloc ``bloc``: it leaves the blocs it was in, unless ``also``
    (then it sits in both, as a list in the Coordination Framework that also joins a
    wider alliance)."""

    kind: ClassVar[str] = "join"
    party: str
    bloc: str
    also: bool = False

    def field_problems(self) -> list[Problem]:
        problems = _party_and_bloc_problems(self.party, self.bloc)
        also: object = self.also  # from a file, it may be anything
        if not isinstance(also, bool):
            problems.append(("also", f"must be true or false (got {_short(also)})"))
        return problems

    def problems(self, state: State) -> list[Problem]:
        problems = self._unknown(state, "party", [self.party])
        if self.bloc not in state.blocs:
            problems.append(("bloc", f"names {self.bloc!r}, which is not a bloc on {self.date}"))
        elif self.party in state.blocs[self.bloc].members:
            problems.append(("party", f"{self.party!r} is already in {self.bloc!r}"))
        return problems

    def apply(self, state: State) -> None:
        for key, bloc in list(state.blocs.items()):
            if self.party in bloc.members and key != self.bloc and not self.also:
                members = tuple(m for m in bloc.members if m != self.party)
                if members:
                    state.blocs[key] = attrs.evolve(bloc, members=members)
                else:  # its last member left: the bloc is no more
                    del state.blocs[key]
        bloc = state.blocs[self.bloc]
        state.blocs[self.bloc] = attrs.evolve(bloc, members=(*bloc.members, self.party))


@attrs.frozen(kw_only=True)
class Leave(Event):
    """List ``party`` leaves bloc ``bloc``."""

    kind: ClassVar[str] = "leave"
    party: str
    bloc: str

    def field_problems(self) -> list[Problem]:
        return _party_and_bloc_problems(self.party, self.bloc)

    def problems(self, state: State) -> list[Problem]:
        if self.bloc not in state.blocs:
            return [("bloc", f"names {self.bloc!r}, which is not a bloc on {self.date}")]
        members = state.blocs[self.bloc].members
        if self.party not in members:
            return [("party", f"{self.party!r} is not in {self.bloc!r} on {self.date}")]
        if len(members) == 1:
            return [("party", f"{self.party!r} is the last member of {self.bloc!r}")]
        return []

    def apply(self, state: State) -> None:
        bloc = state.blocs[self.bloc]
        members = tuple(m for m in bloc.members if m != self.party)
        state.blocs[self.bloc] = attrs.evolve(bloc, members=members)


@attrs.frozen(kw_only=True)
class Designation(Event):
    """Group ``group`` gets grade ``grade`` from the event's date (until ``until``, if
    given): a US designation, a sanction of its leader."""

    kind: ClassVar[str] = "designation"
    group: str
    grade: str
    until: _dt.date | None = attrs.field(default=None, converter=to_date)

    def field_problems(self) -> list[Problem]:
        problems: list[Problem] = []
        checks.check_key(problems, "group", self.group, "")
        until: object = self.until
        if until is not None and not isinstance(until, _dt.date):
            problems.append(("until", f"must be a date such as 2026-01-01 (got {_short(until)})"))
        elif isinstance(until, _dt.date) and isinstance(self.date, _dt.date) and until <= self.date:
            problems.append(("until", f"is {until}, not after the event's date {self.date}"))
        if self.grade not in GRADES:
            problems.append(
                ("grade", f"must be one of {', '.join(GRADES)} (got {_short(self.grade)})")
            )
        return problems

    def problems(self, state: State) -> list[Problem]:
        if self.group not in state.groups:
            return [("group", f"names {self.group!r}, which is not a group of the chamber")]
        return []

    def apply(self, state: State) -> None:
        group = state.groups[self.group]
        grade = Grade(grade=self.grade, since=self.date, until=self.until, sources=self.sources)
        state.groups[self.group] = attrs.evolve(group, grades=(*group.grades, grade))


def _party_and_bloc_problems(party: object, bloc: object) -> list[Problem]:
    problems: list[Problem] = []
    checks.check_key(problems, "party", party, "")
    checks.check_key(problems, "bloc", bloc, "")
    return problems


#: Every kind of event, by the name a file gives it.
EVENT_KINDS: Final[dict[str, type[Event]]] = {
    cls.kind: cls for cls in (Vacate, Defect, Refill, Recount, Join, Leave, Designation)
}

_COMMON: Final = ("date", "sources", "note")

#: The fields of each kind in the order a file writes them.
EVENT_ORDER: Final[dict[type[Event], tuple[str, ...]]] = {
    cls: (
        "date",
        "kind",
        *(a.name for a in attrs.fields(cls) if a.name not in _COMMON),
        "sources",
        "note",
    )
    for cls in EVENT_KINDS.values()
}
