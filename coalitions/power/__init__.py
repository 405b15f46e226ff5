"""Power indices: who really holds the balance, exactly.

Every index is an exact :class:`~fractions.Fraction` keyed by player, computed by
dynamic programming over seat sums (generating functions), never by listing coalitions,
with Python integers throughout so nothing overflows at hundreds of players. The
arrays and the step of the dynamic program are counting's
(:mod:`coalitions.counting`), shared with coalition search.

The indices (``game`` is a :class:`WeightedGame` or a legislature, with a quota rule and
constraints):

- :func:`banzhaf`: swings of each player, normalized to sum to 1 (Banzhaf 1965);
  ``normalized=False`` gives the absolute (Penrose 1946) index, swings / 2^(n-1).
- :func:`shapley_shubik`: the share of orderings in which the player is pivotal
  (Shapley and Shubik 1954).
- :func:`deegan_packel`: each minimal winning coalition shares 1 equally among its
  members, and the coalitions are equally likely (Deegan and Packel 1978).
- :func:`public_good`: Holler's public good index, the number of minimal winning
  coalitions a player is in, normalized (Holler 1982; Holler and Packel 1983).
- :func:`johnston`: each winning coalition shares 1 equally among its critical members
  (Johnston 1978), normalized.
- :func:`owen`: the Owen value for a priori unions (Owen 1977): kept-together blocs bargain
  as one player in the quotient game, and share their power among their members.
- :func:`owen_banzhaf`: the Owen-Banzhaf value, Banzhaf's index with a priori unions
  (Owen 1982), not normalized.
- :func:`coleman_prevent` and :func:`coleman_initiate`: Coleman's powers to prevent and
  to initiate action, a player's swings over the winning, or the losing, coalitions
  (Coleman 1971).

Vector-weighted games (:class:`WeightedGame` with ``also=`` more weight vectors and
quotas, all to be reached, and ``blockers=`` a blocking-minority clause, as the EU
Council's) are computed on their binary decision diagram (:mod:`.vector`, :mod:`.bdd`):
every index above, exactly; :func:`count_winning` and :func:`minimal_winning` count and
list their minimal winning coalitions, :func:`minimal_winning_ranked` lists them by
weight (population, for the EU Council).

Constraints: excluded parties are null players (listed with 0); a kept-together bloc is
one player, reported under the bloc's key (:func:`owen` shares it among its members);
required tags and required parties make a *composite* game (a coalition wins when it has
the seats and every requirement), handled in the same dynamic program. Forbidden pairs,
``max_parties`` and ``max_surplus`` make the game non-monotone (adding a member can make
a winning coalition lose), where these indices are undefined: they raise
:class:`~coalitions.errors.ConstraintError`.

The modules: :mod:`.game` (:class:`WeightedGame`, and any game made ready for the
indices), :mod:`.measures` (Banzhaf, Shapley-Shubik, Deegan-Packel, public good),
:mod:`.johnston`, :mod:`.surplus` (counts by surplus interval), :mod:`.owen`,
:mod:`.table` (the registry and :class:`PowerTable`), :mod:`.diagram` (large weights,
few players), :mod:`.bdd` and :mod:`.vector` (vector-weighted games).

>>> game = WeightedGame(weights={"a": 4, "b": 2, "c": 1}, quota=5)
>>> shapley_shubik(game)
{'a': Fraction(2, 3), 'b': Fraction(1, 6), 'c': Fraction(1, 6)}
>>> banzhaf(game)
{'a': Fraction(3, 5), 'b': Fraction(1, 5), 'c': Fraction(1, 5)}
"""

from __future__ import annotations

from .coleman import coleman_initiate, coleman_prevent
from .game import GameOrChamber, WeightedGame
from .johnston import johnston
from .measures import banzhaf, deegan_packel, public_good, shapley_shubik
from .owen import owen, owen_banzhaf
from .table import DEFAULT_INDICES, INDICES, PowerTable, index_name, indices
from .vector import count_winning, minimal_winning, minimal_winning_ranked

__all__ = [
    "DEFAULT_INDICES",
    "INDICES",
    "GameOrChamber",
    "PowerTable",
    "WeightedGame",
    "banzhaf",
    "coleman_initiate",
    "coleman_prevent",
    "count_winning",
    "deegan_packel",
    "index_name",
    "indices",
    "johnston",
    "minimal_winning",
    "minimal_winning_ranked",
    "owen",
    "owen_banzhaf",
    "public_good",
    "shapley_shubik",
]
