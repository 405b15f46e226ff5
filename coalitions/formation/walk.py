"""Walking a coalition through a procedure, step by step: :func:`formation`.

For each step, under the rules in force on the chamber's date (or ``date=``):

- **passes alone**: the coalition brings the quorum and the votes itself, whatever the
  others do (they may stay away, or attend and vote no); ``round`` says which round it
  passes in (the first, or the run-off);
- **if present**: it passes when every other seated member attends and votes no;
- **seats short** of the fewest that pass alone (``needed``), and the **smallest
  additions** that supply them: the minimal coalitions that contain it, fewest lists
  first (exact, by the search engine with the coalition's lists required);
- **who can block, and how**: the seats that defeat the step by voting no
  (``block_no``) and by staying away, denying the quorum (``block_absence``); which of
  the two the lists outside the coalition can do (``can_block``); and the members
  whose defection alone breaks it (``pivotal``);
- a nomination (Iraq's Prime Minister-designate) passes when the coalition holds the
  nominator's claim: the largest bloc (see :mod:`.largest`).

Vacant seats count as absent.

>>> import coalitions as co
>>> f = formation(co.load_scenario("iraq-2021").at("2022-03-26"), "save-the-homeland")
>>> for s in f.steps:
...     print(s.step, s.passes, s.short)
speaker False 7
president False 62
pm-designate True None
cabinet False 7
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs

from .. import numbers, report
from ..constraints import Constraints, constraints_of
from ..errors import ConstraintError
from ..model import Legislature, chamber
from ..rules import Vote
from ..search import find_coalitions
from .largest import holds_nomination, largest_bloc
from .procedure import Procedure, Step, Variant, _day, get_procedure
from .sitting import blocking_quota, needed_alone, passes_alone, passes_present

__all__ = ["FORMATION_COLUMNS", "Formation", "StepVerdict", "formation", "rule_text"]

#: The columns of the step table, in order.
FORMATION_COLUMNS = (
    "step",
    "rule",
    "seats",
    "needed",
    "passes",
    "short",
    "if_present",
    "block_no",
    "block_absence",
    "can_block",
    "additions",
)
_ROUNDS = ("first round", "run-off")


@attrs.frozen
class StepVerdict:
    """What one step of a procedure makes of a coalition; see :mod:`.walk`."""

    step: str
    name: str
    rule: str
    nominator: str | None
    deadline: str
    seats: int
    needed: int | None
    passes: bool
    round: str | None
    short: int | None
    if_present: bool
    block_no: int | None
    block_absence: int | None
    outsiders: int
    can_block: tuple[str, ...]
    pivotal: tuple[str, ...]
    additions: tuple[tuple[str, ...], ...]
    nominee: tuple[str, ...] = ()
    verify: str | None = None
    sources: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """A plain record (for tables, JSON and CSV)."""
        return {
            "step": self.step,
            "rule": self.rule,
            "seats": self.seats,
            "needed": self.needed,
            "passes": "yes" if self.passes else "no",
            "round": self.round or "",
            "short": self.short,
            "if_present": "yes" if self.if_present else "no",
            "block_no": self.block_no,
            "block_absence": self.block_absence,
            "can_block": " ".join(self.can_block),
            "pivotal": list(self.pivotal),
            "additions": " | ".join("+".join(a) for a in self.additions),
            "nominee": "+".join(self.nominee),
            "name": self.name,
            "nominator": self.nominator or "",
            "deadline": self.deadline,
            "verify": self.verify or "",
            "sources": list(self.sources),
        }


@attrs.frozen
class Formation(report.Shown):
    """A coalition walked through a procedure: one :class:`StepVerdict` a step."""

    legislature: str
    date: _dt.date | None
    procedure: str
    members: tuple[str, ...]
    seats: int
    size: int
    seated: int
    steps: tuple[StepVerdict, ...]

    @property
    def passes(self) -> bool:
        """Whether the coalition passes every step alone."""
        return all(s.passes for s in self.steps)

    @property
    def passes_if_present(self) -> bool:
        """Whether it passes every step when the others attend and vote no."""
        return all(s.if_present for s in self.steps)

    def step(self, key: str) -> StepVerdict:
        """The verdict of the step ``key``."""
        for s in self.steps:
            if s.step == key:
                return s
        raise ConstraintError(
            f"no step {key!r} in this formation; steps: " + ", ".join(s.step for s in self.steps)
        )

    view_name: ClassVar[str] = "formation"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (
            ("heading", "+".join(self.members), self.summary()),
            ("table", FORMATION_COLUMNS),
            ("notes", self.notes()),
        )

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """One record a step (decimals, or exact values when ``exact``)."""
        return report.records_of([s.to_record() for s in self.steps], exact=exact)

    def summary(self) -> str:
        """One line: seats, chamber, date, procedure."""
        on = f" on {self.date}" if self.date else ""
        vacant = self.size - self.seated
        gaps = f", {vacant} vacant" if vacant else ""
        return f"{self.seats} seats of {self.size}{gaps}{on}; procedure {self.procedure}: " + (
            "passes every step alone"
            if self.passes
            else "passes every step if the others attend"
            if self.passes_if_present
            else "does not pass every step"
        )

    def notes(self) -> list[str]:
        """The notes below the table: pivotal members, nominees, rules to verify."""
        out = []
        for s in self.steps:
            if s.pivotal:
                out.append(f"{s.step}: pivotal (a defection breaks it): {', '.join(s.pivotal)}")
            if s.nominee:
                out.append(f"{s.step}: the {s.nominator} is {' = '.join(s.nominee)}")
            if s.verify:
                out.append(f"{s.step}: to verify: {s.verify}")
        return out


def rule_text(variant: Variant, size: int, nominator: str | None) -> str:
    """A step's rule in seats: ``"220 of 329, quorum 220; run-off: majority present"``."""
    if variant.vote is None:
        return f"nomination: {nominator or 'unknown'}"
    return "; run-off: ".join(_vote_text(v, size) for v in variant.rounds)


def _vote_text(vote: Vote, size: int) -> str:
    q = vote.quorum_seats(size)
    head = (
        f"{vote.needed(size, size)} of {size}"
        if vote.base == "members"
        else f"{vote.threshold} of those present"
    )
    return f"{head}, quorum {q}" if q else head


def formation(
    leg: Legislature,
    coalition: str | Iterable[str],
    procedure: str | Procedure = "iraq",
    *,
    date: _dt.date | str | None = None,
    additions: int = 3,
    constraints: Constraints | None = None,
    claims: Mapping[str, str | Iterable[str]] | None = None,
) -> Formation:
    """Walk ``coalition`` through ``procedure`` in ``leg``: a :class:`Formation`.

    ``date`` picks the rules in force (default: the chamber's date, ``leg.as_of``; to
    see the chamber itself on another date, pass ``leg.at(date)``). ``additions``: how
    many smallest additions to list a step (0: none). ``constraints`` limit who the
    additions may be (red lines, as in :func:`~coalitions.find_coalitions`). ``claims``:
    further claims to the largest bloc (see :func:`~.largest.largest_bloc`).
    """
    leg = chamber(leg)
    proc = get_procedure(procedure)
    numbers.whole(additions, field="additions", low=0, high=1000, error=ConstraintError)
    constraints = constraints_of(constraints)
    members = leg.members(coalition)
    seats = sum(leg[m].seats for m in members)
    day = _day(date) if date is not None else leg.as_of
    context = _Context(leg, members, seats, additions, constraints, claims)
    steps = tuple(context.verdict(step, day) for step in proc.steps)
    return Formation(
        legislature=leg.name,
        date=day,
        procedure=proc.key,
        members=members,
        seats=seats,
        size=leg.size,
        seated=leg.seated,
        steps=steps,
    )


class _Context:
    """What the steps of one walk share: the chamber, the coalition, cached additions."""

    def __init__(
        self,
        leg: Legislature,
        members: tuple[str, ...],
        seats: int,
        additions: int,
        constraints: Constraints | None,
        claims: Mapping[str, str | Iterable[str]] | None,
    ) -> None:
        self.leg, self.members, self.seats = leg, members, seats
        self.limit, self.constraints, self.claims = additions, constraints, claims
        self._additions: dict[int, tuple[tuple[str, ...], ...]] = {}

    def verdict(self, step: Step, day: _dt.date | None) -> StepVerdict:
        variant = step.variant(day)
        nominator = step.nominator_on(day)
        common = {
            "step": step.key,
            "name": step.name,
            "rule": rule_text(variant, self.leg.size, nominator),
            "nominator": nominator,
            "deadline": step.deadline(),
            "seats": self.seats,
            "verify": variant.verify,
            "sources": tuple(dict.fromkeys([*step.sources, *variant.sources])),
        }
        if variant.vote is None:
            return self._nomination(common, nominator)
        return self._vote(common, variant.rounds)

    def _vote(self, common: dict[str, Any], votes: tuple[Vote, ...]) -> StepVerdict:
        leg, s = self.leg, self.seats
        size, seated = leg.size, leg.seated
        alone = passes_alone(votes, size, s)
        present = passes_present(votes, size, seated, s)
        needed = needed_alone(votes, size)
        no = blocking_quota(votes, size, seated, "no")
        away = blocking_quota(votes, size, seated, "absence")
        outsiders = seated - s
        can = tuple(w for w, q in (("no", no), ("absence", away)) if q <= outsiders)
        pivotal: tuple[str, ...] = ()
        if alone is not None:
            pivotal = tuple(
                m
                for m in self.members
                if leg[m].seats and passes_alone(votes, size, s - leg[m].seats) is None
            )
        extra: tuple[tuple[str, ...], ...] = ()
        if alone is None and needed is not None and needed <= seated:
            extra = self._extra(needed)
        return StepVerdict(
            **common,
            needed=needed,
            passes=alone is not None,
            round=_ROUNDS[min(alone, 1)] if alone is not None and len(votes) > 1 else None,
            short=None if needed is None else max(0, needed - s),
            if_present=present is not None,
            block_no=no,
            block_absence=away,
            outsiders=outsiders,
            can_block=can,
            pivotal=pivotal,
            additions=extra,
        )

    def _nomination(self, common: dict[str, Any], nominator: str | None) -> StepVerdict:
        reading = "largest-list" if nominator == "largest-list" else "largest-bloc"
        known = nominator in ("largest-list", "largest-bloc")
        lb = largest_bloc(self.leg, reading=reading, claims=self.claims) if known else None
        holds = lb is not None and holds_nomination(lb, self.leg, self.members)
        return StepVerdict(
            **common,
            needed=None,
            passes=holds,
            round=None,
            short=None,
            if_present=holds,
            block_no=None,
            block_absence=None,
            outsiders=self.leg.seated - self.seats,
            can_block=(),
            pivotal=(),
            additions=(),
            nominee=lb.largest if lb is not None else (),
        )

    def _extra(self, needed: int) -> tuple[tuple[str, ...], ...]:
        if needed in self._additions or not self.limit:
            return self._additions.get(needed, ())
        leg = self.leg
        required = [m for m in self.members if leg[m].seats > 0]
        c = constraints_of(self.constraints)
        c = attrs.evolve(c, require=c.require | frozenset(required))
        found = find_coalitions(leg, needed, constraints=c, order_by="parties", limit=self.limit)
        inside = set(self.members)
        out = tuple(tuple(k for k in r.order if k not in inside) for r in found)
        self._additions[needed] = out
        return out
