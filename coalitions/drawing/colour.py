"""Colours: what a colour may be, the palette, grey for non-members, and how a
coalition's members get colours that are told apart."""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections.abc import Sequence
from typing import Final

__all__ = ["DISTINCT", "GREY", "PALETTE", "VACANT"]

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
