"""Hemicycle diagrams as SVG text: dependency-free, deterministic, nothing fetched.

Seats sit on concentric half-circle rows; a row's capacity is proportional to its arc
length, and the diagram uses the fewest rows that hold the chamber. Seats are handed out
by angle, left to right, so each party is a wedge; a coalition is placed first, the rest
are greyed, and a line marks the quota.

>>> import coalitions as co
>>> svg = hemicycle(co.load_scenario("kurdistan-2024"), coalition="kdp+puk")
>>> svg.startswith("<svg") and svg.count('class="seat"') == 100
True
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Final
from xml.sax.saxutils import escape, quoteattr

import attrs

from . import rules
from .constraints import Constraints, compile_game, constraints_of
from .model import Legislature
from .search import parse_members

__all__ = ["PALETTE", "Layout", "Seat", "hemicycle", "layout", "svg_of_seats"]

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
        raise ValueError(f"a hemicycle needs a whole number of seats >= 1 (got {n!r})")
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
    return f"<text {' '.join(attrs_)}>{escape(text)}</text>"


def svg_of_seats(
    groups: Sequence[tuple[str, str, int, str, bool]],
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
    are vacant. ``quota`` draws the quota line after that many seats; ``outlines`` are
    ``(label, keys)`` whose seats get a thin outline (blocs).

    >>> svg = svg_of_seats([("a", "A", 3, "#0072b2", True), ("b", "B", 2, "#e69f00", False)], 5,
    ...                    quota=3)
    >>> svg.count('class="seat"')
    5
    """
    lay = layout(size)
    scale = width / 2 * 0.92
    cx = width / 2
    cy = scale + 16 + (28 if title else 0)
    legend_rows = math.ceil(len([g for g in groups if g[2] > 0]) / 2)
    height = int(cy + 24 + (18 if caption else 0) + 18 * legend_rows + 12)
    r = lay.seat_radius * scale
    out = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
            'font-family="DejaVu Sans, Noto Sans, Noto Naskh Arabic, Arial, sans-serif">'
        ),
    ]
    label = title or caption or "parliament diagram"
    out.append(f"<title>{escape(label)}</title>")
    if title:
        out.append(_text(cx, 24, title, cls="title", anchor="middle", size=18, weight="bold"))
    owner: list[tuple[str, str, bool]] = []
    for key, _label, n, colour, lit in groups:
        owner.extend([(key, colour, lit)] * n)
    if len(owner) > size:
        raise ValueError(f"the groups hold {len(owner)} seats, more than the {size} drawn")
    out.append('<g class="seats">')
    for i, seat in enumerate(lay.seats):
        key, colour, lit = owner[i] if i < len(owner) else ("", VACANT, False)
        x, y = cx + seat.x * scale, cy - seat.y * scale
        opacity = "" if lit or not any(g[4] for g in groups) else ' fill-opacity="0.28"'
        party = f' data-party="{escape(key)}"' if key else ' data-party=""'
        stroke = ' stroke="#888888" stroke-width="0.6"' if not key else ""
        out.append(
            f'<circle class="seat" cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" fill="{colour}"'
            f"{opacity}{party}{stroke}/>"
        )
    out.append("</g>")
    starts: dict[str, tuple[int, int]] = {}
    pos = 0
    for key, _label, n, _colour, _lit in groups:
        starts[key] = (pos, pos + n)
        pos += n
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
            out.append(_sector(lay, cx, cy, scale, first, stop - 1, name))
    if quota is not None and 0 < quota < size:
        a = (lay.seats[quota - 1].angle + lay.seats[quota].angle) / 2
        ro, ri = 1 + lay.pitch * 0.6, 1 - (lay.rows - 1) * lay.pitch - lay.pitch * 0.6
        out.append(
            f'<line class="quota" x1="{cx + ri * math.cos(a) * scale:.2f}" '
            f'y1="{cy - ri * math.sin(a) * scale:.2f}" x2="{cx + ro * math.cos(a) * scale:.2f}" '
            f'y2="{cy - ro * math.sin(a) * scale:.2f}" stroke="#000000" stroke-width="2" '
            f'data-seats="{quota}"/>'
        )
    y = cy + 22
    if caption:
        out.append(_text(cx, y, caption, cls="caption", anchor="middle", size=14))
        y += 22
    out.append('<g class="legend">')
    shown = [g for g in groups if g[2] > 0]
    for i, (key, lab, n, colour, lit) in enumerate(shown):
        col, row = i % 2, i // 2
        lx = 24 + col * (width / 2)
        ly = y + row * 18
        opacity = "" if lit or not any(g[4] for g in groups) else ' fill-opacity="0.28"'
        out.append(
            f'<g class="entry" data-party="{escape(key)}">'
            f'<rect x="{lx:.2f}" y="{ly - 10:.2f}" width="12" height="12" '
            f'fill="{colour}"{opacity}/>'
            + _text(lx + 18, ly, f"{lab} ({n})", cls="label", size=12)
            + "</g>"
        )
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


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
        f'<path class="bloc" data-bloc={quoteattr(name)} fill="none" stroke="#333333" '
        f'stroke-width="1.2" stroke-dasharray="4 3" d="M {x0:.2f} {y0:.2f} '
        f"A {ro * scale:.2f} {ro * scale:.2f} 0 0 1 {x1:.2f} {y1:.2f} "
        f"L {x2:.2f} {y2:.2f} A {ri * scale:.2f} {ri * scale:.2f} 0 0 0 "
        f'{x3:.2f} {y3:.2f} Z"/>'
    )


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
    scenario, else from :data:`PALETTE`. ``blocs=True`` outlines each bloc (its members
    are then placed together). ``labels``: ``"key"``, ``"name"`` or ``"native"`` (the
    native-script name where recorded, with right-to-left text handled).

    With constraints (as :func:`~coalitions.find_coalitions` takes them), the seats of a
    coalition member that do not count (an excluded faction) are drawn greyed inside its
    wedge, and the caption gives the seats counted.

    >>> import coalitions as co
    >>> svg = hemicycle(co.load_scenario("iraq-2025"), coalition="rdc+kdp+taqaddum")
    >>> 'data-seats="165"' in svg
    True
    """
    if labels not in ("key", "name", "native"):
        raise ValueError(f"'labels' must be 'key', 'name' or 'native' (got {labels!r})")
    q = leg.quota(quota)
    members = parse_members(leg, coalition) if coalition is not None else ()
    colour: dict[str, str] = {}
    used = 0
    for p in leg.parties:
        if p.colour:
            colour[p.key] = p.colour
        else:
            colour[p.key] = PALETTE[used % len(PALETTE)]
            used += 1
    rest = [p for p in leg.parties if p.key not in members]
    if blocs:
        bloc_of = {m: i for i, b in enumerate(leg.blocs) for m in b.members}
        rest.sort(key=lambda p: (bloc_of.get(p.key, len(leg.blocs)), -p.seats, p.key))
    else:
        rest.sort(key=lambda p: (-p.seats, p.key))
    if blocs:
        bloc_of_m = {m: i for i, b in enumerate(leg.blocs) for m in b.members}
        ordered = sorted(
            members, key=lambda k: (bloc_of_m.get(k, len(leg.blocs)), -leg[k].seats, k)
        )
    else:
        ordered = sorted(members, key=lambda k: (-leg[k].seats, k))

    def label_of(key: str) -> str:
        p = leg[key]
        if labels == "native" and p.native_name:
            return p.native_name
        return p.name if labels in ("name", "native") else p.key

    counted = {k: leg[k].seats for k in members}
    if constraints is not None or keywords:
        game = compile_game(leg, quota, constraints_of(constraints, **keywords))
        counted = {k: game.party_weight.get(k, 0) for k in members}
    groups: list[tuple[str, str, int, str, bool]] = []
    for k in ordered:
        groups.append((k, label_of(k), counted[k], colour[k], True))
        if counted[k] < leg[k].seats:
            groups.append(
                (
                    f"{k}:not-counted",
                    f"{label_of(k)}, not counted",
                    leg[k].seats - counted[k],
                    colour[k],
                    False,
                )
            )
    groups += [(p.key, label_of(p.key), p.seats, colour[p.key], not members) for p in rest]
    if members:
        held = sum(leg[k].seats for k in members)
        total = sum(counted.values())
        sign = "+" if total >= q else ""
        if total == held:
            caption = f"{_rule_name(quota)} {q} · coalition {held} ({sign}{held - q})"
        else:
            caption = (
                f"{_rule_name(quota)} {q} · coalition {held}, {total} counted ({sign}{total - q})"
            )
    else:
        caption = f"{_rule_name(quota)} {q} of {leg.size}"
    outlines = [(b.key, b.members) for b in leg.blocs] if blocs else []
    return svg_of_seats(
        groups,
        leg.size,
        quota=q,
        title=title or leg.name,
        caption=caption,
        outlines=outlines,
        width=width,
    )


def _rule_name(rule: rules.Rule) -> str:
    if isinstance(rule, str):
        return rule.strip().lower()
    return f"quota {rule}" if not isinstance(rule, int) else "quota"
