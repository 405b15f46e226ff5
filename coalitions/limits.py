"""The documented limits of ``coalitions``: every bound on input, in one place.

Each limit is generous enough for any real parliament (the largest, China's National
People's Congress, has about 3,000 members; Iraq's has 329 and 41 lists) and small
enough that no input of a few kilobytes can make one call take more than about a second
or a few hundred megabytes. Every one is enforced before any work starts, with an error
that names the field, the limit and the value given (:class:`~coalitions.errors.LimitError`
for arguments, :class:`~coalitions.errors.ScenarioError` for files).

The reference page ``docs/reference/limits.md`` lists them with their reasons.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MAX_CASES",
    "MAX_CHAMBER_SIZE",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_DRAWS",
    "MAX_EXPONENT",
    "MAX_FILE_BYTES",
    "MAX_PARTIES",
    "MAX_REQUIRED_TAGS",
    "MAX_TEXT",
    "MAX_TOTAL_WEIGHT",
]

#: The largest file any reader takes (scenario, votes, simulation), in bytes; enforced
#: while reading, so a pipe, a device or standard input cannot exceed it either.
MAX_FILE_BYTES: Final = 4 * 1024 * 1024

#: How deeply tables and lists may nest in a file (a scenario needs 3).
MAX_DEPTH: Final = 16

#: The longest text in one field of a file, in characters (names, notes, sources).
MAX_TEXT: Final = 10_000

#: The most digits a number may have, in a file or an argument.
MAX_DIGITS: Final = 1000

#: The largest decimal exponent accepted in text such as ``"1e-3"``.
MAX_EXPONENT: Final = 1000

#: The most seats a chamber (or one allocation) may have.
MAX_CHAMBER_SIZE: Final = 10_000

#: The most lists (parties, independents, reserved seats) a chamber may have.
MAX_PARTIES: Final = 2_000

#: The largest total weight of a weighted game (``co.WeightedGame``): the exact indices
#: count over every seat sum up to the quota. Populations in thousands (the EU's 27
#: states: 447,322) fit; weights in single people do not: divide them first.
MAX_TOTAL_WEIGHT: Final = 10_000_000

#: The most tags a question may require (``require_tags``): each doubles the work of an
#: exact count (the count keeps one table per set of tags held).
MAX_REQUIRED_TAGS: Final = 12

#: The most draws one simulation may make.
MAX_DRAWS: Final = 1_000_000

#: The most cases :func:`coalitions.search.count_range` counts: one for every way the
#: excluded factions of unknown size may hold their seats (the product of their ranges).
MAX_CASES: Final = 10_000
