"""Seat geometry: concentric half-circle rows, seats handed out by angle."""

from __future__ import annotations

import math
from typing import Final

import attrs

from ..errors import RenderError, _short

__all__ = ["SEAT_RADIUS", "Layout", "Seat", "layout"]

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
