"""Seat allocation by the textbook table of every exact quotient."""

from __future__ import annotations

from coalitions.apportion import METHODS


def naive_divisor(votes: dict, seats: int, method: str) -> dict | None:
    """The textbook table of every exact quotient; None when the last seat is tied."""
    m = METHODS[method]
    table = sorted(
        ((m.priority(v, k), key) for key, v in votes.items() if v for k in range(seats)),
        key=lambda t: t[0],
        reverse=True,
    )
    if len(table) > seats and table[seats - 1][0] == table[seats][0]:
        return None
    out = dict.fromkeys(votes, 0)
    for _, key in table[:seats]:
        out[key] += 1
    return out
