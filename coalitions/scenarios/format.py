"""The scenario layout shared by TOML files and JSON: dicts to objects and back.

The layout (documented in ``docs/reference/scenario-format.md``)::

    [chamber]                 name, size; optional description, as_of, notes, format
    [[sources]]               key, title; optional url
    [[parties]]               key, name, seats; optional fields of Party
    [[parties.factions]]      key, name, seats; optional tags, sources, notes
    [[parties.alternatives]]  seats; optional sources, note
    [[blocs]]                 key, name, members; optional tags, sources, notes

Reading checks the structure here (tables, unknown or missing fields) and leaves the
values to the model's constructors, collecting every problem with its field path.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, Final, TypeVar

import attrs

from coalitions.errors import Problem, ValidationError
from coalitions.model import (
    Alternative,
    Bloc,
    Faction,
    Legislature,
    Party,
    Source,
    _legislature_problems,
)

__all__ = ["FORMAT_VERSION", "legislature_from_dict", "legislature_to_dict"]

#: The version of the layout written by :func:`legislature_to_dict`.
FORMAT_VERSION: Final = 1

_T = TypeVar("_T")

_CHAMBER_FIELDS: Final = {
    "required": ("name", "size"),
    "optional": ("description", "as_of", "notes", "format"),
}


def _fields(cls: type, *, skip: tuple[str, ...] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    required: list[str] = []
    optional: list[str] = []
    for a in attrs.fields(cls):
        if not a.init or a.name in skip:
            continue
        (optional if a.default is not attrs.NOTHING else required).append(a.name)
    return tuple(required), tuple(optional)


# --- writing ---


def _number(value: Fraction) -> str | int:
    """An exact number as written in a file: an int, a decimal string, or ``"p/q"``."""
    if value.denominator == 1:
        return value.numerator
    d = value.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    scaled = value * 10**places
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def _plain(obj: Any, order: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in order:
        value = getattr(obj, name)
        if value is None or value in ((), frozenset()):
            continue
        if isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, tuple) and value and not isinstance(value[0], str):
            value = [_to_plain(v) for v in value]
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Fraction):
            value = _number(value)
        elif isinstance(value, _dt.date):
            value = value.isoformat()
        out[name] = value
    return out


_ORDER: Final[dict[type, tuple[str, ...]]] = {
    Source: ("key", "title", "url"),
    Alternative: ("seats", "sources", "note"),
    Faction: ("key", "name", "seats", "tags", "sources", "notes"),
    Party: (
        "key",
        "name",
        "seats",
        "votes",
        "vote_share",
        "tags",
        "native_name",
        "leader",
        "colour",
        "position",
        "sources",
        "notes",
        "factions",
        "alternatives",
    ),
    Bloc: ("key", "name", "members", "tags", "sources", "notes"),
}


def _to_plain(obj: Any) -> dict[str, Any]:
    return _plain(obj, _ORDER[type(obj)])


def legislature_to_dict(leg: Legislature) -> dict[str, Any]:
    """The legislature in the scenario layout, with only JSON types (dates as ISO text)."""
    chamber = _plain(leg, ("name", "size", "description", "as_of", "notes"))
    chamber["format"] = FORMAT_VERSION
    out: dict[str, Any] = {"chamber": chamber}
    if leg.sources:
        out["sources"] = [_to_plain(s) for s in leg.sources]
    out["parties"] = [_to_plain(p) for p in leg.parties]
    if leg.blocs:
        out["blocs"] = [_to_plain(b) for b in leg.blocs]
    return out


# --- reading ---


def _table(
    problems: list[Problem],
    raw: object,
    path: str,
    required: tuple[str, ...],
    optional: tuple[str, ...],
) -> dict[str, Any] | None:
    if not isinstance(raw, Mapping):
        problems.append((path, f"must be a table (got {type(raw).__name__} {raw!r})"))
        return None
    allowed = required + optional
    ok = True
    known = {}
    for name, value in raw.items():
        if name in allowed:
            known[name] = value
            continue
        if name not in allowed:
            close = difflib.get_close_matches(str(name), allowed, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; allowed: {', '.join(allowed)}"
            problems.append(
                (f"{path}.{name}" if path else str(name), f"is not a known field{hint}")
            )
    for name in required:
        if name not in raw:
            problems.append((f"{path}.{name}" if path else name, "is required but missing"))
            ok = False
    return known if ok else None


def _construct(
    problems: list[Problem], cls: Callable[..., _T], fields: dict[str, Any], path: str
) -> _T | None:
    try:
        return cls(**fields)
    except ValidationError as err:
        problems.extend((f"{path}.{p}" if p else path, m) for p, m in err.problems)
    return None


def _list(problems: list[Problem], raw: object, path: str) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list | tuple):
        problems.append((path, f"must be a list of tables (got {type(raw).__name__})"))
        return []
    return list(raw)


def _build_one(
    problems: list[Problem],
    item: object,
    where: str,
    cls: type[_T],
    prepare: Callable[[dict[str, Any], str], None] | None = None,
) -> _T | None:
    required, optional = _fields(cls)
    fields = _table(problems, item, where, required, optional)
    if fields is None:
        return None
    if prepare is not None:
        prepare(fields, where)
    return _construct(problems, cls, fields, where)


def _build_items(problems: list[Problem], raw: object, path: str, cls: type[_T]) -> list[_T]:
    built = (
        _build_one(problems, item, f"{path}[{i}]", cls)
        for i, item in enumerate(_list(problems, raw, path))
    )
    return [obj for obj in built if obj is not None]


def legislature_from_dict(data: Mapping[str, Any]) -> Legislature:
    """Build a :class:`Legislature` from the scenario layout; every problem at once."""
    problems: list[Problem] = []
    top = _table(problems, data, "", ("chamber", "parties"), ("sources", "blocs"))
    if top is None:
        raise ValidationError(problems)
    chamber = _table(problems, top["chamber"], "chamber", **_CHAMBER_FIELDS) or {}
    version = chamber.pop("format", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        problems.append(
            (
                "chamber.format",
                f"must be {FORMAT_VERSION}, the only version so far (got {version!r})",
            )
        )
    if "as_of" in chamber and isinstance(chamber["as_of"], str):
        try:
            chamber["as_of"] = _dt.date.fromisoformat(chamber["as_of"])
        except ValueError:
            problems.append(
                ("chamber.as_of", f"must be a date such as 2025-11-17 (got {chamber['as_of']!r})")
            )
            del chamber["as_of"]

    sources = _build_items(problems, top.get("sources"), "sources", Source)

    failed_keys: set[str] = set()

    def prepare_party(fields: dict[str, Any], where: str) -> None:
        fields["factions"] = _build_items(
            problems, fields.get("factions"), f"{where}.factions", Faction
        )
        fields["alternatives"] = _build_items(
            problems, fields.get("alternatives"), f"{where}.alternatives", Alternative
        )

    raw_parties = _list(problems, top["parties"], "parties")
    parties: list[Party] = []
    party_rows: list[int] = []  # the file's index of each built party
    first_seen: dict[str, int] = {}
    for i, item in enumerate(raw_parties):
        party = _build_one(problems, item, f"parties[{i}]", Party, prepare_party)
        if party is not None:
            parties.append(party)
            party_rows.append(i)
        raw_key = item.get("key") if isinstance(item, Mapping) else None
        if not isinstance(raw_key, str):
            continue
        if party is None:
            failed_keys.add(raw_key)
        if raw_key in first_seen and (party is None or raw_key in failed_keys):
            # built parties report their duplicates themselves; here, those that failed
            problems.append(
                (
                    f"parties[{i}].key",
                    f"repeats the key {raw_key!r} of parties[{first_seen[raw_key]}]",
                )
            )
        first_seen.setdefault(raw_key, i)
    blocs: list[Bloc] = []
    bloc_rows: list[int] = []
    for i, item in enumerate(_list(problems, top.get("blocs"), "blocs")):
        bloc = _build_one(problems, item, f"blocs[{i}]", Bloc)
        if bloc is not None:
            blocs.append(bloc)
            bloc_rows.append(i)
    rows = {"parties": party_rows, "blocs": bloc_rows}

    def file_path(path: str) -> str:
        """A legislature-level path, renumbered to the rows of the file."""
        if path in ("name", "size", "description", "as_of", "notes"):
            return f"chamber.{path}"
        return _ROW.sub(lambda m: f"{m[1]}[{rows[m[1]][int(m[2])]}]", path)

    name = chamber.get("name", "")
    size = chamber.get("size", 1)
    fields = {k: v for k, v in chamber.items() if k not in ("name", "size")}
    if problems:
        # Collect the chamber-wide problems too, without building an invalid object.
        probe = object.__new__(Legislature)
        for attr, value in {
            "name": name,
            "size": size,
            "parties": tuple(parties),
            "blocs": tuple(blocs),
            "description": fields.get("description"),
            "as_of": fields.get("as_of"),
            "sources": tuple(sources),
            "notes": fields.get("notes"),
        }.items():
            object.__setattr__(probe, attr, value)
        for p, m in _legislature_problems(probe, also_known=frozenset(failed_keys)):
            problems.append((file_path(p), file_path(m)))
        raise ValidationError(problems)
    try:
        return Legislature(
            name=name, size=size, parties=parties, blocs=blocs, sources=sources, **fields
        )
    except ValidationError as err:
        raise ValidationError([(file_path(p), file_path(m)) for p, m in err.problems]) from None


_ROW: Final = re.compile(r"\b(parties|blocs)\[(\d+)\]")
