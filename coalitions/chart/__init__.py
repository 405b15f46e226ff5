"""Chamber pictures: hemicycle diagrams as SVG text, dependency-free, deterministic,
nothing fetched.

The pure seat geometry and SVG live in :mod:`coalitions.drawing` (re-exported here);
:func:`~coalitions.chart.figure.chamber_figure` draws a chamber and a coalition already
analysed; :func:`hemicycle` is the front door that analyses the coalition first. A
coalition is placed first, the rest are greyed, and a line marks the quota.
:func:`~coalitions.chart.page.page` writes a self-contained coalition-builder page.

>>> import coalitions as co
>>> svg = hemicycle(co.load_scenario("kurdistan-2024"), coalition="kdp+puk")
>>> svg.startswith("<svg") and svg.count('class="seat"') == 100
True
"""

from __future__ import annotations

from ..drawing import GREY, PALETTE, SEAT_RADIUS, VACANT, Layout, Seat, layout, svg_of_seats
from .diagram import hemicycle
from .figure import chamber_figure
from .page import page

__all__ = [
    "GREY",
    "PALETTE",
    "SEAT_RADIUS",
    "VACANT",
    "Layout",
    "Seat",
    "chamber_figure",
    "hemicycle",
    "layout",
    "page",
    "svg_of_seats",
]
