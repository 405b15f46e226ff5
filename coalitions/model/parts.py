"""The parts of a chamber: :class:`Party`, :class:`Faction`, :class:`Bloc` (with
:class:`BlocDefinition`), :class:`Source` and :class:`Alternative`.

All classes are frozen attrs classes: immutable, compared and hashed by value. Collection
fields are converted to ``tuple`` or ``frozenset`` so that frozen really means frozen; make
modified copies with :func:`attrs.evolve`. Every invariant is checked at construction by
the functions of :mod:`.checks`, and every problem is reported at once in one
:class:`~coalitions.errors.ValidationError` whose messages name the field, the
expectation and the value.

>>> Party(key="kdp", name="KDP", seats=39, tags={"component:kurdish"}).seats
39
>>> Party(key="kdp", name="KDP", seats=-3)
Traceback (most recent call last):
...
coalitions.errors.ValidationError: 'seats' must be >= 0 (got -3) for party 'kdp'
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from fractions import Fraction
from typing import Any, Final

import attrs

from .. import numbers
from ..errors import (
    NumberError,
    UnknownPartyError,
    _short,
)
from . import checks, layout
from .ties import Affiliation, Grade, Group, Link

__all__ = [
    "Alternative",
    "Bloc",
    "BlocDefinition",
    "Faction",
    "Party",
    "Source",
]


# --- converters: tolerant, so that construction reports bad values instead of crashing ---


def _tuple(value: Any) -> Any:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value  # left as is: the validator reports it
    return tuple(value)


def _frozenset(value: Any) -> Any:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value
    items = tuple(value)
    if not all(isinstance(item, Hashable) for item in items):
        return items  # e.g. a list inside the list: the validator reports it
    return frozenset(items)


def _optional_fraction(value: Any) -> Any:
    if value is None or isinstance(value, Fraction):
        return value
    try:
        return numbers.exact(value, floats=True)
    except NumberError:
        return value


def _fields(obj: Any) -> dict[str, Any]:
    """The constructor fields of an attrs value, by name."""
    return {a.name: getattr(obj, a.name) for a in attrs.fields(type(obj)) if a.init}


_raise = checks.raise_problems


@attrs.frozen
class Source:
    """A source that parties, blocs and figures cite by ``key``.

    >>> Source(key="K24-24", title="Kurdistan24, IHEC ratifies results", url="https://...").key
    'K24-24'
    """

    key: str
    title: str
    url: str | None = None

    def __attrs_post_init__(self) -> None:
        _raise(checks.source_problems(**_fields(self)))


@attrs.frozen
class Alternative:
    """Another reported figure for a party's seats, with the sources that report it.

    >>> Alternative(seats=27, sources=["USKRD"]).sources
    ('USKRD',)
    """

    seats: int
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        _raise(checks.alternative_problems(**_fields(self)))


@attrs.frozen
class Faction:
    """A named group inside a list, with its own seats and tags.

    Iraq's large Shiite lists carry factions linked to armed groups (e.g. Kata'ib Sayyid
    al-Shuhada's bloc inside State of Law); their seats are part of the list's seats.

    A faction's seats may be unknown or known only as a range: ``seats`` is the count,
    or the least it holds (``None``: not known at all, so at least 0); ``max_seats`` the
    most it holds when only a range is known (without it, an unknown faction may hold
    every seat of its list that the other factions leave). Excluding such a faction
    gives a range of answers (:func:`coalitions.search.count_range`), never a silent
    zero.

    >>> Faction(key="ataa", name="Ataa", seats=None).known
    False
    >>> Faction(key="x", name="X", seats=2, max_seats=5).span(10)
    (2, 5)
    """

    key: str
    name: str
    seats: int | None = None
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_frozenset)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = None
    links: tuple[Link, ...] = attrs.field(default=(), converter=_tuple)
    max_seats: int | None = None

    @property
    def known(self) -> bool:
        """Whether the faction's seat count is known exactly."""
        return self.seats is not None and self.max_seats is None

    @property
    def least(self) -> int:
        """The fewest seats the faction may hold."""
        return self.seats or 0

    def span(self, room: int) -> tuple[int, int]:
        """The fewest and the most seats the faction may hold, where ``room`` is the most
        its list leaves it (the list's seats less the other factions' least)."""
        if self.known:
            return self.least, self.least
        most = room if self.max_seats is None else min(self.max_seats, room)
        return self.least, max(most, self.least)

    def __attrs_post_init__(self) -> None:
        fields = _fields(self)
        links = fields.pop("links")
        problems = checks.faction_problems(**fields)
        checks.check_objects(problems, "links", links, Link, f" for faction {_short(self.key)}")
        _raise(problems)


@attrs.frozen
class Party:
    """A list (party, alliance, independent or reserved seat) in a chamber.

    Only ``key``, ``name`` and ``seats`` are required. ``tags`` are plain strings with
    documented meanings (``component:kurdish``, ``militia-affiliated``, ...). ``position``
    is an optional left-right placement (any exact number). ``votes`` and ``vote_share``
    record the election result where known. ``factions`` are sub-groups inside the list,
    ``alternatives`` other reported seat figures with their sources, ``sources`` the keys
    of the legislature's sources behind the main figure.
    """

    key: str
    name: str
    seats: int
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_frozenset)
    native_name: str | None = None
    leader: str | None = None
    colour: str | None = None
    position: Fraction | None = attrs.field(default=None, converter=_optional_fraction)
    votes: int | None = None
    vote_share: Fraction | None = attrs.field(default=None, converter=_optional_fraction)
    factions: tuple[Faction, ...] = attrs.field(default=(), converter=_tuple)
    alternatives: tuple[Alternative, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    links: tuple[Link, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        fields = _fields(self)
        factions, alternatives = fields.pop("factions"), fields.pop("alternatives")
        links = fields.pop("links")
        problems = checks.party_problems(**fields)
        ctx = f" for party {_short(self.key)}"
        if checks.check_objects(problems, "factions", factions, Faction, ctx):
            problems += checks.faction_set_problems(factions, self.seats, ctx)
        checks.check_objects(problems, "alternatives", alternatives, Alternative, ctx)
        checks.check_objects(problems, "links", links, Link, ctx)
        _raise(problems)

    @property
    def faction_tags(self) -> frozenset[str]:
        """The tags carried by any faction inside this list."""
        return frozenset().union(*(f.tags for f in self.factions))

    def has_tag(self, tag: str, *, factions: bool = False) -> bool:
        """Whether the list carries ``tag`` (or, with ``factions=True``, any faction does)."""
        return tag in self.tags or (factions and tag in self.faction_tags)


@attrs.frozen
class BlocDefinition:
    """Another definition of a bloc: the lists a source counts in it, or only the total
    it reports when it names no members.

    A definition with no ``members`` but ``reported_seats`` records a reported total
    whose membership no source gives (the Coordination Framework's "some 179 seats" with
    its allies); naming it where members are needed is a clear error.

    >>> BlocDefinition(key="wide", reported_seats=179, sources=["SEED"]).members
    ()
    """

    key: str
    members: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    reported_seats: int | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        _raise(checks.bloc_definition_problems(**_fields(self)))


@attrs.frozen
class Bloc:
    """A named group of parties (an alliance declared after the election, a council).

    ``members`` are party keys: the bloc's default definition, and the one that makes a
    party the bloc's member; blocs may overlap (a list in the Coordination Framework and
    in a wider alliance), see :meth:`Legislature.blocs_of
    <coalitions.Legislature.blocs_of>`. ``definitions`` are other, named definitions
    from other sources (narrow, wide, a reported total), named ``bloc@definition``
    wherever a bloc key is accepted.
    """

    key: str
    name: str
    members: tuple[str, ...] = attrs.field(converter=_tuple)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_frozenset)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = None
    definitions: tuple[BlocDefinition, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        fields = _fields(self)
        definitions = fields.pop("definitions")
        problems = checks.bloc_problems(**fields)
        ctx = f" for bloc {_short(self.key)}"
        if checks.check_objects(problems, "definitions", definitions, BlocDefinition, ctx):
            for dup in checks.repeated(d.key for d in definitions):
                problems.append(("definitions", f"has the key {dup!r} more than once{ctx}"))
        _raise(problems)

    def definition(self, key: str) -> BlocDefinition:
        """The definition named ``key`` (``UnknownPartyError`` naming the others if none)."""
        for d in self.definitions:
            if d.key == key:
                return d
        raise UnknownPartyError(
            f"{self.key}@{key}",
            [f"{self.key}@{d.key}" for d in self.definitions],
            where=f"the definitions of bloc {self.key!r}",
        )


# --- the dict form (see .layout) ---

_ORDER: Final[dict[type, tuple[str, ...]]] = {
    Source: ("key", "title", "url"),
    Alternative: ("seats", "sources", "note"),
    Faction: ("key", "name", "seats", "max_seats", "tags", "sources", "notes", "links"),
    Party: (
        "key",
        "name",
        "seats",
        "votes",
        "vote_share",
        "tags",
        "native_name",
        "aliases",
        "leader",
        "colour",
        "position",
        "sources",
        "notes",
        "links",
        "factions",
        "alternatives",
    ),
    Bloc: ("key", "name", "members", "tags", "sources", "notes", "definitions"),
    BlocDefinition: ("key", "members", "reported_seats", "sources", "note"),
    Grade: ("grade", "since", "until", "sources", "note"),
    Group: ("key", "name", "native_name", "kind", "sources", "notes", "grades"),
    Link: ("group", "relation", "since", "until", "sources", "note"),
    Affiliation: ("member", "patron", "kind", "seats", "since", "until", "sources", "note"),
}


def plain(obj: Any) -> dict[str, Any]:
    return layout.plain(obj, _ORDER[type(obj)], plain)
