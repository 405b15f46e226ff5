"""The SVG of a hemicycle: seats, bloc outlines, the quota line, the centre, the
legend; every part laid out from its geometry so that nothing overlaps."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from ..errors import RenderError, _short
from ..escape import attribute
from ..escape import text as _text_escape
from .colour import _COLOUR, GREY, VACANT
from .geometry import Layout, layout
from .text import _text, shorten, text_width

__all__ = ["KINDS", "Entry", "Group", "legend", "svg_of_seats"]

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


#: The kinds of list that share one legend entry when three or more of them are not in
#: the coalition drawn: a list's kind is the first of these tags it carries, and the
#: entry is named by the value.
KINDS: Final = {"independent": "independents", "quota-seat": "quota seats"}
