"""The model: construction as in the contract, invariants, lookups."""

from fractions import Fraction

import attrs
import pytest
from hypothesis import given

import coalitions as co
from coalitions.strategies import legislatures


def small() -> co.Legislature:
    return co.Legislature(
        name="Toy",
        size=100,
        parties=[
            co.Party(key="a", name="A", seats=40, tags={"x"}),
            co.Party(key="b", name="B", seats=35),
            co.Party(key="c", name="C", seats=20, tags=["y", "x"]),
        ],
        blocs=[co.Bloc(key="ab", name="AB", members=["a", "b"])],
    )


def test_keyword_construction_as_in_the_contract() -> None:
    leg = small()
    assert leg.name == "Toy"
    assert leg.size == 100
    assert leg.seated == 95
    assert leg.vacant == 5
    assert leg["a"].tags == frozenset({"x"})
    assert isinstance(leg.parties, tuple)
    assert leg.blocs[0].members == ("a", "b")
    assert leg.bloc_of("a") == leg.blocs[0]
    assert leg.bloc_of("c") is None
    assert [p.key for p in leg.tagged("x")] == ["a", "c"]
    assert leg.share("a") == Fraction(2, 5)
    assert leg.seats_of(["a", "c", "a"]) == 60
    assert "a" in leg
    assert "z" not in leg
    assert [p.key for p in leg] == ["a", "b", "c"]


def test_frozen_and_hashable() -> None:
    leg = small()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        leg.size = 3  # type: ignore[misc]
    assert hash(leg) == hash(small())
    assert leg == small()
    assert attrs.evolve(leg, size=101).size == 101


def test_unknown_key_suggests_close_matches(iraq: co.Legislature) -> None:
    with pytest.raises(co.UnknownPartyError) as info:
        iraq["taqaddun"]
    assert "did you mean 'taqaddum'" in str(info.value)
    assert isinstance(info.value, KeyError)
    assert iraq["KDP"].key == "kdp"  # keys are accepted in any case
    assert iraq["Taqadum"].key == "taqaddum"  # and so are the file's aliases


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: co.Party(key="kdp", name="KDP", seats=-3),
            "'seats' must be >= 0 (got -3) for party 'kdp'",
        ),
        (lambda: co.Party(key="KDP", name="KDP", seats=3), "'key' must be a lowercase slug"),
        (lambda: co.Party(key="a", name="", seats=3), "'name' must not be empty for party 'a'"),
        (lambda: co.Party(key="a", name="A", seats=2.0), "'seats' must be a whole number"),
        (lambda: co.Party(key="a", name="A", seats=True), "'seats' must be a whole number"),
        (lambda: co.Party(key="a", name="A", seats=1, tags="x"), "'tags' must be a list of tags"),
        (lambda: co.Party(key="a", name="A", seats=1, tags={"a b"}), "holds 'a b'"),
        (lambda: co.Party(key="a", name="A", seats=1, colour="red"), "'colour' must be '#rgb'"),
        (
            lambda: co.Party(key="a", name="A", seats=1, vote_share=2),
            "'vote_share' must be between",
        ),
        (lambda: co.Party(key="a", name="A", seats=1, votes=-1), "'votes' must be >= 0"),
        (
            lambda: co.Party(key="a", name="A", seats=1, position="left"),
            "'position' must be a number",
        ),
        (
            lambda: co.Party(
                key="a",
                name="A",
                seats=5,
                factions=[
                    co.Faction(key="f", name="F", seats=4),
                    co.Faction(key="g", name="G", seats=2),
                ],
            ),
            "'factions' hold 6 seats, more than the list's 5 for party 'a'",
        ),
        (lambda: co.Faction(key="f", name="F", seats=-1), "'seats' must be >= 0 (got -1)"),
        (lambda: co.Bloc(key="b", name="B", members=[]), "must name at least one party"),
        (lambda: co.Bloc(key="b", name="B", members=["a", "a"]), "names 'a' more than once"),
        (lambda: co.Alternative(seats=-1), "'seats' must be >= 0"),
        (lambda: co.Source(key="bad key", title="t"), "'key' must be letters"),
        (lambda: co.Legislature(name="X", size=0, parties=[]), "'size' must be >= 1 (got 0)"),
        (
            lambda: co.Legislature(
                name="X",
                size=10,
                parties=[
                    co.Party(key="a", name="A", seats=6),
                    co.Party(key="b", name="B", seats=5),
                ],
            ),
            "hold 11 seats, more than the chamber's size 10",
        ),
        (
            lambda: co.Legislature(
                name="X",
                size=10,
                parties=[
                    co.Party(key="a", name="A", seats=1),
                    co.Party(key="a", name="A2", seats=1),
                ],
            ),
            "repeats the key 'a' of parties[0]",
        ),
        (
            lambda: co.Legislature(
                name="X",
                size=10,
                parties=[co.Party(key="a", name="A", seats=1)],
                blocs=[co.Bloc(key="b", name="B", members=["a", "z"])],
            ),
            "names 'z', which is not a party",
        ),
        (
            lambda: co.Legislature(
                name="X",
                size=10,
                parties=[co.Party(key="a", name="A", seats=1)],
                blocs=[
                    co.Bloc(key="b", name="B", members=["a"]),
                    co.Bloc(key="b", name="C", members=["a"]),
                ],
            ),
            "repeats the bloc key 'b'",  # blocs may overlap, but keys are unique
        ),
        (
            lambda: co.Legislature(
                name="X",
                size=10,
                parties=[co.Party(key="a", name="A", seats=1)],
                blocs=[co.Bloc(key="a", name="B", members=["a"])],
            ),
            "'a' is also a party key",
        ),
        (
            lambda: co.Legislature(
                name="X",
                size=10,
                parties=[co.Party(key="a", name="A", seats=1, sources=["S1"])],
                sources=[co.Source(key="S2", title="t")],
            ),
            "cites 'S1', which is not among the legislature's sources",
        ),
        (
            lambda: co.Legislature(
                name="X",
                size=10,
                parties=[
                    co.Party(
                        key="a",
                        name="A",
                        seats=2,
                        factions=[co.Faction(key="f", name="F", seats=1)],
                    ),
                    co.Party(
                        key="b",
                        name="B",
                        seats=2,
                        factions=[co.Faction(key="f", name="F", seats=1)],
                    ),
                ],
            ),
            "repeats the faction key 'f'",
        ),
        (
            lambda: co.Legislature(name="X", size=10, parties=[{"key": "a"}]),
            "'parties[0]' must be a Party (got dict)",
        ),
    ],
)
def test_invariants_are_checked_with_clear_messages(make: object, message: str) -> None:
    with pytest.raises(co.ValidationError) as info:
        make()  # type: ignore[operator]
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(co.ValidationError) as info:
        co.Party(key="Bad Key", name="", seats=-1, colour="blue")
    fields = [path for path, _ in info.value.problems]
    assert fields == ["key", "name", "seats", "colour"]


def test_exact_numbers_are_kept_exact() -> None:
    p = co.Party(key="a", name="A", seats=1, position=0.1, vote_share="11.74%")
    assert p.position == Fraction(1, 10)
    assert p.vote_share == Fraction(1174, 10000)


@given(legislatures())
def test_drawn_legislatures_keep_their_invariants(leg: co.Legislature) -> None:
    assert leg.seated + leg.vacant == leg.size
    assert leg.vacant >= 0
    assert len(set(leg.keys)) == len(leg.keys)
    members = [m for b in leg.blocs for m in b.members]
    assert len(members) == len(set(members))
    assert set(members) <= set(leg.keys)
    for p in leg:
        assert leg[p.key] is p
        assert sum(f.seats for f in p.factions) <= p.seats
    q = leg.quota("majority")
    assert 2 * q > leg.size >= 2 * (q - 1)
