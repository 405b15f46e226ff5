"""The registry of apportionment methods, filled by decorators, with aliases."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Final, Literal

import attrs

from ..errors import AllocationError, suggest

__all__ = [
    "METHODS",
    "Method",
    "Priority",
    "divisor",
    "divisor_method",
    "get_method",
    "largest_remainder",
    "quota_method",
]

# --------------------------------------------------------------------- methods

#: A priority: (tier, value). Tier 1 is the "infinite" quotient of a first divisor of
#: zero (Adams, Dean, Huntington-Hill), ordered among itself by votes.
Priority = tuple[int, Fraction]


@attrs.frozen
class Method:
    """An apportionment method.

    A *divisor* method gives each next seat to the list with the highest quotient
    ``votes / d(k)``, ``k`` the seats it holds; ``divisor(k)`` gives ``d(k)`` (its
    square when ``squared``, as for Huntington-Hill's geometric means, whose quotients
    are compared as ``votes² / d(k)²``), and :meth:`priority` the exact quotient. A
    *largest-remainder* method gives each list ``floor(votes / quota)`` seats and the
    rest by the largest remainders; ``quota(total_votes, seats)`` computes the quota.
    """

    name: str
    kind: Literal["divisor", "largest-remainder"]
    description: str
    aliases: tuple[str, ...] = ()
    divisor: Callable[[int], Fraction] | None = attrs.field(default=None, eq=False)
    squared: bool = False
    quota: Callable[[int, int], Fraction] | None = attrs.field(default=None, eq=False)

    @property
    def guarantees_seat(self) -> bool:
        """Whether every list with votes gets a seat first (a first divisor of 0)."""
        return self.divisor is not None and self.divisor(0) == 0

    def priority(self, votes: int, k: int) -> Priority:
        """The exact quotient of a list with ``votes`` holding ``k`` seats, as
        ``(tier, value)``: tier 1 for the infinite quotient of a zero divisor."""
        if self.divisor is None:
            raise AllocationError(f"{self.name} is not a divisor method")
        d = self.divisor(k)
        if d == 0:
            return (1, Fraction(votes)) if votes else (0, Fraction(0))
        return (0, Fraction(votes * votes if self.squared else votes) / d)


METHODS: Final[dict[str, Method]] = {}
_ALIASES: Final[dict[str, str]] = {}


def _register(method: Method) -> Method:
    METHODS[method.name] = method
    for alias in method.aliases:
        _ALIASES[alias] = method.name
    return method


def divisor_method(
    *,
    first: Fraction | int = 1,
    then: Fraction | int = 3,
    step: Fraction | int = 2,
    name: str | None = None,
) -> Method:
    """A divisor method with divisors ``first, then, then + step, then + 2*step, ...``.

    The defaults are Sainte-Laguë's (1, 3, 5, ...), so ``first`` alone changes only the
    first divisor: ``divisor_method(first=Fraction(17, 10))`` is Iraq's 1.7, 3, 5, ...
    D'Hondt is ``divisor_method(first=1, then=2, step=1)``. A first divisor of 0 gives
    every list with votes a seat first.

    >>> m = divisor_method(first=Fraction(17, 10))
    >>> [str(m.priority(17, k)[1]) for k in range(3)]
    ['10', '17/3', '17/5']
    """
    values = {}
    for label, value in (("first", first), ("then", then), ("step", step)):
        if isinstance(value, bool) or not isinstance(value, int | Fraction):
            raise AllocationError(
                f"{label!r} must be an int or a Fraction (got {type(value).__name__} {value!r})"
            )
        values[label] = Fraction(value)
    f, t, st = values["first"], values["then"], values["step"]
    if f < 0 or t <= 0 or st <= 0 or t < f:
        raise AllocationError(
            f"divisors must be positive and increasing (got first={f}, then={t}, step={st})"
        )

    def divisor(k: int) -> Fraction:
        return f if k == 0 else t + (k - 1) * st

    return Method(
        name=name or f"divisors {f}, {t}, {t + st}, ...",
        kind="divisor",
        description="highest quotient votes / d with divisors "
        f"{f}, {t}, {t + st}, {t + 2 * st}, ...",
        divisor=divisor,
    )


def divisor(
    name: str, *, aliases: Sequence[str] = (), description: str, squared: bool = False
) -> Callable[[Callable[[int], Fraction]], Callable[[int], Fraction]]:
    """Register a divisor method: decorate its divisor function ``d(k)``.

    ``squared``: ``d(k)`` is the *square* of the divisor (Huntington-Hill's geometric
    means), and quotients are compared as ``votes² / d(k)``.
    """

    def register(d: Callable[[int], Fraction]) -> Callable[[int], Fraction]:
        _register(
            Method(
                name=name,
                kind="divisor",
                description=description,
                aliases=tuple(aliases),
                divisor=d,
                squared=squared,
            )
        )
        return d

    return register


@divisor(
    "dhondt",
    aliases=("jefferson", "d'hondt", "hagenbach-bischoff-divisor"),
    description="D'Hondt (Jefferson): divisors 1, 2, 3, ...; favours larger lists",
)
def _dhondt(k: int) -> Fraction:
    return Fraction(k + 1)


@divisor(
    "sainte-lague",
    aliases=("webster", "sainte-laguë", "saint-lague"),
    description="Sainte-Laguë (Webster): divisors 1, 3, 5, ...; the most proportional "
    "divisor method",
)
def _sainte_lague(k: int) -> Fraction:
    return Fraction(2 * k + 1)


@divisor(
    "modified-sainte-lague",
    aliases=("scandinavian", "sainte-lague-1.4"),
    description="modified Sainte-Laguë: divisors 1.4, 3, 5, ...; a threshold for the first seat",
)
def _modified_sainte_lague(k: int) -> Fraction:
    return Fraction(7, 5) if k == 0 else Fraction(2 * k + 1)


@divisor(
    "iraq-2023",
    aliases=("sainte-lague-1.7", "iraq"),
    description="Iraq's law of 2023: Sainte-Laguë with divisors 1.7, 3, 5, ... in each governorate",
)
def _iraq_2023(k: int) -> Fraction:
    return Fraction(17, 10) if k == 0 else Fraction(2 * k + 1)


@divisor(
    "imperiali",
    aliases=("imperiali-divisor",),
    description="Imperiali: divisors 2, 3, 4, ...; favours larger lists more than D'Hondt",
)
def _imperiali(k: int) -> Fraction:
    return Fraction(k + 2)


@divisor("danish", aliases=("danish-divisor",), description="Danish: divisors 1, 4, 7, 10, ...")
def _danish(k: int) -> Fraction:
    return Fraction(3 * k + 1)


@divisor(
    "huntington-hill",
    aliases=("hill", "equal-proportions"),
    squared=True,
    description="Huntington-Hill (equal proportions): divisors sqrt(k(k+1)); every list "
    "with votes gets a seat; priorities compared as votes^2 / (k(k+1))",
)
def _huntington_hill(k: int) -> Fraction:
    return Fraction(k * (k + 1))


@divisor(
    "adams",
    aliases=("smallest-divisors",),
    description="Adams (smallest divisors): divisors 0, 1, 2, ...; every list with votes "
    "gets a seat",
)
def _adams(k: int) -> Fraction:
    return Fraction(k)


@divisor(
    "dean",
    aliases=("harmonic-mean",),
    description="Dean (harmonic mean): divisors 2k(k+1)/(2k+1); every list with votes gets a seat",
)
def _dean(k: int) -> Fraction:
    return Fraction(2 * k * (k + 1), 2 * k + 1)


def quota_method(
    quota: Callable[[int, int], Fraction], *, name: str = "custom quota", description: str = ""
) -> Method:
    """A largest-remainder method with ``quota(total_votes, seats)``.

    >>> from coalitions import allocate
    >>> custom = quota_method(lambda votes, seats: Fraction(votes, seats), name="my-hare")
    >>> dict(allocate({"a": 6, "b": 6, "c": 2}, 10, custom).seats)
    {'a': 4, 'b': 4, 'c': 2}
    """
    return Method(
        name=name,
        kind="largest-remainder",
        description=description or "largest remainder with a custom quota",
        quota=quota,
    )


def largest_remainder(
    name: str, *, aliases: Sequence[str] = (), description: str
) -> Callable[[Callable[[int, int], Fraction]], Callable[[int, int], Fraction]]:
    """Register a largest-remainder method: decorate its ``quota(total_votes, seats)``."""

    def register(quota: Callable[[int, int], Fraction]) -> Callable[[int, int], Fraction]:
        _register(
            Method(
                name=name,
                kind="largest-remainder",
                description=description,
                aliases=tuple(aliases),
                quota=quota,
            )
        )
        return quota

    return register


@largest_remainder(
    "hare",
    aliases=("hamilton", "largest-remainder", "hare-niemeyer", "vinton"),
    description="largest remainder with the Hare quota votes / seats",
)
def _hare(votes: int, seats: int) -> Fraction:
    return Fraction(votes, seats)


@largest_remainder(
    "droop",
    aliases=("largest-remainder-droop",),
    description="largest remainder with the Droop quota floor(votes / (seats + 1)) + 1",
)
def _droop(votes: int, seats: int) -> Fraction:
    return Fraction(votes // (seats + 1) + 1)


@largest_remainder(
    "hagenbach-bischoff",
    aliases=("hagenbach-bischoff-quota",),
    description="largest remainder with the Hagenbach-Bischoff quota votes / (seats + 1)",
)
def _hagenbach_bischoff(votes: int, seats: int) -> Fraction:
    return Fraction(votes, seats + 1)


@largest_remainder(
    "imperiali-quota",
    aliases=("largest-remainder-imperiali",),
    description="largest remainder with the Imperiali quota votes / (seats + 2)",
)
def _imperiali_quota(votes: int, seats: int) -> Fraction:
    return Fraction(votes, seats + 2)


def get_method(method: str | Method) -> Method:
    """A method by name or alias (or the :class:`Method` itself); unknown names list the
    valid ones.

    >>> get_method("webster").name, get_method("iraq").name
    ('sainte-lague', 'iraq-2023')
    """
    if isinstance(method, Method):
        return method
    if not isinstance(method, str):
        raise AllocationError(
            f"'method' must be a method name or a Method (got {type(method).__name__})"
        )
    key = method.strip().lower().replace("_", "-").replace(" ", "-")
    key = _ALIASES.get(key, key)
    if key not in METHODS:
        close = suggest(key, list(METHODS) + list(_ALIASES))
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise AllocationError(
            f"unknown method {method!r}{hint} Known methods: {', '.join(METHODS)}"
        )
    return METHODS[key]
