"""Seat geometry and SVG: the pure drawing under every chamber picture.

A leaf: it knows seats, colours and text, not legislatures or games. Seats sit on
concentric half-circle rows; a row's capacity is proportional to its arc length, and a
picture uses the fewest rows that hold the chamber. Seats are handed out by angle, left
to right, so each group of seats is a wedge. :func:`seat_groups` turns parties (anything
with ``key``, ``name``, ``native_name``, ``seats`` and ``colour``) into those groups, with
:func:`colours` for their colours; :func:`svg_of_seats` draws them.

A chamber draws its own picture with nothing else:

>>> import coalitions as co
>>> kr = co.load_scenario("kurdistan-2024")
>>> q = kr.quota("majority")
>>> svg = svg_of_seats(seat_groups(kr.parties), kr.size, quota=q, title=kr.name,
...                    caption=f"majority {q} of {kr.size}", centre=("100", f"majority {q}"))
>>> svg == co.chart.hemicycle(kr)
True

Every bad input raises :class:`~coalitions.errors.RenderError`.
"""

from __future__ import annotations

from .colour import DISTINCT, GREY, PALETTE, VACANT
from .geometry import SEAT_RADIUS, Layout, Seat, layout
from .parties import (
    LABELS,
    PartyLike,
    check_labels,
    colours,
    kind_of,
    label_of,
    seat_groups,
    seat_order,
)
from .svg import KINDS, Entry, Group, legend, svg_of_seats
from .text import shorten, text_width

# The public classes are named where users meet them (pickles and the docs too).
for _cls in (Entry, Layout, Seat):
    _cls.__module__ = __name__

__all__ = [
    "DISTINCT",
    "GREY",
    "KINDS",
    "LABELS",
    "PALETTE",
    "SEAT_RADIUS",
    "VACANT",
    "Entry",
    "Group",
    "Layout",
    "PartyLike",
    "Seat",
    "check_labels",
    "colours",
    "kind_of",
    "label_of",
    "layout",
    "legend",
    "seat_groups",
    "seat_order",
    "shorten",
    "svg_of_seats",
    "text_width",
]
