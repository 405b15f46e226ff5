"""The results of a search: :class:`Coalition` and :class:`CoalitionCheck`, and the one
definition of the order results come in (:data:`RANKS`, :func:`sort_key`)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any, ClassVar, Final, Literal, overload

import attrs

from .. import drawing, report
from .._frozen import FrozenMap, frozen_map
from ..errors import RenderError

__all__ = ["ORDERS", "RANKS", "Coalition", "CoalitionCheck", "Coalitions", "OrderBy", "sort_key"]

OrderBy = Literal["seats", "parties", "range"] | None

#: What each ranking sorts by, before ties: a function of a :class:`Coalition`.
RANKS: Final[dict[str, Callable[[Coalition], tuple[Any, ...]]]] = {
    "seats": lambda c: (c.seats, c.size),
    "parties": lambda c: (c.size, c.seats),
    "range": lambda c: (c.range, c.seats, c.size),
}
#: The rankings :func:`~coalitions.search.find_coalitions` knows.
ORDERS: Final = tuple(RANKS)


def sort_key(order_by: str = "seats") -> Callable[[Coalition], tuple[Any, ...]]:
    """The order of results ranked by ``order_by``: the rank, then the sorted member keys
    (alphabetically). ``"seats"`` is also the order :class:`Coalition` values sort in.

    >>> key = sort_key("seats")
    >>> key(Coalition(members=frozenset({"b", "a"}), seats=6, quota=6, order=("b", "a")))
    (6, 2, ('a', 'b'))
    """
    rank = RANKS[order_by]
    return lambda c: (*rank(c), tuple(sorted(c.members)))


_by_seats = sort_key("seats")


@attrs.frozen(eq=True, order=False)
class Coalition(report.Shown):
    """A coalition: its member parties, seats, and what the question's quota makes of it.

    ``members`` are party keys; ``order`` lists them heaviest first (then by key), which
    is how ``str()`` writes it (``"kdp+puk"``). ``pivotal`` are the members whose loss
    breaks it (it would then lose, or miss a requirement; a kept-together bloc leaves
    whole). ``meets`` names the extra rules (``report_quotas``) it also meets. With
    ``group_equivalent=True`` a result stands for ``stands_for`` coalitions:
    ``interchangeable`` lists, for each group of interchangeable lists it draws on, the
    group's keys and how many it takes, and :meth:`expand` gives them all.

    Coalitions compare and hash by value and sort by seats, then size, then their
    sorted member keys: the order of ``find_coalitions(..., order_by="seats")``.
    """

    members: frozenset[str]
    seats: int
    quota: int
    order: tuple[str, ...]
    pivotal: frozenset[str] = frozenset()
    range: Fraction | None = None
    meets: tuple[str, ...] = ()
    stands_for: int = 1
    interchangeable: tuple[tuple[tuple[str, ...], int], ...] = ()
    house: int | None = attrs.field(default=None, eq=False)
    member_seats: tuple[int, ...] = attrs.field(default=(), eq=False)

    @property
    def surplus(self) -> int:
        """Seats above the quota (negative: the shortfall)."""
        return self.seats - self.quota

    view_name: ClassVar[str] = "coalition"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (("table", "coalition"), ("picture", self._repr_svg_() if self.house else ""))

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """The coalition as one record (:meth:`to_record`); floats, or exact numbers
        when ``exact``."""
        return report.records_of([self.to_record()], exact=exact)

    def __repr__(self) -> str:
        """Short: ``Coalition('kdp+puk', seats=62, quota=51)``."""
        return f"Coalition({str(self)!r}, seats={self.seats}, quota={self.quota})"

    def _repr_svg_(self) -> str:
        """The coalition's seats in a hemicycle of the chamber (when its size is known)."""
        if not self.house:
            raise RenderError("the chamber's size is not known for this coalition")
        seats = self.member_seats or (self.seats,)
        keys = self.order if self.member_seats else (str(self),)
        palette = drawing.PALETTE
        groups = [
            (k, k, n, palette[i % len(palette)], True)
            for i, (k, n) in enumerate(zip(keys, seats, strict=True))
        ]
        groups.append(("others", "others", self.house - self.seats, drawing.GREY, False))
        sign = "+" if self.surplus >= 0 else ""
        caption = f"quota {self.quota} · coalition {self.seats} ({sign}{self.surplus})"
        return drawing.svg_of_seats(
            groups, self.house, quota=self.quota, caption=caption, width=480
        )

    @property
    def size(self) -> int:
        """The number of member parties."""
        return len(self.members)

    def __str__(self) -> str:
        return "+".join(self.order)

    def __len__(self) -> int:
        return len(self.members)

    def __contains__(self, key: object) -> bool:
        return key in self.members

    def __lt__(self, other: Coalition) -> bool:
        return _by_seats(self) < _by_seats(other)

    def __le__(self, other: Coalition) -> bool:
        return _by_seats(self) <= _by_seats(other)

    def __gt__(self, other: Coalition) -> bool:
        return _by_seats(self) > _by_seats(other)

    def __ge__(self, other: Coalition) -> bool:
        return _by_seats(self) >= _by_seats(other)

    def expand(self) -> Iterator[frozenset[str]]:
        """Every coalition this (grouped) result stands for, as sets of party keys."""
        fixed = set(self.members)
        for keys, _k in self.interchangeable:
            fixed -= set(keys)
        choices = [itertools.combinations(keys, k) for keys, k in self.interchangeable]
        for combo in itertools.product(*choices):
            yield frozenset(fixed.union(*combo))

    def to_record(self) -> dict[str, Any]:
        """A plain record (for JSON, CSV and tables)."""
        record: dict[str, Any] = {
            "coalition": str(self),
            "seats": self.seats,
            "quota": self.quota,
            "surplus": self.surplus,
            "parties": self.size,
            "pivotal": [k for k in self.order if k in self.pivotal],
        }
        if self.range is not None:
            record["range"] = self.range
        if self.meets:
            record["meets"] = list(self.meets)
        if self.interchangeable:
            record["stands_for"] = self.stands_for
            record["interchangeable"] = [
                {"lists": list(keys), "takes": k} for keys, k in self.interchangeable
            ]
        return record


@attrs.frozen
class CoalitionCheck(report.Shown):
    """What a proposed coalition is worth under a question's quota and constraints.

    ``viable`` says whether it meets everything; ``failures`` says, in words, each rule
    it breaks; ``superfluous`` lists members that could leave while the rest still wins
    and meets every requirement; ``pivotal`` those whose loss breaks it (a
    kept-together bloc leaves or stays whole); ``minimal`` is ``viable`` with nobody
    superfluous. ``seats`` counts only what the constraints let count (an excluded
    list, or an excluded faction, brings nothing); ``counted`` gives each member's
    seats counted that way (0 for a member left out).
    """

    members: tuple[str, ...]
    seats: int
    quota: int
    threshold: int
    viable: bool
    minimal: bool
    failures: tuple[str, ...]
    superfluous: tuple[str, ...]
    pivotal: tuple[str, ...]
    meets: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    counted: Mapping[str, int] = attrs.field(default=FrozenMap(), converter=frozen_map)

    @property
    def surplus(self) -> int:
        """Seats above the quota (negative: the shortfall)."""
        return self.seats - self.quota

    @property
    def shortfall(self) -> int:
        """Seats missing to reach the threshold (0 if none)."""
        return max(0, self.threshold - self.seats)

    view_name: ClassVar[str] = "check"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (
            ("heading", "+".join(self.members), f"{self.seats} seats, quota {self.quota}"),
            ("notes", self.explain().splitlines()[1:]),
        )

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """The verdict as one record (:meth:`to_record`)."""
        return report.records_of([self.to_record()], exact=exact)

    def __repr__(self) -> str:
        """Short: ``CoalitionCheck('kdp+puk', seats=62, quota=51, viable=True)``."""
        name = "+".join(self.members)
        return (
            f"CoalitionCheck({name!r}, seats={self.seats}, quota={self.quota}, "
            f"viable={self.viable})"
        )

    def explain(self) -> str:
        """The verdict in words."""
        name = "+".join(self.members)
        lines = [
            f"{name}: {self.seats} seats; the quota is {self.quota}"
            + (f" (at least {self.threshold} asked)" if self.threshold != self.quota else "")
        ]
        if self.viable:
            lines.append(
                f"viable, {self.surplus} seats to spare; "
                + ("minimal: every member is needed" if self.minimal else "not minimal")
            )
        else:
            lines.append("not viable:")
            lines.extend(f"  - {f}" for f in self.failures)
        if self.superfluous:
            lines.append("could leave while the rest still wins: " + ", ".join(self.superfluous))
        if self.pivotal:
            lines.append("pivotal (its loss breaks the coalition): " + ", ".join(self.pivotal))
        if self.meets:
            lines.append("also meets: " + ", ".join(self.meets))
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines)

    def to_record(self) -> dict[str, Any]:
        """A plain record (for JSON)."""
        return {
            "coalition": "+".join(self.members),
            "seats": self.seats,
            "quota": self.quota,
            "threshold": self.threshold,
            "surplus": self.surplus,
            "viable": self.viable,
            "minimal": self.minimal,
            "failures": list(self.failures),
            "superfluous": list(self.superfluous),
            "pivotal": list(self.pivotal),
            "meets": list(self.meets),
            "notes": list(self.notes),
        }


def _coalition_tuple(items: Iterable[Coalition]) -> tuple[Coalition, ...]:
    return tuple(items)


@attrs.frozen
class Coalitions(Sequence[Coalition], report.Shown):
    """A list of coalitions kept as a value, for the notebook and for export: a table
    in HTML, one record a coalition, and a data frame.

    ``Coalitions(find_coalitions(leg, limit=10))`` takes (and keeps) what the iterator
    gives; ``total``, when given, is how many there are in all (the exact count).

    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> found = Coalitions(co.find_coalitions(kr, max_parties=2))
    >>> found[0], len(found)
    (Coalition('kdp+puk', seats=62, quota=51), 2)
    >>> found.records()[1]["coalition"]
    'kdp+new-generation'
    """

    items: tuple[Coalition, ...] = attrs.field(converter=_coalition_tuple)
    total: int | None = None

    view_name: ClassVar[str] = "coalitions"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        shown = f"{len(self.items):,}" + (f" of {self.total:,}" if self.total is not None else "")
        return (("heading", "Coalitions", shown), ("table", "coalitions"))

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """One record a coalition (:meth:`Coalition.to_record`)."""
        return report.records_of([c.to_record() for c in self.items], exact=exact)

    def __repr__(self) -> str:
        head = ", ".join(repr(c) for c in self.items[:5])
        more = f", ... {len(self.items) - 5} more" if len(self.items) > 5 else ""
        return f"Coalitions([{head}{more}])"

    @overload
    def __getitem__(self, i: int) -> Coalition: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Coalition]: ...
    def __getitem__(self, i: int | slice) -> Coalition | Sequence[Coalition]:
        return self.items[i]

    def __len__(self) -> int:
        return len(self.items)
