"""Rendering: records for JSON and CSV, and text tables (tabulate) for people.

Results offer *records* (lists of dicts keyed by column); records are rendered to text in
one place, this package, for the command line and the notebook alike, under the default
columns of :data:`COLUMNS`. Nothing here changes a value; floats appear only in what is
rendered: :mod:`~coalitions.report.tables` (tables, CSV, JSON, decimals, data frames),
:mod:`~coalitions.report.chamber` (a chamber's tables and ``show``),
:mod:`~coalitions.report.views` (notebook views).

A leaf: this package imports no result type. It reads values by what they offer: a
chamber's attributes (:class:`Chamber`), a result's ``records()``, and for the notebook
the small :class:`Viewable` protocol that :func:`html_view` draws.

>>> import coalitions as co
>>> print(render(seat_records(co.load_scenario("kurdistan-2024"))[:2],
...              columns=("key", "seats", "share"), fmt="markdown"))
| key   |   seats |   share |
|-------|---------|---------|
| kdp   |      39 |  39.00% |
| puk   |      23 |  23.00% |
"""

from __future__ import annotations

from .chamber import (
    SHOW_ORDERS,
    Chamber,
    bloc_records,
    faction_records,
    fitted,
    seat_records,
    seat_table,
    show,
    summary,
)
from .tables import (
    COLUMNS,
    DECIMALS,
    FORMATS,
    QUANTITIES,
    allocation_table,
    coalition_table,
    columns_of,
    decimal,
    escaping,
    exported,
    jsonable,
    line,
    percent,
    power_columns,
    power_table,
    records_of,
    render,
    to_frame,
    to_json,
)
from .views import Shown, Viewable, html_view, register_view, to_html

__all__ = [
    "COLUMNS",
    "DECIMALS",
    "FORMATS",
    "QUANTITIES",
    "SHOW_ORDERS",
    "Chamber",
    "Shown",
    "Viewable",
    "allocation_table",
    "bloc_records",
    "coalition_table",
    "columns_of",
    "decimal",
    "escaping",
    "exported",
    "faction_records",
    "fitted",
    "html_view",
    "jsonable",
    "line",
    "percent",
    "power_columns",
    "power_table",
    "records_of",
    "register_view",
    "render",
    "seat_records",
    "seat_table",
    "show",
    "summary",
    "to_frame",
    "to_html",
    "to_json",
]
