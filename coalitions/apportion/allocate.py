"""Allocating seats: one district, and many with reserved seats."""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Literal

import attrs

from .. import numbers
from ..errors import AllocationError, TieError
from ..limits import MAX_CHAMBER_SIZE
from .methods import Method, get_method
from .results import Allocation, DistrictAllocation, SeatAward, Tie

__all__ = ["TieBreak", "allocate", "allocate_districts"]


# ------------------------------------------------------------------- validation


def _check_votes(votes: Any, where: str = "votes") -> dict[str, int]:
    if not isinstance(votes, Mapping) or not votes:
        raise AllocationError(
            f"{where!r} must be a non-empty mapping of lists to votes (got {votes!r})"
        )
    out: dict[str, int] = {}
    for key, v in votes.items():
        if not isinstance(key, str) or not key:
            raise AllocationError(f"{where!r} has the key {key!r}; keys must be non-empty strings")
        if isinstance(v, bool) or not isinstance(v, int):
            raise AllocationError(
                f"{where!r} must be whole numbers (got {type(v).__name__} {v!r} for {key!r})"
            )
        if v < 0:
            raise AllocationError(f"{where!r} must be >= 0 (got {v} for {key!r})")
        out[key] = v
    if not any(out.values()):
        raise AllocationError(f"{where!r} are all zero: there is nothing to allocate")
    return out


def _check_seats(seats: Any, where: str = "seats") -> int:
    return numbers.whole(seats, field=where, low=1, high=MAX_CHAMBER_SIZE, error=AllocationError)


def _threshold_test(threshold: Any, total: int, where: str = "threshold") -> Callable[[int], bool]:
    if threshold is None or threshold == 0:
        return lambda v: True
    if isinstance(threshold, bool):
        raise AllocationError(f"{where!r} must be a share or a vote count (got {threshold!r})")
    if isinstance(threshold, int):
        if threshold < 0:
            raise AllocationError(f"{where!r} must be >= 0 votes (got {threshold})")
        return lambda v: v >= threshold
    if isinstance(threshold, Fraction):
        if not 0 <= threshold <= 1:
            raise AllocationError(f"{where!r} must be a share between 0 and 1 (got {threshold})")
        return lambda v: Fraction(v, total) >= threshold
    raise AllocationError(
        f"{where!r} must be a Fraction share in [0, 1] or a whole number of votes "
        f"(got {type(threshold).__name__} {threshold!r}); floats are not exact: use Fraction"
    )


# ---------------------------------------------------------------- the allocation

TieBreak = Literal["raise", "votes", "lot"] | Callable[[Sequence[str], int], Sequence[str]]


def _break(
    tied: list[str],
    n: int,
    value: Fraction | None,
    votes: Mapping[str, int],
    tie_break: TieBreak,
    rng: random.Random,
    district: str | None,
) -> Tie:
    """Choose ``n`` winners among ``tied`` lists; a :class:`Tie` says how."""
    tied = sorted(tied)
    where = f" in {district}" if district else ""
    if tie_break == "raise":
        tie = Tie(parties=tuple(tied), seats=n, value=value)
        raise TieError(
            f"tie{where} for the last {'seat' if n == 1 else f'{n} seats'} between "
            f"{', '.join(tied)}; pass tie_break='votes', 'lot' (with seed=) or a function",
            tie,
        )
    if tie_break == "votes":
        ranked = sorted(tied, key=lambda k: -votes[k])
        cut = votes[ranked[n - 1]]
        if n < len(ranked) and votes[ranked[n]] == cut:
            still = [k for k in ranked if votes[k] == cut]
            raise TieError(
                f"tie{where} between {', '.join(still)} is not broken by votes (all have {cut})",
                Tie(
                    parties=tuple(still),
                    seats=n - sum(1 for k in ranked if votes[k] > cut),
                    value=value,
                ),
            )
        return Tie(
            parties=tuple(tied),
            seats=n,
            value=value,
            broken_by="votes",
            winners=tuple(sorted(ranked[:n])),
        )
    if tie_break == "lot":
        winners = rng.sample(tied, n)
        return Tie(
            parties=tuple(tied),
            seats=n,
            value=value,
            broken_by="lot",
            winners=tuple(sorted(winners)),
        )
    if callable(tie_break):
        chosen = list(tie_break(tuple(tied), n))
        if len(chosen) != n or len(set(chosen)) != n or not set(chosen) <= set(tied):
            raise AllocationError(
                f"the tie-break function must return {n} of the tied lists {tied} (got {chosen})"
            )
        return Tie(
            parties=tuple(tied),
            seats=n,
            value=value,
            broken_by="function",
            winners=tuple(sorted(chosen)),
        )
    raise AllocationError(
        f"'tie_break' must be 'raise', 'votes', 'lot' or a function (got {tie_break!r})"
    )


def allocate(
    votes: Mapping[str, int],
    seats: int,
    method: str | Method = "dhondt",
    *,
    threshold: Fraction | int | None = None,
    exempt: Iterable[str] = (),
    candidates: Mapping[str, int] | None = None,
    tie_break: TieBreak = "raise",
    seed: int | random.Random | None = None,
    district: str | None = None,
) -> Allocation:
    """Allocate ``seats`` among lists by their ``votes`` with ``method``.

    ``threshold``: a share (``Fraction``) of the valid votes or a vote count a list needs
    (inclusive); ``exempt`` lists skip it (minority lists often do). ``candidates``
    caps a list's seats at its number of candidates. ``tie_break`` decides a tie for the
    last seat: ``"raise"`` (the default) raises :class:`TieError`; ``"votes"`` favours
    more votes; ``"lot"`` draws with ``seed``; a function ``f(tied_keys, n)`` returns
    the ``n`` winners.

    >>> dict(allocate({"a": 100000, "b": 80000, "c": 30000, "d": 20000}, 8, "dhondt").seats)
    {'a': 4, 'b': 3, 'c': 1, 'd': 0}
    """
    votes = _check_votes(votes)
    seats = _check_seats(seats)
    m = get_method(method)
    total = sum(votes.values())
    passes = _threshold_test(threshold, total)
    exempt = set(exempt)
    unknown = sorted(exempt - set(votes))
    if unknown:
        raise AllocationError(f"'exempt' names {unknown[0]!r}, which is not among the lists")
    excluded: dict[str, str] = {}
    for k, v in votes.items():
        if k in exempt or passes(v):
            continue
        share = Fraction(v, total)
        excluded[k] = (
            f"below the threshold ({float(share):.2%} of the votes)"
            if isinstance(threshold, Fraction)
            else f"below the threshold ({v} votes)"
        )
    caps: dict[str, int] = {}
    if candidates is not None:
        for k, c in candidates.items():
            if k not in votes:
                raise AllocationError(f"'candidates' names {k!r}, which is not among the lists")
            if isinstance(c, bool) or not isinstance(c, int) or c < 0:
                raise AllocationError(
                    f"'candidates' must be whole numbers >= 0 (got {c!r} for {k!r})"
                )
            caps[k] = c
    eligible = [k for k in votes if k not in excluded and votes[k] > 0]
    if not eligible:
        raise AllocationError("no list passes the threshold with any votes: nothing to allocate")
    room = sum(caps.get(k, seats) for k in eligible)
    if room < seats:
        raise AllocationError(
            f"{seats} seats but the lists that qualify have only {room} candidates"
        )
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    if m.kind == "divisor":
        result, awards, ties = _divisor_allocation(
            m, votes, eligible, seats, caps, tie_break, rng, district
        )
    else:
        result, awards, ties = _remainder_allocation(
            m, votes, eligible, seats, caps, tie_break, rng, district
        )
    return Allocation(
        seats={k: result.get(k, 0) for k in votes},
        votes=votes,
        method=m.name,
        house=seats,
        awards=tuple(awards),
        excluded=excluded,
        ties=tuple(ties),
        district=district,
    )


def _divisor_allocation(
    m: Method,
    votes: Mapping[str, int],
    eligible: Sequence[str],
    seats: int,
    caps: Mapping[str, int],
    tie_break: TieBreak,
    rng: random.Random,
    district: str | None,
) -> tuple[dict[str, int], list[SeatAward], list[Tie]]:
    """Highest quotients first, from a heap holding each list's next quotient.

    The heap orders by floating-point quotients, which are fast; every quotient within
    a relative 1e-9 of the best is then compared exactly, so the order and the ties are
    those of the exact fractions (a correctly rounded division errs by 2^-53 at most).
    """
    assert m.divisor is not None
    divisors = [m.divisor(k) for k in range(seats + 1)]
    inverse = [1 / float(d) if d else math.inf for d in divisors]
    held = dict.fromkeys(eligible, 0)
    awards: list[SeatAward] = []
    ties: list[Tie] = []

    # Votes beyond a float's range are shifted right before the float key is made (the
    # exact comparison below decides every near or equal quotient, so nothing is lost).
    top = max((votes[k] for k in eligible), default=1)
    shift = max(0, (top * top if m.squared else top).bit_length() - 900)
    vote_shift = max(0, top.bit_length() - 900)

    def key(k: str) -> tuple[int, float, str]:
        n = held[k]
        if divisors[n] == 0:  # an infinite quotient: before every finite one, by votes
            return (-1, -float(votes[k] >> vote_shift), k)
        v = votes[k] * votes[k] if m.squared else votes[k]
        return (0, -(float(v >> shift) * inverse[n]), k)

    heap = [key(k) for k in eligible if caps.get(k, seats) > 0]
    heapq.heapify(heap)
    while len(awards) < seats:
        tier, best_f, first = heapq.heappop(heap)
        near = [first]
        while heap and heap[0][0] == tier and heap[0][1] <= best_f * (1 - 1e-9):
            near.append(heapq.heappop(heap)[2])
        exact = {k: m.priority(votes[k], held[k]) for k in near}
        top_value = max(exact.values())
        group = [k for k in near if exact[k] == top_value]
        for k in near:
            if k not in group:
                heapq.heappush(heap, key(k))
        left = seats - len(awards)
        winners = group
        if len(group) > left:
            # the seats left cannot go to every list tied at this quotient
            tie = _break(group, left, top_value[1], votes, tie_break, rng, district)
            ties.append(tie)
            winners = list(tie.winners)
        for k in sorted(winners, key=lambda k: (-votes[k], k)):
            awards.append(
                SeatAward(
                    seat=len(awards) + 1,
                    party=k,
                    how="quotient",
                    value=None if top_value[0] else top_value[1],
                )
            )
            held[k] += 1
            if held[k] < caps.get(k, seats):
                heapq.heappush(heap, key(k))
    return held, awards, ties


def _remainder_allocation(
    m: Method,
    votes: Mapping[str, int],
    eligible: Sequence[str],
    seats: int,
    caps: Mapping[str, int],
    tie_break: TieBreak,
    rng: random.Random,
    district: str | None,
) -> tuple[dict[str, int], list[SeatAward], list[Tie]]:
    """Full quotas, then the largest remainders (one a list per round).

    With the quota ``qn / qd``, a list's quotas are ``v * qd / qn``: integer division
    gives the full quotas, and the remainders share the denominator ``qn``, so their
    numerators compare exactly as integers.
    """
    assert m.quota is not None
    # The quota is computed on the votes of the lists that qualify.
    q = m.quota(sum(votes[k] for k in eligible), seats)
    if q <= 0:
        raise AllocationError(f"the {m.name} quota is {q}: it must be positive")
    qn, qd = q.numerator, q.denominator
    full = {k: votes[k] * qd // qn for k in eligible}
    base = {k: votes[k] * qd - full[k] * qn for k in eligible}  # remainder numerators
    held = {k: min(full[k], caps.get(k, seats)) for k in eligible}
    awards: list[SeatAward] = [
        SeatAward(seat=0, party=k, how="quota", value=Fraction(1))
        for k in sorted(eligible, key=lambda k: (-held[k], k))
        for _ in range(held[k])
    ]
    ties = _take_back(held, base, qn, awards, seats, votes, tie_break, rng, district)
    remainder = dict(base)
    left = seats - sum(held.values())
    while left > 0:
        open_ = [k for k in sorted(eligible) if held[k] < caps.get(k, seats)]
        ranked = sorted(open_, key=lambda k: remainder[k], reverse=True)
        take = ranked[:left]
        if len(ranked) > left and remainder[ranked[left]] == remainder[ranked[left - 1]]:
            cut = remainder[ranked[left - 1]]
            sure = [k for k in ranked if remainder[k] > cut]
            tied = [k for k in ranked if remainder[k] == cut]
            tie = _break(tied, left - len(sure), Fraction(cut, qn), votes, tie_break, rng, district)
            ties.append(tie)
            take = sure + list(tie.winners)
        for k in sorted(take, key=lambda k: (-remainder[k], k)):
            awards.append(
                SeatAward(seat=0, party=k, how="remainder", value=Fraction(remainder[k], qn))
            )
            held[k] += 1
            remainder[k] = -1  # one remainder seat a list in each round
        left = seats - sum(held.values())
        if left > 0 and all(remainder[k] < 0 for k in open_):
            remainder = dict(base)  # every open list took one: a new round
    awards = [attrs.evolve(a, seat=i + 1) for i, a in enumerate(awards)]
    return held, awards, ties


def _take_back(
    held: dict[str, int],
    base: Mapping[str, int],
    qn: int,
    awards: list[SeatAward],
    seats: int,
    votes: Mapping[str, int],
    tie_break: TieBreak,
    rng: random.Random,
    district: str | None,
) -> list[Tie]:
    """A small quota (Imperiali, Hagenbach-Bischoff) can give more full quotas than
    seats: take the extra seats back from the smallest remainders, one a list in each
    round, as remainder seats are given. Lists tied at the cut are a tie like any other:
    the seats they keep are decided by ``tie_break``, and reported."""
    ties: list[Tie] = []
    gave: set[str] = set()
    while (over := sum(held.values()) - seats) > 0:
        open_ = sorted((k for k in held if held[k] > 0 and k not in gave), key=lambda k: base[k])
        if not open_:
            gave.clear()  # every list holding a seat gave one back: a new round
            continue
        lose = open_[:over]
        if len(open_) > over and base[open_[over]] == base[open_[over - 1]]:
            cut = base[open_[over - 1]]
            sure = [k for k in open_ if base[k] < cut]
            tied = [k for k in open_ if base[k] == cut]
            keep = len(tied) - (over - len(sure))
            tie = _break(tied, keep, Fraction(cut, qn), votes, tie_break, rng, district)
            ties.append(tie)
            lose = sure + [k for k in tied if k not in tie.winners]
        for k in lose:
            held[k] -= 1
            gave.add(k)
            del awards[max(i for i, a in enumerate(awards) if a.party == k)]
    return ties


def allocate_districts(
    votes_by_district: Mapping[str, Mapping[str, int]],
    seats_by_district: Mapping[str, int],
    method: str | Method = "dhondt",
    *,
    threshold: Fraction | int | None = None,
    national_threshold: Fraction | int | None = None,
    exempt: Iterable[str] = (),
    reserved: Mapping[str, Mapping[str, int]] | None = None,
    tie_break: TieBreak = "raise",
    seed: int | random.Random | None = None,
) -> DistrictAllocation:
    """Allocate each district's seats among its lists, and each reserved seat by plurality.

    ``threshold`` applies in each district; ``national_threshold`` to a list's share of
    the national vote (it then gets no seat anywhere). ``reserved`` maps each reserved
    seat (e.g. ``"christian-baghdad"``) to the votes of its candidates; the most votes
    win it (ties by ``tie_break``).

    >>> r = allocate_districts({"north": {"a": 60, "b": 40}, "south": {"a": 20, "b": 80}},
    ...                        {"north": 5, "south": 5}, "sainte-lague")
    >>> dict(r.seats)
    {'a': 4, 'b': 6}
    """
    if not isinstance(votes_by_district, Mapping) or not votes_by_district:
        raise AllocationError("'votes_by_district' must be a non-empty mapping of districts")
    if not isinstance(seats_by_district, Mapping):
        raise AllocationError("'seats_by_district' must be a mapping of districts to seats")
    missing = sorted(set(votes_by_district) ^ set(seats_by_district))
    if missing:
        raise AllocationError(
            f"district {missing[0]!r} is in one of 'votes_by_district' and 'seats_by_district' "
            "but not the other"
        )
    checked = {d: _check_votes(v, f"votes in {d}") for d, v in votes_by_district.items()}
    national: dict[str, int] = {}
    for v in checked.values():
        for k, n in v.items():
            national[k] = national.get(k, 0) + n
    exempt = set(exempt)
    passes = _threshold_test(national_threshold, sum(national.values()), "national_threshold")
    out_nationally = {
        k: "below the national threshold"
        for k in national
        if k not in exempt and not passes(national[k])
    }
    rng = seed if isinstance(seed, random.Random) else random.Random(seed)
    districts: dict[str, Allocation] = {}
    ties: list[Tie] = []
    for d, v in checked.items():
        seats = _check_seats(seats_by_district[d], f"seats in {d}")
        kept = {k: (0 if k in out_nationally else n) for k, n in v.items()}
        if not any(kept.values()):
            raise AllocationError(f"no list in {d} passes the national threshold")
        a = allocate(
            kept,
            seats,
            method,
            threshold=threshold,
            exempt=exempt & set(v),
            tie_break=tie_break,
            seed=rng,
            district=d,
        )
        excluded = dict(a.excluded)
        excluded.update({k: r for k, r in out_nationally.items() if k in v})
        districts[d] = attrs.evolve(a, votes=v, excluded=excluded)
        ties.extend(a.ties)
    totals = {k: sum(a.seats.get(k, 0) for a in districts.values()) for k in national}
    winners: dict[str, str] = {}
    reserved_votes: dict[str, dict[str, int]] = {}
    for seat, candidates in (reserved or {}).items():
        cv = _check_votes(candidates, f"votes for the reserved seat {seat}")
        best = max(cv.values())
        top = [k for k, n in cv.items() if n == best]
        if len(top) > 1:
            tie = _break(top, 1, Fraction(best), cv, tie_break, rng, seat)
            ties.append(tie)
            top = list(tie.winners)
        winners[seat] = top[0]
        reserved_votes[seat] = cv
    return DistrictAllocation(
        districts=districts,
        seats=totals,
        votes=national,
        method=get_method(method).name,
        reserved=winners,
        reserved_votes=reserved_votes,
        excluded=out_nationally,
        ties=tuple(ties),
    )
