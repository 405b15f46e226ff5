"""The public strategies themselves: valid draws, bad arguments, reachable edge cases."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import coalitions as co
from coalitions import strategies as cst


@given(cst.parties())
def test_every_party_is_valid(party: co.Party) -> None:
    assert co.model.is_key(party.key)
    assert 0 <= party.seats <= 60
    assert sum(f.seats for f in party.factions) <= party.seats


@given(
    cst.legislatures(
        min_parties=2,
        max_parties=5,
        min_size=50,
        max_size=60,
        max_seats=10,
        with_blocs=False,
        with_factions=False,
        with_positions=False,
    )
)
def test_options_are_respected(leg: co.Legislature) -> None:
    assert 2 <= len(leg.parties) <= 5
    assert 50 <= leg.size <= 60
    assert all(p.seats <= 10 and not p.factions and p.position is None for p in leg)
    assert leg.blocs == ()


@given(cst.legislatures(all_positions=True, min_parties=1))
def test_all_positions_gives_every_party_a_position(leg: co.Legislature) -> None:
    assert all(p.position is not None for p in leg)


@given(cst.legislatures(vacancies=False, min_parties=1))
def test_no_vacancies(leg: co.Legislature) -> None:
    assert leg.vacant == 0


@given(cst.legislatures(tags=st.just("only")))
def test_tag_strategy_is_used(leg: co.Legislature) -> None:
    assert leg.tags <= {"only"}


@given(cst.blocs(members=["a", "b", "c"], min_members=2))
def test_blocs_from_members(bloc: co.Bloc) -> None:
    assert set(bloc.members) <= {"a", "b", "c"}
    assert len(bloc.members) >= 2


# Reaching an example is the point; shrinking it (most of find()'s time) is not.
REACH = settings(
    phases=[Phase.generate],
    database=None,
    max_examples=2000,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_from_type_is_registered() -> None:
    # registered by the `hypothesis` entry point, without importing coalitions.strategies
    leg = find(st.from_type(co.Legislature), lambda leg: len(leg.parties) >= 1, settings=REACH)
    assert isinstance(leg, co.Legislature)


@pytest.mark.parametrize(
    "condition",
    [
        lambda leg: len(leg.parties) == 0,
        lambda leg: leg.vacant > 0,
        lambda leg: leg.vacant == 0 and len(leg.parties) > 2,
        lambda leg: any(p.seats == 0 for p in leg),
        lambda leg: len(leg.blocs) >= 2,
        lambda leg: any(p.factions for p in leg),
        lambda leg: any(p.position is not None for p in leg),
        lambda leg: any(any(ord(c) > 0x600 for c in p.name) for p in leg),
        lambda leg: len({p.seats for p in leg}) < len(leg.parties),  # equal seat counts
    ],
)
def test_edge_cases_are_reachable(condition: object) -> None:
    find(cst.legislatures(), condition, settings=REACH)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: cst.legislatures(min_parties=5, max_parties=2), "min_parties=5 is larger"),
        (lambda: cst.legislatures(min_size=0), "min_size=0 must be >= 1"),
        (lambda: cst.legislatures(max_seats=-1), "max_seats=-1 must be >= 0"),
        (lambda: cst.legislatures(min_parties=10, min_seats=10, max_size=50), "cannot fit"),
        (
            lambda: cst.legislatures(vacancies=False, max_parties=1, max_seats=1, min_size=5),
            "cannot fill",
        ),
        (lambda: cst.legislatures(tags="x"), "must be a strategy"),
        (lambda: cst.parties(min_seats=1.5), "must be a whole number"),
        (lambda: cst.blocs(members=["a"], min_members=2), "only 1 keys"),
        (
            lambda: cst.legislatures(with_positions=False, all_positions=True),
            "all_positions=True needs with_positions=True",
        ),
    ],
)
def test_bad_arguments_raise_invalid_argument(make: object, message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        make()  # type: ignore[operator]
