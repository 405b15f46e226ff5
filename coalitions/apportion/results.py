"""The values an allocation gives: seats by list, the award behind each seat, ties."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any, ClassVar

import attrs

from .. import report
from .._frozen import FrozenMap, frozen_map
from ..errors import AllocationError, TieError
from ..model import Legislature, Party

__all__ = ["Allocation", "AllocationError", "DistrictAllocation", "SeatAward", "Tie", "TieError"]


# ----------------------------------------------------------------------- results


@attrs.frozen
class SeatAward:
    """One seat and why it went where it did.

    ``seat`` numbers the seats in the order awarded (1 first). For a divisor method
    ``how`` is ``"quotient"`` and ``value`` the quotient that won it (for
    Huntington-Hill its square; ``None`` for a first seat guaranteed by a zero divisor);
    for a largest-remainder method ``how`` is ``"quota"`` (a full quota) or
    ``"remainder"`` and ``value`` the remainder, as a share of the quota.
    """

    seat: int
    party: str
    how: str
    value: Fraction | None


@attrs.frozen
class Tie:
    """A tie that decided seats: ``parties`` tied for ``seats`` seats; ``broken_by``
    says how it was broken (``None`` if it was not), ``winners`` who got them."""

    parties: tuple[str, ...]
    seats: int
    value: Fraction | None
    broken_by: str | None = None
    winners: tuple[str, ...] = ()


@attrs.frozen
class Allocation(report.Shown):
    """Seats from votes in one district.

    ``seats`` and ``votes`` are keyed by list (every list, with 0 where it won none);
    ``awards`` explains each seat (also as :attr:`quotients`); ``excluded`` gives the
    lists kept out and why; ``ties`` the ties that decided seats.
    """

    seats: Mapping[str, int] = attrs.field(converter=frozen_map)
    votes: Mapping[str, int] = attrs.field(converter=frozen_map)
    method: str
    house: int
    awards: tuple[SeatAward, ...] = ()
    excluded: Mapping[str, str] = attrs.field(default=FrozenMap(), converter=frozen_map)
    ties: tuple[Tie, ...] = ()
    district: str | None = None

    view_name: ClassVar[str] = "allocation"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (("table", "allocation"),)

    @property
    def quotients(self) -> tuple[SeatAward, ...]:
        """The award behind each seat (the same as ``awards``)."""
        return self.awards

    @property
    def total_votes(self) -> int:
        """Valid votes cast."""
        return sum(self.votes.values())

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """One record a list: key, votes, vote share, seats, seat share (floats, or
        exact when ``exact``)."""
        total = self.total_votes
        rows = [
            {
                "key": k,
                "votes": self.votes[k],
                "vote_share": Fraction(self.votes[k], total) if total else Fraction(0),
                "seats": self.seats[k],
                "seat_share": Fraction(self.seats[k], self.house),
                "excluded": self.excluded.get(k),
            }
            for k in sorted(self.votes, key=lambda k: (-self.seats[k], -self.votes[k], k))
        ]
        return report.records_of(rows, exact=exact)

    def __repr__(self) -> str:
        """Short: ``Allocation(dhondt, 5 seats: a=3, b=2)``."""
        won = ", ".join(f"{k}={n}" for k, n in self.seats.items() if n)
        where = f"{self.district}: " if self.district else ""
        return f"Allocation({where}{self.method}, {self.house} seats: {won})"

    def to_legislature(
        self,
        *,
        name: str | None = None,
        size: int | None = None,
        names: Mapping[str, str] | None = None,
    ) -> Legislature:
        """A :class:`~coalitions.Legislature` of the lists that won seats."""
        return chamber_of(
            self.seats, self.votes, name or f"{self.method} allocation", size or self.house, names
        )


def chamber_of(
    seats: Mapping[str, int],
    votes: Mapping[str, int],
    name: str,
    size: int,
    names: Mapping[str, str] | None,
    extra: Sequence[Party] = (),
) -> Legislature:
    names = names or {}
    total = sum(votes.values())
    parties = [
        Party(
            key=k,
            name=names.get(k, k),
            seats=seats[k],
            votes=votes.get(k),
            vote_share=Fraction(votes[k], total) if total and k in votes else None,
        )
        for k in sorted(seats, key=lambda k: (-seats[k], -votes.get(k, 0), k))
        if seats[k] > 0
    ]
    return Legislature(name=name, size=size, parties=[*parties, *extra])


# --------------------------------------------------------------------- districts


@attrs.frozen
class DistrictAllocation(report.Shown):
    """Seats from votes in several districts, with reserved seats.

    ``districts`` maps each district to its :class:`Allocation`; ``seats`` and ``votes``
    are national totals by list; ``reserved`` maps each reserved seat to its winner and
    ``reserved_votes`` to the votes cast for it.
    """

    districts: Mapping[str, Allocation] = attrs.field(converter=frozen_map)
    seats: Mapping[str, int] = attrs.field(converter=frozen_map)
    votes: Mapping[str, int] = attrs.field(converter=frozen_map)
    method: str
    reserved: Mapping[str, str] = attrs.field(default=FrozenMap(), converter=frozen_map)
    reserved_votes: Mapping[str, Mapping[str, int]] = attrs.field(
        default=FrozenMap(), converter=frozen_map, eq=False
    )
    excluded: Mapping[str, str] = attrs.field(default=FrozenMap(), converter=frozen_map)
    ties: tuple[Tie, ...] = ()

    view_name: ClassVar[str] = "allocation"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (("table", "allocation"),)

    @property
    def house(self) -> int:
        """Every seat: the districts' and the reserved ones."""
        return sum(self.seats.values()) + len(self.reserved)

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """One record a list (national totals), then one a reserved seat (floats, or
        exact when ``exact``)."""
        total = sum(self.votes.values())
        rows: list[dict[str, Any]] = [
            {
                "key": k,
                "votes": self.votes[k],
                "vote_share": Fraction(self.votes[k], total) if total else Fraction(0),
                "seats": self.seats[k],
                "seat_share": Fraction(self.seats[k], self.house),
            }
            for k in sorted(self.votes, key=lambda k: (-self.seats[k], -self.votes[k], k))
        ]
        for seat, winner in self.reserved.items():
            rows.append(
                {
                    "key": seat,
                    "votes": self.reserved_votes[seat][winner],
                    "vote_share": None,
                    "seats": 1,
                    "seat_share": Fraction(1, self.house),
                    "winner": winner,
                }
            )
        return report.records_of(rows, exact=exact)

    def __repr__(self) -> str:
        """Short: the method, the districts and the seats won nationally."""
        won = ", ".join(f"{k}={n}" for k, n in self.seats.items() if n)
        return (
            f"DistrictAllocation({self.method}, {len(self.districts)} districts, "
            f"{self.house} seats: {won})"
        )

    def to_legislature(
        self,
        *,
        name: str | None = None,
        size: int | None = None,
        names: Mapping[str, str] | None = None,
        reserved_as_lists: bool = False,
    ) -> Legislature:
        """The chamber these seats make, straight into coalition analysis.

        Each reserved seat is its own one-seat entry (keyed by the seat, tagged
        ``quota-seat``), since it joins a coalition on its own; with
        ``reserved_as_lists=True`` it is added to the seats of the list that won it
        instead (when the winner is a list of the allocation).
        """
        seats = dict(self.seats)
        extra: list[Party] = []
        for seat, winner in self.reserved.items():
            if reserved_as_lists and winner in seats:
                seats[winner] += 1
            else:
                extra.append(
                    Party(
                        key=seat,
                        name=f"Reserved seat {seat} ({winner})",
                        seats=1,
                        tags={"quota-seat"},
                        votes=self.reserved_votes[seat][winner],
                    )
                )
        return chamber_of(
            seats, self.votes, name or f"{self.method} allocation", size or self.house, names, extra
        )
