"""The exceptions of ``coalitions``: every one of them lives here.

Every error the library raises on purpose is a :class:`CoalitionsError`, and each
subclass also inherits the builtin a caller would expect (``KeyError`` for an unknown
key, ``ValueError`` for a bad value), so ``except KeyError`` keeps working.

Messages name the field, what was expected and what was given, e.g.
``'seats' must be >= 0 (got -3) for party 'kdp'``; a message is built first, then
raised. Unknown names (a party, a scenario, a rule, a method, a format, ...) are all
reported by one helper, :func:`unknown`, in one dialect:
``unknown party 'kdq' in 'Iraq'; did you mean 'kdp'?``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = [
    "AllocationError",
    "ArgumentError",
    "CoalitionsError",
    "ConstraintError",
    "LimitError",
    "NumberError",
    "OutputError",
    "Problem",
    "QuotaError",
    "RenderError",
    "ScenarioError",
    "SimulationError",
    "TieError",
    "UnknownNameError",
    "UnknownPartyError",
    "UnknownScenarioError",
    "UnknownSeatsError",
    "ValidationError",
    "WhatIfError",
    "suggest",
    "unknown",
]

#: One problem found while validating: ``(path, message)``, where ``path`` is a
#: field path such as ``"parties[3].seats"`` (empty for the whole object).
Problem = tuple[str, str]


class CoalitionsError(Exception):
    """Base class of every error raised on purpose by ``coalitions``."""


class ValidationError(CoalitionsError, ValueError):
    """A value breaks an invariant; ``problems`` lists every problem found.

    >>> err = ValidationError([("seats", "must be >= 0 (got -3)")])
    >>> str(err)
    "'seats' must be >= 0 (got -3)"
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self._render())

    def _render(self) -> str:
        lines = [_render_problem(path, msg) for path, msg in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(f"  - {line}" for line in lines)

    def __str__(self) -> str:
        return self._render()


class ScenarioError(ValidationError):
    """A scenario (or any input file) cannot be read; names the file and every problem."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        super().__init__(problems)

    def _render(self) -> str:
        lines = [_render_problem(path, msg) for path, msg in self.problems]
        if len(lines) == 1:
            return f"{self.source}: {lines[0]}"
        return f"{self.source}: {len(lines)} problems:\n" + "\n".join(
            f"  - {line}" for line in lines
        )


class LimitError(CoalitionsError, ValueError):
    """An input over one of the documented limits (size, digits, depth, draws, ...)."""


class NumberError(CoalitionsError, ValueError):
    """A value that is not the exact number or whole number a field asks for."""


class ConstraintError(CoalitionsError, ValueError):
    """Constraints that contradict each other or the chamber (an empty answer is not one)."""


class UnknownSeatsError(ConstraintError):
    """The answer depends on seats nobody knows: an excluded faction whose seat count is
    unknown or only a range. ``factions`` holds ``(key, least, most)`` for each, with
    ``key`` as ``"party/faction"``; count over every case with
    :func:`coalitions.search.count_range`, or assume a figure with ``faction_seats``."""

    def __init__(self, message: str, factions: Sequence[tuple[str, int, int]]) -> None:
        super().__init__(message)
        self.factions = tuple(factions)


class QuotaError(CoalitionsError, ValueError):
    """A quota rule that cannot be applied (unknown name, out of range, wrong type)."""


class AllocationError(CoalitionsError, ValueError):
    """Votes, seats, a threshold or a method that cannot give an allocation."""


class TieError(AllocationError):
    """The last seat is tied and ``tie_break="raise"``; ``tie`` says between whom."""

    def __init__(self, message: str, tie: Any) -> None:
        super().__init__(message)
        self.tie = tie  # a coalitions.apportion.Tie


class SimulationError(CoalitionsError, ValueError):
    """Shares, seats or options that cannot be simulated."""


class WhatIfError(CoalitionsError, ValueError):
    """A change that cannot be applied to the chamber (e.g. moving more seats than held)."""


class ArgumentError(CoalitionsError, TypeError):
    """A public function given an argument of the wrong kind (not a chamber, not text)."""


class OutputError(CoalitionsError, OSError):
    """A result that cannot be written where it was asked to go (a missing folder, no
    permission)."""


class RenderError(CoalitionsError, ValueError):
    """A table or picture that cannot be drawn (unknown format, impossible layout)."""


class UnknownNameError(CoalitionsError, ValueError):
    """A name (a rule, a method, a format, an index, a change, ...) that is not known."""


class _UnknownKeyError(CoalitionsError, KeyError):
    """A key that is not there; the message suggests close matches."""

    kind = "key"

    def __init__(self, key: str, known: Iterable[str], where: str = "") -> None:
        self.key = key
        self.known = tuple(sorted(known))
        self.suggestions = suggest(str(key).lower(), self.known)
        self.message = unknown(self.kind, key, self.known, where=where)
        super().__init__(self.message)

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class UnknownPartyError(_UnknownKeyError):
    """A party (or bloc) key that the legislature does not have."""

    kind = "party"


class UnknownScenarioError(_UnknownKeyError):
    """A built-in scenario name that does not exist."""

    kind = "scenario"


def suggest(word: str, known: Iterable[str], n: int = 3) -> tuple[str, ...]:
    """Close matches for a mistyped ``word``: names containing it first, then similar ones.

    >>> suggest("militia", ["militia-affiliated", "component:shia"])
    ('militia-affiliated',)
    """
    known = sorted(known)
    containing = [k for k in known if word and word in k]
    similar = difflib.get_close_matches(word, known, n=n)
    out: list[str] = []
    for k in containing + similar:
        if k not in out:
            out.append(k)
    return tuple(out[:n])


def unknown(
    kind: str,
    name: Any,
    known: Iterable[str],
    *,
    where: str = "",
    also: str = "",
    show: int = 12,
) -> str:
    """The one message for an unknown name: what, where, the close matches or the list.

    ``also`` names what else is accepted (``"a share such as 3/5"``). The known names
    are listed when there are at most ``show`` of them and none is close.

    >>> unknown("quota rule", "majorty", ["majority", "two-thirds"])
    "unknown quota rule 'majorty'; did you mean 'majority'?"
    >>> unknown("format", "xls", ["csv", "json"], also="a tabulate format")
    "unknown format 'xls'; expected one of csv, json, or a tabulate format"
    """
    known = tuple(known)
    where_txt = f" in {where}" if where else ""
    msg = f"unknown {kind} {_short(name)}{where_txt}"
    close = suggest(str(name).strip().lower(), known) if isinstance(name, str) else ()
    if close:
        return msg + "; did you mean " + " or ".join(repr(s) for s in close) + "?"
    choices = list(known) if 0 < len(known) <= show else []
    if also:
        choices.append(also)
    if choices:
        msg += "; expected one of " + ", ".join(choices[:-1])
        msg += (", or " if len(choices) > 1 else "") + choices[-1]
    elif known:
        msg += f"; {len(known)} are known, e.g. " + ", ".join(known[:5])
    return msg


def _short(value: Any, limit: int = 80) -> str:
    """``repr(value)``, shortened to ``limit`` characters for a message."""
    try:
        text = repr(value)
    except ValueError:  # e.g. an int over Python's digit limit
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _render_problem(path: str, msg: str) -> str:
    return f"{path!r} {msg}" if path else msg
