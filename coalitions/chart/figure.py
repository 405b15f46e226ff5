"""The chamber figure: a chamber and a coalition already analysed, drawn as SVG.

:func:`chamber_figure` compiles nothing and decides nothing: it is told which members to
place first, in which order, and how many seats each counts (an analysis such as
:func:`~coalitions.check_coalition` says so), and draws them with
:mod:`coalitions.drawing`. :func:`~coalitions.chart.hemicycle` is the front door that
analyses first.

>>> import coalitions as co
>>> kr = co.load_scenario("kurdistan-2024")
>>> svg = chamber_figure(kr, ["kdp", "puk"], {"kdp": 39, "puk": 23}, quota=51,
...                      rule_name="majority")
>>> svg == co.chart.hemicycle(kr, coalition="kdp+puk")
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..drawing import check_labels, seat_groups, svg_of_seats

if TYPE_CHECKING:
    from ..model import Legislature

__all__ = ["caption_of", "chamber_figure"]


def chamber_figure(
    leg: Legislature,
    members: Sequence[str] = (),
    counted: Mapping[str, int] | None = None,
    *,
    quota: int,
    rule_name: str = "quota",
    title: str | None = None,
    blocs: bool = False,
    labels: str = "key",
    width: int = 640,
) -> str:
    """A parliament diagram of ``leg`` with ``members`` placed first, as SVG text.

    Parameters
    ----------
    leg
        The chamber.
    members
        Party keys of the coalition, drawn from the left in the order given (see
        :func:`~coalitions.drawing.seat_order` for the usual order); the other lists
        are faded. No members: every list is drawn plainly.
    counted
        The seats each member counts (as :attr:`~coalitions.CoalitionCheck.counted`
        gives them); the seats it does not count are drawn faded inside its wedge. A
        member not named counts all its seats.
    quota
        Seats needed: the quota line sits after that many seats.
    rule_name
        The rule's name in the caption (``majority 165 · coalition 185 (+20)``).
    title
        The title; default the chamber's name.
    blocs
        Outline each bloc, and seat the other lists bloc by bloc.
    labels
        ``"key"``, ``"name"`` or ``"native"`` (see :data:`~coalitions.drawing.LABELS`).
    width
        Pixels.

    Raises
    ------
    RenderError
        For bad labels, unknown or repeated members, counts above a member's seats, or
        a width that is not a whole number.
    """
    check_labels(labels)
    members = tuple(members)
    bloc_members = [b.members for b in leg.blocs] if blocs else []
    groups = seat_groups(
        leg.parties, first=members, counted=counted, labels=labels, blocs=bloc_members
    )
    if members:
        held = sum(leg[k].seats for k in members)
        counts = sum(g[2] for g in groups if g[0] in members)
        caption = caption_of(rule_name, quota, leg.size, held=held, counted=counts)
    else:
        caption = caption_of(rule_name, quota, leg.size)
    return svg_of_seats(
        groups,
        leg.size,
        quota=quota,
        title=title or leg.name,
        caption=caption,
        outlines=[(b.key, b.members, b.name) for b in leg.blocs] if blocs else [],
        width=width,
        centre=(str(leg.size), f"{rule_name} {quota}"),
    )


def caption_of(
    rule_name: str,
    quota: int,
    size: int,
    *,
    held: int | None = None,
    counted: int | None = None,
) -> str:
    """The caption under a chamber: the quota, and how a coalition stands.

    >>> caption_of("majority", 165, 329)
    'majority 165 of 329'
    >>> caption_of("majority", 165, 329, held=194, counted=185)
    'majority 165 · coalition 194, 185 counted (+20)'
    """
    if held is None:
        return f"{rule_name} {quota} of {size}"
    total = held if counted is None else counted
    sign = "+" if total >= quota else ""
    if total == held:
        return f"{rule_name} {quota} · coalition {held} ({sign}{held - quota})"
    return f"{rule_name} {quota} · coalition {held}, {total} counted ({sign}{total - quota})"
