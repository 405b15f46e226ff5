"""The arithmetic of one sitting: who is present, who votes yes, and whether a vote passes.

A sitting of a chamber of ``size`` seats has ``seated`` members (the rest are vacant
and count as absent). A :class:`~coalitions.rules.Vote` passes with ``present``
members in the sitting and ``yes`` votes in favour when the quorum is there and the
yes votes reach the threshold (of the members, or of those present). A step with a
run-off passes when either round does, in the same sitting.

Blocking: the smallest number of seats that makes a step fail whatever everybody else
does (they all attend and vote yes), by voting no (:func:`block_by_no`), by staying
away and denying the quorum (:func:`block_by_absence`), or either way
(:func:`blocking_quota`). With no vacancy, a rule of ``t`` votes of the members is
blocked by ``size - t + 1`` seats voting no, and a quorum ``q`` by ``size - q + 1``
seats away.

>>> from coalitions.rules import VOTES
>>> president = VOTES["presidential"]
>>> block_by_no(president, 329, 329), block_by_absence(president, 329, 329)
(110, 110)
>>> passes(president, 329, present=202, yes=202)
False
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from ..rules import Vote

__all__ = [
    "HOW",
    "block_by_absence",
    "block_by_no",
    "blocking_quota",
    "needed_alone",
    "passes",
    "passes_alone",
    "passes_present",
]

#: How a step may be blocked.
HOW: Final = ("either", "no", "absence")
How = Literal["either", "no", "absence"]


def passes(vote: Vote, size: int, *, present: int, yes: int) -> bool:
    """Whether ``vote`` passes with ``present`` members in the sitting, ``yes`` of them
    in favour."""
    if present < 1 or present < vote.quorum_seats(size):
        return False
    return yes >= vote.needed(size, present)


def passes_alone(votes: Sequence[Vote], size: int, seats: int) -> int | None:
    """The round (0, 1, ...) a coalition of ``seats`` passes in when only it attends
    (whatever the others do), or ``None``."""
    for i, vote in enumerate(votes):
        if passes(vote, size, present=seats, yes=seats):
            return i
    return None


def passes_present(votes: Sequence[Vote], size: int, seated: int, seats: int) -> int | None:
    """The round a coalition of ``seats`` passes in when every seated member attends and
    the others vote no, or ``None``."""
    for i, vote in enumerate(votes):
        if passes(vote, size, present=seated, yes=seats):
            return i
    return None


def needed_alone(votes: Sequence[Vote], size: int) -> int | None:
    """The fewest seats that pass a step alone (``None``: not even the whole house)."""
    for seats in range(1, size + 1):
        if passes_alone(votes, size, seats) is not None:
            return seats
    return None


def _first_failing(votes: Sequence[Vote], size: int, seated: int, away: bool) -> int:
    for b in range(seated + 1):
        present = seated - b if away else seated
        if all(not passes(v, size, present=present, yes=seated - b) for v in votes):
            return b
    return seated + 1


def block_by_no(vote: Vote | Sequence[Vote], size: int, seated: int) -> int:
    """The fewest seats that defeat the step by attending and voting no (0: it fails
    anyway; ``seated + 1``: it cannot be blocked this way)."""
    votes = (vote,) if isinstance(vote, Vote) else tuple(vote)
    return max(_first_failing((v,), size, seated, away=False) for v in votes)


def block_by_absence(vote: Vote | Sequence[Vote], size: int, seated: int) -> int:
    """The fewest seats that defeat the step by staying away (denying the quorum, or the
    votes of the members)."""
    votes = (vote,) if isinstance(vote, Vote) else tuple(vote)
    return max(_first_failing((v,), size, seated, away=True) for v in votes)


def blocking_quota(votes: Sequence[Vote], size: int, seated: int, how: How = "either") -> int:
    """The fewest seats that defeat every round of a step, each round ``how``
    (``"either"``: the cheaper way, round by round)."""
    out = 0
    for v in votes:
        no = _first_failing((v,), size, seated, away=False)
        away = _first_failing((v,), size, seated, away=True)
        out = max(out, {"no": no, "absence": away, "either": min(no, away)}[how])
    return out
