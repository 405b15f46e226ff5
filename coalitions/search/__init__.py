"""Finding, counting and ranking coalitions under red lines.

A coalition is *viable* when it holds at least the threshold (the quota, or
``min_seats`` if higher) and meets every requirement (required parties, required tags)
and filter (exclusions, forbidden pairs, ``max_parties``, ``max_surplus``). It is
*minimal* when no member (or kept-together bloc) can leave while the rest still wins
and still meets every requirement; exclusions and forbidden pairs only filter. These
definitions live in one place, :class:`~coalitions.counting.FlatGame`, which every walk
and the checker use.

- :func:`count_coalitions` counts exactly, by dynamic programming over seat sums,
  without listing anything.
- :func:`find_coalitions` is a lazy generator. Unranked (``order_by=None``) it streams
  in a fixed depth-first order with flat memory (:mod:`.streaming`); ranked
  (``"seats"``, ``"parties"``, ``"range"``) it runs a best-first search with exact
  bounds, so the first results come without enumerating the rest (:mod:`.ranked`);
  ``connected=True`` gives Axelrod's connected coalitions (:mod:`.connected`). A deep
  ranking (by seats or parties, with a ``limit`` of at least
  :data:`~.deep.DEEP_FROM`) instead counts its way to the level of the last result
  wanted and walks only up to it (:mod:`.deep`): the same results, in time near-linear
  in the limit and memory proportional to it.
- :func:`check_coalition` explains a proposed coalition (:mod:`.checking`).

Results are :class:`Coalition` values (:mod:`.values`); the walks share their units and
the building of results (:mod:`.units`).

.. warning::
   The number of coalitions grows exponentially with the number of parties: Iraq's
   2025 chamber has about 10^13 minimal winning coalitions (10,490,577,401,367). Count them,
   or bound a listing with ``limit``.

>>> import coalitions as co
>>> kr = co.load_scenario("kurdistan-2024")
>>> [str(c) for c in co.find_coalitions(kr, "majority", max_parties=2)]
['kdp+puk', 'kdp+new-generation']
>>> co.count_coalitions(kr, "majority")
303
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator, Sequence
from typing import Any, Literal

from .. import numbers, rules
from ..constraints import Constraints, compile_game, constraints_of
from ..counting import FlatGame, count
from ..errors import ConstraintError, unknown
from ..model import Legislature
from .checking import check_coalition, check_in_game, parse_members
from .connected import connected_coalitions, connected_players
from .deep import DEEP_FROM, deep_ranking, ranks_deeply
from .ranges import CountRange, count_range
from .ranked import BestFirst
from .streaming import depth_first
from .units import Walk
from .values import ORDERS, RANKS, Coalition, CoalitionCheck, Coalitions, OrderBy, sort_key

__all__ = [
    "ORDERS",
    "RANKS",
    "Coalition",
    "CoalitionCheck",
    "Coalitions",
    "CountRange",
    "OrderBy",
    "check_coalition",
    "check_in_game",
    "count_by_party",
    "count_coalitions",
    "count_range",
    "find_coalitions",
    "parse_members",
    "sort_key",
]


def count_coalitions(
    leg: Legislature,
    quota: rules.Rule = "majority",
    *,
    minimal: bool = True,
    constraints: Constraints | None = None,
    connected: bool = False,
    **keywords: Any,
) -> int:
    """The exact number of viable coalitions (minimal ones by default), without listing.

    Takes the same constraints as :func:`find_coalitions`. Runs in time proportional to
    the number of players times the quota (times small factors for required tags, seat
    bounds and forbidden pairs), whatever the count.

    >>> import coalitions as co
    >>> co.count_coalitions(co.load_scenario("iraq-2025"), "majority")
    10490577401367
    """
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    flat = FlatGame.of(game)
    if connected:
        return sum(1 for _ in connected_players(game, flat, minimal))
    return count(flat, minimal)


def count_by_party(
    leg: Legislature,
    quota: rules.Rule = "majority",
    *,
    minimal: bool = True,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> dict[str, int]:
    """How many viable coalitions each party is in, keyed by party (0 for parties left out).

    >>> import coalitions as co
    >>> count_by_party(co.load_scenario("kurdistan-2024"), max_parties=2)["kdp"]
    2
    """
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    flat = FlatGame.of(game)
    total = count(flat, minimal)
    out = dict.fromkeys(leg.keys, 0)
    for i, player in enumerate(game.players):
        n = total if player.required else count(flat, minimal, frozenset({i}))
        for party in player.parties:
            out[party] = n
    return out


def find_coalitions(
    leg: Legislature,
    quota: rules.Rule = "majority",
    *,
    minimal: bool = True,
    constraints: Constraints | None = None,
    order_by: OrderBy | Literal["none"] = None,
    limit: int | None = None,
    connected: bool = False,
    group_equivalent: bool = False,
    report_quotas: Sequence[rules.Rule] = (),
    **keywords: Any,
) -> Iterator[Coalition]:
    """Viable coalitions of ``leg`` under ``quota`` and the constraints, lazily.

    Constraints come as a :class:`~coalitions.constraints.Constraints` value and/or as
    keywords: ``exclude``, ``exclude_tags``, ``require``, ``require_tags``, ``forbid``,
    ``keep_together``, ``max_parties``, ``min_seats``, ``max_surplus``, ``whole_lists``.

    ``minimal=True`` (the default) gives minimal coalitions only; ``False`` every viable
    one. ``order_by=None`` streams in a fixed depth-first order (largest parties first);
    ``"seats"`` gives the fewest seats first (the minimum winning coalitions),
    ``"parties"`` the fewest members first, ``"range"`` the smallest left-right spread
    first; ties are broken by seats, then size, then the sorted member keys
    (alphabetically; in the best-first walk a kept-together bloc sorts by its first
    member's key). ``limit`` stops after that many results. ``connected=True`` gives
    Axelrod's connected coalitions (contiguous in left-right order; every party needs
    a position). ``group_equivalent=True`` merges lists with equal seats and tags that
    no constraint names: each result then stands for several coalitions (see
    :class:`Coalition`). ``report_quotas`` names further rules whose fulfilment each
    result reports in ``meets``.

    Unranked, results stream with flat memory (a plain question, with no constraint,
    at about 300,000 a second on Iraq's chamber). A ranked listing with a large
    ``limit`` (from 300, by ``"seats"`` or ``"parties"``) finds the level of its last
    result by counting, then lists only up to it: the top 100,000 of Iraq's chamber
    take under two seconds, in memory proportional to the limit.

    .. warning:: exponential: bound the listing with ``limit``, or count instead.

    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> [str(c) for c in find_coalitions(kr, "majority", order_by="seats", limit=2)]
    ['kdp+kiu+halwest+armenian-duhok', 'kdp+kiu+halwest+christian-erbil']
    """
    if order_by == "none":
        order_by = None
    if order_by is not None and order_by not in ORDERS:
        raise ConstraintError(unknown("order_by", order_by, ORDERS, also="None"))
    if limit is not None:
        numbers.whole(limit, field="limit", low=0, error=ConstraintError)
    game = compile_game(leg, quota, constraints_of(constraints, **keywords))
    walk = Walk(
        game,
        minimal=minimal,
        group=group_equivalent and not connected,
        report_quotas=rules.rules_of(report_quotas),
        by_key=order_by is not None,
    )
    results: Iterator[Coalition]
    if connected:
        results = connected_coalitions(walk, order_by)
    elif order_by is None:
        results = depth_first(walk)
    elif limit is not None and DEEP_FROM <= limit <= sys.maxsize and ranks_deeply(walk, order_by):
        return deep_ranking(walk, order_by, limit)
    else:
        results = BestFirst(walk, order_by).results()
    if limit is not None and limit <= sys.maxsize:
        return itertools.islice(results, limit)
    return results  # no limit, or one larger than any listing could reach
