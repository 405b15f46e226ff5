"""The invariants of the model, as functions of fields.

Each ``*_problems`` function takes the fields of one value and returns every problem it
finds as ``(field path, message)`` pairs, without raising. The classes call them at
construction; the scenario reader calls them on what it could read, so that a file with
many faults reports all of them at once, without building an invalid object.

Every check is linear in the size of its input (no ``list.count`` in a loop).

>>> party_problems(key="KDP", name="", seats=-3)
[('key', "must be a lowercase slug of letters, digits, '-', '_' or '.' (got 'KDP')"), \
('name', "must not be empty for party 'KDP'"), ('seats', "must be >= 0 (got -3) for party 'KDP'")]
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any, Final

from .. import limits, numbers
from ..errors import Problem, ValidationError, _short

__all__ = [
    "alternative_problems",
    "bloc_definition_problems",
    "bloc_problems",
    "chamber_problems",
    "faction_problems",
    "faction_set_problems",
    "is_key",
    "legislature_problems",
    "party_problems",
    "source_problems",
]

KEY: Final = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$")
TAG: Final = re.compile(r"^\S+$")
COLOUR: Final = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
SOURCE_KEY: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def is_key(value: object) -> bool:
    """Whether ``value`` is a valid key: a lowercase slug such as ``"state-of-law"``.

    >>> is_key("state-of-law"), is_key("KDP"), is_key("a b")
    (True, False, False)
    """
    return isinstance(value, str) and bool(KEY.match(value))


def raise_problems(problems: list[Problem]) -> None:
    """Raise every problem found at once, in one
    :class:`~coalitions.errors.ValidationError` (nothing when there is none)."""
    if problems:
        raise ValidationError(problems)


# --- one field each: append problems, never raise ---


def check_whole(
    problems: list[Problem],
    field: str,
    value: object,
    ctx: str,
    low: int,
    high: int | None = None,
) -> bool:
    """A whole number in ``[low, high]``; says whether it is one."""
    problem = numbers.whole_problem(value, low=low, high=high)
    if problem is not None:
        problems.append((field, problem + ctx))
    return problem is None


def check_key(problems: list[Problem], field: str, value: object, ctx: str) -> None:
    """A lowercase slug."""
    if not is_key(value):
        problems.append(
            (
                field,
                (
                    "must be a lowercase slug of letters, digits, '-', '_' or '.' "
                    f"(got {_short(value)}){ctx}"
                ),
            )
        )


def check_text(
    problems: list[Problem], field: str, value: object, ctx: str, *, required: bool = False
) -> None:
    """A string (non-empty if ``required``); ``None`` is fine when not required."""
    if value is None and not required:
        return
    if not isinstance(value, str):
        problems.append(
            (field, f"must be a string (got {type(value).__name__} {_short(value)}){ctx}")
        )
    elif required and not value.strip():
        problems.append((field, f"must not be empty{ctx}"))


def check_strings(
    problems: list[Problem],
    field: str,
    value: object,
    ctx: str,
    pattern: re.Pattern[str],
    what: str,
) -> None:
    """A list (tuple or frozenset) of strings that match ``pattern``."""
    if not isinstance(value, tuple | frozenset):
        problems.append(
            (
                field,
                f"must be a list of {what}s (got {type(value).__name__} {_short(value)}){ctx}",
            )
        )
        return
    items: Iterable[object] = sorted(value, key=repr) if isinstance(value, frozenset) else value
    for item in items:
        if not isinstance(item, str) or not pattern.match(item):
            problems.append((field, f"holds {_short(item)}, which is not a valid {what}{ctx}"))


def check_fraction(problems: list[Problem], field: str, value: object, ctx: str) -> None:
    """An exact number, or ``None``."""
    if value is not None and not isinstance(value, Fraction):
        problems.append(
            (field, f"must be a number (got {type(value).__name__} {_short(value)}){ctx}")
        )


def check_objects(problems: list[Problem], field: str, value: object, cls: type, ctx: str) -> bool:
    """A tuple of ``cls`` instances; says whether it is one."""
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


def repeated(items: Iterable[Any]) -> list[Any]:
    """The items that occur more than once, each once, in order of first occurrence."""
    counts = Counter(items)
    return [item for item, n in counts.items() if n > 1]


# --- one value each ---


def source_problems(*, key: object, title: object, url: object = None) -> list[Problem]:
    """The problems of a :class:`~coalitions.model.Source`'s fields."""
    problems: list[Problem] = []
    if not isinstance(key, str) or not SOURCE_KEY.match(key):
        problems.append(("key", f"must be letters, digits, '-', '_' or '.' (got {_short(key)})"))
    ctx = f" for source {_short(key)}"
    check_text(problems, "title", title, ctx, required=True)
    check_text(problems, "url", url, ctx)
    return problems


def alternative_problems(
    *, seats: object, sources: object = (), note: object = None
) -> list[Problem]:
    """The problems of an :class:`~coalitions.model.Alternative`'s fields."""
    problems: list[Problem] = []
    check_whole(problems, "seats", seats, " for an alternative figure", 0)
    check_strings(problems, "sources", sources, "", SOURCE_KEY, "source key")
    check_text(problems, "note", note, "")
    return problems


def faction_problems(
    *,
    key: object,
    name: object,
    seats: object = None,
    tags: object = frozenset(),
    sources: object = (),
    notes: object = None,
    max_seats: object = None,
) -> list[Problem]:
    """The problems of a :class:`~coalitions.model.Faction`'s fields."""
    problems: list[Problem] = []
    ctx = f" for faction {_short(key)}"
    check_key(problems, "key", key, "")
    check_text(problems, "name", name, ctx, required=True)
    good = seats is None or check_whole(problems, "seats", seats, ctx, 0)
    ranged = max_seats is not None and check_whole(problems, "max_seats", max_seats, ctx, 1)
    both = ranged and good and isinstance(seats, int) and isinstance(max_seats, int)
    if both and max_seats <= seats:  # type: ignore[operator]
        problems.append(
            ("max_seats", f"must be more than 'seats' ({seats}) (got {max_seats}){ctx}")
        )
    check_strings(problems, "tags", tags, ctx, TAG, "tag")
    check_strings(problems, "sources", sources, ctx, SOURCE_KEY, "source key")
    check_text(problems, "notes", notes, ctx)
    return problems


def party_problems(
    *,
    key: object,
    name: object,
    seats: object,
    tags: object = frozenset(),
    native_name: object = None,
    leader: object = None,
    colour: object = None,
    position: object = None,
    votes: object = None,
    vote_share: object = None,
    sources: object = (),
    notes: object = None,
    aliases: object = (),
) -> list[Problem]:
    """The problems of a :class:`~coalitions.model.Party`'s own fields; its factions are
    checked by :func:`faction_set_problems`."""
    problems: list[Problem] = []
    ctx = f" for party {_short(key)}"
    check_key(problems, "key", key, "")
    check_text(problems, "name", name, ctx, required=True)
    check_whole(problems, "seats", seats, ctx, 0)
    check_strings(problems, "tags", tags, ctx, TAG, "tag")
    for field, value in (("native_name", native_name), ("leader", leader), ("notes", notes)):
        check_text(problems, field, value, ctx)
    if colour is not None and (not isinstance(colour, str) or not COLOUR.match(colour)):
        problems.append(("colour", f"must be '#rgb' or '#rrggbb' (got {_short(colour)}){ctx}"))
    check_fraction(problems, "position", position, ctx)
    if votes is not None:
        check_whole(problems, "votes", votes, ctx, 0)
    check_fraction(problems, "vote_share", vote_share, ctx)
    if isinstance(vote_share, Fraction) and not 0 <= vote_share <= 1:
        problems.append(("vote_share", f"must be between 0 and 1 (got {vote_share}){ctx}"))
    check_strings(problems, "sources", sources, ctx, SOURCE_KEY, "source key")
    check_strings(problems, "aliases", aliases, ctx, KEY, "key")
    return problems


def faction_set_problems(factions: Sequence[Any], seats: object, ctx: str) -> list[Problem]:
    """The problems of a list's factions together: repeated keys, more seats than the list."""
    problems: list[Problem] = []
    for dup in sorted(repeated(f.key for f in factions)):
        problems.append(("factions", f"has the key {dup!r} more than once{ctx}"))
    if numbers.whole_problem(seats, low=0) is not None or not isinstance(seats, int):
        return problems
    total = sum(f.least for f in factions)
    if total > seats:
        least = "" if all(f.known for f in factions) else " at least"
        problems.append(
            ("factions", f"hold{least} {total} seats, more than the list's {seats}{ctx}")
        )
    for f in factions:
        if f.max_seats is not None and f.max_seats > seats:
            problems.append(
                (
                    "factions",
                    (
                        f"give faction {f.key!r} up to {f.max_seats} seats, more than the "
                        f"list's {seats}{ctx}"
                    ),
                )
            )
    return problems


def bloc_problems(
    *,
    key: object,
    name: object,
    members: object,
    tags: object = frozenset(),
    sources: object = (),
    notes: object = None,
) -> list[Problem]:
    """The problems of a :class:`~coalitions.model.Bloc`'s fields."""
    problems: list[Problem] = []
    ctx = f" for bloc {_short(key)}"
    check_key(problems, "key", key, "")
    check_text(problems, "name", name, ctx, required=True)
    check_strings(problems, "members", members, ctx, KEY, "party key")
    if isinstance(members, tuple):
        if not members:
            problems.append(("members", f"must name at least one party{ctx}"))
        hashable = [m for m in members if isinstance(m, str)]
        for dup in sorted(repeated(hashable)):
            problems.append(("members", f"names {dup!r} more than once{ctx}"))
    check_strings(problems, "tags", tags, ctx, TAG, "tag")
    check_strings(problems, "sources", sources, ctx, SOURCE_KEY, "source key")
    check_text(problems, "notes", notes, ctx)
    return problems


def bloc_definition_problems(
    *,
    key: object,
    members: object = (),
    reported_seats: object = None,
    sources: object = (),
    note: object = None,
) -> list[Problem]:
    """The problems of a :class:`~coalitions.model.BlocDefinition`'s fields."""
    problems: list[Problem] = []
    ctx = f" for bloc definition {_short(key)}"
    check_key(problems, "key", key, "")
    check_strings(problems, "members", members, ctx, KEY, "party key")
    if isinstance(members, tuple):
        for dup in sorted(repeated(m for m in members if isinstance(m, str))):
            problems.append(("members", f"names {dup!r} more than once{ctx}"))
        if not members and reported_seats is None:
            problems.append(("members", f"must name a party, or give 'reported_seats'{ctx}"))
    if reported_seats is not None:
        check_whole(problems, "reported_seats", reported_seats, ctx, 0)
    check_strings(problems, "sources", sources, ctx, SOURCE_KEY, "source key")
    check_text(problems, "note", note, ctx)
    return problems


def chamber_problems(
    *, name: object, size: object, description: object, as_of: object, notes: object
) -> list[Problem]:
    """The problems of a chamber's own fields."""
    problems: list[Problem] = []
    check_text(problems, "name", name, "", required=True)
    size_ok = check_whole(problems, "size", size, "", 1)
    if size_ok and isinstance(size, int) and size > limits.MAX_CHAMBER_SIZE:
        problems.append(("size", _over("seats", size, "MAX_CHAMBER_SIZE")))
    check_text(problems, "description", description, "")
    check_text(problems, "notes", notes, "")
    if as_of is not None and not isinstance(as_of, _dt.date):
        problems.append(("as_of", f"must be a date such as 2025-11-17 (got {_short(as_of)})"))
    return problems


def legislature_problems(
    *,
    name: object,
    size: object,
    parties: Sequence[Any],
    blocs: Sequence[Any] = (),
    description: object = None,
    as_of: object = None,
    sources: Sequence[Any] = (),
    notes: object = None,
    also_known: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Every invariant of a chamber whose parties, blocs and sources are valid values.

    ``also_known`` are party keys that exist but could not be built (a file reader passes
    them so that a bad party does not also make its bloc look wrong).
    """
    problems = chamber_problems(
        name=name, size=size, description=description, as_of=as_of, notes=notes
    )
    if len(parties) > limits.MAX_PARTIES:
        problems.append(("parties", _over("lists", len(parties), "MAX_PARTIES")))
    source_keys = _source_key_problems(problems, sources)
    party_keys = _party_key_problems(problems, parties)
    seated = sum(p.seats for p in parties)
    if numbers.whole_problem(size, low=1) is None and isinstance(size, int) and seated > size:
        problems.append(("parties", f"hold {seated} seats, more than the chamber's size {size}"))
    if source_keys:
        for i, party in enumerate(parties):
            cited = [*party.sources]
            cited += [s for f in party.factions for s in f.sources]
            cited += [s for a in party.alternatives for s in a.sources]
            problems += _citations(f"parties[{i}].sources", cited, source_keys)
    _alias_problems(problems, parties, blocs)
    _bloc_set_problems(problems, blocs, set(party_keys) | set(also_known))
    known = set(party_keys) | set(also_known)
    for i, bloc in enumerate(blocs):
        for j, d in enumerate(bloc.definitions):
            for member in d.members:
                if member not in known:
                    problems.append(
                        (
                            f"blocs[{i}].definitions[{j}].members",
                            f"names {member!r}, which is not a party of this legislature",
                        )
                    )
            if source_keys:
                problems += _citations(
                    f"blocs[{i}].definitions[{j}].sources", d.sources, source_keys
                )
        if source_keys:
            problems += _citations(f"blocs[{i}].sources", bloc.sources, source_keys)
    return problems


def _over(what: str, got: int, name: str) -> str:
    limit = getattr(limits, name)
    return f"must be at most {limit:,} {what} (coalitions.limits.{name}; got {got:,})"


def _source_key_problems(problems: list[Problem], sources: Sequence[Any]) -> set[str]:
    keys: set[str] = set()
    for i, src in enumerate(sources):
        if src.key in keys:
            problems.append((f"sources[{i}].key", f"repeats the source key {src.key!r}"))
        keys.add(src.key)
    return keys


def _party_key_problems(problems: list[Problem], parties: Sequence[Any]) -> dict[str, int]:
    first: dict[str, int] = {}
    faction_keys: set[str] = set()
    for i, party in enumerate(parties):
        if party.key in first:
            problems.append(
                (
                    f"parties[{i}].key",
                    f"repeats the key {party.key!r} of parties[{first[party.key]}]",
                )
            )
        else:
            first[party.key] = i
        for j, faction in enumerate(party.factions):
            if faction.key in faction_keys:
                problems.append(
                    (f"parties[{i}].factions[{j}].key", f"repeats the faction key {faction.key!r}")
                )
            faction_keys.add(faction.key)
    for i, party in enumerate(parties):
        if party.key in faction_keys:
            problems.append((f"parties[{i}].key", f"{party.key!r} is also used as a faction key"))
    return first


def _alias_problems(problems: list[Problem], parties: Sequence[Any], blocs: Sequence[Any]) -> None:
    """An alias names one party, and is no party's or bloc's key."""
    keys = {p.key for p in parties} | {b.key for b in blocs}
    owner: dict[str, str] = {}
    for i, party in enumerate(parties):
        for alias in party.aliases:
            if alias in keys:
                problems.append((f"parties[{i}].aliases", f"{alias!r} is also a key"))
            elif owner.setdefault(alias, party.key) != party.key:
                problems.append(
                    (f"parties[{i}].aliases", f"{alias!r} is already an alias of {owner[alias]!r}")
                )


def _bloc_set_problems(problems: list[Problem], blocs: Sequence[Any], known: set[str]) -> None:
    """Bloc keys are unique and name no party; members exist. Blocs may overlap: a list
    can be a member of several blocs (the Coordination Framework and a wider alliance)."""
    bloc_keys: set[str] = set()
    for i, bloc in enumerate(blocs):
        if bloc.key in bloc_keys:
            problems.append((f"blocs[{i}].key", f"repeats the bloc key {bloc.key!r}"))
        bloc_keys.add(bloc.key)
        if bloc.key in known:
            problems.append((f"blocs[{i}].key", f"{bloc.key!r} is also a party key; use another"))
        for member in bloc.members:
            if member not in known:
                problems.append(
                    (
                        f"blocs[{i}].members",
                        f"names {member!r}, which is not a party of this legislature",
                    )
                )


def _citations(path: str, cited: Iterable[str], known: set[str]) -> list[Problem]:
    return [
        (path, f"cites {s!r}, which is not among the legislature's sources")
        for s in cited
        if s not in known
    ]
