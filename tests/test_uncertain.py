"""Factions of unknown size: an exclusion that depends on them is a range of answers,
checked case by case against chambers where the faction's seats are known."""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.model import Faction
from coalitions.scenarios import dumps_scenario, loads_scenario
from coalitions.strategies import legislatures


def _with_faction(leg: co.Legislature, key: str, faction: Faction) -> co.Legislature:
    parties = tuple(
        attrs.evolve(p, factions=(*p.factions, faction)) if p.key == key else p for p in leg.parties
    )
    return attrs.evolve(leg, parties=parties)


@st.composite
def uncertain_chambers(draw: st.DrawFn) -> tuple[co.Legislature, str, int, int | None]:
    leg = draw(
        legislatures(min_parties=2, max_parties=6, min_seats=1, max_seats=9, with_factions=False)
    )
    holder = draw(st.sampled_from([p for p in leg.parties if p.seats > 0]))
    least = draw(st.integers(0, holder.seats))
    most = (
        draw(st.none() | st.integers(least + 1, holder.seats + 1)) if least < holder.seats else None
    )
    if most is not None and most > holder.seats:
        most = None  # unknown above the least: up to the whole list
    seats = None if least == 0 and draw(st.booleans()) else least
    faction = Faction(key="fx", name="FX", seats=seats, max_seats=most, tags={"bad"})
    return _with_faction(leg, holder.key, faction), holder.key, least, most


@settings(max_examples=60, deadline=None)
@given(uncertain_chambers(), st.booleans())
def test_count_range_is_every_case_counted_with_the_seats_known(
    case: tuple[co.Legislature, str, int, int | None], minimal: bool
) -> None:
    leg, holder, least, most = case
    high = leg[holder].seats if most is None else most
    known = leg[holder].factions[0].known
    r = co.count_range(leg, minimal=minimal, exclude_tags=["bad"])
    expected = {}
    for n in range(least, (least if known else high) + 1):
        fixed = Faction(key="fx", name="FX", seats=n, tags={"bad"})
        parties = tuple(
            attrs.evolve(p, factions=(fixed,)) if p.key == holder else p for p in leg.parties
        )
        oracle = attrs.evolve(leg, parties=parties)
        expected[n] = co.count_coalitions(oracle, minimal=minimal, exclude_tags=["bad"])
    if known:
        assert r.factions == () and r.least == r.most == expected[least]
        assert co.count_coalitions(leg, minimal=minimal, exclude_tags=["bad"]) == r.least
        return
    assert r.factions == ((f"{holder}/fx", least, high),)
    assert {case[f"{holder}/fx"]: n for case, n in r.cases} == expected
    assert (r.least, r.most) == (min(expected.values()), max(expected.values()))
    # without an assumption the one-number answers refuse; with one they give its case
    with pytest.raises(co.UnknownSeatsError) as err:
        co.count_coalitions(leg, minimal=minimal, exclude_tags=["bad"])
    assert err.value.factions == r.factions
    for mode, n in (("least", least), ("most", high)):
        got = co.count_coalitions(leg, minimal=minimal, exclude_tags=["bad"], faction_seats=mode)
        assert got == expected[n]
    # not excluded, or excluded with the whole list, the faction's size does not matter
    # (the count with no red line equals the count on the chamber with the size known)
    assert co.count_coalitions(leg, minimal=minimal) == co.count_coalitions(oracle, minimal=minimal)
    assert co.count_range(leg, minimal=minimal, exclude_tags=["bad"], whole_lists=True).exact


def test_the_ataa_movement_gives_a_range_on_iraq_2025() -> None:
    """Fayyadh's movement ran inside the RDC (SHF-RDC-2025) with no seat count reported;
    Fayyadh is sanctioned (TREAS-FAYYADH-2021), so excluding sanctioned leaders' lists
    gives a range, while the militia-affiliated count does not move."""
    iraq = co.load_scenario("iraq-2025")
    assert co.count_coalitions(iraq, exclude_tags=["militia-affiliated"]) == 56_824_686_408
    tag = "grade>=sanctioned-leader"
    assert tag in iraq.faction_tags_of("rdc", "ataa")
    with pytest.raises(co.UnknownSeatsError, match=r"rdc/ataa \(0 to 37\)"):
        co.count_coalitions(iraq, exclude_tags=[tag])
    r = co.count_range(iraq, exclude_tags=[tag])
    assert r.factions == (("rdc/ataa", 0, 37),) and len(r.cases) == 38
    assert (r.least, r.most) == (80_792_365_664, 149_136_982_038)
    assert r.cases_giving(r.most) == ({"rdc/ataa": 0},)
    assert (
        co.count_coalitions(iraq, exclude_tags=[tag], faction_seats={"rdc/ataa": 4})
        == {c["rdc/ataa"]: n for c, n in r.cases}[4]
    )
    check = co.check_coalition(iraq, "rdc+kdp", exclude_tags=[tag], faction_seats="most")
    assert check.counted["rdc"] == 6  # 46 less Ansar Allah (3) and Ataa at its most (37)


def test_faction_seats_are_checked() -> None:
    iraq = co.load_scenario("iraq-2025")
    tag = ["grade>=sanctioned-leader"]
    with pytest.raises(co.ConstraintError, match="outside what it may hold"):
        co.count_coalitions(iraq, exclude_tags=tag, faction_seats={"rdc/ataa": 38})
    with pytest.raises(co.ConstraintError, match="whose seats are known"):
        co.count_coalitions(iraq, exclude_tags=tag, faction_seats={"rdc/kataib-jund-al-imam": 6})
    with pytest.raises(co.UnknownPartyError, match="nope"):
        co.count_coalitions(iraq, exclude_tags=tag, faction_seats={"rdc/nope": 1})
    with pytest.raises(co.ConstraintError, match="'faction_seats' must be"):
        co.Constraints(faction_seats="some")
    with pytest.raises(co.ConstraintError, match="party/faction"):
        co.Constraints(faction_seats={"ataa": 1})


def test_factions_of_unknown_size_in_a_file() -> None:
    text = """
[chamber]
name = "X"
size = 20
[[parties]]
key = "a"
name = "A"
seats = 10
[[parties.factions]]
key = "f"
name = "F"
tags = ["bad"]
[[parties.factions]]
key = "g"
name = "G"
seats = 2
max_seats = 5
[[parties]]
key = "b"
name = "B"
seats = 9
"""
    leg = loads_scenario(text)
    f, g = leg["a"].factions
    assert (f.seats, f.known, f.span(8)) == (None, False, (0, 8))
    assert (g.least, g.known, g.span(10)) == (2, False, (2, 5))
    assert loads_scenario(dumps_scenario(leg)) == leg
    assert co.count_range(leg, exclude_tags=["bad"]).factions == (("a/f", 0, 8),)
    bad = text.replace("max_seats = 5", "max_seats = 2").replace("seats = 9", "seats = -1")
    with pytest.raises(co.ScenarioError) as err:
        loads_scenario(bad)
    paths = [p for p, _ in err.value.problems]
    assert "parties[0].factions[1].max_seats" in paths and "parties[1].seats" in paths
    over = text.replace("max_seats = 5", "max_seats = 11")
    with pytest.raises(co.ScenarioError, match="up to 11 seats, more than the list's 10"):
        loads_scenario(over)


def test_the_command_line_gives_the_range(capsys: pytest.CaptureFixture[str]) -> None:
    from coalitions.cli import main

    tag = "grade>=sanctioned-leader"
    assert main(["find", "iraq-2025", "--exclude-tag", tag, "--count"]) == 0
    assert capsys.readouterr().out.strip() == (
        "80792365664 to 149136982038, depending on the seats of rdc/ataa 0 to 37 seats"
    )
    assert main(["find", "iraq-2025", "--exclude-tag", tag, "--count", "--format", "json"]) == 0
    assert '"least": 80792365664' in capsys.readouterr().out
    args = ["find", "iraq-2025", "--exclude-tag", tag, "--count", "--faction-seats", "rdc/ataa=0"]
    assert main(args) == 0
    assert capsys.readouterr().out.strip() == "149136982038"
    assert main(["find", "iraq-2025", "--exclude-tag", tag, "--limit", "1"]) == 2
    assert "rdc/ataa (0 to 37)" in capsys.readouterr().err
    assert main(["find", "iraq-2025", "--count", "--faction-seats", "rdc/ataa"]) == 2
    assert "PARTY/FACTION=N" in capsys.readouterr().err


def test_check_gives_the_verdict_both_ways(capsys: pytest.CaptureFixture[str]) -> None:
    """With an excluded faction of unknown size, `check` gives the verdict with it at its
    least and at its most (the coalition's seats lie between), and exits 0 only when the
    coalition is viable in every case."""
    from coalitions.cli import main

    tag = "grade>=sanctioned-leader"
    args = ["check", "iraq-2025", "--exclude-tag", tag]
    short = "anbar-huwiyatuna+asas+badr+kdp+nsf+rdc+state-of-law+taqaddum"
    assert main([*args[:2], short, *args[2:]]) == 1
    out = capsys.readouterr().out
    assert "depends on seats nobody knows: rdc/ataa (0 to 37 seats)" in out
    assert "165 seats; the quota is 165" in out and "128 seats" in out
    assert out.rstrip().endswith("not viable in every case")
    iraq = co.load_scenario("iraq-2025")
    found = next(
        co.find_coalitions(
            iraq, exclude_tags=[tag], faction_seats="most", require=["rdc"], order_by="seats"
        )
    )
    members = "+".join(sorted(found.members))
    assert main([*args[:2], members, *args[2:], "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["viable_in_every_case"] is True
    assert record["depends_on"] == [{"faction": "rdc/ataa", "least": 0, "most": 37}]
    assert record["at_least"]["seats"] - record["at_most"]["seats"] == 37
