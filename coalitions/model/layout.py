"""The dict form of the model's values: the layout scenario files are written in.

The layout (documented in ``docs/reference/scenario-format.md``)::

    [chamber]                 name, size; optional description, as_of, notes, format
    [[sources]]               key, title; optional url
    [[parties]]               key, name, seats; optional fields of Party
    [[parties.factions]]      key, name, seats; optional tags, sources, notes
    [[parties.alternatives]]  seats; optional sources, note
    [[blocs]]                 key, name, members; optional tags, sources, notes

This module is the machinery, for any frozen attrs class: writing a value as a plain
dict in a fixed field order, and reading a table back into a value while collecting
every problem with its field path (unknown or missing fields, wrong shapes, and what the
value's own checks find). It knows no class of the model: :mod:`.values` names the
classes and their field order. Reading files, and the versions of the file format, are
the business of :mod:`coalitions.scenarios`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, Final, TypeVar

import attrs

from ..errors import Problem, ValidationError, _short, suggest

__all__ = [
    "LAYOUT_VERSION",
    "READABLE_VERSIONS",
    "build_items",
    "build_one",
    "plain",
    "table",
    "write_number",
]

#: The version of the layout :meth:`~coalitions.Legislature.to_dict` writes (the
#: ``format`` field of ``[chamber]``). Version 2 added aliases, links, groups,
#: affiliations, bloc definitions and events; every version-1 file is a valid
#: version-2 file, so both are read.
LAYOUT_VERSION: Final = 2
#: The versions the reader takes.
READABLE_VERSIONS: Final = (1, 2)

_T = TypeVar("_T")


# --- writing ---


def write_number(value: Fraction) -> str | int:
    """An exact number as written in a file: an int, a decimal string, or ``"p/q"``.

    >>> write_number(Fraction(3)), write_number(Fraction(1174, 10000)), write_number(Fraction(1, 3))
    (3, '0.1174', '1/3')
    """
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


def plain(
    obj: Any, order: tuple[str, ...], nested: Callable[[Any], dict[str, Any]]
) -> dict[str, Any]:
    """The fields ``order`` of ``obj`` as JSON types, empty ones left out; values held in
    tuples of objects are written with ``nested``."""
    out: dict[str, Any] = {}
    for name in order:
        value = getattr(obj, name)
        if (
            value is None
            or value in ((), frozenset())
            or (isinstance(value, Mapping) and not value)
        ):
            continue
        if isinstance(value, frozenset):
            value = sorted(value)
        elif isinstance(value, tuple) and value and not isinstance(value[0], str):
            value = [nested(v) for v in value]
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Mapping):
            value = dict(value)
        elif isinstance(value, Fraction):
            value = write_number(value)
        elif isinstance(value, _dt.date):
            value = value.isoformat()
        out[name] = value
    return out


# --- reading ---


def init_fields(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The required and the optional constructor fields of an attrs class."""
    required: list[str] = []
    optional: list[str] = []
    for a in attrs.fields(cls):
        if a.init:
            (optional if a.default is not attrs.NOTHING else required).append(a.name)
    return tuple(required), tuple(optional)


def table(
    problems: list[Problem],
    raw: object,
    path: str,
    required: tuple[str, ...],
    optional: tuple[str, ...],
) -> dict[str, Any] | None:
    """The known fields of the table ``raw``; ``None`` when it is no table or lacks a
    required field. Unknown fields are problems (with a close match when there is one)."""
    if not isinstance(raw, Mapping):
        problems.append((path, f"must be a table (got {type(raw).__name__} {_short(raw)})"))
        return None
    allowed = required + optional
    known = {}
    for name, value in raw.items():
        if name in allowed:
            known[name] = value
            continue
        close = suggest(str(name), allowed, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; allowed: {', '.join(allowed)}"
        problems.append((f"{path}.{name}" if path else str(name), f"is not a known field{hint}"))
    missing = [name for name in required if name not in raw]
    for name in missing:
        problems.append((f"{path}.{name}" if path else name, "is required but missing"))
    return None if missing else known


def construct(
    problems: list[Problem], cls: Callable[..., _T], fields: dict[str, Any], path: str
) -> _T | None:
    """``cls(**fields)``, its problems added under ``path``; ``None`` when it fails."""
    try:
        return cls(**fields)
    except ValidationError as err:
        problems.extend((f"{path}.{p}" if p else path, m) for p, m in err.problems)
    return None


def items(problems: list[Problem], raw: object, path: str) -> list[Any]:
    """The list of tables ``raw`` (empty for ``None``)."""
    if raw is None:
        return []
    if not isinstance(raw, list | tuple):
        problems.append((path, f"must be a list of tables (got {type(raw).__name__})"))
        return []
    return list(raw)


def build_one(
    problems: list[Problem],
    item: object,
    where: str,
    cls: type[_T],
    prepare: Callable[[dict[str, Any], str], None] | None = None,
) -> _T | None:
    """One value of ``cls`` from the table ``item``, or ``None`` with its problems."""
    required, optional = init_fields(cls)
    fields = table(problems, item, where, required, optional)
    if fields is None:
        return None
    if prepare is not None:
        prepare(fields, where)
    return construct(problems, cls, fields, where)


def build_items(
    problems: list[Problem],
    raw: object,
    path: str,
    cls: type[_T],
    prepare: Callable[[dict[str, Any], str], None] | None = None,
) -> list[_T]:
    """The values of ``cls`` from a list of tables; those that fail are left out."""
    built = (
        build_one(problems, item, f"{path}[{i}]", cls, prepare)
        for i, item in enumerate(items(problems, raw, path))
    )
    return [obj for obj in built if obj is not None]
