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
...                    caption=f"majority {q} of {kr.size}")
>>> svg == co.chart.hemicycle(kr)
True

Every bad input raises :class:`~coalitions.errors.RenderError`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, Protocol

import attrs

from .errors import RenderError, _short, unknown
from .escape import attribute
from .escape import text as _text_escape

__all__ = [
    "GREY",
    "LABELS",
    "PALETTE",
    "SEAT_RADIUS",
    "VACANT",
    "Group",
    "Layout",
    "Seat",
    "check_labels",
    "colours",
    "label_of",
    "layout",
    "seat_groups",
    "seat_order",
    "svg_of_seats",
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
    attrs_ = [
        f'x="{x:.2f}"',
        f'y="{y:.2f}"',
        f'class="{cls}"',
        f'font-size="{size:g}"',
        f'text-anchor="{anchor}"',
    ]
    if weight:
        attrs_.append(f'font-weight="{weight}"')
    if _is_rtl(text):
        attrs_.append(f'direction="rtl" unicode-bidi="embed" xml:lang="{_lang(text)}"')
    return f"<text {' '.join(attrs_)}>{_text_escape(text, 'html')}</text>"


#: A group of seats drawn side by side: ``(key, label, seats, colour, highlighted)``.
Group = tuple[str, str, int, str, bool]


def svg_of_seats(
    groups: Sequence[Group],
    size: int,
    *,
    quota: int | None = None,
    title: str | None = None,
    caption: str | None = None,
    outlines: Sequence[tuple[str, Sequence[str]]] = (),
    width: int = 640,
) -> str:
    """The SVG of ``size`` seats given to ``groups`` in order, left to right.

    ``groups`` are ``(key, label, seats, colour, highlighted)``; seats beyond the groups
    are vacant. When any group is highlighted, the others are drawn faded. ``quota``
    draws the quota line after that many seats; ``outlines`` are ``(label, keys)`` whose
    seats get a thin outline (blocs; a group ``"k:suffix"`` counts as ``k``'s).

    >>> svg = svg_of_seats([("a", "A", 3, "#0072b2", True), ("b", "B", 2, "#e69f00", False)], 5,
    ...                    quota=3)
    >>> svg.count('class="seat"')
    5

    Raises :class:`~coalitions.errors.RenderError` for a malformed group, more seats in
    the groups than ``size``, or a size, quota or width that is not a whole number.
    """
    lay = layout(size)
    groups = _checked_groups(groups, size)
    _check_whole(width, "width", low=1)
    if quota is not None:
        _check_whole(quota, "quota", low=0)
    for name, value in (("title", title), ("caption", caption)):
        if value is not None and not isinstance(value, str):
            raise RenderError(f"{name!r} must be text (got {_short(value)})")
    scale = width / 2 * 0.92
    cx = width / 2
    cy = scale + 16 + (28 if title else 0)
    legend_rows = math.ceil(len([g for g in groups if g[2] > 0]) / 2)
    height = int(cy + 24 + (18 if caption else 0) + 18 * legend_rows + 12)
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
        out.append(_text(cx, 24, title, cls="title", anchor="middle", size=18, weight="bold"))
    frame = _Frame(lay, cx, cy, scale)
    out += _seats_svg(frame, groups)
    out += _outlines_svg(frame, groups, outlines)
    if quota is not None and 0 < quota < size:
        out.append(_quota_svg(frame, quota))
    y = cy + 22
    if caption:
        out.append(_text(cx, y, caption, cls="caption", anchor="middle", size=14))
        y += 22
    out += _legend_svg(groups, y, width)
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


def _check_whole(value: Any, field: str, *, low: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise RenderError(f"{field!r} must be a whole number >= {low} (got {_short(value)})")


def _checked_groups(groups: object, size: object) -> list[Group]:
    """The groups as a list, each checked: ``(str, str, int >= 0, str, bool)``."""
    if isinstance(groups, str | bytes) or not isinstance(groups, Iterable):
        raise RenderError(f"'groups' must be a sequence of seat groups (got {_short(groups)})")
    out: list[Group] = []
    for i, group in enumerate(groups):
        where = f"'groups[{i}]'"
        if not isinstance(group, tuple | list) or len(group) != 5:
            raise RenderError(
                f"{where} must be (key, label, seats, colour, highlighted) (got {_short(group)})"
            )
        key, label, n, colour, lit = group
        if not all(isinstance(v, str) for v in (key, label, colour)):
            raise RenderError(f"{where}: key, label and colour must be text (got {_short(group)})")
        _check_whole(n, f"groups[{i}] seats", low=0)
        if not _COLOUR.fullmatch(colour):
            raise RenderError(
                f"{where}: colour must be '#rgb', '#rrggbb' or a colour name (got {_short(colour)})"
            )
        if not isinstance(lit, bool):
            raise RenderError(f"{where}: 'highlighted' must be True or False (got {_short(lit)})")
        out.append((key, label, n, colour, lit))
    held = sum(g[2] for g in out)
    if isinstance(size, int) and held > size:
        raise RenderError(f"the groups hold {held} seats, more than the {size} drawn")
    return out


def _faded(groups: Sequence[Group], lit: bool) -> str:
    return "" if lit or not any(g[4] for g in groups) else ' fill-opacity="0.28"'


def _seats_svg(frame: _Frame, groups: Sequence[Group]) -> list[str]:
    lay, scale = frame.lay, frame.scale
    r = lay.seat_radius * scale
    owner: list[tuple[str, str, bool]] = []
    for key, _label, n, colour, lit in groups:
        owner.extend([(key, colour, lit)] * n)
    out = ['<g class="seats">']
    for i, seat in enumerate(lay.seats):
        key, colour, lit = owner[i] if i < len(owner) else ("", VACANT, False)
        x, y = frame.cx + seat.x * scale, frame.cy - seat.y * scale
        opacity = _faded(groups, lit)
        party = f' data-party="{attribute(key)}"' if key else ' data-party=""'
        stroke = ' stroke="#888888" stroke-width="0.6"' if not key else ""
        out.append(
            f'<circle class="seat" cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" fill="{colour}"'
            f"{opacity}{party}{stroke}/>"
        )
    out.append("</g>")
    return out


def _outlines_svg(
    frame: _Frame, groups: Sequence[Group], outlines: Sequence[tuple[str, Sequence[str]]]
) -> list[str]:
    starts: dict[str, tuple[int, int]] = {}
    pos = 0
    for key, _label, n, _colour, _lit in groups:
        starts[key] = (pos, pos + n)
        pos += n
    out: list[str] = []
    for name, keys in outlines:
        # one outline for each run of the bloc's members that sit side by side
        runs: list[tuple[int, int]] = []
        for key, _label, n, _colour, _lit in groups:
            if key.split(":")[0] in keys and n > 0:  # "rdc:not-counted" is rdc's
                start, stop = starts[key]
                if runs and runs[-1][1] == start:
                    runs[-1] = (runs[-1][0], stop)
                else:
                    runs.append((start, stop))
        for first, stop in runs:
            out.append(_sector(frame.lay, frame.cx, frame.cy, frame.scale, first, stop - 1, name))
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


def _legend_svg(groups: Sequence[Group], y: float, width: int) -> list[str]:
    out = ['<g class="legend">']
    shown = [g for g in groups if g[2] > 0]
    for i, (key, lab, n, colour, lit) in enumerate(shown):
        col, row = i % 2, i // 2
        lx = 24 + col * (width / 2)
        ly = y + row * 18
        out.append(
            f'<g class="entry" data-party="{attribute(key)}">'
            f'<rect x="{lx:.2f}" y="{ly - 10:.2f}" width="12" height="12" '
            f'fill="{colour}"{_faded(groups, lit)}/>'
            + _text(lx + 18, ly, f"{lab} ({n})", cls="label", size=12)
            + "</g>"
        )
    out.append("</g>")
    return out


def _sector(
    lay: Layout, cx: float, cy: float, scale: float, first: int, last: int, name: str
) -> str:
    """A dashed annular sector around the seats ``first..last`` (left to right)."""
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


#: How parties are labelled: by key, by name, or by the native-script name where
#: recorded (else the name).
LABELS: Final = ("key", "name", "native")


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


def colours(parties: Iterable[PartyLike]) -> dict[str, str]:
    """Each party's colour: its own where recorded, else the next of :data:`PALETTE`
    (in the order given, skipping the parties with their own colour).

    >>> import coalitions as co
    >>> colours(co.load_scenario("kurdistan-2024").parties)["kdp"]
    '#0072b2'
    """
    out: dict[str, str] = {}
    used = 0
    for p in parties:
        if p.colour:
            out[p.key] = p.colour
        else:
            out[p.key] = PALETTE[used % len(PALETTE)]
            used += 1
    return out


def seat_order(
    parties: Iterable[PartyLike],
    keys: Iterable[str] | None = None,
    blocs: Sequence[Sequence[str]] = (),
) -> list[str]:
    """The keys of ``parties`` (or only ``keys``) in the order they are seated: heaviest
    first, then by key; with ``blocs`` (the member keys of each bloc, in order), bloc by
    bloc first, parties in no bloc last.

    >>> import coalitions as co
    >>> seat_order(co.load_scenario("kurdistan-2024").parties, ["puk", "kiu", "kdp"])
    ['kdp', 'puk', 'kiu']
    """
    seats = {p.key: p.seats for p in parties}
    chosen = list(seats) if keys is None else list(keys)
    bloc_of = {m: i for i, members in enumerate(blocs) for m in members}
    return sorted(chosen, key=lambda k: (bloc_of.get(k, len(blocs)), -seats[k], k))


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
    not count follow it faded, as a group ``"key:not-counted"``. The other parties follow
    in :func:`seat_order` (``blocs``: bloc by bloc), faded when there is a ``first``.
    Colours come from :func:`colours`, labels from :func:`label_of`.

    >>> import coalitions as co
    >>> [g[:3] for g in seat_groups(co.load_scenario("kurdistan-2024").parties,
    ...                             first=["puk"], counted={"puk": 20})][:3]
    [('puk', 'puk', 20), ('puk:not-counted', 'puk, not counted', 3), ('kdp', 'kdp', 39)]
    """
    check_labels(labels)
    by_key = {p.key: p for p in parties}
    colour = colours(parties)
    counts = dict(counted) if counted is not None else {}
    if len(set(first)) != len(first):
        raise RenderError(f"'first' names a party twice (got {_short(list(first))})")
    groups: list[Group] = []
    for k in first:
        if k not in by_key:
            raise RenderError(unknown("party", k, by_key, where="the parties drawn"))
        p = by_key[k]
        n = counts.get(k, p.seats)
        _check_whole(n, f"counted[{k!r}]", low=0)
        if n > p.seats:
            raise RenderError(f"'counted[{k!r}]' is {n}, more than the party's {p.seats} seats")
        groups.append((k, label_of(p, labels), n, colour[k], True))
        if n < p.seats:
            groups.append(
                (
                    f"{k}:not-counted",
                    f"{label_of(p, labels)}, not counted",
                    p.seats - n,
                    colour[k],
                    False,
                )
            )
    placed = set(first)
    rest = [k for k in seat_order(parties, blocs=blocs) if k not in placed]
    lit = not first
    groups += [(k, label_of(by_key[k], labels), by_key[k].seats, colour[k], lit) for k in rest]
    return groups
