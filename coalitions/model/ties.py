"""Who counts as whose: armed groups and their graded designations, the links of lists
and factions to them, and affiliations of seats with parties, blocs or groups.

- A :class:`Group` is an armed group or a movement that holds no seat itself (Kata'ib
  Hezbollah, the Babylon Movement), with its :class:`Grade` values, each dated and
  sourced: ``fto`` (US Foreign Terrorist Organization), ``sdgt`` (Specially Designated
  Global Terrorist), ``sanctioned-leader`` (its leader under US sanctions),
  ``pmf-brigade`` (a brigade of the Popular Mobilization Forces), ``alleged`` (a link
  reported but not established). :data:`GRADES` orders them, weakest first.
- A :class:`Link` ties a list or a faction to a group (its political wing, a faction of
  it, led by it, aligned with it), dated and sourced.
- An :class:`Affiliation` ties a list, or some of its seats, to a party, a bloc or a
  group it was not elected as: seats won on an ally's list, quota seats aligned with a
  party, an independent who joined a bloc.

The tags a list carries through its links are *derived* as of the chamber's date
(:func:`derived_tags`), so existing queries keep working: ``armed-group:<group>``,
``militia-affiliated`` (a link that is not merely alleged to an armed group),
``us-designated`` (the group is an FTO or SDGT on that date), ``grade:<grade>`` for each
grade in force and ``grade>=<grade>`` for each grade at or below the strongest in force.

>>> kh = Group(key="kataib-hezbollah", name="Kata'ib Hezbollah",
...            grades=[Grade(grade="fto", since="2009-06-24")])
>>> sorted(derived_tags([Link(group="kataib-hezbollah")], {kh.key: kh}, None))[:4]
['armed-group:kataib-hezbollah', 'grade:fto', 'grade>=alleged', 'grade>=fto']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from ..errors import Problem, _short
from . import checks

__all__ = [
    "AFFILIATION_KINDS",
    "GRADES",
    "GROUP_KINDS",
    "RELATIONS",
    "Affiliation",
    "Grade",
    "Group",
    "Link",
    "derived_tags",
    "in_force",
]

#: The grades of an armed group's standing, weakest first.
GRADES: Final = ("alleged", "pmf-brigade", "sanctioned-leader", "sdgt", "fto")
#: The grades that make a group US-designated.
US_DESIGNATIONS: Final = frozenset({"fto", "sdgt"})
#: What a group is.
GROUP_KINDS: Final = ("armed-group", "movement")
#: How a list or a faction is tied to a group.
RELATIONS: Final = ("political-wing", "faction", "led-by", "aligned", "alleged")
#: How a seat or a list is affiliated with a party, bloc or group.
AFFILIATION_KINDS: Final = ("won-on-list", "allied", "aligned", "led-by", "joined")


def to_date(value: Any) -> Any:
    """A date from a date, a TOML date-time (its day) or ISO text; anything else is left
    for the validator to report."""
    if isinstance(value, _dt.datetime):  # a TOML date-time where a date belongs: its day
        return value.date()
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _tuple(value: Any) -> Any:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _span_problems(problems: list[Problem], since: object, until: object) -> None:
    for field, value in (("since", since), ("until", until)):
        if value is not None and not isinstance(value, _dt.date):
            problems.append((field, f"must be a date such as 2019-07-18 (got {_short(value)})"))
    if isinstance(since, _dt.date) and isinstance(until, _dt.date) and until <= since:
        problems.append(("until", f"is {until}, not after since {since}"))


def _choice(problems: list[Problem], field: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        problems.append((field, f"must be one of {', '.join(choices)} (got {_short(value)})"))


def _common(problems: list[Problem], sources: object, note: object) -> None:
    checks.check_strings(problems, "sources", sources, "", checks.SOURCE_KEY, "source key")
    checks.check_text(problems, "note", note, "")


_raise = checks.raise_problems


def in_force(since: _dt.date | None, until: _dt.date | None, day: _dt.date | None) -> bool:
    """Whether a span ``[since, until)`` holds on ``day`` (every span holds when the
    chamber's date is unknown)."""
    if day is None:
        return True
    return (since is None or since <= day) and (until is None or day < until)


@attrs.frozen(kw_only=True)
class Grade:
    """A group's standing from ``since`` until ``until`` (exclusive; open when ``None``)."""

    grade: str
    since: _dt.date | None = attrs.field(default=None, converter=to_date)
    until: _dt.date | None = attrs.field(default=None, converter=to_date)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        _choice(problems, "grade", self.grade, GRADES)
        _span_problems(problems, self.since, self.until)
        _common(problems, self.sources, self.note)
        _raise(problems)


@attrs.frozen(kw_only=True)
class Group:
    """An armed group or a movement that holds no seat itself."""

    key: str
    name: str
    native_name: str | None = None
    kind: str = "armed-group"
    grades: tuple[Grade, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    notes: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        ctx = f" for group {_short(self.key)}"
        checks.check_key(problems, "key", self.key, "")
        checks.check_text(problems, "name", self.name, ctx, required=True)
        checks.check_text(problems, "native_name", self.native_name, ctx)
        _choice(problems, "kind", self.kind, GROUP_KINDS)
        checks.check_objects(problems, "grades", self.grades, Grade, ctx)
        checks.check_strings(
            problems, "sources", self.sources, ctx, checks.SOURCE_KEY, "source key"
        )
        checks.check_text(problems, "notes", self.notes, ctx)
        _raise(problems)

    def grades_on(self, day: _dt.date | None) -> frozenset[str]:
        """The grades in force on ``day``."""
        return frozenset(g.grade for g in self.grades if in_force(g.since, g.until, day))


@attrs.frozen(kw_only=True)
class Link:
    """A list's or a faction's tie to a group."""

    group: str
    relation: str = "political-wing"
    since: _dt.date | None = attrs.field(default=None, converter=to_date)
    until: _dt.date | None = attrs.field(default=None, converter=to_date)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_key(problems, "group", self.group, "")
        _choice(problems, "relation", self.relation, RELATIONS)
        _span_problems(problems, self.since, self.until)
        _common(problems, self.sources, self.note)
        _raise(problems)


@attrs.frozen(kw_only=True)
class Affiliation:
    """List ``member`` (or ``seats`` of its seats) is affiliated with ``patron`` (a party,
    a bloc or a group): ``kind`` says how.

    Affiliates inherit their patron's links (so a quota seat won by a militia's
    candidate carries the militia's tags); counted *with affiliates*
    (:meth:`Legislature.with_affiliates <coalitions.Legislature.with_affiliates>`), their
    seats join a patron party, or the list joins a patron bloc.
    """

    member: str
    patron: str
    kind: str = "aligned"
    seats: int | None = None
    since: _dt.date | None = attrs.field(default=None, converter=to_date)
    until: _dt.date | None = attrs.field(default=None, converter=to_date)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        checks.check_key(problems, "member", self.member, "")
        checks.check_key(problems, "patron", self.patron, "")
        if self.member == self.patron:
            problems.append(("patron", f"is the member {self.member!r} itself"))
        _choice(problems, "kind", self.kind, AFFILIATION_KINDS)
        if self.seats is not None:
            checks.check_whole(problems, "seats", self.seats, "", 1)
        _span_problems(problems, self.since, self.until)
        _common(problems, self.sources, self.note)
        _raise(problems)


def derived_tags(
    links: Iterable[Link], groups: Mapping[str, Group], day: _dt.date | None
) -> frozenset[str]:
    """The tags that ``links`` give on ``day`` (see the module's documentation)."""
    tags: set[str] = set()
    for link in links:
        group = groups.get(link.group)
        if group is None or not in_force(link.since, link.until, day):
            continue
        if group.kind == "armed-group":
            tags.add(f"armed-group:{group.key}")
            if link.relation != "alleged":
                tags.add("militia-affiliated")
        grades = set(group.grades_on(day))
        if link.relation == "alleged" or group.kind == "armed-group":
            grades.add("alleged")
        tags.update(f"grade:{g}" for g in grades if g != "alleged" or link.relation == "alleged")
        if grades & US_DESIGNATIONS:
            tags.add("us-designated")
        strongest = max((GRADES.index(g) for g in grades), default=-1)
        tags.update(f"grade>={g}" for g in GRADES[: strongest + 1])
    return frozenset(tags)
