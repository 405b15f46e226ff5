"""The front door of the chamber figure: analyse the coalition, then draw it.

:func:`hemicycle` checks the coalition through the search API
(:func:`~coalitions.check_coalition`, whose ``counted`` says what each member brings
under the constraints) and hands the result to
:func:`~coalitions.chart.figure.chamber_figure`.

>>> import coalitions as co
>>> svg = hemicycle(co.load_scenario("kurdistan-2024"), coalition="kdp+puk")
>>> svg.startswith("<svg") and svg.count('class="seat"') == 100
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..drawing import check_labels, seat_order
from ..model import chamber
from ..search import check_coalition
from .figure import chamber_figure

if TYPE_CHECKING:
    from .. import rules
    from ..constraints import Constraints
    from ..model import Legislature

__all__ = ["hemicycle"]


def hemicycle(
    leg: Legislature,
    *,
    coalition: str | Iterable[str] | None = None,
    quota: rules.Rule = "majority",
    title: str | None = None,
    blocs: bool = False,
    labels: str = "key",
    width: int = 640,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> str:
    """A parliament diagram of ``leg`` as SVG text.

    ``coalition`` (``"kdp+puk"`` or keys) is placed first, from the left, and the other
    lists are greyed; a line marks ``quota`` seats and the caption says how the
    coalition stands (``majority 165 · coalition 185 (+20)``). Colours come from the
    scenario, else from :data:`~coalitions.drawing.PALETTE`. ``blocs=True`` outlines
    each bloc (its members are then placed together). ``labels``: ``"key"``, ``"name"``
    or ``"native"`` (the native-script name where recorded, with right-to-left text
    handled).

    With constraints (as :func:`~coalitions.find_coalitions` takes them), the seats of a
    coalition member that do not count (an excluded faction) are drawn greyed inside its
    wedge, and the caption gives the seats counted.

    >>> import coalitions as co
    >>> svg = hemicycle(co.load_scenario("iraq-2025"), coalition="rdc+kdp+taqaddum")
    >>> 'data-seats="165"' in svg
    True
    """
    check_labels(labels)
    leg = chamber(leg)
    q = leg.quota(quota)
    members: list[str] = []
    counted: Mapping[str, int] | None = None
    if coalition is not None:
        check = check_coalition(leg, coalition, quota, constraints=constraints, **keywords)
        bloc_members = [b.members for b in leg.blocs] if blocs else []
        members = seat_order(leg.parties, check.members, bloc_members)
        counted = check.counted
    return chamber_figure(
        leg,
        members,
        counted,
        quota=q,
        rule_name=_rule_name(quota),
        title=title,
        blocs=blocs,
        labels=labels,
        width=width,
    )


def _rule_name(rule: rules.Rule) -> str:
    if isinstance(rule, str):
        return rule.strip().lower()
    return f"quota {rule}" if not isinstance(rule, int) else "quota"
