"""The exceptions of ``coalitions``.

Every error the library raises on purpose is a :class:`CoalitionsError`, and each
subclass also inherits the builtin a caller would expect (``KeyError`` for an unknown
key, ``ValueError`` for a bad value), so ``except KeyError`` keeps working.

Messages name the field, what was expected and what was given, e.g.
``'seats' must be >= 0 (got -3) for party 'kdp'``.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

__all__ = [
    "CoalitionsError",
    "ConstraintError",
    "Problem",
    "QuotaError",
    "ScenarioError",
    "UnknownPartyError",
    "UnknownScenarioError",
    "ValidationError",
    "suggest",
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
    """A scenario file cannot be read; names the file and every problem in it."""

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


class ConstraintError(CoalitionsError, ValueError):
    """Constraints that contradict each other or the chamber (an empty answer is not one)."""


class QuotaError(CoalitionsError, ValueError):
    """A quota rule that cannot be applied (unknown name, out of range, wrong type)."""


class _UnknownKeyError(CoalitionsError, KeyError):
    """A key that is not there; the message suggests close matches."""

    kind = "key"

    def __init__(self, key: str, known: Iterable[str], where: str = "") -> None:
        self.key = key
        self.known = tuple(sorted(known))
        self.suggestions = suggest(str(key).lower(), self.known)
        where_txt = f" in {where}" if where else ""
        msg = f"unknown {self.kind} {key!r}{where_txt}"
        if self.suggestions:
            msg += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        elif self.known and len(self.known) <= 12:
            msg += "; known: " + ", ".join(self.known)
        self.message = msg
        super().__init__(msg)

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


def _render_problem(path: str, msg: str) -> str:
    return f"{path!r} {msg}" if path else msg
