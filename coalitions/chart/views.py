"""Notebook views of today's result types, as adapters to :class:`report.Viewable`.

Until each result type offers :class:`~coalitions.report.Viewable` itself (a
``view_name`` and ``view_parts()``, with its ``records()``), these adapters give
:func:`~coalitions.report.html_view` the same HTML as before. They sit here, above every
result type and beside the chamber figure, so that :mod:`coalitions.report` stays a
leaf. When a type implements the protocol, its adapter is no longer used (the
protocol comes first): delete it then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import attrs

from .. import report
from ..power import PowerTable
from ..search import Coalition, CoalitionCheck
from ..simulate import Simulation

__all__ = ["register_views"]


@attrs.frozen
class CoalitionView:
    """A coalition: its record, then its seats in the chamber when the size is known."""

    value: Coalition
    view_name: ClassVar[str] = "coalition"

    def view_parts(self) -> Sequence[tuple[Any, ...]]:
        picture = self.value._repr_svg_() if self.value.house else ""
        return (("table", "coalition"), ("picture", picture))

    def records(self) -> Sequence[Mapping[str, Any]]:
        return [self.value.to_record()]


@attrs.frozen
class CheckView:
    """A checked coalition: members, seats and quota, then the verdict line by line."""

    value: CoalitionCheck
    view_name: ClassVar[str] = "check"

    def view_parts(self) -> Sequence[tuple[Any, ...]]:
        c = self.value
        return (
            ("heading", "+".join(c.members), f"{c.seats} seats, quota {c.quota}"),
            ("notes", c.explain().splitlines()[1:]),
        )

    def records(self) -> Sequence[Mapping[str, Any]]:
        return [self.value.to_record()]


@attrs.frozen
class PowerView:
    """A power table: one column per index before ``gap``."""

    value: PowerTable
    view_name: ClassVar[str] = "power"

    def view_parts(self) -> Sequence[tuple[Any, ...]]:
        return (("table", "power", self.value.indices),)

    def records(self) -> Sequence[Mapping[str, Any]]:
        return self.value.rows()


@attrs.frozen
class SimulationView:
    """A simulation: draws, method and seed, then each list's seat interval."""

    value: Simulation
    view_name: ClassVar[str] = "simulation"

    def view_parts(self) -> Sequence[tuple[Any, ...]]:
        s = self.value
        return (("heading", "", f"{s.n:,} draws, {s.method}, seed {s.seed}"), ("table", None))

    def records(self) -> Sequence[Mapping[str, Any]]:
        return [
            {"key": k, "low": v.low, "median": v.median, "high": v.high, "mean": v.mean}
            for k, v in self.value.seat_intervals().items()
        ]


def register_views() -> None:
    """Register the adapters with :func:`~coalitions.report.register_view`."""
    report.register_view(Coalition, CoalitionView)
    report.register_view(CoalitionCheck, CheckView)
    report.register_view(PowerTable, PowerView)
    report.register_view(Simulation, SimulationView)
