"""Hypothesis strategies for chambers, for property tests of your own conclusions.

This module is public but not imported by ``coalitions`` itself. The strategies are also
registered with Hypothesis (through the ``hypothesis`` entry point), so
``st.from_type(Legislature)`` works.

>>> from hypothesis import given
>>> @given(legislatures(max_parties=6))
... def test_majority_is_more_than_half(leg):
...     assert leg.quota("majority") * 2 > leg.size
>>> test_majority_is_more_than_half()

Every option is keyword-only; options that describe values are strategies (``keys``,
``tags``), options that bound sizes are numbers. Bad options raise
:class:`hypothesis.errors.InvalidArgument`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Final

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .errors import ValidationError
from .model import Bloc, Faction, Legislature, Party
from .model.chamber import fitting

__all__ = [
    "DEFAULT_TAGS",
    "blocs",
    "defections",
    "factions",
    "keys",
    "legislatures",
    "parties",
    "perturbations",
    "positions",
    "register_strategies",
    "tags",
    "vote_shares",
]

#: The tags drawn by default: a few of each documented kind.
DEFAULT_TAGS: Final = (
    "component:shia",
    "component:sunni",
    "component:kurdish",
    "component:minority",
    "militia-affiliated",
    "us-designated",
    "armed-group:a",
    "armed-group:b",
    "quota-seat",
)


def _check_bounds(name: str, low: int, high: int | None, minimum: int = 0) -> None:
    for label, value in ((f"min_{name}", low), (f"max_{name}", high)):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidArgument(f"{label}={value!r} must be a whole number")
        if value < minimum:
            raise InvalidArgument(f"{label}={value!r} must be >= {minimum}")
    if high is not None and low > high:
        raise InvalidArgument(f"min_{name}={low!r} is larger than max_{name}={high!r}")


def _check_strategy(name: str, value: object) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a strategy, e.g. st.just(...)")


def keys() -> st.SearchStrategy[str]:
    """Valid party keys: short lowercase slugs such as ``"a"`` or ``"kdp-2"``.

    They never contain ``.``; the other strategies use ``.`` for the keys they derive
    (faction and bloc keys), so derived keys cannot clash with party keys.
    """
    return st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,3})?", fullmatch=True)


def tags() -> st.SearchStrategy[str]:
    """A tag drawn from :data:`DEFAULT_TAGS`."""
    return st.sampled_from(DEFAULT_TAGS)


_any_tag = tags  # the options below are named ``tags`` too


def _points() -> st.SearchStrategy[Fraction]:
    return st.integers(-20, 20).map(lambda n: Fraction(n, 2))


def positions() -> st.SearchStrategy[Fraction | None]:
    """A left-right position (an exact number from -10 to 10 in halves) or ``None``."""
    return st.none() | _points()


def factions(
    *,
    key: st.SearchStrategy[str] | None = None,
    min_seats: int = 0,
    max_seats: int = 10,
    tags: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Faction]:
    """A :class:`~coalitions.model.Faction` on its own."""
    _check_bounds("seats", min_seats, max_seats)
    _check_strategy("key", key)
    _check_strategy("tags", tags)
    return st.builds(
        Faction,
        key=key if key is not None else keys(),
        name=st.sampled_from(["Faction", "Wing", "Bloc inside"]),
        seats=st.integers(min_seats, max_seats),
        tags=st.frozensets(tags if tags is not None else _any_tag(), max_size=3),
    )


@st.composite
def _party(
    draw: st.DrawFn,
    key: st.SearchStrategy[str],
    min_seats: int,
    max_seats: int,
    tag: st.SearchStrategy[str],
    with_factions: bool,
    with_positions: bool,
    all_positions: bool,
) -> Party:
    k = draw(key)
    seats = draw(st.integers(min_seats, max_seats))
    subgroups: list[Faction] = []
    if with_factions and seats:
        faction_seats = draw(st.lists(st.integers(0, seats), max_size=2))
        running = 0
        for i, s in enumerate(faction_seats):
            if running + s > seats:
                break
            running += s
            subgroups.append(
                Faction(
                    key=f"{k}.f{i}",
                    name=f"Faction {i} of {k}",
                    seats=s,
                    tags=draw(st.frozensets(tag, min_size=1, max_size=2)),
                )
            )
    return Party(
        key=k,
        name=draw(st.sampled_from(["List", "Alliance", "Movement", "قائمة", "لیست"])) + f" {k}",
        seats=seats,
        tags=draw(st.frozensets(tag, max_size=3)),
        position=draw(_points() if all_positions else positions()) if with_positions else None,
        factions=subgroups,
    )


def parties(
    *,
    key: st.SearchStrategy[str] | None = None,
    min_seats: int = 0,
    max_seats: int = 60,
    tags: st.SearchStrategy[str] | None = None,
    with_factions: bool = True,
    with_positions: bool = True,
    all_positions: bool = False,
) -> st.SearchStrategy[Party]:
    """A :class:`~coalitions.model.Party`, valid by construction.

    ``key`` and ``tags`` are strategies for one key and one tag; seats are drawn from
    ``[min_seats, max_seats]``; factions and positions are drawn unless turned off. A
    position may be missing, unless ``all_positions=True``: then there always is one.
    """
    _check_bounds("seats", min_seats, max_seats)
    _check_strategy("key", key)
    _check_strategy("tags", tags)
    _check_positions(with_positions, all_positions)
    return _party(
        key if key is not None else keys(),
        min_seats,
        max_seats,
        tags if tags is not None else _any_tag(),
        bool(with_factions),
        bool(with_positions),
        bool(all_positions),
    )


def _check_positions(with_positions: bool, all_positions: bool) -> None:
    if all_positions and not with_positions:
        raise InvalidArgument("all_positions=True needs with_positions=True")


def blocs(
    *,
    members: Sequence[str] | None = None,
    min_members: int = 1,
    max_members: int | None = None,
) -> st.SearchStrategy[Bloc]:
    """A :class:`~coalitions.model.Bloc` whose members come from ``members`` (party keys).

    Without ``members`` the member keys are drawn from :func:`keys`.
    """
    _check_bounds("members", min_members, max_members, minimum=1)
    if members is not None:
        members = list(members)
        if len(members) < min_members:
            raise InvalidArgument(
                f"min_members={min_members} but only {len(members)} keys in members"
            )
        pool: st.SearchStrategy[str] = st.sampled_from(members)
    else:
        pool = keys()
    return st.builds(
        Bloc,
        key=keys().map(lambda k: f"bloc.{k}"),
        name=st.just("Bloc"),
        members=st.lists(pool, min_size=min_members, max_size=max_members, unique=True),
    )


@st.composite
def _legislature(
    draw: st.DrawFn,
    party_strategy: st.SearchStrategy[Party],
    min_parties: int,
    max_parties: int,
    min_size: int,
    max_size: int,
    with_blocs: bool,
    vacancies: bool,
) -> Legislature:
    members = draw(
        st.lists(
            party_strategy, min_size=min_parties, max_size=max_parties, unique_by=lambda p: p.key
        )
    )
    seated = sum(p.seats for p in members)
    low = max(min_size, seated, 1)
    assume(low <= max_size)
    size = draw(st.integers(low, max_size)) if vacancies else low
    assume(vacancies or size == seated)
    groups: list[Bloc] = []
    if with_blocs and members:
        assignment = draw(
            st.lists(st.integers(-1, 2), min_size=len(members), max_size=len(members))
        )
        for b in range(3):
            in_bloc = [p.key for p, a in zip(members, assignment, strict=True) if a == b]
            if in_bloc:
                groups.append(Bloc(key=f"bloc.{b}", name=f"Bloc {b}", members=in_bloc))
    try:
        return Legislature(name="Drawn chamber", size=size, parties=members, blocs=groups)
    except ValidationError:  # only with user-supplied key strategies that clash
        assume(False)
        raise  # pragma: no cover - assume(False) never returns


def legislatures(
    *,
    min_parties: int = 0,
    max_parties: int = 10,
    min_size: int = 1,
    max_size: int = 800,
    min_seats: int = 0,
    max_seats: int = 60,
    key: st.SearchStrategy[str] | None = None,
    tags: st.SearchStrategy[str] | None = None,
    with_blocs: bool = True,
    with_factions: bool = True,
    with_positions: bool = True,
    all_positions: bool = False,
    vacancies: bool = True,
) -> st.SearchStrategy[Legislature]:
    """A valid :class:`~coalitions.model.Legislature`.

    ``min_parties``/``max_parties`` bound the number of parties, ``min_size``/``max_size``
    the chamber's size, ``min_seats``/``max_seats`` each party's seats. ``vacancies=False``
    makes the parties hold every seat. Blocs, factions and positions can be turned off;
    ``all_positions=True`` gives every party a left-right position (for questions about
    connected coalitions or ranges, without filtering draws).
    """
    _check_bounds("parties", min_parties, max_parties)
    _check_bounds("size", min_size, max_size, minimum=1)
    _check_bounds("seats", min_seats, max_seats)
    if min_parties * min_seats > max_size:
        raise InvalidArgument(
            f"min_parties={min_parties} parties of at least min_seats={min_seats} seats "
            f"cannot fit in max_size={max_size}"
        )
    if not vacancies and max_parties * max_seats < min_size:
        raise InvalidArgument(
            f"with vacancies=False, max_parties={max_parties} parties of at most "
            f"max_seats={max_seats} seats cannot fill min_size={min_size}"
        )
    party_strategy = parties(
        key=key,
        min_seats=min_seats,
        max_seats=max_seats,
        tags=tags,
        with_factions=with_factions,
        with_positions=with_positions,
        all_positions=all_positions,
    )
    return _legislature(
        party_strategy,
        min_parties,
        max_parties,
        min_size,
        max_size,
        bool(with_blocs),
        bool(vacancies),
    )


@st.composite
def _moved(
    draw: st.DrawFn,
    leg: Legislature,
    givers: Sequence[str],
    takers: Sequence[str],
    max_seats: int,
) -> Legislature:
    moves = draw(
        st.lists(st.tuples(st.sampled_from(givers), st.sampled_from(takers)), max_size=max_seats)
    )
    seats = {p.key: p.seats for p in leg.parties}
    floor = {p.key: sum(f.least for f in p.factions) for p in leg.parties}
    for a, b in moves:
        if a != b and seats[a] > floor[a]:
            seats[a] -= 1
            seats[b] += 1
    parties = [
        p if seats[p.key] == p.seats else attrs.evolve(p, seats=seats[p.key], alternatives=())
        for p in leg.parties
    ]
    # a changed chamber that did not happen: its record no longer applies (as in what-ifs)
    kept = fitting(leg.affiliations, parties, leg.blocs, leg.groups)
    return attrs.evolve(leg, parties=tuple(parties), events=(), affiliations=kept)


def perturbations(leg: Legislature, *, max_seats_moved: int = 5) -> st.SearchStrategy[Legislature]:
    """Chambers reached from ``leg`` by moving up to ``max_seats_moved`` single seats
    between lists (a list keeps at least its factions' seats). Shrinks towards ``leg``.
    Like a what-if, a moved chamber has no record of later events (replay it first with
    ``leg.at(date)``), and keeps the affiliations that still fit.

    >>> import coalitions as co
    >>> from hypothesis import given
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> @given(perturbations(kr, max_seats_moved=3))
    ... def test_kdp_and_puk_keep_their_majority(leg):
    ...     assert co.check_coalition(leg, "kdp+puk").viable
    >>> test_kdp_and_puk_keep_their_majority()
    """
    _check_bounds("seats_moved", 0, max_seats_moved)
    if not isinstance(leg, Legislature):
        raise InvalidArgument(f"leg={leg!r} must be a Legislature")
    keys = list(leg.keys)
    if len(keys) < 2 or max_seats_moved == 0:
        return st.just(leg)
    return _moved(leg, keys, keys, max_seats_moved)


def defections(
    leg: Legislature, coalition: Iterable[str], *, max_seats: int = 5
) -> st.SearchStrategy[Legislature]:
    """Chambers where up to ``max_seats`` members of the coalition's lists defect to
    lists outside it, one seat at a time. Shrinks towards no defection."""
    _check_bounds("seats", 0, max_seats)
    if not isinstance(leg, Legislature):
        raise InvalidArgument(f"leg={leg!r} must be a Legislature")
    members = [leg[k].key for k in coalition]
    outside = [k for k in leg.keys if k not in members]
    if not members:
        raise InvalidArgument("coalition must name at least one list")
    if not outside or max_seats == 0:
        return st.just(leg)
    return _moved(leg, members, outside, max_seats)


def vote_shares(
    keys: Sequence[str], *, min_share: Fraction = Fraction(0), resolution: int = 1000
) -> st.SearchStrategy[dict[str, Fraction]]:
    """Vote shares for ``keys``: exact fractions that sum to 1, each at least
    ``min_share``, on a grid of ``1/resolution``."""
    keys = list(keys)
    if not keys or len(set(keys)) != len(keys):
        raise InvalidArgument(f"keys={keys!r} must be distinct and not empty")
    if not isinstance(min_share, Fraction | int) or not 0 <= min_share * len(keys) <= 1:
        raise InvalidArgument(f"min_share={min_share!r} must be a Fraction with n * min_share <= 1")
    if isinstance(resolution, bool) or not isinstance(resolution, int) or resolution < len(keys):
        raise InvalidArgument(f"resolution={resolution!r} must be a whole number >= len(keys)")
    base = math.ceil(Fraction(min_share) * resolution)
    spare = resolution - base * len(keys)
    if spare < 0:
        raise InvalidArgument("min_share is too large for this resolution")

    def shares(weights: list[int]) -> dict[str, Fraction]:
        total = sum(weights)
        extra = [w * spare // total if total else 0 for w in weights]
        extra[0] += spare - sum(extra)
        return {k: Fraction(base + e, resolution) for k, e in zip(keys, extra, strict=True)}

    return st.lists(st.integers(0, 100), min_size=len(keys), max_size=len(keys)).map(shares)


def register_strategies() -> None:
    """Register the strategies for ``st.from_type`` (the ``hypothesis`` entry point already
    does, lazily: see :mod:`coalitions._hypothesis_hook`)."""
    for cls, strategy in (
        (Legislature, legislatures),
        (Party, parties),
        (Faction, factions),
        (Bloc, blocs),
    ):
        st.register_type_strategy(cls, strategy())
