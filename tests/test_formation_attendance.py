"""Exact pass probabilities under attendance and discipline: against brute force on
small chambers (every member absent, voting no or voting yes), and against Monte Carlo
on iraq-2025."""

from __future__ import annotations

import importlib
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.errors import ConstraintError, SimulationError
from coalitions.rules import VOTES, Vote

from .oracles import formation as oracle

# the subpackage (co.formation is the function that walks a coalition through it)
fm = importlib.import_module("coalitions.formation")

RULES = [
    [VOTES["majority"]],
    [Vote("majority", quorum="majority")],
    [
        Vote("two-thirds", quorum="two-thirds"),
        Vote("majority", base="present", quorum="two-thirds"),
    ],
    [VOTES["simple-majority"]],
    [Vote("majority", quorum="two-thirds")],
    [Vote(Fraction(3, 5), base="present", quorum="majority")],
]
PROBABILITIES = [Fraction(0), Fraction(1, 3), Fraction(1, 2), Fraction(3, 4), Fraction(1)]


def _procedure(votes: list[Vote]) -> fm.Procedure:
    variant = fm.Variant(vote=votes[0], runoff=votes[1] if len(votes) > 1 else None)
    return fm.Procedure(key="t", name="T", steps=[fm.Step(key="s", name="S", variants=[variant])])


@st.composite
def sittings(draw: st.DrawFn) -> tuple[list[tuple[int, Fraction, Fraction, bool]], int]:
    lists = draw(
        st.lists(
            st.tuples(
                st.integers(0, 3),
                st.sampled_from(PROBABILITIES),
                st.sampled_from(PROBABILITIES),
                st.booleans(),
            ),
            min_size=1,
            max_size=4,
        ).filter(lambda ls: 1 <= sum(s for s, *_ in ls) <= 6)
    )
    return lists, sum(s for s, *_ in lists) + draw(st.integers(0, 1))


@settings(max_examples=120)
@given(sittings(), st.sampled_from(range(len(RULES))))
def test_exact_probability_agrees_with_brute_force(
    sitting: tuple[list[tuple[int, Fraction, Fraction, bool]], int], rule: int
) -> None:
    lists, size = sitting
    votes = RULES[rule]
    parties = [co.Party(key=f"p{i}", name=f"P{i}", seats=s) for i, (s, *_r) in enumerate(lists)]
    leg = co.Legislature(name="toy", size=size, parties=parties)
    inside = [f"p{i}" for i, (_s, _a, _d, member) in enumerate(lists) if member] or ["p0"]
    lists = [(s, a, d, f"p{i}" in inside) for i, (s, a, d, _m) in enumerate(lists)]
    chance = fm.pass_probability(
        leg,
        inside,
        "s",
        _procedure(votes),
        attendance={f"p{i}": a for i, (_s, a, _d, _m) in enumerate(lists)},
        discipline={f"p{i}": d for i, (_s, _a, d, _m) in enumerate(lists)},
    )
    won, short = oracle.pass_probability(lists, votes, size)
    assert chance.probability == won
    if not all(v.base == "members" and v.needed(size) >= v.quorum_seats(size) for v in votes):
        # the shortfall in absent members who would come (in a yes-only step, the
        # yes votes short, which the oracle's definition bounds from below)
        likely = max(sorted(short), key=lambda k: short[k], default=None)
        assert chance.shortfall == likely
        assert chance.shortfall_probability == (short[likely] if likely else 0)


def test_the_yes_only_shortfall_is_the_votes_short(kurdistan: co.Legislature) -> None:
    chance = fm.pass_probability(
        kurdistan, "kdp+puk", "cabinet", "kurdistan", attendance={"puk": Fraction(1, 2)}
    )
    assert chance.probability == Fraction(1, 2)  # 12 of 23 on a fair coin
    assert chance.shortfall == 1
    assert chance.expected_present == 100 - Fraction(23, 2)
    assert chance.expected_yes == 39 + Fraction(23, 2)


def test_certain_attendance_gives_certain_answers(iraq: co.Legislature) -> None:
    inside = "coordination-framework+kdp+taqaddum+puk"
    assert fm.pass_probability(iraq, inside, "president").probability == 1
    assert fm.pass_probability(iraq, "coordination-framework", "president").probability == 0


def test_monte_carlo_agrees_on_iraq_2025(iraq: co.Legislature) -> None:
    inside = "coordination-framework+kdp+puk+azm"
    attendance = {"coordination-framework": Fraction(9, 10), "kdp": Fraction(4, 5), "puk": "3/4"}
    discipline = {"azm": Fraction(2, 3), "taqaddum": Fraction(1, 10)}
    exact = fm.pass_probability(
        iraq, inside, "president", attendance=attendance, discipline=discipline
    )
    mc = fm.simulate_pass(
        iraq,
        inside,
        "president",
        attendance=attendance,
        discipline=discipline,
        draws=1500,
        seed=7,
    )
    assert 0 < exact.probability < 1
    assert mc.low <= exact.probability <= mc.high
    again = fm.simulate_pass(
        iraq, inside, "president", attendance=attendance, discipline=discipline, draws=1500, seed=7
    )
    assert again == mc  # seeded: the same draws


def test_bad_probabilities(kurdistan: co.Legislature) -> None:
    with pytest.raises(ConstraintError, match="between 0 and 1"):
        fm.pass_probability(kurdistan, "kdp", "cabinet", "kurdistan", attendance={"kdp": 2})
    with pytest.raises(ConstraintError, match="attendance"):
        fm.pass_probability(kurdistan, "kdp", "cabinet", "kurdistan", attendance={"kdp": 0.5})
    with pytest.raises(ConstraintError, match="nomination"):
        fm.pass_probability(kurdistan, "kdp", "pm-designate", "kurdistan")
    with pytest.raises(SimulationError, match="draws"):
        fm.simulate_pass(kurdistan, "kdp", "cabinet", "kurdistan", draws=0)


# The rule-aware grid (coalitions.formation.grid) against the previous computation, kept
# as an oracle (tests/oracles/formation.py): the whole (no, yes) grid, member by member.

ODD = [Fraction(0), Fraction(1, 7), Fraction(2, 5), Fraction(1, 2), Fraction(8, 9), Fraction(1)]
PRESENT_RULES = [r for r in RULES if any(v.base == "present" for v in r)] + [
    [Vote(Fraction(2, 3), base="present", quorum="majority"), Vote(Fraction(3, 4))],
    [Vote(Fraction(1, 3), base="present", quorum="two-thirds")],
]


@st.composite
def chambers(draw: st.DrawFn) -> tuple[co.Legislature, list[str], dict[str, Fraction], ...]:
    seats = draw(st.lists(st.integers(0, 14), min_size=1, max_size=6))
    seated = sum(seats)
    size = seated + draw(st.integers(0, 3))
    parties = [co.Party(key=f"p{i}", name=f"P{i}", seats=s) for i, s in enumerate(seats)]
    leg = co.Legislature(name="toy", size=max(size, 1), parties=parties)
    keys = [p.key for p in parties]
    inside = draw(st.lists(st.sampled_from(keys), min_size=1, unique=True))
    attendance = {k: draw(st.sampled_from(ODD)) for k in keys}
    discipline = {k: draw(st.sampled_from(ODD)) for k in keys}
    return leg, inside, attendance, discipline


@settings(max_examples=150, deadline=None)
@given(chambers(), st.sampled_from(range(len(PRESENT_RULES))))
def test_the_grid_agrees_with_the_whole_grid_member_by_member(
    chamber: tuple[co.Legislature, list[str], dict[str, Fraction], dict[str, Fraction]],
    rule: int,
) -> None:
    leg, inside, attendance, discipline = chamber
    if leg.seated == 0:
        return
    procedure = _procedure(PRESENT_RULES[rule])
    new = fm.pass_probability(
        leg, inside, "s", procedure, attendance=attendance, discipline=discipline
    )
    old = oracle.member_by_member(leg, "+".join(inside), "s", procedure, attendance, discipline)
    assert (new.probability, new.shortfall, new.shortfall_probability) == old


@settings(max_examples=60, deadline=None)
@given(chambers())
def test_one_attendance_for_every_list_factors_out(
    chamber: tuple[co.Legislature, list[str], dict[str, Fraction], dict[str, Fraction]],
) -> None:
    # the same attendance everywhere: the counts are built without its factors
    leg, inside, _attendance, discipline = chamber
    if leg.seated == 0:
        return
    same = dict.fromkeys(_attendance, Fraction(5, 6))
    procedure = _procedure(PRESENT_RULES[2])
    new = fm.pass_probability(leg, inside, "s", procedure, attendance=same, discipline=discipline)
    old = oracle.member_by_member(leg, "+".join(inside), "s", procedure, same, discipline)
    assert (new.probability, new.shortfall, new.shortfall_probability) == old


@pytest.mark.parametrize(
    ("attendance", "discipline"),
    [
        ({"coordination-framework": Fraction(9, 10), "kdp": Fraction(4, 5)}, {"kdp": "9/10"}),
        (
            {"kdp": Fraction(3, 4), "puk": Fraction(2, 3), "azm": Fraction(9, 10)},
            {"kdp": Fraction(19, 20), "puk": Fraction(4, 5), "taqaddum": Fraction(1, 2)},
        ),
        ({"taqaddum": Fraction(1, 3)}, {"coordination-framework": Fraction(49, 50)}),
    ],
)
def test_the_grid_agrees_with_the_whole_grid_on_iraq_2025(
    iraq: co.Legislature, attendance: dict[str, Fraction], discipline: dict[str, Fraction]
) -> None:
    inside = "coordination-framework+kdp+taqaddum"
    new = fm.pass_probability(
        iraq, inside, "president", attendance=attendance, discipline=discipline
    )
    old = oracle.member_by_member(iraq, inside, "president", "iraq", attendance, discipline)
    assert (new.probability, new.shortfall, new.shortfall_probability) == old
    assert 0 < new.probability < 1


def test_a_rule_nobody_can_pass() -> None:
    # a quorum above the seated members: nothing passes and nothing is short
    leg = co.Legislature(name="toy", size=12, parties=[co.Party(key="a", name="A", seats=5)])
    procedure = _procedure([Vote("majority", base="present", quorum=8)])
    chance = fm.pass_probability(leg, "a", "s", procedure, attendance={"a": Fraction(1, 2)})
    assert (chance.probability, chance.shortfall, chance.shortfall_probability) == (0, None, 0)
    assert chance.expected_present == Fraction(5, 2)


def test_formation_results_export_like_every_result() -> None:
    """Decimals by default, exact values on request, and the one derived notebook view
    and data frame (report.Shown) that every result type shares."""
    from fractions import Fraction

    import coalitions as co
    from coalitions import report
    from coalitions.formation import largest_bloc, pass_probability

    kr = co.load_scenario("kurdistan-2024")
    chance = pass_probability(kr, "kdp+puk", "cabinet", "kurdistan", attendance={"puk": "1/2"})
    assert chance.records()[0]["probability"] == 0.5
    assert chance.records(exact=True)[0]["probability"] == Fraction(1, 2)
    for value in (chance, co.formation(kr, "kdp+puk", "kurdistan"), largest_bloc(kr)):
        assert isinstance(value, report.Shown)
        assert value._repr_html_().startswith("<div")
