"""Blocking coalitions: the groups of lists that can defeat a step of a procedure.

A group *blocks* a step when the step fails whatever everybody else does (they all
attend and vote yes). It can vote no (``how="no"``), stay away and deny the quorum
(``how="absence"``), or either, round by round (``"either"``, the default). The
blocking game of a step is the weighted game whose quota is the fewest seats that block
it (:func:`blocking_quota_of`; see :mod:`.sitting`): with no vacancy, ``size - t + 1``
seats voting no defeat a threshold of ``t`` votes of the members, and
``size - q + 1`` seats away deny a quorum of ``q``. Vacant seats count as absent, so
they lower the seats that deny a quorum.

Counting, listing and power then reuse the search engine and the power indices on
that quota, with every red line they take: exact, and in milliseconds at Iraq's scale.

>>> import coalitions as co
>>> leg = co.load_scenario("iraq-2021").at("2022-03-26")
>>> blocking_quota_of(leg, "president")
110
>>> count_blocking(leg, "president", how="absence", exclude_tags={"component:kurdish"}) > 0
True
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .. import power
from ..constraints import Constraints
from ..errors import ConstraintError, _short
from ..model import Legislature, chamber
from ..search import Coalition, CoalitionCheck, check_coalition, count_coalitions, find_coalitions
from .procedure import Procedure, _day, get_procedure
from .sitting import HOW, How, blocking_quota

__all__ = [
    "blocking_power",
    "blocking_quota_of",
    "check_blocking",
    "count_blocking",
    "find_blocking",
]


def blocking_quota_of(
    leg: Legislature,
    step: str,
    procedure: str | Procedure = "iraq",
    *,
    how: How = "either",
    date: _dt.date | str | None = None,
) -> int:
    """The fewest seats that block ``step`` of ``procedure`` in ``leg`` (its rules in
    force on ``date``, by default the chamber's date).

    Raises :class:`~coalitions.errors.ConstraintError` for a step that is a nomination
    (nothing to block by votes) or one that fails even if everybody attends and votes
    yes (vacant seats can deny a quorum)."""
    leg = chamber(leg)
    if how not in HOW:
        raise ConstraintError(f"'how' must be one of {', '.join(HOW)} (got {_short(how)})")
    proc = get_procedure(procedure)
    s = proc.step(step)
    day = _day(date) if date is not None else leg.as_of
    variant = s.variant(day)
    if variant.vote is None:
        raise ConstraintError(
            f"step {s.key!r} of {proc.key!r} is a nomination ({s.nominator_on(day)}), "
            "not a vote: nothing blocks it by votes"
        )
    quota = blocking_quota(variant.rounds, leg.size, leg.seated, how)
    if quota == 0:
        raise ConstraintError(
            f"step {s.key!r} fails even with every seated member ({leg.seated} of "
            f"{leg.size}) present and voting yes: nothing is left to block"
        )
    return quota


def _blockable(leg: Legislature, quota: int) -> bool:
    return quota <= leg.size


def count_blocking(
    leg: Legislature,
    step: str,
    procedure: str | Procedure = "iraq",
    *,
    how: How = "either",
    date: _dt.date | str | None = None,
    minimal: bool = True,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> int:
    """The exact number of blocking coalitions of ``step`` (minimal ones by default),
    under the red lines of :func:`~coalitions.count_coalitions`.

    "Which groups of lists can deny the presidential quorum without any Kurdish list?"
    is ``count_blocking(leg, "president", how="absence",
    exclude_tags={"component:kurdish"})``.
    """
    quota = blocking_quota_of(leg, step, procedure, how=how, date=date)
    if not _blockable(leg, quota):
        return 0
    return count_coalitions(leg, quota, minimal=minimal, constraints=constraints, **keywords)


def find_blocking(
    leg: Legislature,
    step: str,
    procedure: str | Procedure = "iraq",
    *,
    how: How = "either",
    date: _dt.date | str | None = None,
    minimal: bool = True,
    constraints: Constraints | None = None,
    order_by: Any = None,
    limit: int | None = None,
    **keywords: Any,
) -> Iterator[Coalition]:
    """The blocking coalitions of ``step``, lazily (as
    :func:`~coalitions.find_coalitions`, with the blocking quota).

    .. warning:: exponential: bound the listing with ``limit``, or count instead.
    """
    quota = blocking_quota_of(leg, step, procedure, how=how, date=date)
    if not _blockable(leg, quota):
        return iter(())
    return find_coalitions(
        leg,
        quota,
        minimal=minimal,
        constraints=constraints,
        order_by=order_by,
        limit=limit,
        **keywords,
    )


def check_blocking(
    leg: Legislature,
    coalition: str | Iterable[str],
    step: str,
    procedure: str | Procedure = "iraq",
    *,
    how: How = "either",
    date: _dt.date | str | None = None,
) -> CoalitionCheck:
    """Whether ``coalition`` blocks ``step``, and whether it is a minimal blocking
    coalition (a :class:`~coalitions.CoalitionCheck` against the blocking quota)."""
    quota = blocking_quota_of(leg, step, procedure, how=how, date=date)
    return check_coalition(leg, coalition, min(quota, leg.size))


def blocking_power(
    leg: Legislature,
    step: str,
    procedure: str | Procedure = "iraq",
    *,
    how: How = "either",
    date: _dt.date | str | None = None,
    which: Sequence[str] = ("banzhaf", "shapley-shubik"),
    constraints: Constraints | None = None,
    **keywords: Any,
) -> power.PowerTable:
    """Power indices of the blocking game of ``step`` (a
    :class:`~coalitions.power.PowerTable`): how often each list is decisive in
    blocking it."""
    quota = blocking_quota_of(leg, step, procedure, how=how, date=date)
    if not _blockable(leg, quota):
        raise ConstraintError(f"step {step!r} cannot be blocked: {quota} seats would be needed")
    return power.indices(leg, quota, which=which, constraints=constraints, **keywords)
