"""The data model: :class:`Party`, :class:`Faction`, :class:`Bloc`, :class:`Legislature`.

All classes are frozen attrs classes: immutable, compared and hashed by value. Collection
fields are converted to ``tuple`` or ``frozenset`` so that frozen really means frozen; make
modified copies with :func:`attrs.evolve`. Every invariant is checked at construction, and
every problem is reported at once in one :class:`~coalitions.errors.ValidationError` whose
messages name the field, the expectation and the value.

>>> leg = Legislature(name="Toy", size=10, parties=[
...     Party(key="a", name="A", seats=6, tags={"left"}),
...     Party(key="b", name="B", seats=4)])
>>> leg["a"].seats, leg.quota("majority"), leg.seated, leg.vacant
(6, 6, 10, 0)
>>> Party(key="kdp", name="KDP", seats=-3)
Traceback (most recent call last):
...
coalitions.errors.ValidationError: 'seats' must be >= 0 (got -3) for party 'kdp'
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable, Iterator, Mapping
from fractions import Fraction
from typing import Any

import attrs

from . import numbers, rules
from .errors import NumberError, Problem, UnknownPartyError, ValidationError

__all__ = [
    "Alternative",
    "Bloc",
    "Faction",
    "Legislature",
    "Party",
    "Source",
    "is_key",
]

_KEY = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$")
_TAG = re.compile(r"^\S+$")
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_SOURCE_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def is_key(value: object) -> bool:
    """Whether ``value`` is a valid key: a lowercase slug such as ``"state-of-law"``.

    >>> is_key("state-of-law"), is_key("KDP"), is_key("a b")
    (True, False, False)
    """
    return isinstance(value, str) and bool(_KEY.match(value))


# --- converters: tolerant, so that construction reports bad values instead of crashing ---


def _tuple(value: Any) -> Any:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value  # left as is: the validator reports it
    return tuple(value)


def _frozenset(value: Any) -> Any:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value
    return frozenset(value)


def _optional_fraction(value: Any) -> Any:
    if value is None or isinstance(value, Fraction):
        return value
    try:
        return numbers.exact(value, floats=True)
    except NumberError:
        return value


def _optional_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, _dt.datetime):
        return value.date()
    return value


# --- checks shared by the classes: each returns problems, none raises ---


def _check_int(problems: list[Problem], field: str, value: object, ctx: str, low: int) -> bool:
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(
            (field, f"must be a whole number (got {type(value).__name__} {value!r}){ctx}")
        )
        return False
    if value < low:
        problems.append((field, f"must be >= {low} (got {value}){ctx}"))
        return False
    return True


def _check_key(problems: list[Problem], field: str, value: object, ctx: str) -> None:
    if not is_key(value):
        problems.append(
            (
                field,
                (
                    "must be a lowercase slug of letters, digits, '-', '_' or '.' "
                    f"(got {value!r}){ctx}"
                ),
            )
        )


def _check_text(
    problems: list[Problem], field: str, value: object, ctx: str, *, required: bool = False
) -> None:
    if value is None and not required:
        return
    if not isinstance(value, str):
        problems.append((field, f"must be a string (got {type(value).__name__} {value!r}){ctx}"))
    elif required and not value.strip():
        problems.append((field, f"must not be empty{ctx}"))


def _check_strings(
    problems: list[Problem],
    field: str,
    value: object,
    ctx: str,
    pattern: re.Pattern[str],
    what: str,
) -> None:
    if not isinstance(value, tuple | frozenset):
        problems.append(
            (field, f"must be a list of {what}s (got {type(value).__name__} {value!r}){ctx}")
        )
        return
    for item in sorted(value, key=repr) if isinstance(value, frozenset) else value:
        if not isinstance(item, str) or not pattern.match(item):
            problems.append((field, f"holds {item!r}, which is not a valid {what}{ctx}"))


def _check_fraction(problems: list[Problem], field: str, value: object, ctx: str) -> None:
    if value is not None and not isinstance(value, Fraction):
        problems.append((field, f"must be a number (got {type(value).__name__} {value!r}){ctx}"))


def _check_objects(problems: list[Problem], field: str, value: object, cls: type, ctx: str) -> bool:
    if not isinstance(value, tuple):
        problems.append(
            (field, f"must be a list of {cls.__name__} (got {type(value).__name__}){ctx}")
        )
        return False
    ok = True
    for i, item in enumerate(value):
        if not isinstance(item, cls):
            problems.append(
                (f"{field}[{i}]", f"must be a {cls.__name__} (got {type(item).__name__}){ctx}")
            )
            ok = False
    return ok


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


# --- the classes ---


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
        problems: list[Problem] = []
        ctx = f" for source {self.key!r}"
        if not isinstance(self.key, str) or not _SOURCE_KEY.match(self.key):
            problems.append(("key", f"must be letters, digits, '-', '_' or '.' (got {self.key!r})"))
        _check_text(problems, "title", self.title, ctx, required=True)
        _check_text(problems, "url", self.url, ctx)
        _raise(problems)


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
        problems: list[Problem] = []
        _check_int(problems, "seats", self.seats, " for an alternative figure", 0)
        _check_strings(problems, "sources", self.sources, "", _SOURCE_KEY, "source key")
        _check_text(problems, "note", self.note, "")
        _raise(problems)


@attrs.frozen
class Faction:
    """A named group inside a list, with its own seats and tags.

    Iraq's large Shiite lists carry factions linked to armed groups (e.g. Kata'ib Sayyid
    al-Shuhada's bloc inside State of Law); their seats are part of the list's seats.
    """

    key: str
    name: str
    seats: int
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_frozenset)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        ctx = f" for faction {self.key!r}"
        _check_key(problems, "key", self.key, "")
        _check_text(problems, "name", self.name, ctx, required=True)
        _check_int(problems, "seats", self.seats, ctx, 0)
        _check_strings(problems, "tags", self.tags, ctx, _TAG, "tag")
        _check_strings(problems, "sources", self.sources, ctx, _SOURCE_KEY, "source key")
        _check_text(problems, "notes", self.notes, ctx)
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

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        ctx = f" for party {self.key!r}"
        _check_key(problems, "key", self.key, "")
        _check_text(problems, "name", self.name, ctx, required=True)
        seats_ok = _check_int(problems, "seats", self.seats, ctx, 0)
        _check_strings(problems, "tags", self.tags, ctx, _TAG, "tag")
        for field in ("native_name", "leader", "notes"):
            _check_text(problems, field, getattr(self, field), ctx)
        if self.colour is not None and (
            not isinstance(self.colour, str) or not _COLOUR.match(self.colour)
        ):
            problems.append(("colour", f"must be '#rgb' or '#rrggbb' (got {self.colour!r}){ctx}"))
        _check_fraction(problems, "position", self.position, ctx)
        if self.votes is not None:
            _check_int(problems, "votes", self.votes, ctx, 0)
        _check_fraction(problems, "vote_share", self.vote_share, ctx)
        if isinstance(self.vote_share, Fraction) and not 0 <= self.vote_share <= 1:
            problems.append(("vote_share", f"must be between 0 and 1 (got {self.vote_share}){ctx}"))
        _check_strings(problems, "sources", self.sources, ctx, _SOURCE_KEY, "source key")
        if _check_objects(problems, "factions", self.factions, Faction, ctx):
            keys = [f.key for f in self.factions]
            for dup in sorted({k for k in keys if keys.count(k) > 1}):
                problems.append(("factions", f"has the key {dup!r} more than once{ctx}"))
            total = sum(f.seats for f in self.factions)
            if seats_ok and total > self.seats:
                problems.append(
                    (
                        "factions",
                        f"hold {total} seats, more than the list's {self.seats}{ctx}",
                    )
                )
        _check_objects(problems, "alternatives", self.alternatives, Alternative, ctx)
        _raise(problems)

    @property
    def faction_tags(self) -> frozenset[str]:
        """The tags carried by any faction inside this list."""
        return frozenset().union(*(f.tags for f in self.factions))

    def has_tag(self, tag: str, *, factions: bool = False) -> bool:
        """Whether the list carries ``tag`` (or, with ``factions=True``, any faction does)."""
        return tag in self.tags or (factions and tag in self.faction_tags)


@attrs.frozen
class Bloc:
    """A named group of parties (an alliance declared after the election, a council).

    ``members`` are party keys; a party belongs to one bloc at most.
    """

    key: str
    name: str
    members: tuple[str, ...] = attrs.field(converter=_tuple)
    tags: frozenset[str] = attrs.field(default=frozenset(), converter=_frozenset)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        ctx = f" for bloc {self.key!r}"
        _check_key(problems, "key", self.key, "")
        _check_text(problems, "name", self.name, ctx, required=True)
        _check_strings(problems, "members", self.members, ctx, _KEY, "party key")
        if isinstance(self.members, tuple):
            if not self.members:
                problems.append(("members", f"must name at least one party{ctx}"))
            for dup in sorted({m for m in self.members if self.members.count(m) > 1}, key=str):
                problems.append(("members", f"names {dup!r} more than once{ctx}"))
        _check_strings(problems, "tags", self.tags, ctx, _TAG, "tag")
        _check_strings(problems, "sources", self.sources, ctx, _SOURCE_KEY, "source key")
        _check_text(problems, "notes", self.notes, ctx)
        _raise(problems)


@attrs.frozen
class Legislature:
    """A chamber: its size and the parties (and blocs) that hold its seats.

    ``size`` is the number of seats in the chamber; seats no party holds are vacant.
    Parties and blocs keep the order given. ``leg[key]`` returns a party; an unknown key
    raises :class:`~coalitions.errors.UnknownPartyError` with close matches.
    """

    name: str
    size: int
    parties: tuple[Party, ...] = attrs.field(converter=_tuple)
    blocs: tuple[Bloc, ...] = attrs.field(default=(), converter=_tuple)
    description: str | None = None
    as_of: _dt.date | None = attrs.field(default=None, converter=_optional_date)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = None
    _index: dict[str, Party] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        problems = _legislature_problems(self)
        _raise(problems)
        self._index.update((p.key, p) for p in self.parties)

    # -- lookups --

    def __getitem__(self, key: str) -> Party:
        party = self._index.get(key)
        if party is None and isinstance(key, str):
            party = self._index.get(key.strip().lower())
        if party is None:
            raise UnknownPartyError(key, self._index, where=repr(self.name))
        return party

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
        for bloc in self.blocs:
            if bloc.key == key or bloc.key == key.strip().lower():
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
        text = key.strip().lower() if isinstance(key, str) else key
        if text in self._index:
            return (text,)
        for bloc in self.blocs:
            if bloc.key == text:
                return bloc.members
        known = [*self._index, *(b.key for b in self.blocs)]
        where = f"{field!r} of {self.name!r}" if field else repr(self.name)
        raise UnknownPartyError(key, known, where=where)

    def members(self, spec: str | Iterable[str], *, field: str = "coalition") -> tuple[str, ...]:
        """Party keys from ``"kdp+puk"`` (or ``"kdp,puk"``), or an iterable of party or
        bloc keys; each party once, in the order named.

        >>> Legislature(name="X", size=9, parties=[Party(key="a", name="A", seats=5),
        ...     Party(key="b", name="B", seats=4)]).members("B+a")
        ('b', 'a')
        """
        if isinstance(spec, str):
            items: list[Any] = [p for p in spec.replace(",", "+").replace(" ", "+").split("+") if p]
        else:
            items = list(spec)
        out: dict[str, None] = {}
        for item in items:
            out.update(dict.fromkeys(self.resolve(str(item), field=field)))
        return tuple(out)

    def bloc_of(self, key: str) -> Bloc | None:
        """The bloc that party ``key`` belongs to, or ``None``."""
        party = self[key]
        for bloc in self.blocs:
            if party.key in bloc.members:
                return bloc
        return None

    def tagged(self, tag: str, *, factions: bool = False) -> tuple[Party, ...]:
        """The parties that carry ``tag`` (with ``factions=True``, also through a faction)."""
        return tuple(p for p in self.parties if p.has_tag(tag, factions=factions))

    @property
    def tags(self) -> frozenset[str]:
        """Every tag used by a party or a faction."""
        return frozenset().union(*(p.tags | p.faction_tags for p in self.parties))

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
        return sum(self[k].seats for k in {self[k].key for k in keys})

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

    def _repr_html_(self) -> str:
        from .report import to_html

        return to_html(self)

    def _repr_svg_(self) -> str:
        from .chart import hemicycle

        return hemicycle(self)

    # -- conversion --

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (JSON-ready) in the scenario-file layout; see :meth:`from_dict`."""
        from .scenarios.format import legislature_to_dict

        return legislature_to_dict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Legislature:
        """Build a legislature from the scenario-file layout, reporting every problem.

        Raises :class:`~coalitions.errors.ValidationError` whose ``problems`` give a
        field path (``parties[3].seats``) and a message for each problem found.
        """
        from .scenarios.format import legislature_from_dict

        return legislature_from_dict(data)


def _legislature_problems(
    leg: Legislature, *, also_known: frozenset[str] = frozenset()
) -> list[Problem]:
    """Every invariant a legislature must keep, as problems with field paths.

    ``also_known`` are party keys that exist but could not be built (a file reader passes
    them so that a bad party does not also make its bloc look wrong).
    """
    problems: list[Problem] = []
    _check_text(problems, "name", leg.name, "", required=True)
    size_ok = _check_int(problems, "size", leg.size, "", 1)
    _check_text(problems, "description", leg.description, "")
    _check_text(problems, "notes", leg.notes, "")
    as_of: object = leg.as_of
    if as_of is not None and not isinstance(as_of, _dt.date):
        problems.append(("as_of", f"must be a date such as 2025-11-17 (got {as_of!r})"))
    source_keys: set[str] = set()
    if _check_objects(problems, "sources", leg.sources, Source, ""):
        for i, src in enumerate(leg.sources):
            if src.key in source_keys:
                problems.append((f"sources[{i}].key", f"repeats the source key {src.key!r}"))
            source_keys.add(src.key)
    party_keys: dict[str, int] = {}
    if _check_objects(problems, "parties", leg.parties, Party, ""):
        faction_keys: set[str] = set()
        for i, party in enumerate(leg.parties):
            if party.key in party_keys:
                problems.append(
                    (
                        f"parties[{i}].key",
                        (f"repeats the key {party.key!r} of parties[{party_keys[party.key]}]"),
                    )
                )
            else:
                party_keys[party.key] = i
            for j, faction in enumerate(party.factions):
                if faction.key in faction_keys:
                    problems.append(
                        (
                            f"parties[{i}].factions[{j}].key",
                            f"repeats the faction key {faction.key!r}",
                        )
                    )
                faction_keys.add(faction.key)
        seated = sum(p.seats for p in leg.parties)
        if size_ok and seated > leg.size:
            problems.append(
                ("parties", f"hold {seated} seats, more than the chamber's size {leg.size}")
            )
        for i, party in enumerate(leg.parties):
            clash = sorted(faction_keys & {party.key})
            if clash:
                problems.append(
                    (f"parties[{i}].key", f"{party.key!r} is also used as a faction key")
                )
        if source_keys:
            for i, party in enumerate(leg.parties):
                cited = list(party.sources)
                cited += [s for f in party.factions for s in f.sources]
                cited += [s for a in party.alternatives for s in a.sources]
                for s in cited:
                    if s not in source_keys:
                        problems.append(
                            (
                                f"parties[{i}].sources",
                                f"cites {s!r}, which is not among the legislature's sources",
                            )
                        )
    known = set(party_keys) | set(also_known)
    if _check_objects(problems, "blocs", leg.blocs, Bloc, ""):
        owner: dict[str, str] = {}
        bloc_keys: set[str] = set()
        for i, bloc in enumerate(leg.blocs):
            if bloc.key in bloc_keys:
                problems.append((f"blocs[{i}].key", f"repeats the bloc key {bloc.key!r}"))
            bloc_keys.add(bloc.key)
            if bloc.key in known:
                problems.append(
                    (f"blocs[{i}].key", f"{bloc.key!r} is also a party key; use another")
                )
            for member in bloc.members:
                if member not in known:
                    problems.append(
                        (
                            f"blocs[{i}].members",
                            f"names {member!r}, which is not a party of this legislature",
                        )
                    )
                elif member in owner:
                    problems.append(
                        (
                            f"blocs[{i}].members",
                            f"names {member!r}, already a member of bloc {owner[member]!r}",
                        )
                    )
                else:
                    owner[member] = bloc.key
            if source_keys:
                for s in bloc.sources:
                    if s not in source_keys:
                        problems.append(
                            (
                                f"blocs[{i}].sources",
                                f"cites {s!r}, which is not among the legislature's sources",
                            )
                        )
    return problems
