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

import itertools
import math
import re
import unicodedata
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Protocol

import attrs

from .errors import RenderError, _short, unknown
from .escape import attribute
from .escape import text as _text_escape

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

#: What a colour may be: ``#rgb``, ``#rrggbb`` or a CSS colour name (nothing that could
#: leave its attribute).
_COLOUR: Final = re.compile(r"^(?:#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$")

#: The default colours: Okabe-Ito's colour-blind-safe palette, then Tableau's.
PALETTE: Final = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0e442",
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#ff9da7",
    "#9c755f",
    "#e15759",
)
GREY: Final = "#c8c8c8"
VACANT: Final = "#ffffff"

#: Inner space of the hemicycle, in seat pitches (the inner row's radius is (1 + this)
#: pitches).
_INNER: Final = 1.5
#: A seat's radius, as a share of the pitch: small enough that seats never touch.
SEAT_RADIUS: Final = 0.45


@attrs.frozen
class Seat:
    """One seat: its row, its angle (π at the left, 0 at the right), its radius and
    position in the unit half-disc (centre at the origin, y up)."""

    row: int
    angle: float
    radius: float
    x: float
    y: float


@attrs.frozen
class Layout:
    """The seats of a hemicycle, ordered left to right; ``pitch`` is the distance
    between rows, and seats are drawn with radius ``SEAT_RADIUS * pitch``."""

    seats: tuple[Seat, ...]
    rows: int
    pitch: float

    @property
    def seat_radius(self) -> float:
        """The radius a seat is drawn with."""
        return SEAT_RADIUS * self.pitch


def _capacities(rows: int) -> tuple[float, list[int]]:
    pitch = 1 / (rows + _INNER)
    caps = [math.floor(math.pi * (1 - i * pitch) / pitch) for i in range(rows)]
    return pitch, caps


def layout(n: int) -> Layout:
    """The hemicycle layout of ``n`` seats (``n >= 1``): the fewest rows that hold them,
    seats shared among rows in proportion to their capacity, then ordered by angle.

    >>> layout(1).rows, len(layout(329).seats), layout(329).rows
    (1, 329, 13)
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise RenderError(f"a hemicycle needs a whole number of seats >= 1 (got {_short(n)})")
    rows = 1
    while True:
        pitch, caps = _capacities(rows)
        if sum(caps) >= n:
            break
        rows += 1
    total = sum(caps)
    quotas = [n * c / total for c in caps]
    counts = [math.floor(q) for q in quotas]
    left = n - sum(counts)
    order = sorted(range(rows), key=lambda i: (-(quotas[i] - counts[i]), i))
    for i in order[:left]:
        counts[i] += 1
    seats: list[Seat] = []
    for i, k in enumerate(counts):
        radius = 1 - i * pitch
        for j in range(k):
            angle = math.pi * (1 - (j + 0.5) / k)
            seats.append(
                Seat(
                    row=i,
                    angle=angle,
                    radius=radius,
                    x=radius * math.cos(angle),
                    y=radius * math.sin(angle),
                )
            )
    # left to right; at equal angles, the inner row first
    seats.sort(key=lambda s: (-round(s.angle, 12), -s.row))
    return Layout(seats=tuple(seats), rows=rows, pitch=pitch)


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


#: Letters of the Arabic script used by Kurdish (Sorani) and not by Arabic.
_KURDISH: Final = frozenset("ێەڵۆڕڤگچژپ")


def _lang(text: str) -> str:
    """``ckb`` for Kurdish (Sorani) text, ``ar`` for other right-to-left text."""
    return "ckb" if any(ch in _KURDISH for ch in text) else "ar"


def _char_width(ch: str) -> float:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch in " .,:;'|!ilIjft()[]-":
        return 0.4
    if ch in "mwMW@%…":
        return 1.0
    if ch.isupper() or ch.isdigit():
        return 0.74
    return 0.62


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """A generous estimate of the width in pixels of ``text`` at font ``size``: every
    layout decision (shortening labels, columns, the centre's font) uses it, and the
    browser tests check it against Chromium's own measure of the built-in names.

    >>> text_width("kdp (39)", 12) > 0
    True
    """
    return sum(_char_width(ch) for ch in text) * size * (1.1 if bold else 1.0)


def shorten(text: str, room: float, size: float, *, bold: bool = False) -> str:
    """``text``, cut and ended with ``…`` so that it fits ``room`` pixels at ``size``.

    >>> shorten("National Determination (al-Hasm al-Watani)", 120, 12)
    'National Determ…'
    """
    if text_width(text, size, bold=bold) <= room:
        return text
    cut = text
    while cut and text_width(cut.rstrip() + "…", size, bold=bold) > room:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def _text(
    x: float,
    y: float,
    text: str,
    *,
    cls: str,
    anchor: str = "start",
    size: float = 12,
    weight: str | None = None,
) -> str:
    """A ``<text>``. Right-to-left text gets ``direction="rtl"``, under which the start
    of the text is its right edge: ``anchor`` is always given as for left-to-right text
    (``start``: the text begins at ``x`` and runs rightwards) and swapped here."""
    rtl = _is_rtl(text)
    if rtl and anchor != "middle":
        anchor = "end" if anchor == "start" else "start"
    attrs_ = [
        f'x="{x:.2f}"',
        f'y="{y:.2f}"',
        f'class="{cls}"',
        f'font-size="{size:g}"',
        f'text-anchor="{anchor}"',
    ]
    if weight:
        attrs_.append(f'font-weight="{weight}"')
    if rtl:
        attrs_.append(f'direction="rtl" unicode-bidi="embed" xml:lang="{_lang(text)}"')
    return f"<text {' '.join(attrs_)}>{_text_escape(text, 'html')}</text>"


#: A group of seats drawn side by side: ``(key, label, seats, colour, highlighted)``,
#: optionally with a sixth element, its kind (see :data:`KINDS`; ``""``: none).
Group = tuple[str, str, int, str, bool] | tuple[str, str, int, str, bool, str]


@attrs.frozen
class _Group:
    key: str
    label: str
    seats: int
    colour: str
    lit: bool
    kind: str = ""


@attrs.frozen
class Entry:
    """One line of the legend: the groups it stands for (``keys``), its ``label``
    (shortened when long), ``seats``, swatch ``colour``, whether it is highlighted,
    and ``full``, the whole text shown as its tooltip."""

    keys: tuple[str, ...]
    label: str
    seats: int
    colour: str
    highlighted: bool
    full: str


#: Pixels: the margin, the title's baseline and font, the legend's line height.
_MARGIN: Final = 8
_TITLE_Y: Final = 24
_TITLE_SIZE: Final = 18
_LINE: Final = 18
_LABEL_SIZE: Final = 12
#: The least width of a legend column, and the entries a column takes before another
#: column is opened.
_COLUMN: Final = 180
_PER_COLUMN: Final = 8


def svg_of_seats(
    groups: Sequence[Group],
    size: int,
    *,
    quota: int | None = None,
    title: str | None = None,
    caption: str | None = None,
    outlines: Sequence[tuple[str, Sequence[str]] | tuple[str, Sequence[str], str]] = (),
    width: int = 640,
    centre: Sequence[str] | None = None,
) -> str:
    """The SVG of ``size`` seats given to ``groups`` in order, left to right.

    ``groups`` are ``(key, label, seats, colour, highlighted[, kind])``; seats beyond
    the groups are vacant. When any group is highlighted, the others are drawn in
    :data:`GREY` (the one style of non-members, here and in every notebook view).
    ``quota`` draws the quota line after that many seats; ``outlines`` are
    ``(key, member keys[, name])`` whose seats get a dashed outline (blocs; a group
    ``"k:suffix"`` counts as ``k``'s), each named in the legend. ``centre``: the lines
    written in the middle of the hemicycle, the first large (default: the seats and the
    quota). The legend lists the highlighted groups first, in columns read top to
    bottom, then left to right; the groups of one kind that are not highlighted share
    one entry when there are three or more (see :func:`legend`); a label too long for
    its column is shortened, with the whole text as its tooltip.

    >>> svg = svg_of_seats([("a", "A", 3, "#0072b2", True), ("b", "B", 2, "#e69f00", False)], 5,
    ...                    quota=3)
    >>> svg.count('class="seat"')
    5

    Raises :class:`~coalitions.errors.RenderError` for a malformed group, more seats in
    the groups than ``size``, or a size, quota or width that is not a whole number.
    """
    lay = layout(size)
    checked = _checked_groups(groups, size)
    _check_whole(width, "width", low=1)
    if quota is not None:
        _check_whole(quota, "quota", low=0)
    for name, value in (("title", title), ("caption", caption)):
        if value is not None and not isinstance(value, str):
            raise RenderError(f"{name!r} must be text (got {_short(value)})")
    if centre is None:
        centre = (str(size),) + ((f"quota {quota}",) if quota is not None else ())
    outer = 1 + lay.pitch * 0.6  # the quota line's reach, beyond the seats and outlines
    scale = max(width / 2 - _MARGIN, 1) / outer
    top = _TITLE_Y + 12 if title else _MARGIN
    frame = _Frame(lay, width / 2, top + scale * outer, scale)
    body: list[str] = []
    body += _seats_svg(frame, checked)
    body += _outlines_svg(frame, checked, outlines)
    if quota is not None and 0 < quota < size:
        body.append(_quota_svg(frame, quota))
    centre_svg, y = _centre_svg(frame, [str(c) for c in centre])
    body += centre_svg
    if caption:
        body.append(_text(frame.cx, y + 14, caption, cls="caption", anchor="middle", size=14))
        y += 22
    legend_svg, y = _legend_svg(legend(checked), outlines, y + 8, width)
    body += legend_svg
    height = math.ceil(y + _MARGIN)
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
            'font-family="DejaVu Sans, Noto Sans, Noto Naskh Arabic, Arial, sans-serif">'
        ),
    ]
    label = title or caption or "parliament diagram"
    out.append(f"<title>{_text_escape(label, 'html')}</title>")
    if title:
        shown = shorten(title, width - 2 * _MARGIN, _TITLE_SIZE, bold=True)
        out.append(
            _text(
                frame.cx,
                _TITLE_Y,
                shown,
                cls="title",
                anchor="middle",
                size=_TITLE_SIZE,
                weight="bold",
            )
        )
    out += body
    out.append("</svg>")
    return "\n".join(out) + "\n"


@attrs.frozen
class _Frame:
    """Where a layout is drawn: centre ``(cx, cy)`` and ``scale`` pixels a unit."""

    lay: Layout
    cx: float
    cy: float
    scale: float

    def point(self, radius: float, angle: float) -> tuple[float, float]:
        return (
            self.cx + radius * math.cos(angle) * self.scale,
            self.cy - radius * math.sin(angle) * self.scale,
        )

    @property
    def hole(self) -> float:
        """The radius in pixels of the empty middle, inside the quota line's reach."""
        return (1 - (self.lay.rows - 1) * self.lay.pitch - 0.6 * self.lay.pitch) * self.scale

    @property
    def bottom(self) -> float:
        """The lowest pixel a seat reaches."""
        return self.cy + self.lay.seat_radius * self.scale


def _check_whole(value: Any, field: str, *, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise RenderError(f"{field!r} must be a whole number >= {low} (got {_short(value)})")


def _checked_groups(groups: object, size: object) -> list[_Group]:
    """The groups, each checked: ``(str, str, int >= 0, str, bool[, str])``."""
    if isinstance(groups, str | bytes) or not isinstance(groups, Iterable):
        raise RenderError(f"'groups' must be a sequence of seat groups (got {_short(groups)})")
    out: list[_Group] = []
    for i, group in enumerate(groups):
        where = f"'groups[{i}]'"
        if not isinstance(group, tuple | list) or len(group) not in (5, 6):
            raise RenderError(
                f"{where} must be (key, label, seats, colour, highlighted) (got {_short(group)})"
            )
        key, label, n, colour, lit = group[:5]
        kind = group[5] if len(group) == 6 else ""
        if not all(isinstance(v, str) for v in (key, label, colour, kind)):
            raise RenderError(
                f"{where}: key, label, colour and kind must be text (got {_short(group)})"
            )
        _check_whole(n, f"groups[{i}] seats", low=0)
        if not _COLOUR.fullmatch(colour):
            raise RenderError(
                f"{where}: colour must be '#rgb', '#rrggbb' or a colour name (got {_short(colour)})"
            )
        if not isinstance(lit, bool):
            raise RenderError(f"{where}: 'highlighted' must be True or False (got {_short(lit)})")
        out.append(_Group(key, label, n, colour, lit, kind))
    held = sum(g.seats for g in out)
    if isinstance(size, int) and held > size:
        raise RenderError(f"the groups hold {held} seats, more than the {size} drawn")
    return out


def _fill(groups: Sequence[_Group], group: _Group) -> str:
    """A group's fill: its colour, or :data:`GREY` when others are highlighted."""
    return group.colour if group.lit or not any(g.lit for g in groups) else GREY


def _seats_svg(frame: _Frame, groups: Sequence[_Group]) -> list[str]:
    lay, scale = frame.lay, frame.scale
    r = lay.seat_radius * scale
    owner: list[_Group | None] = []
    for group in groups:
        owner.extend([group] * group.seats)
    out = ['<g class="seats">']
    for i, seat in enumerate(lay.seats):
        g = owner[i] if i < len(owner) else None
        x, y = frame.cx + seat.x * scale, frame.cy - seat.y * scale
        if g is None:
            paint = f'fill="{VACANT}" data-party="" stroke="#888888" stroke-width="0.6"'
        else:
            paint = f'fill="{_fill(groups, g)}" data-party="{attribute(g.key)}"'
            if ":" in g.key and not g.lit:  # a member's seats that do not count
                paint += f' stroke="{g.colour}" stroke-width="1.5"'
        out.append(f'<circle class="seat" cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" {paint}/>')
    out.append("</g>")
    return out


def _outlines_svg(
    frame: _Frame,
    groups: Sequence[_Group],
    outlines: Sequence[tuple[str, Sequence[str]] | tuple[str, Sequence[str], str]],
) -> list[str]:
    out: list[str] = []
    for outline in outlines:
        name, keys = outline[0], outline[1]
        # one outline for each run of the bloc's members that sit side by side
        runs: list[tuple[int, int]] = []
        pos = 0
        for g in groups:
            if g.key.split(":")[0] in keys and g.seats > 0:  # "rdc:not-counted" is rdc's
                if runs and runs[-1][1] == pos:
                    runs[-1] = (runs[-1][0], pos + g.seats)
                else:
                    runs.append((pos, pos + g.seats))
            pos += g.seats
        for first, stop in runs:
            out.append(_sector(frame, first, stop - 1, name))
    return out


def _quota_svg(frame: _Frame, quota: int) -> str:
    lay = frame.lay
    a = (lay.seats[quota - 1].angle + lay.seats[quota].angle) / 2
    ro, ri = 1 + lay.pitch * 0.6, 1 - (lay.rows - 1) * lay.pitch - lay.pitch * 0.6
    (x1, y1), (x2, y2) = frame.point(ri, a), frame.point(ro, a)
    return (
        f'<line class="quota" x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" '
        f'stroke="#000000" stroke-width="2" data-seats="{quota}"/>'
    )


#: The largest and smallest font of the first line in the centre.
_CENTRE_MAX: Final = 28
_CENTRE_MIN: Final = 11


def _centre_svg(frame: _Frame, lines: Sequence[str]) -> tuple[list[str], float]:
    """The centre's lines: the first, large, inside the empty middle of the hemicycle
    when it fits there at :data:`_CENTRE_MIN` or more; the others (and the first when it
    does not fit) under the hemicycle. Returns the SVG and the lowest pixel used."""
    out: list[str] = []
    y = frame.bottom
    rest = list(lines)
    if rest:
        first = rest[0]
        size = float(_CENTRE_MAX)
        while size >= _CENTRE_MIN and not _fits_hole(frame, first, size):
            size -= 1
        if size >= _CENTRE_MIN:
            out.append(
                _text(
                    frame.cx,
                    frame.cy - 3,
                    first,
                    cls="total",
                    anchor="middle",
                    size=size,
                    weight="bold",
                )
            )
            rest = rest[1:]
    for line in rest:
        out.append(_text(frame.cx, y + 15, line, cls="centre", anchor="middle", size=13))
        y += 18
    return out, y


def _fits_hole(frame: _Frame, text: str, size: float) -> bool:
    half = text_width(text, size, bold=True) / 2
    return math.hypot(half, 0.8 * size + 3) <= frame.hole


def legend(groups: Sequence[Group] | Sequence[_Group], *, together: int = 3) -> list[Entry]:
    """The legend's entries: the highlighted groups first (when only some are
    highlighted: the coalition), then the others; ``together`` or more groups of one
    kind that are not highlighted share one entry, named by the kind (see
    :data:`KINDS`), at the place of the first. Groups with no seat have no entry.

    >>> [e.label for e in legend([("a", "A", 2, "#000", False, "independent"),
    ...                           ("b", "B", 3, "#111", True),
    ...                           ("c", "C", 1, "#000", False, "independent"),
    ...                           ("d", "D", 1, "#000", False, "independent")])]
    ['B', 'independents']
    """
    checked = [g if isinstance(g, _Group) else _checked_groups([g], None)[0] for g in groups]
    shown = [g for g in checked if g.seats > 0]
    some = any(g.lit for g in shown) and not all(g.lit for g in shown)
    first = [g for g in shown if g.lit] if some else []
    rest = [g for g in shown if not g.lit] if some else shown
    by_kind: dict[str, list[_Group]] = {}
    for g in rest:
        if g.kind:
            by_kind.setdefault(g.kind, []).append(g)
    out = [
        Entry((g.key,), g.label, g.seats, g.colour, True, f"{g.label} ({g.seats})") for g in first
    ]
    done: set[str] = set()
    for g in rest:
        same = by_kind.get(g.kind, []) if g.kind else []
        if len(same) < together:
            out.append(
                Entry(
                    (g.key,),
                    g.label,
                    g.seats,
                    _fill(checked, g),
                    not some,
                    f"{g.label} ({g.seats})",
                )
            )
        elif g.kind not in done:
            done.add(g.kind)
            name = KINDS.get(g.kind, g.kind)
            seats = sum(m.seats for m in same)
            full = f"{name} ({seats}): " + ", ".join(m.label for m in same)
            out.append(
                Entry(tuple(m.key for m in same), name, seats, _fill(checked, g), not some, full)
            )
    return out


def _legend_svg(
    entries: Sequence[Entry],
    outlines: Sequence[tuple[str, Sequence[str]] | tuple[str, Sequence[str], str]],
    y: float,
    width: int,
) -> tuple[list[str], float]:
    """The legend under the picture, column by column; returns the SVG and the lowest
    pixel used."""
    rows: list[tuple[str, str, str, tuple[str, ...], str]] = [  # swatch, text, tooltip
        (_swatch(e.colour), f"{e.label}\x00({e.seats})", e.full, e.keys, "entry") for e in entries
    ]
    for outline in outlines:
        name = outline[2] if len(outline) == 3 else outline[0]
        rows.append((_DASHED, f"{name}\x00", name, (outline[0],), "bloc-name"))
    usable = width - 2 * _MARGIN
    columns = max(1, min(usable // _COLUMN, math.ceil(len(rows) / _PER_COLUMN)))
    per = math.ceil(len(rows) / columns) if rows else 0
    col_w = usable / columns
    out = ['<g class="legend">']
    for i, (swatch, text, full, keys, cls) in enumerate(rows):
        col, row = divmod(i, per)
        lx = _MARGIN + col * col_w
        ly = y + 12 + row * _LINE
        name, _, count = text.partition("\x00")
        tail = f" {count}" if count else ""
        room = col_w - 18 - 6 - text_width(tail, _LABEL_SIZE)
        shown = shorten(name, room, _LABEL_SIZE) + tail
        data = "data-bloc" if cls == "bloc-name" else "data-party"
        out.append(
            f'<g class="{cls}" {data}="{attribute(" ".join(keys))}">'
            f"<title>{_text_escape(full, 'html')}</title>"
            + swatch.format(x=f"{lx:.2f}", y=f"{ly - 10:.2f}")
            + _text(lx + 18, ly, shown, cls="label", size=_LABEL_SIZE)
            + "</g>"
        )
    out.append("</g>")
    return out, y + 12 + max(per - 1, 0) * _LINE + 4 if rows else y


def _swatch(colour: str) -> str:
    return f'<rect x="{{x}}" y="{{y}}" width="12" height="12" fill="{colour}"/>'


_DASHED: Final = (
    '<rect x="{x}" y="{y}" width="12" height="12" fill="none" stroke="#333333" '
    'stroke-width="1.2" stroke-dasharray="3 2"/>'
)


def _sector(frame: _Frame, first: int, last: int, name: str) -> str:
    """A dashed annular sector around the seats ``first..last`` (left to right)."""
    lay, cx, cy, scale = frame.lay, frame.cx, frame.cy, frame.scale
    a0 = lay.seats[first].angle + lay.pitch * 0.5 / max(lay.seats[first].radius, 1e-9)
    a1 = lay.seats[last].angle - lay.pitch * 0.5 / max(lay.seats[last].radius, 1e-9)
    a0, a1 = min(a0, math.pi), max(a1, 0.0)
    ro = 1 + lay.pitch * 0.55
    ri = 1 - (lay.rows - 1) * lay.pitch - lay.pitch * 0.55
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = [
        (cx + rr * math.cos(a) * scale, cy - rr * math.sin(a) * scale)
        for rr, a in ((ro, a0), (ro, a1), (ri, a1), (ri, a0))
    ]
    return (
        f'<path class="bloc" data-bloc="{attribute(name)}" fill="none" stroke="#333333" '
        f'stroke-width="1.2" stroke-dasharray="4 3" d="M {x0:.2f} {y0:.2f} '
        f"A {ro * scale:.2f} {ro * scale:.2f} 0 0 1 {x1:.2f} {y1:.2f} "
        f"L {x2:.2f} {y2:.2f} A {ri * scale:.2f} {ri * scale:.2f} 0 0 0 "
        f'{x3:.2f} {y3:.2f} Z"/>'
    )


# ------------------------------------------------------------ parties as seat groups


class PartyLike(Protocol):
    """What the party helpers read: a :class:`~coalitions.model.Party` has it all."""

    @property
    def key(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def native_name(self) -> str | None: ...
    @property
    def seats(self) -> int: ...
    @property
    def colour(self) -> str | None: ...
    @property
    def tags(self) -> frozenset[str]: ...


#: How parties are labelled: by key, by name, or by the native-script name where
#: recorded (else the name).
LABELS: Final = ("key", "name", "native")

#: The kinds of list that share one legend entry when three or more of them are not in
#: the coalition drawn: a list's kind is the first of these tags it carries, and the
#: entry is named by the value.
KINDS: Final = {"independent": "independents", "quota-seat": "quota seats"}


def check_labels(labels: str) -> str:
    """``labels`` if it is one of :data:`LABELS`, else :class:`~coalitions.errors.RenderError`.

    >>> check_labels("nmae")
    Traceback (most recent call last):
    ...
    coalitions.errors.RenderError: unknown 'labels' value 'nmae'; did you mean 'name' or 'native'?
    """
    if not isinstance(labels, str) or labels not in LABELS:
        raise RenderError(unknown("'labels' value", labels, LABELS))
    return labels


def label_of(party: PartyLike, labels: str = "key") -> str:
    """The label of ``party`` under ``labels`` (see :data:`LABELS`)."""
    check_labels(labels)
    if labels == "native" and party.native_name:
        return party.native_name
    return party.name if labels in ("name", "native") else party.key


def kind_of(party: PartyLike) -> str:
    """The first tag of :data:`KINDS` that ``party`` carries (``""``: none)."""
    return next((t for t in KINDS if t in party.tags), "")


def _rgb(colour: str) -> tuple[int, int, int] | None:
    if not colour.startswith("#"):
        return None
    h = colour[1:] if len(colour) == 7 else "".join(c * 2 for c in colour[1:])
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _close(a: str, b: str) -> bool:
    """Whether two colours are hard to tell apart (a weighted RGB distance, the
    "redmean" approximation of perceived difference, under 70)."""
    if a.lower() == b.lower():
        return True
    ra, rb = _rgb(a), _rgb(b)
    if ra is None or rb is None:
        return False
    r = (ra[0] + rb[0]) / 2
    dr, dg, db = (x - y for x, y in zip(ra, rb, strict=True))
    return math.sqrt((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db) < 70


def _extra(i: int) -> str:
    """The ``i``-th colour past :data:`PALETTE`: hues a golden angle apart."""
    hue = (i * 137.508) % 360
    lum = (0.42, 0.58, 0.5)[i % 3]
    c = (1 - abs(2 * lum - 1)) * 0.65
    x = c * (1 - abs((hue / 60) % 2 - 1))
    m = lum - c / 2
    r, g, b = [(c, x, 0), (x, c, 0), (0, c, x), (0, x, c), (x, 0, c), (c, 0, x)][int(hue // 60)]
    return "#" + "".join(f"{round((v + m) * 255):02x}" for v in (r, g, b))


#: Up to this many coalition members, no two get colours hard to tell apart; past it,
#: members' colours are still all different.
DISTINCT: Final = 24


def _member_colour(key: str, own: str | None, taken: Sequence[str], used: set[str]) -> str:
    """A member's colour: its own unless close to an earlier member's (``taken``); else
    the palette's colour at the key's hash or the next not close to one taken, then
    colours of :func:`_extra`; past :data:`DISTINCT` members, only different from the
    colours ``used`` (lower case)."""
    if len(taken) < DISTINCT:
        if own and not any(_close(own, t) for t in taken):
            return own
        start = zlib.crc32(key.encode("utf-8")) % len(PALETTE)
        candidates = [PALETTE[(start + i) % len(PALETTE)] for i in range(len(PALETTE))]
        for c in itertools.chain(candidates, (_extra(i) for i in range(512))):
            if not any(_close(c, t) for t in taken):
                return c
    if own and own.lower() not in used:
        return own
    return next(
        c
        for c in itertools.chain(PALETTE, (_extra(i) for i in itertools.count(len(taken))))
        if c.lower() not in used
    )


def _other_colour(key: str, used: set[str]) -> str:
    """A colour for a list that is not a member and has none: the palette's colour at
    the key's hash (so it keeps its colour from one chamber to another), or the next
    one not used yet, or, once the palette is used up, the one at the hash."""
    start = zlib.crc32(key.encode("utf-8")) % len(PALETTE)
    for i in range(len(PALETTE)):
        c = PALETTE[(start + i) % len(PALETTE)]
        if c.lower() not in used:
            return c
    return PALETTE[start]


def colours(parties: Iterable[PartyLike], first: Sequence[str] = ()) -> dict[str, str]:
    """Each party's colour.

    A party's own colour (the built-in chambers give one to every major list, in its
    conventional colour) is kept; a party without one gets a colour of :data:`PALETTE`
    chosen by a hash of its key, so that it keeps it from one chamber to another, or the
    next colour not already taken. The parties of ``first`` (a coalition) come first and
    never share a colour or get two colours hard to tell apart: a member whose own
    colour is too close to an earlier member's gets a fallback, and past the palette
    further colours are made. The lists of one kind (see :data:`KINDS`) without their
    own colour share one.

    >>> import coalitions as co
    >>> colours(co.load_scenario("kurdistan-2024").parties)["kdp"]
    '#f2c500'
    """
    parties = list(parties)
    by_key = {p.key: p for p in parties}
    out: dict[str, str] = {}
    taken: list[str] = []
    used: set[str] = set()
    for k in first:  # members: distinct, in the order given
        p = by_key.get(k)
        if p is None:
            continue
        out[k] = _member_colour(k, p.colour, taken, used)
        taken.append(out[k])
        used.add(out[k].lower())
    used |= {p.colour.lower() for p in parties if p.colour}
    kinds: dict[str, str] = {}
    for p in parties:
        if p.key in out:
            continue
        if p.colour:
            out[p.key] = p.colour
            continue
        kind = kind_of(p)
        if kind and kind in kinds:
            out[p.key] = kinds[kind]
            continue
        c = _other_colour(kind or p.key, used)
        used.add(c.lower())
        out[p.key] = c
        if kind:
            kinds[kind] = c
    return out


def seat_order(
    parties: Iterable[PartyLike],
    keys: Iterable[str] | None = None,
    blocs: Sequence[Sequence[str]] = (),
) -> list[str]:
    """The keys of ``parties`` (or only ``keys``) in the order they are seated: heaviest
    first, then by key; with ``blocs`` (the member keys of each bloc, in order), bloc by
    bloc first, parties in no bloc last. The lists of one kind (see :data:`KINDS`) sit
    together, weighed by their seats together.

    >>> import coalitions as co
    >>> seat_order(co.load_scenario("kurdistan-2024").parties, ["puk", "kiu", "kdp"])
    ['kdp', 'puk', 'kiu']
    """
    parties = list(parties)
    seats = {p.key: p.seats for p in parties}
    kind = {p.key: kind_of(p) for p in parties}
    total: dict[str, int] = {}
    for p in parties:
        if kind[p.key]:
            total[kind[p.key]] = total.get(kind[p.key], 0) + p.seats
    chosen = list(seats) if keys is None else list(keys)
    bloc_of = {m: i for i, members in enumerate(blocs) for m in members}

    def place(k: str) -> tuple[int, int, str, int, str]:
        unit = kind.get(k, "")
        weight = total[unit] if unit else seats[k]
        return (bloc_of.get(k, len(blocs)), -weight, "\x00" + unit if unit else k, -seats[k], k)

    return sorted(chosen, key=place)


def seat_groups(
    parties: Sequence[PartyLike],
    *,
    first: Sequence[str] = (),
    counted: Mapping[str, int] | None = None,
    labels: str = "key",
    blocs: Sequence[Sequence[str]] = (),
) -> list[Group]:
    """The seat groups of a chamber, for :func:`svg_of_seats`.

    ``first`` (party keys, drawn in the order given) are highlighted and placed first;
    each counts ``counted[key]`` seats (default: all its seats), and the seats it does
    not count follow it, not highlighted, as a group ``"key:not-counted"``. The other
    parties follow in :func:`seat_order` (``blocs``: bloc by bloc), not highlighted when
    there is a ``first``. Colours come from :func:`colours` (the members of ``first``
    distinct), labels from :func:`label_of`; a group's sixth element is its kind
    (:func:`kind_of`).

    >>> import coalitions as co
    >>> [g[:3] for g in seat_groups(co.load_scenario("kurdistan-2024").parties,
    ...                             first=["puk"], counted={"puk": 20})][:3]
    [('puk', 'puk', 20), ('puk:not-counted', 'puk, not counted', 3), ('kdp', 'kdp', 39)]
    """
    check_labels(labels)
    by_key = {p.key: p for p in parties}
    counts = dict(counted) if counted is not None else {}
    if len(set(first)) != len(first):
        raise RenderError(f"'first' names a party twice (got {_short(list(first))})")
    for k in first:
        if k not in by_key:
            raise RenderError(unknown("party", k, by_key, where="the parties drawn"))
    colour = colours(parties, first)
    groups: list[Group] = []
    for k in first:
        p = by_key[k]
        n = counts.get(k, p.seats)
        _check_whole(n, f"counted[{k!r}]", low=0)
        if n > p.seats:
            raise RenderError(f"'counted[{k!r}]' is {n}, more than the party's {p.seats} seats")
        label = label_of(p, labels)
        groups.append((k, label, n, colour[k], True, kind_of(p)))
        if n < p.seats:
            groups.append(
                (f"{k}:not-counted", f"{label}, not counted", p.seats - n, colour[k], False, "")
            )
    placed = set(first)
    rest = [k for k in seat_order(parties, blocs=blocs) if k not in placed]
    lit = not first
    groups += [
        (k, label_of(by_key[k], labels), by_key[k].seats, colour[k], lit, kind_of(by_key[k]))
        for k in rest
    ]
    return groups
