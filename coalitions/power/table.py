"""The indices by name (a registry with aliases), and several of them side by side in a
:class:`PowerTable`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any, ClassVar, Final

import attrs

from .. import report, rules
from ..constraints import Constraints, compile_game, constraints_of
from ..errors import ConstraintError, unknown
from .coleman import coleman_initiate, coleman_prevent
from .game import GameOrChamber, WeightedGame
from .johnston import johnston
from .measures import banzhaf, deegan_packel, public_good, shapley_shubik
from .owen import owen, owen_banzhaf

__all__ = ["DEFAULT_INDICES", "INDICES", "PowerTable", "index_name", "indices"]


def _penrose(game: GameOrChamber, quota: rules.Rule = "majority", **kw: Any) -> dict[str, Fraction]:
    """The absolute (Penrose) Banzhaf index."""
    return banzhaf(game, quota, normalized=False, **kw)


#: The indices by name, with their functions; aliases map to these names.
INDICES: Final[dict[str, Callable[..., dict[str, Fraction]]]] = {
    "banzhaf": banzhaf,
    "penrose": _penrose,
    "shapley-shubik": shapley_shubik,
    "deegan-packel": deegan_packel,
    "public-good": public_good,
    "johnston": johnston,
    "owen": owen,
    "owen-banzhaf": owen_banzhaf,
    "coleman-prevent": coleman_prevent,
    "coleman-initiate": coleman_initiate,
}
_ALIASES: Final = {
    "absolute-banzhaf": "penrose",
    "shapley": "shapley-shubik",
    "ss": "shapley-shubik",
    "holler": "public-good",
    "pgi": "public-good",
    "holler-packel": "public-good",
    "dp": "deegan-packel",
    "banzhaf-owen": "owen-banzhaf",
    "coleman": "coleman-prevent",
}
#: The indices :func:`indices` computes by default (Owen needs unions; Penrose is
#: Banzhaf unnormalized).
DEFAULT_INDICES: Final = ("banzhaf", "shapley-shubik", "deegan-packel", "public-good", "johnston")


def index_name(name: str) -> str:
    """The registry name of an index given by name or alias."""
    key = str(name).strip().lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    if key not in INDICES:
        raise ConstraintError(
            unknown("index", name, INDICES, also=f"an alias ({', '.join(sorted(_ALIASES))})")
        )
    return key


@attrs.frozen
class PowerTable(report.Shown):
    """Several indices side by side, with each player's seats and seat share.

    ``values[index][key]`` is an exact Fraction (a key an index does not rate, such as a
    bloc member for an index computed on the bloc, is absent). :meth:`rows` gives
    records sorted by the first index, largest first, with ``gap``: the first index
    minus the seat share, which shows who weighs more (or less) than their seats.
    ``seats`` are the seats each player counts in the game (an excluded faction's seats
    do not count; an excluded party keeps its seats and has no power).
    """

    indices: tuple[str, ...]
    values: Mapping[str, Mapping[str, Fraction]] = attrs.field(eq=False)
    seats: Mapping[str, int] = attrs.field(eq=False)
    size: int

    view_name: ClassVar[str] = "power"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (("table", "power", self.indices),)

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """The table's rows (:meth:`rows`): floats, or exact (``Fraction``) when
        ``exact``."""
        return report.records_of(self.rows(), exact=exact)

    def to_frame(self, *, exact: bool = False) -> Any:
        """The table as a pandas ``DataFrame`` (the optional extra ``pandas``): float
        columns, or ``Fraction`` ones when ``exact``."""
        return report.to_frame(self.rows(), exact=exact)

    def __repr__(self) -> str:
        """Short: the indices and the top of the first one."""
        first = self.indices[0]
        top = ", ".join(
            f"{r['key']}={report.percent(r[first])}"
            for r in self.rows()[:3]
            if r[first] is not None
        )
        more = ", ..." if len(self.seats) > 3 else ""
        return f"PowerTable({', '.join(self.indices)}; {first}: {top}{more})"

    def rows(self) -> list[dict[str, Any]]:
        """One record a player, sorted by the first index (largest first), then key."""
        first = self.values[self.indices[0]]
        zero = Fraction(0)
        keys = sorted(self.seats, key=lambda k: (-first.get(k, zero), -self.seats[k], k))
        out = []
        for key in keys:
            share = Fraction(self.seats[key], self.size)
            row: dict[str, Any] = {"key": key, "seats": self.seats[key], "share": share}
            for name in self.indices:
                row[name] = self.values[name].get(key)
            row["gap"] = first[key] - share if key in first else None
            out.append(row)
        return out


def indices(
    game: GameOrChamber,
    quota: rules.Rule = "majority",
    *,
    which: Sequence[str] = DEFAULT_INDICES,
    constraints: Constraints | None = None,
    **keywords: Any,
) -> PowerTable:
    """Every index named in ``which`` at once, as a :class:`PowerTable`.

    By default: Banzhaf, Shapley-Shubik, Deegan-Packel, public good and Johnston
    (Johnston is left out of the default set for games with requirements, where it is
    not computed, and for vector-weighted games, where it costs one diagram for each
    combination of surplus intervals: name it to get it, or the error).

    >>> t = indices(WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3))
    >>> [row["key"] for row in t.rows()], t.rows()[0]["banzhaf"]
    (['a', 'b', 'c'], Fraction(3, 5))
    """
    names = [index_name(n) for n in which]
    if isinstance(game, WeightedGame) and game.is_vector and which is DEFAULT_INDICES:
        names = [n for n in names if n != "johnston"]
    if isinstance(game, WeightedGame):
        values = {name: INDICES[name](game, quota) for name in names}
        return PowerTable(
            indices=tuple(names), values=values, seats=dict(game.weights), size=game.total
        )
    c = constraints_of(constraints, **keywords)
    if which is DEFAULT_INDICES and (c.require or c.require_tags):
        names = [n for n in names if n != "johnston"]
    values = {name: INDICES[name](game, quota, constraints=c) for name in names}
    compiled = compile_game(game, quota, attrs.evolve(c, keep_together=frozenset()))
    seats = {p.key: compiled.party_weight.get(p.key, p.seats) for p in game.parties}
    for bloc_key in c.keep_together:
        name, kept = game.together(bloc_key)
        seats[name] = sum(compiled.party_weight.get(m, 0) for m in kept)
    rated = set().union(*(set(v) for v in values.values()))
    seats = {k: w for k, w in seats.items() if k in rated}
    return PowerTable(indices=tuple(names), values=values, seats=seats, size=game.size)
