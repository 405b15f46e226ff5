"""The dated record: events replayed from the result give the chamber on any date."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.model.events import Defect, Event, Join, Leave, Recount, Refill, Vacate
from coalitions.scenarios import dumps_scenario, loads_scenario
from coalitions.strategies import legislatures

START = dt.date(2025, 11, 17)
TAGS = st.sampled_from(["x", "y"])


@st.composite
def records(draw: st.DrawFn) -> co.Legislature:
    """A small chamber with a record of valid events, each drawn against the chamber of
    its day (so that every kind can be reached)."""
    leg = draw(
        legislatures(
            min_parties=2, max_parties=5, max_seats=8, max_size=45, with_factions=False, tags=TAGS
        )
    )
    leg = attrs.evolve(leg, as_of=START)
    events: list[Event] = []
    day = START
    for n in range(draw(st.integers(0, 6))):
        day += dt.timedelta(days=draw(st.integers(0, 40)))
        now = attrs.evolve(leg, events=events).at(day)
        event = draw(_event(now, day, n))
        if event is not None:
            events.append(event)
    return attrs.evolve(leg, events=events)


@st.composite
def _event(draw: st.DrawFn, now: co.Legislature, day: dt.date, n: int) -> Event | None:
    held = [p for p in now.parties if p.seats]
    kinds = ["refill"] if now.vacant else []
    kinds += ["vacate", "defect", "recount"] if held else []
    kinds += ["join", "leave"] if now.blocs else []
    if not kinds:
        return None
    kind = draw(st.sampled_from(kinds))
    if kind == "vacate":
        p = draw(st.sampled_from(held))
        return Vacate(date=day, seats={p.key: draw(st.integers(1, p.seats))})
    if kind == "defect":
        p = draw(st.sampled_from(held))
        others = [q.key for q in now.parties if q.key != p.key]
        return Defect(
            date=day,
            source=p.key,
            target=draw(st.sampled_from(others)),
            seats=draw(st.integers(1, p.seats)),
        )
    if kind == "recount":
        p = draw(st.sampled_from(held))
        return Recount(date=day, seats={p.key: draw(st.integers(0, p.seats))})
    if kind == "refill":
        seats = draw(st.integers(1, now.vacant))
        if draw(st.booleans()):
            new = co.Party(key=f"new-{n}", name=f"New {n}", seats=seats)
            return Refill(date=day, parties=[new])
        return Refill(date=day, seats={draw(st.sampled_from(now.keys)): seats})
    bloc = draw(st.sampled_from(now.blocs))
    if kind == "leave":
        if len(bloc.members) < 2:
            return None
        return Leave(date=day, party=draw(st.sampled_from(bloc.members)), bloc=bloc.key)
    outside = [k for k in now.keys if k not in bloc.members]
    if not outside:
        return None
    also = draw(st.booleans())  # with also, blocs come to overlap
    return Join(date=day, party=draw(st.sampled_from(outside)), bloc=bloc.key, also=also)


def same_chamber(a: co.Legislature, b: co.Legislature) -> bool:
    return (a.parties, a.blocs, a.as_of, a.size) == (b.parties, b.blocs, b.as_of, b.size)


@settings(max_examples=25)
@given(records())
def test_events_one_by_one_equal_the_chamber_at_the_last_date(leg: co.Legislature) -> None:
    last = max((e.date for e in leg.events), default=START)
    stepwise = attrs.evolve(leg, events=())
    for _, event in sorted(enumerate(leg.events), key=lambda pair: pair[1].date):
        stepwise = attrs.evolve(stepwise, events=[event]).at(event.date)
    assert same_chamber(stepwise.at(last), leg.at(last))


@settings(max_examples=25)
@given(records(), st.data())
def test_at_composes(leg: co.Legislature, data: st.DataObject) -> None:
    days = sorted(data.draw(st.lists(st.integers(0, 300), min_size=2, max_size=2)))
    d1, d2 = (START + dt.timedelta(days=d) for d in days)
    assert leg.at(d1).at(d2) == leg.at(d2)
    assert leg.at(d2).vacant >= 0


@settings(max_examples=25)
@given(records(), st.booleans())
def test_the_record_round_trips(leg: co.Legislature, json_format: bool) -> None:
    assert (
        loads_scenario(dumps_scenario(leg, json_format=json_format), json_format=json_format) == leg
    )


def test_bad_events_give_every_problem_with_its_field_path() -> None:
    leg = co.load_scenario("kurdistan-2024")
    bad = [
        Vacate(date="2020-01-01", seats={"kdp": 50}),
        Defect(date="2025-02-01", source="nope", target="puk", seats=1),
        Refill(date="2025-03-01", seats={"puk": 3}),
    ]
    with pytest.raises(co.ValidationError) as info:
        attrs.evolve(leg, events=bad)
    assert sorted(info.value.problems) == sorted(
        [
            ("events[0].date", "is 2020-01-01, before as_of, the date of the result (2024-11-24)"),
            ("events[0].seats.kdp", "is 50, more than the 39 it holds"),
            ("events[1].source", "names 'nope', which is not a list of the chamber on 2025-02-01"),
            ("events[2].seats", "fill 3 seats, but 0 are vacant"),
        ]
    )


def test_bad_events_in_a_file() -> None:
    text = dumps_scenario(co.load_scenario("kurdistan-2024")) + (
        '\n[[events]]\ndate = "2025-13-01"\nkind = "vacate"\nseats = { kdp = 1 }\n'
        '\n[[events]]\ndate = 2025-02-01\nkind = "resign"\n'
        '\n[[events]]\ndate = 2025-02-01\nkind = "defect"\nsource = "kdp"\nseats = 2\n'
    )
    with pytest.raises(co.ScenarioError) as info:
        loads_scenario(text)
    paths = [path for path, _ in info.value.problems]
    assert paths == ["events[0].date", "events[1].kind", "events[2].target"]
    assert (
        "did you mean" in info.value.problems[1][1]
        or "expected one of" in info.value.problems[1][1]
    )


def test_a_date_before_the_result_is_refused() -> None:
    with pytest.raises(co.ConstraintError, match="starts on 2024-11-24"):
        co.load_scenario("kurdistan-2024").at("2024-01-01")


def test_a_reported_total_cannot_stand_for_members() -> None:
    bloc = co.Bloc(
        key="cf",
        name="CF",
        members=["a"],
        definitions=[co.model.BlocDefinition(key="wide", reported_seats=179, sources=["S"])],
    )
    leg = co.Legislature(
        name="X", size=10, parties=[co.Party(key="a", name="A", seats=5)], blocs=[bloc]
    )
    with pytest.raises(co.ConstraintError, match="membership is unknown"):
        leg.resolve("cf@wide")
    assert leg.resolve("cf") == ("a",)


@pytest.mark.parametrize("kind", ["vacate", "defect", "refill", "recount", "join", "leave"])
def test_every_kind_of_event_is_drawn(kind: str) -> None:
    from hypothesis import HealthCheck, Phase, find

    reach = settings(
        phases=[Phase.generate],
        database=None,
        max_examples=2000,
        suppress_health_check=[HealthCheck.too_slow],
    )
    find(records(), lambda leg: any(e.kind == kind for e in leg.events), settings=reach)


def test_a_definition_can_be_kept_together() -> None:
    seats = dict(zip("abcde", (5, 4, 3, 2, 1), strict=True))
    parties = [co.Party(key=k, name=k.upper(), seats=n) for k, n in seats.items()]
    wide = co.model.BlocDefinition(key="wide", members=["a", "b", "c"])
    leg = co.Legislature(
        name="X",
        size=15,
        parties=parties,
        blocs=[co.Bloc(key="x", name="X", members=["a", "b"], definitions=[wide])],
    )
    abc = co.Bloc(key="x", name="X", members=["a", "b", "c"])
    same = co.Legislature(name="X", size=15, parties=parties, blocs=[abc])
    for minimal in (True, False):
        found = co.find_coalitions(leg, keep_together=["x@wide"], minimal=minimal)
        expected = co.find_coalitions(same, keep_together=["x"], minimal=minimal)
        assert {c.members for c in found} == {c.members for c in expected}
    power = co.power.banzhaf(leg, keep_together=["x@wide"])
    assert {k.removesuffix("@wide"): v for k, v in power.items()} == co.power.banzhaf(
        same, keep_together=["x"]
    )
    check = co.check_coalition(leg, "a+b+d", keep_together=["x@wide"])
    assert "splits the bloc x@wide (kept together): lacks c" in check.failures
    with pytest.raises(co.ConstraintError, match="share 'a'"):
        co.count_coalitions(leg, keep_together=["x", "x@wide"])


def test_blocs_may_overlap() -> None:
    """A list can sit in several blocs: the CF and a wider alliance, say."""
    text = """
[chamber]
name = "X"
size = 15
[[parties]]
key = "a"
name = "A"
seats = 6
[[parties]]
key = "b"
name = "B"
seats = 5
[[parties]]
key = "c"
name = "C"
seats = 4
[[blocs]]
key = "core"
name = "Core"
members = ["a", "b"]
[[blocs]]
key = "wide"
name = "Wide"
members = ["b", "c"]
[[events]]
date = 2025-12-01
kind = "join"
party = "a"
bloc = "wide"
also = true
"""
    leg = loads_scenario(text)
    assert [b.key for b in leg.blocs_of("b")] == ["core", "wide"]
    assert leg.bloc_of("b") is not None and leg.bloc_of("b").key == "core"
    assert leg.blocs_of("c") == (leg.bloc("wide"),)
    assert {r["key"]: r["bloc"] for r in co.report.seat_records(leg)}["b"] == "core, wide"
    # each bloc can be kept together, not both at once (they share b)
    # quota 8: a+b, a+c and b+c are the minimal majorities; kept together, core (11)
    # wins alone and so does wide (9)
    assert co.count_coalitions(leg) == 3
    assert [c.members for c in co.find_coalitions(leg, keep_together=["core"])] == [{"a", "b"}]
    assert [c.members for c in co.find_coalitions(leg, keep_together=["wide"])] == [{"b", "c"}]
    with pytest.raises(co.ConstraintError, match="share 'b'"):
        co.count_coalitions(leg, keep_together=["core", "wide"])
    # the join with also keeps a in core, and adds it to wide
    later = leg.at("2025-12-02")
    assert later.bloc("core").members == ("a", "b")
    assert later.bloc("wide").members == ("b", "c", "a")
    moved = loads_scenario(text.replace("also = true", "also = false"))
    assert moved.at("2025-12-02").bloc("core").members == ("b",)
    assert loads_scenario(dumps_scenario(leg)) == leg
    # merging lists that sit in the same blocs keeps them there; in different ones, no
    merged = co.whatif.merge(leg.at("2025-12-02"), ["a", "b"], key="ab")
    assert merged.bloc("core").members == ("ab",)
    assert merged.bloc("wide").members == ("ab", "c")
    with pytest.raises(co.WhatIfError, match="different blocs"):
        co.whatif.merge(leg, ["a", "c"], key="ac")


# --- found in review ---


def test_at_keeps_only_the_affiliations_that_still_fit() -> None:
    from coalitions.model.ties import Affiliation

    parties = [co.Party(key=k, name=k, seats=n) for k, n in (("a", 4), ("b", 3), ("c", 1))]
    leg = co.Legislature(
        name="X",
        size=8,
        as_of="2020-01-01",
        parties=parties,
        affiliations=[Affiliation(member="a", patron="b", kind="allied", seats=3)],
        events=[Vacate(date="2021-01-01", seats={"a": 2})],
    )
    later = leg.at("2022-01-01")  # a holds 2 then: the claim on 3 of its seats no longer fits
    assert later["a"].seats == 2 and later.affiliations == ()
    assert leg.at("2020-06-01").affiliations == leg.affiliations


def test_what_ifs_carry_ties_along(iraq: co.Legislature) -> None:
    from coalitions.whatif import transform as t

    merged = t.merge(iraq, ["sadiqoun", "badr"], key="merged")
    assert {"militia-affiliated", "us-designated"} <= merged.tags_of("merged")
    seats = iraq["sadiqoun"].seats
    assert "militia-affiliated" in t.split(iraq, "sadiqoun", {"x1": 1, "x2": seats - 1}).tags_of(
        "x1"
    )
    assert "militia-affiliated" in t.join(iraq, ["huqooq"], "asas").tags_of("asas")


def test_with_affiliates_checks_its_kinds(iraq: co.Legislature) -> None:
    assert iraq.with_affiliates(kinds=[]) == iraq  # no kind asked: nothing applied
    with pytest.raises(co.ConstraintError, match="unknown kind of affiliation"):
        iraq.with_affiliates(kinds=["bogus"])
    assert iraq.with_affiliates()["kdp"].seats == iraq["kdp"].seats + 2  # Azm's and Feyli's
    assert iraq.with_affiliates().seated == iraq.seated


def test_a_designation_ends_after_it_starts() -> None:
    from coalitions.model.events import Designation

    with pytest.raises(co.ValidationError, match="not after the event's date"):
        Designation(date="2021-01-01", group="g", grade="fto", until="2020-01-01")


def test_methods_of_a_chamber_refuse_what_is_not_a_key(iraq: co.Legislature) -> None:
    with pytest.raises(co.UnknownPartyError):
        iraq.faction_tags_of("kdp", "nope")
    for call in (
        lambda: iraq.bloc(3),
        lambda: iraq.resolve(["x"]),  # type: ignore[arg-type]
        lambda: iraq.seats_of(3),  # type: ignore[arg-type]
        lambda: iraq.with_affiliates(kinds=3),  # type: ignore[arg-type]
    ):
        with pytest.raises(co.ArgumentError):
            call()
