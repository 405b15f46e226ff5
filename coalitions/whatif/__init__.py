"""What if: transformations of a chamber, and questions about how robust an answer is.

- :mod:`~coalitions.whatif.transform`: moves, vacancies, removals, merges, splits,
  joins and other sources' figures; each returns a new, valid chamber.
- :mod:`~coalitions.whatif.analyses`: what changed between two chambers, how easily a
  coalition breaks, how many seats a list still needs.
- :mod:`~coalitions.whatif.robustness`: whether a yes/no answer survives small moves of
  seats (an exhaustive or a seeded search).

Every transformation leaves its input untouched; a change that cannot be made (moving
more seats than a list holds, an unknown key, a split that does not add up) raises
:class:`~coalitions.errors.WhatIfError` naming what is wrong.

>>> import coalitions as co
>>> kr = co.load_scenario("kurdistan-2024")
>>> after = move_seats(kr, "kdp", "puk", 5)
>>> after["kdp"].seats, after["puk"].seats, kr["kdp"].seats
(34, 28, 39)
"""

from ..errors import WhatIfError
from .analyses import (
    Comparison,
    Fragility,
    SeatsNeeded,
    compare,
    fragility,
    seats_needed,
)
from .robustness import Robustness, robust
from .transform import (
    join,
    merge,
    move_seats,
    remove,
    set_seats,
    split,
    split_factions,
    use_alternative,
    vacate,
)

__all__ = [
    "Comparison",
    "Fragility",
    "Robustness",
    "SeatsNeeded",
    "WhatIfError",
    "compare",
    "fragility",
    "join",
    "merge",
    "move_seats",
    "remove",
    "robust",
    "seats_needed",
    "set_seats",
    "split",
    "split_factions",
    "use_alternative",
    "vacate",
]
