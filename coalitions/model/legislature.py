"""A chamber: :class:`Legislature`, its parts and its dated record.

>>> leg = Legislature(name="Toy", size=10, parties=[
...     Party(key="a", name="A", seats=6, tags={"left"}),
...     Party(key="b", name="B", seats=4)])
>>> leg["a"].seats, leg.quota("majority"), leg.seated, leg.vacant
(6, 6, 10, 0)
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Any, ClassVar, Final

import attrs

from .. import drawing, report, rules
from ..errors import (
    ArgumentError,
    ConstraintError,
    Problem,
    UnknownPartyError,
    ValidationError,
    _short,
    unknown,
)
from . import layout
from .chamber import chamber_problems, day_state, derive, fitting, in_order
from .events import EVENT_KINDS, EVENT_ORDER, Defect, Event, Join
from .parts import (
    Alternative,
    Bloc,
    BlocDefinition,
    Faction,
    Party,
    Source,
    _fields,
    _raise,
    _tuple,
    plain,
)
from .ties import AFFILIATION_KINDS, Affiliation, Grade, Group, Link, in_force, to_date

__all__ = ["Legislature", "chamber"]


@attrs.frozen(repr=False)
class Legislature(report.Shown):
    """A chamber: its size and the parties (and blocs) that hold its seats.

    ``size`` is the number of seats in the chamber; seats no party holds are vacant.
    Parties and blocs keep the order given. ``leg[key]`` returns a party; an unknown key
    raises :class:`~coalitions.errors.UnknownPartyError` with close matches.

    The parties and blocs are the chamber ``as_of`` its date (the certified result);
    ``events`` are its dated record after that (see :mod:`coalitions.model.events`), and
    :meth:`at` gives the chamber on any later date. ``election`` is the date of the
    election, when known: no event may come before it, nor before ``as_of``.
    """

    name: str
    size: int
    parties: tuple[Party, ...] = attrs.field(converter=_tuple)
    blocs: tuple[Bloc, ...] = attrs.field(default=(), converter=_tuple)
    description: str | None = None
    as_of: _dt.date | None = attrs.field(default=None, converter=to_date)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = None
    election: _dt.date | None = attrs.field(default=None, converter=to_date)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_tuple)
    groups: tuple[Group, ...] = attrs.field(default=(), converter=_tuple)
    affiliations: tuple[Affiliation, ...] = attrs.field(default=(), converter=_tuple)
    _index: dict[str, Party] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )
    _aliases: dict[str, str] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )
    _derived: dict[str, frozenset[str]] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        _raise(chamber_problems(_fields(self)))
        self._index.update((p.key, p) for p in self.parties)
        self._aliases.update((a, p.key) for p in self.parties for a in p.aliases)
        self._derived.update(derive(self.parties, self.groups, self.affiliations, self.as_of))

    def __repr__(self) -> str:
        """Short, as a notebook or a failing property test shows it (the whole value is
        ``attrs.asdict(leg)`` or ``co.scenarios.dumps_scenario(leg)``).

        >>> co_leg = Legislature(name="X", size=5, parties=[Party(key="a", name="A", seats=3)])
        >>> co_leg
        Legislature('X', size=5, lists=1, seated=3)
        """
        told = [f"size={self.size}", f"lists={len(self.parties)}", f"seated={self.seated}"]
        if self.blocs:
            told.append(f"blocs={len(self.blocs)}")
        if self.as_of is not None:
            told.append(f"as_of={self.as_of.isoformat()}")
        if self.events:
            told.append(f"events={len(self.events)}")
        return f"Legislature({self.name!r}, {', '.join(told)})"

    # -- lookups --

    def __getitem__(self, key: str) -> Party:
        if not isinstance(key, str):
            raise UnknownPartyError(_short(key), self._index, where=repr(self.name))
        party = self._index.get(key)
        if party is None:
            text = key.strip().lower()
            party = self._index.get(self._aliases.get(text, text))
        if party is None:
            raise UnknownPartyError(key, self._index, where=repr(self.name))
        return party

    def canonical(self, key: str) -> str:
        """The party key that ``key`` (a key in any case, or an alias) stands for.

        >>> Legislature(name="X", size=5, parties=[Party(key="sadiqoun", name="S",
        ...     seats=5, aliases=["sadiqoon"])]).canonical("Sadiqoon")
        'sadiqoun'
        """
        return self[key].key

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._index

    def __iter__(self) -> Iterator[Party]:
        return iter(self.parties)

    @property
    def keys(self) -> tuple[str, ...]:
        """The party keys, in order."""
        return tuple(p.key for p in self.parties)

    def bloc(self, key: str) -> Bloc:
        """The bloc with this key (:class:`~coalitions.errors.UnknownPartyError` if none)."""
        text = _key_text(key, "bloc")
        for bloc in self.blocs:
            if bloc.key == text:
                return bloc
        raise UnknownPartyError(key, [b.key for b in self.blocs], where="the blocs")

    def resolve(self, key: str, *, field: str = "") -> tuple[str, ...]:
        """The party keys that ``key`` names: a party, or every member of a bloc.

        This is the one place where a key given by a user becomes party keys (in any
        case, with surrounding space ignored); an unknown key raises
        :class:`~coalitions.errors.UnknownPartyError` naming ``field`` and close matches.

        >>> leg = Legislature(name="X", size=9, parties=[Party(key="a", name="A", seats=5),
        ...     Party(key="b", name="B", seats=4)], blocs=[Bloc(key="ab", name="AB",
        ...     members=["a", "b"])])
        >>> leg.resolve("A"), leg.resolve("ab")
        (('a',), ('a', 'b'))
        """
        text = _key_text(key, field or "key")
        text = self._aliases.get(text, text)
        if text in self._index:
            return (text,)
        bloc_key, _, definition = text.partition("@") if isinstance(text, str) else (text, "", "")
        for bloc in self.blocs:
            if bloc.key == bloc_key:
                return self._definition_members(bloc, definition, field)
        known = [*self._index, *(b.key for b in self.blocs)]
        where = f"{field!r} of {self.name!r}" if field else repr(self.name)
        raise UnknownPartyError(key, known, where=where)

    def together(self, key: str, *, field: str = "keep_together") -> tuple[str, tuple[str, ...]]:
        """A bloc to keep together: its key as written (``bloc`` or ``bloc@definition``,
        in lower case) and its member parties, in the order the definition gives them.

        >>> import coalitions as co
        >>> iraq = co.load_scenario("iraq-2025")
        >>> iraq.together("coordination-framework@declared")[0]
        'coordination-framework@declared'
        """
        text = key.strip().lower() if isinstance(key, str) else key
        bloc_key, _, definition = text.partition("@") if isinstance(text, str) else (text, "", "")
        bloc = self.bloc(bloc_key)
        name = f"{bloc.key}@{definition}" if definition else bloc.key
        return name, self._definition_members(bloc, definition, field)

    @staticmethod
    def _definition_members(bloc: Bloc, definition: str, field: str) -> tuple[str, ...]:
        if not definition:
            return bloc.members
        d = bloc.definition(definition)
        if not d.members:
            where = f" in {field!r}" if field else ""
            raise ConstraintError(
                f"{bloc.key}@{d.key}{where}: its membership is unknown (a reported total "
                f"of {d.reported_seats} seats, {', '.join(d.sources) or 'no source'}); "
                "name its lists instead"
            )
        return d.members

    def members(self, spec: str | Iterable[str], *, field: str = "coalition") -> tuple[str, ...]:
        """Party keys from ``"kdp+puk"`` (or ``"kdp,puk"``), or an iterable of party or
        bloc keys; each party once, in the order named.

        >>> Legislature(name="X", size=9, parties=[Party(key="a", name="A", seats=5),
        ...     Party(key="b", name="B", seats=4)]).members("B+a")
        ('b', 'a')
        """
        if isinstance(spec, str):
            items: list[Any] = [p for p in spec.replace(",", "+").replace(" ", "+").split("+") if p]
        elif isinstance(spec, Iterable) and not isinstance(spec, bytes | Mapping):
            items = list(spec)
        else:
            raise ArgumentError(
                f"{field!r} must be keys joined by '+' or a list of keys (got {_short(spec)})"
            )
        if not items:
            raise ConstraintError(f"{field!r} names no list (got {_short(spec)})")
        out: dict[str, None] = {}
        for item in items:
            out.update(dict.fromkeys(self.resolve(str(item), field=field)))
        return tuple(out)

    def blocs_of(self, key: str) -> tuple[Bloc, ...]:
        """The blocs that count party ``key`` as a member (by their default definition),
        in file order: blocs may overlap, so there can be several.

        >>> import coalitions as co
        >>> [b.key for b in co.load_scenario("iraq-2025").blocs_of("kdp")]
        []
        """
        party = self[key]
        return tuple(b for b in self.blocs if party.key in b.members)

    def bloc_of(self, key: str) -> Bloc | None:
        """The first bloc (in file order) that counts party ``key`` as a member, or
        ``None``; :meth:`blocs_of` gives them all when blocs overlap."""
        blocs = self.blocs_of(key)
        return blocs[0] if blocs else None

    def tags_of(self, key: str) -> frozenset[str]:
        """The tags party ``key`` carries on the chamber's date: its own, and those its
        links and affiliations give (see :mod:`coalitions.model.ties`).

        >>> import coalitions as co
        >>> "component:kurdish" in co.load_scenario("kurdistan-2024").tags_of("kdp")
        True
        """
        party = self[key]
        return party.tags | self._derived.get(party.key, frozenset())

    def faction_tags_of(self, key: str, faction: str) -> frozenset[str]:
        """The tags faction ``faction`` of party ``key`` carries on the chamber's date."""
        party = self[key]
        for f in party.factions:
            if f.key == faction:
                return f.tags | self._derived.get(f"{party.key}/{f.key}", frozenset())
        raise UnknownPartyError(
            faction if isinstance(faction, str) else _short(faction),
            [f.key for f in party.factions],
            where=f"the factions of {party.key!r}",
        )

    def tagged(self, tag: str, *, factions: bool = False) -> tuple[Party, ...]:
        """The parties that carry ``tag`` (with ``factions=True``, also through a faction)."""
        return tuple(
            p
            for p in self.parties
            if tag in self.tags_of(p.key)
            or (factions and any(tag in self.faction_tags_of(p.key, f.key) for f in p.factions))
        )

    @property
    def tags(self) -> frozenset[str]:
        """Every tag carried by a party or a faction (derived tags included)."""
        out: set[str] = set()
        for p in self.parties:
            out |= self.tags_of(p.key)
            for f in p.factions:
                out |= self.faction_tags_of(p.key, f.key)
        return frozenset(out)

    def group(self, key: str) -> Group:
        """The group with this key (:class:`~coalitions.errors.UnknownPartyError` if none)."""
        for group in self.groups:
            if group.key == key:
                return group
        raise UnknownPartyError(key, [g.key for g in self.groups], where="the groups")

    # -- affiliations --

    def affiliations_on(self) -> tuple[Affiliation, ...]:
        """The affiliations in force on the chamber's date."""
        return tuple(a for a in self.affiliations if in_force(a.since, a.until, self.as_of))

    def with_affiliates(self, *, kinds: Iterable[str] | None = None) -> Legislature:
        """The chamber counted *with affiliates*: an affiliate's seats (or the affiliated
        part of them) join its patron party, and an affiliated list joins its patron bloc
        (leaving its own). Affiliations with a group change no seats. ``kinds`` limits
        the affiliations applied (all by default).

        The affiliations applied are dropped from the result, whose seats add up as
        before: "KDP with its affiliates" never overruns the chamber.
        """
        wanted = None if kinds is None else set(_kinds(kinds))
        state = day_state(self.size, self.parties, self.blocs, self.groups)
        kept: list[Affiliation] = []
        day = self.as_of or _dt.date.min
        for a in self.affiliations:
            applies = in_force(a.since, a.until, self.as_of) and (
                wanted is None or a.kind in wanted
            )
            if applies and a.patron in state.parties:
                held = state.parties[a.member].seats
                seats = held if a.seats is None else min(a.seats, held)
                if seats:  # what earlier affiliations left of the list
                    move = Defect(date=day, source=a.member, target=a.patron, seats=seats)
                    move.apply(state)
            elif applies and a.patron in state.blocs:
                if a.member not in state.blocs[a.patron].members:
                    Join(date=day, party=a.member, bloc=a.patron).apply(state)
            else:
                kept.append(a)
        return attrs.evolve(
            self,
            parties=tuple(state.parties.values()),
            blocs=tuple(state.blocs.values()),
            affiliations=kept,
        )

    def as_lists(self) -> Legislature:
        """The chamber as elected lists only: no affiliation counts, and no list inherits
        its patron's links (the reading of the first release)."""
        return attrs.evolve(self, affiliations=())

    # -- arithmetic --

    @property
    def seated(self) -> int:
        """Seats held by the parties."""
        return sum(p.seats for p in self.parties)

    @property
    def vacant(self) -> int:
        """Seats held by nobody: ``size - seated``."""
        return self.size - self.seated

    def seats_of(self, keys: Iterable[str]) -> int:
        """Seats held together by the parties ``keys`` (each counted once)."""
        return sum(self[k].seats for k in set(self.members(keys, field="keys")))

    def share(self, key: str) -> Fraction:
        """Party ``key``'s share of the chamber's size, exactly."""
        return Fraction(self[key].seats, self.size)

    def quota(self, rule: rules.Rule = "majority", *, present: int | None = None) -> int:
        """Seats needed under ``rule`` (see :mod:`coalitions.rules`).

        >>> Legislature(name="X", size=329, parties=[]).quota("two-thirds")
        220
        """
        return rules.quota(self.size, rule, present=present)

    # -- display --

    view_name: ClassVar[str] = "legislature"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        text = (
            f"size {self.size}, seated {self.seated}, vacant {self.vacant}, majority "
            f"{self.quota('majority')}, two-thirds {self.quota('two-thirds')}"
        )
        return (("heading", self.name, text), ("picture", self._svg(480)), ("table", "seats"))

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """One record a party (:func:`coalitions.report.seat_records`); shares as
        floats, or exact (``Fraction``) when ``exact``."""
        return report.records_of(report.seat_records(self), exact=exact)

    def _repr_svg_(self) -> str:
        return self._svg(640)

    def _svg(self, width: int) -> str:
        q = self.quota("majority")
        return drawing.svg_of_seats(
            drawing.seat_groups(self.parties),
            self.size,
            quota=q,
            title=self.name,
            caption=f"majority {q} of {self.size}",
            width=width,
        )

    # -- the dated record --

    def at(self, date: _dt.date | str) -> Legislature:
        """The chamber on ``date``: the result with every event up to that day applied.

        The events after ``date`` stay in the record of the chamber returned, so that
        ``leg.at(d1).at(d2) == leg.at(d2)`` for ``d1 <= d2``. A date before ``as_of`` (the
        date of the result the record starts from) is a
        :class:`~coalitions.errors.ConstraintError`.

        >>> import coalitions as co
        >>> after = co.load_scenario("kurdistan-2024").at("2025-01-01")
        >>> after.as_of.isoformat()
        '2025-01-01'
        """
        day = to_date(date)
        if not isinstance(day, _dt.date):
            raise ConstraintError(f"'as_of' must be a date such as 2022-06-23 (got {_short(date)})")
        if self.as_of is not None and day < self.as_of:
            raise ConstraintError(
                f"the record of {self.name!r} starts on {self.as_of} (the result); "
                f"{day} is before it"
            )
        state = day_state(self.size, self.parties, self.blocs, self.groups)
        later: list[Event] = []
        for _, event in in_order(self.events):
            if event.date <= day:
                event.apply(state)
            else:
                later.append(event)
        parties, blocs = tuple(state.parties.values()), tuple(state.blocs.values())
        groups = tuple(state.groups.values())
        return attrs.evolve(
            self,
            parties=parties,
            blocs=blocs,
            groups=groups,
            affiliations=fitting(self.affiliations, parties, blocs, groups),
            as_of=day,
            events=later,
        )

    # -- conversion --

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (JSON-ready) in the scenario-file layout; see :meth:`from_dict`."""
        chamber = layout.plain(self, _CHAMBER_ORDER, plain)
        chamber["format"] = layout.LAYOUT_VERSION
        out: dict[str, Any] = {"chamber": chamber}
        if self.sources:
            out["sources"] = [plain(s) for s in self.sources]
        out["parties"] = [plain(p) for p in self.parties]
        if self.blocs:
            out["blocs"] = [plain(b) for b in self.blocs]
        if self.groups:
            out["groups"] = [plain(g) for g in self.groups]
        if self.affiliations:
            out["affiliations"] = [plain(a) for a in self.affiliations]
        if self.events:
            out["events"] = [layout.plain(e, EVENT_ORDER[type(e)], plain) for e in self.events]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Legislature:
        """Build a legislature from the scenario-file layout, reporting every problem.

        Raises :class:`~coalitions.errors.ValidationError` whose ``problems`` give a
        field path (``parties[3].seats``) and a message for each problem found, in the
        file's own numbering.
        """
        return _Reader(data).legislature()


# --- the dict form (see .layout) ---

_CHAMBER_ORDER: Final = ("name", "size", "description", "election", "as_of", "notes")
_CHAMBER_OPTIONAL: Final = ("description", "election", "as_of", "notes", "format")
_ROW: Final = re.compile(r"\b(parties|blocs)\[(\d+)\]")


def unknown_kind(kind: object) -> str:
    """The message for an event of no known kind."""
    return unknown("kind of event", kind, EVENT_KINDS)


class _Reader:
    """Reads the dict layout into a :class:`Legislature`, collecting every problem."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.problems: list[Problem] = []
        self.failed_keys: set[str] = set()
        self.rows: dict[str, list[int]] = {"parties": [], "blocs": []}

    def legislature(self) -> Legislature:
        problems = self.problems
        top = layout.table(
            problems,
            self.data,
            "",
            ("chamber", "parties"),
            ("sources", "blocs", "groups", "affiliations", "events"),
        )
        if top is None:
            raise ValidationError(problems)
        chamber = self.chamber(top["chamber"])
        sources = layout.build_items(problems, top.get("sources"), "sources", Source)
        parties = self.parties(top["parties"])
        blocs: list[Bloc] = []
        for i, item in enumerate(layout.items(problems, top.get("blocs"), "blocs")):
            bloc = layout.build_one(problems, item, f"blocs[{i}]", Bloc, self.prepare_bloc)
            if bloc is not None:
                blocs.append(bloc)
                self.rows["blocs"].append(i)
        fields = {
            "name": chamber.get("name", ""),
            "size": chamber.get("size", 1),
            "parties": tuple(parties),
            "blocs": tuple(blocs),
            "description": chamber.get("description"),
            "as_of": chamber.get("as_of"),
            "sources": tuple(sources),
            "notes": chamber.get("notes"),
            "election": chamber.get("election"),
            "events": tuple(self.events(top.get("events"))),
            "groups": tuple(
                layout.build_items(problems, top.get("groups"), "groups", Group, self.prepare_group)
            ),
            "affiliations": tuple(
                layout.build_items(problems, top.get("affiliations"), "affiliations", Affiliation)
            ),
        }
        if problems:  # the chamber-wide problems too, without building an invalid object
            found = chamber_problems(fields, frozenset(self.failed_keys))
            raise ValidationError(problems + [self.renumber(p) for p in found])
        try:
            return Legislature(**fields)
        except ValidationError as err:
            raise ValidationError([self.renumber(p) for p in err.problems]) from None

    def chamber(self, raw: object) -> dict[str, Any]:
        chamber = layout.table(self.problems, raw, "chamber", ("name", "size"), _CHAMBER_OPTIONAL)
        chamber = chamber or {}
        version = chamber.pop("format", layout.LAYOUT_VERSION)
        if version not in layout.READABLE_VERSIONS or isinstance(version, bool):
            known = " or ".join(str(v) for v in layout.READABLE_VERSIONS)
            self.problems.append(("chamber.format", f"must be {known} (got {_short(version)})"))
        for name in ("as_of", "election"):
            if isinstance(chamber.get(name), _dt.datetime):  # a date-time: its day
                chamber[name] = chamber[name].date()
            if isinstance(chamber.get(name), str):
                chamber[name] = self.date(chamber[name], f"chamber.{name}")
                if chamber[name] is None:
                    del chamber[name]
        return chamber

    def events(self, raw: object) -> list[Event]:
        events: list[Event] = []
        for i, item in enumerate(layout.items(self.problems, raw, "events")):
            where = f"events[{i}]"
            kind = item.get("kind") if isinstance(item, Mapping) else None
            cls = EVENT_KINDS.get(kind) if isinstance(kind, str) else None
            if cls is None:
                self.problems.append((f"{where}.kind", unknown_kind(kind)))
                continue
            fields = {k: v for k, v in item.items() if k != "kind"}
            event = layout.build_one(self.problems, fields, where, cls, self.prepare_event)
            if event is not None:
                events.append(event)
        return events

    def prepare_event(self, fields: dict[str, Any], where: str) -> None:
        if "parties" in fields:
            parties = []
            for i, item in enumerate(
                layout.items(self.problems, fields["parties"], f"{where}.parties")
            ):
                party = layout.build_one(
                    self.problems, item, f"{where}.parties[{i}]", Party, self.prepare_party
                )
                if party is not None:
                    parties.append(party)
            fields["parties"] = parties

    def date(self, text: str, where: str) -> Any:
        try:
            return _dt.date.fromisoformat(text)
        except ValueError:
            self.problems.append((where, f"must be a date such as 2025-11-17 (got {_short(text)})"))
            return None

    def prepare_bloc(self, fields: dict[str, Any], where: str) -> None:
        fields["definitions"] = layout.build_items(
            self.problems, fields.get("definitions"), f"{where}.definitions", BlocDefinition
        )

    def prepare_party(self, fields: dict[str, Any], where: str) -> None:
        self.prepare_links(fields, where)
        for name, cls, prepare in (
            ("factions", Faction, self.prepare_links),
            ("alternatives", Alternative, None),
        ):
            fields[name] = layout.build_items(
                self.problems, fields.get(name), f"{where}.{name}", cls, prepare
            )

    def prepare_links(self, fields: dict[str, Any], where: str) -> None:
        if "links" in fields:
            fields["links"] = layout.build_items(
                self.problems, fields["links"], f"{where}.links", Link
            )

    def prepare_group(self, fields: dict[str, Any], where: str) -> None:
        if "grades" in fields:
            fields["grades"] = layout.build_items(
                self.problems, fields["grades"], f"{where}.grades", Grade
            )

    def parties(self, raw: object) -> list[Party]:
        parties: list[Party] = []
        first_seen: dict[str, int] = {}
        for i, item in enumerate(layout.items(self.problems, raw, "parties")):
            party = layout.build_one(
                self.problems, item, f"parties[{i}]", Party, self.prepare_party
            )
            if party is not None:
                parties.append(party)
                self.rows["parties"].append(i)
            raw_key = item.get("key") if isinstance(item, Mapping) else None
            if not isinstance(raw_key, str):
                continue
            if party is None:
                self.failed_keys.add(raw_key)
            if raw_key in first_seen and (party is None or raw_key in self.failed_keys):
                # built parties report their repeats themselves; here, those that failed
                self.problems.append(
                    (
                        f"parties[{i}].key",
                        f"repeats the key {raw_key!r} of parties[{first_seen[raw_key]}]",
                    )
                )
            first_seen.setdefault(raw_key, i)
        return parties

    def renumber(self, problem: Problem) -> Problem:
        """A legislature-level problem in the file's terms: chamber fields under
        ``chamber.``, rows numbered as in the file (failed rows are not built)."""

        def fix(path: str) -> str:
            if path in _CHAMBER_ORDER:
                return f"chamber.{path}"
            return _ROW.sub(lambda m: f"{m[1]}[{self.rows[m[1]][int(m[2])]}]", path)

        return fix(problem[0]), fix(problem[1])


def chamber(value: object, field: str = "leg") -> Legislature:
    """``value`` if it is a :class:`Legislature`, else an
    :class:`~coalitions.errors.ArgumentError` naming ``field``: the check every public
    function that takes a chamber makes first."""
    if not isinstance(value, Legislature):
        raise ArgumentError(
            f"{field!r} must be a Legislature, such as co.load_scenario('iraq-2025') "
            f"(got {type(value).__name__} {_short(value)})"
        )
    return value


def _key_text(key: object, field: str) -> str:
    """A key as given by a user: text, in lower case, without surrounding space."""
    if not isinstance(key, str):
        raise ArgumentError(f"{field!r} must be a key, as text (got {_short(key)})")
    return key.strip().lower()


def _kinds(kinds: object) -> list[str]:
    """Kinds of affiliation, each one of :data:`~coalitions.model.ties.AFFILIATION_KINDS`."""
    if isinstance(kinds, str) or not isinstance(kinds, Iterable):
        raise ArgumentError(f"'kinds' must be a list of kinds of affiliation (got {_short(kinds)})")
    out = list(kinds)
    for kind in out:
        if kind not in AFFILIATION_KINDS:
            raise ConstraintError(unknown("kind of affiliation", kind, AFFILIATION_KINDS))
    return out
