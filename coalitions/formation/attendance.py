"""Attendance and discipline, exactly: the probability that a step passes for a coalition.

Each list may have a probability that its members attend (``attendance``) and that a
member who attends votes with the list (``discipline``); both default to 1 and may be
given by list key or bloc key (then for each member list). A coalition's members vote
yes when they vote with their list; everybody else votes no when they vote with theirs.
Members act independently. Vacant seats are absent.

:func:`pass_probability` computes the probability **exactly**: each member is absent,
present voting no, or present voting yes; the joint distribution of (no, yes) is the
convolution of the members' distributions, with integer numerators over one common
denominator (the product of each member's denominator). Deterministic members only
shift the distribution. A step with a run-off passes when either round does, in the
same sitting. The arithmetic is in :mod:`coalitions.formation.grid`.

It also gives the most likely **shortfall** of a failing sitting: the fewest absent
members who, by coming and voting yes, would have passed it.

Cost: when a step counts only yes votes (a threshold of the members at or above its
quorum: Iraq's Speaker, cabinet, the President's first round alone) the yes count is one
convolution, in milliseconds at Iraq's scale. When members either attend or not, or
all attend and vote either way, the distributions stay one-dimensional too (about 0.1 s
for every list of Iraq's chamber). Members with all three outcomes in a step counted
over those present (the presidential run-off) need the two-dimensional grid; it keeps
only the counts the rule reads, builds the most numerous kind of member in closed form,
and leaves a common attendance factor out until the end: every list of Iraq's chamber
at 9/10 and 19/20 takes about a second of processor time or less (five to six times
faster than building the whole grid member by member), every list with its own figures
about two (see ``benchmarks/bench_formation.py``).

:func:`simulate_pass` is the Monte Carlo check (seeded), for models that are not
independent or to cross-check the exact figure.

>>> import coalitions as co
>>> from fractions import Fraction
>>> kr = co.load_scenario("kurdistan-2024")
>>> pc = pass_probability(kr, "kdp+puk", "cabinet", "kurdistan",
...                       attendance={"puk": Fraction(1, 2)})
>>> pc.probability, pc.shortfall  # 12 of PUK's 23 must come: a fair coin's odds
(Fraction(1, 2), 1)
"""

from __future__ import annotations

import datetime as _dt
import math
import random
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, ClassVar

import attrs

from .. import numbers, report
from ..errors import ConstraintError, NumberError, SimulationError
from ..limits import MAX_DRAWS
from ..model import Legislature, chamber
from ..rules import Vote
from . import grid
from .grid import slots
from .procedure import Procedure, _day, get_procedure
from .sitting import passes

__all__ = ["PassChance", "SimulatedPass", "pass_probability", "simulate_pass"]

Probabilities = Mapping[str, Fraction | int | str]


@attrs.frozen
class PassChance(report.Shown):
    """The exact probability that ``step`` passes for ``coalition``, and the most likely
    shortfall of a failing sitting (``None`` when it never fails) with its probability.

    The shortfall is the fewest absent members who, by coming and voting yes, would have
    passed the sitting; in a step that counts only yes votes (a threshold of the members
    at or above the quorum) it is the yes votes short. ``expected_present`` and
    ``expected_yes`` are the expected numbers of members present and voting yes."""

    step: str
    coalition: tuple[str, ...]
    probability: Fraction
    shortfall: int | None
    shortfall_probability: Fraction
    expected_present: Fraction
    expected_yes: Fraction

    view_name: ClassVar[str] = "pass-chance"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (("table", None),)

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """The result as one record: decimals, or exact ``Fraction`` values when
        ``exact``."""
        row = {
            "step": self.step,
            "coalition": "+".join(self.coalition),
            "probability": self.probability,
            "shortfall": self.shortfall,
            "shortfall_probability": self.shortfall_probability,
            "expected_present": self.expected_present,
            "expected_yes": self.expected_yes,
        }
        return report.records_of([row], exact=exact)


@attrs.frozen
class SimulatedPass:
    """A Monte Carlo estimate: passes in ``draws`` sittings, and an interval of about
    ``z`` standard errors (Wilson's score interval)."""

    step: str
    passed: int
    draws: int
    low: Fraction
    high: Fraction

    @property
    def estimate(self) -> Fraction:
        """The share of sittings that passed."""
        return Fraction(self.passed, self.draws)


def _probability(value: object, field: str) -> Fraction:
    try:
        p = numbers.exact(value, field=field)
    except NumberError as err:
        raise ConstraintError(str(err)) from None
    if not 0 <= p <= 1:
        raise ConstraintError(f"{field!r} must be a probability between 0 and 1 (got {value!r})")
    return p


def _per_list(leg: Legislature, given: Probabilities | None, field: str) -> dict[str, Fraction]:
    out = dict.fromkeys(leg.keys, Fraction(1))
    if given is None:
        return out
    if not isinstance(given, Mapping):
        raise ConstraintError(f"{field!r} must map list keys to probabilities (got {given!r})")
    for key, value in given.items():
        p = _probability(value, f"{field}[{key!r}]")
        for party in leg.resolve(str(key), field=field):
            out[party] = p
    return out


def _outcomes(a: Fraction, d: Fraction, member: bool) -> tuple[int, int, int, int]:
    """A member's integer weights (absent, no, yes) and their sum."""
    den = a.denominator * d.denominator
    absent = (a.denominator - a.numerator) * d.denominator
    loyal = a.numerator * d.numerator
    disloyal = a.numerator * (d.denominator - d.numerator)
    return (absent, disloyal, loyal, den) if member else (absent, loyal, disloyal, den)


def _members(
    leg: Legislature,
    members: Iterable[str],
    attendance: Probabilities | None,
    discipline: Probabilities | None,
) -> list[tuple[int, tuple[int, int, int, int]]]:
    """``(seats, weights)`` for each list with seats."""
    att = _per_list(leg, attendance, "attendance")
    dis = _per_list(leg, discipline, "discipline")
    inside = set(members)
    return [
        (p.seats, _outcomes(att[p.key], dis[p.key], p.key in inside))
        for p in leg.parties
        if p.seats > 0
    ]


def _total(lists: list[tuple[int, tuple[int, int, int, int]]]) -> int:
    total = 1
    for seats, weights in lists:
        total *= weights[3] ** seats
    return total


def _needs(votes: tuple[Vote, ...], size: int, seated: int) -> list[int | None]:
    """For each number present, the fewest yes votes that pass some round."""
    out: list[int | None] = []
    for present in range(seated + 1):
        best = None
        for v in votes:
            if present >= max(1, v.quorum_seats(size)):
                t = v.needed(size, present)
                best = t if best is None else min(best, t)
        out.append(best)
    return out


def pass_probability(
    leg: Legislature,
    coalition: str | Iterable[str],
    step: str = "cabinet",
    procedure: str | Procedure = "iraq",
    *,
    attendance: Probabilities | None = None,
    discipline: Probabilities | None = None,
    date: _dt.date | str | None = None,
) -> PassChance:
    """The exact probability that ``step`` passes for ``coalition``; see the module."""
    leg = chamber(leg)
    members = leg.members(coalition)
    votes = _votes(leg, step, procedure, date)
    lists = _members(leg, members, attendance, discipline)
    total = _total(lists)
    width = total.bit_length() // 8 + 1  # whole bytes, above every count
    bits = 8 * width
    if all(
        v.base == "members" and v.needed(leg.size, leg.size) >= v.quorum_seats(leg.size)
        for v in votes
    ):
        return _yes_only(step, members, votes, leg, lists, total, bits)
    plan = grid.plan(_needs(votes, leg.size, leg.seated), leg.seated)
    noes = grid.line([(k, wa + wy, wn) for k, (wa, wn, wy, _d) in lists], bits)
    masses = slots(noes, width, leg.seated + 1)
    won, shortfall = grid.tally(grid.rows(lists, plan, width), masses, plan)
    return _chance(step, members, lists, won, shortfall, total)


def _chance(
    step: str,
    members: tuple[str, ...],
    lists: list[tuple[int, tuple[int, int, int, int]]],
    won: int,
    shortfall: Mapping[int, int],
    total: int,
) -> PassChance:
    """The result: ``won`` and the weight of each ``shortfall`` out of ``total``; the
    most likely shortfall first among equals by size."""
    most = max(sorted(shortfall), key=lambda k: shortfall[k], default=None)
    return PassChance(
        step=votes_step(step),
        coalition=members,
        probability=Fraction(won, total),
        shortfall=most,
        shortfall_probability=Fraction(shortfall.get(most, 0), total) if most else Fraction(0),
        expected_present=_expected(lists, 0, present=True),
        expected_yes=_expected(lists, 2),
    )


def _expected(
    lists: list[tuple[int, tuple[int, int, int, int]]], outcome: int, present: bool = False
) -> Fraction:
    """The expected number of members present (``present``), or with ``outcome``."""
    out = Fraction(0)
    for seats, weights in lists:
        w = weights[3] - weights[0] if present else weights[outcome]
        out += Fraction(seats * w, weights[3])
    return out


def _yes_only(
    step: str,
    members: tuple[str, ...],
    votes: tuple[Vote, ...],
    leg: Legislature,
    lists: list[tuple[int, tuple[int, int, int, int]]],
    total: int,
    bits: int,
) -> PassChance:
    """A step whose every round counts only yes votes (a threshold of the members at or
    above its quorum): the yes votes alone decide, a one-dimensional distribution; the
    shortfall is the yes votes missing."""
    need = min(v.needed(leg.size, leg.size) for v in votes)
    line = grid.line([(k, wa + wn, wy) for k, (wa, wn, wy, _d) in lists], bits)
    counts = slots(line, bits // 8, leg.seated + 1)
    short = {need - y: c for y, c in enumerate(counts[:need]) if c}
    return _chance(step, members, lists, sum(counts[need:]), short, total)


def votes_step(step: str) -> str:
    """The step key as written."""
    return step.strip().lower()


def _votes(
    leg: Legislature, step: str, procedure: str | Procedure, date: _dt.date | str | None
) -> tuple[Vote, ...]:
    proc = get_procedure(procedure)
    day = _day(date) if date is not None else leg.as_of
    variant = proc.step(step).variant(day)
    if variant.vote is None:
        raise ConstraintError(f"step {step!r} of {proc.key!r} is a nomination, not a vote")
    return variant.rounds


def simulate_pass(
    leg: Legislature,
    coalition: str | Iterable[str],
    step: str = "cabinet",
    procedure: str | Procedure = "iraq",
    *,
    attendance: Probabilities | None = None,
    discipline: Probabilities | None = None,
    date: _dt.date | str | None = None,
    draws: int = 2000,
    seed: int | random.Random | None = None,
    z: int = 3,
) -> SimulatedPass:
    """A Monte Carlo estimate of :func:`pass_probability` (each member drawn
    independently), with Wilson's score interval of ``z`` standard errors."""
    leg = chamber(leg)
    numbers.whole(draws, field="draws", low=1, high=MAX_DRAWS, error=SimulationError)
    numbers.whole(z, field="z", low=1, high=10, error=SimulationError)
    members = leg.members(coalition)
    votes = _votes(leg, step, procedure, date)
    lists = _members(leg, members, attendance, discipline)
    if not (seed is None or isinstance(seed, random.Random) or type(seed) is int):
        raise SimulationError(f"'seed' must be a whole number or a random.Random (got {seed!r})")
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    passed = 0
    for _ in range(draws):
        present = yes = 0
        for seats, (wa, wn, _wy, den) in lists:
            for _ in range(seats):
                u = rng.randrange(den)
                if u >= wa:
                    present += 1
                    yes += u >= wa + wn
        passed += any(passes(v, leg.size, present=present, yes=yes) for v in votes)
    low, high = _wilson(passed, draws, z)
    return SimulatedPass(step=votes_step(step), passed=passed, draws=draws, low=low, high=high)


def _wilson(k: int, n: int, z: int) -> tuple[Fraction, Fraction]:
    """Wilson's score interval for ``k`` successes in ``n`` trials, exact up to the
    square root (taken to 12 digits, rounded outwards)."""
    p = Fraction(k, n)
    z2 = Fraction(z * z)
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    radicand = p * (1 - p) / n + z2 / (4 * n * n)
    scale = 10**12
    root = Fraction(math.isqrt(int(radicand * scale * scale)) + 1, scale)
    half = z * root / (1 + z2 / n)
    return max(Fraction(0), centre - half), min(Fraction(1), centre + half)
