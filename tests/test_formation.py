"""Government formation: procedures, the step-by-step walk, blocking, the largest bloc.

Known answers from the sources in the procedure files and in
``coalitions/scenarios/data/iraq-2021.toml``: the presidential session of 26 Mar 2022
(202 present of the 220 needed, SHF-2022-03-26), the Sadrist resignation (12 Jun 2022)
and the refill (23 Jun 2022).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import importlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.errors import ConstraintError, ScenarioError, UnknownNameError
from coalitions.rules import VOTES, Vote

from .oracles import formation as oracle

# the subpackage (co.formation is the function that walks a coalition through it)
fm = importlib.import_module("coalitions.formation")

STH = "save-the-homeland"
#: The October 2022 State Administration coalition's lists present in the file: the
#: Framework, the KDP, the PUK's Kurdistan Coalition, Taqaddum, Azm and Babylon.
CF_LED = "coordination-framework+kdp+kurdistan-coalition+taqaddum+azm+babylon"


@pytest.fixture(scope="module")
def march(iraq21: co.Legislature) -> co.Legislature:
    return iraq21.at("2022-03-26")


@pytest.fixture(scope="module")
def refilled(iraq21: co.Legislature) -> co.Legislature:
    return iraq21.at("2022-06-23")


# ------------------------------------------------------------------ procedures


def test_built_in_procedures() -> None:
    assert fm.list_procedures() == ("iraq", "kurdistan")
    iraq = fm.get_procedure("iraq")
    assert [s.key for s in iraq.steps] == ["speaker", "president", "pm-designate", "cabinet"]
    assert iraq.step("pm-designate").deadline() == "15 days from president"
    assert iraq.step("cabinet").deadline_days == 30
    kr = fm.get_procedure("kurdistan")
    assert [s.key for s in kr.steps] == ["speaker", "region-president", "pm-designate", "cabinet"]
    # what no source found here settles is said in the data
    assert all(s.variant().verify for s in kr.steps)


def test_dated_rules_follow_the_rulings() -> None:
    president = fm.get_procedure("iraq").step("president")
    before, after = president.variant("2022-02-02"), president.variant("2022-02-03")
    assert before.vote is not None and after.vote is not None
    assert before.vote.quorum_seats(329) == 165
    assert after.vote.quorum_seats(329) == 220
    assert after.runoff is not None and after.runoff.quorum_seats(329) == 220
    pm = fm.get_procedure("iraq").step("pm-designate")
    assert pm.nominator_on("2010-01-01") == "largest-list"
    assert pm.nominator_on(_dt.date(2021, 10, 10)) == "largest-bloc"


def test_a_chambers_date_picks_the_rules(iraq21: co.Legislature) -> None:
    """The 2021 result is dated before the 2022 ruling: quorum 165 then, 220 after."""
    early = fm.formation(iraq21, STH)
    late = fm.formation(iraq21.at("2022-03-26"), STH)
    assert early.step("president").block_absence == 165
    assert late.step("president").block_absence == 110


def test_unknown_procedure_and_step() -> None:
    with pytest.raises(UnknownNameError, match="did you mean 'iraq'"):
        fm.get_procedure("irak")
    with pytest.raises(UnknownNameError, match="did you mean 'president'"):
        fm.get_procedure("iraq").step("presdent")


GOOD = """
[procedure]
key = "toy"
name = "Toy"

[[sources]]
key = "S"
title = "A source"

[[steps]]
key = "vote"
name = "The vote"
deadline = { days = 10, from = "results" }
sources = ["S"]
[[steps.rules]]
threshold = "3/5"
base = "present"
quorum = 40
until = 2020-01-01
[[steps.rules]]
threshold = "majority"
quorum = "two-thirds"
since = 2020-01-01
run-off = { threshold = "majority", base = "present" }
"""


def test_a_procedure_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "toy.toml"
    path.write_text(GOOD, encoding="utf-8")
    proc = fm.get_procedure(str(path))
    step = proc.step("vote")
    old, new = step.variant("2019-06-01"), step.variant("2021-06-01")
    assert old.vote == Vote(co.rules.parse_rule("3/5"), base="present", quorum=40)
    assert new.runoff == Vote("majority", base="present")
    assert step.deadline() == "10 days from results"


def test_a_bad_procedure_file_names_every_problem() -> None:
    bad = GOOD.replace('threshold = "3/5"', 'threshold = "most"').replace(
        'sources = ["S"]', 'sources = ["T"]'
    )
    bad = bad.replace("since = 2020-01-01", "since = 2019-01-01").replace('"results"', '"dawn"')
    with pytest.raises(ScenarioError) as err:
        fm.loads_procedure(bad, source="bad.toml")
    paths = {p for p, _m in err.value.problems}
    assert paths == {
        "steps[0].rules[0].threshold",
        "steps[0].sources[0]",
        "steps[0].deadline.from",
    }
    assert str(err.value).startswith("bad.toml: 3 problems")


def test_overlapping_rules_are_refused() -> None:
    with pytest.raises(ScenarioError, match="rules overlap"):
        fm.loads_procedure(GOOD.replace("since = 2020-01-01", "since = 2019-01-01"))


def test_a_procedure_needs_steps() -> None:
    with pytest.raises(ScenarioError, match="'steps' must be a list"):
        fm.loads_procedure('[procedure]\nkey = "x"\nname = "X"\n')


# ------------------------------------------------------- the 2022 presidential session


def test_save_the_homeland_fails_the_presidential_quorum(march: co.Legislature) -> None:
    f = fm.formation(march, STH)
    president = f.step("president")
    assert (president.seats, president.needed, president.short) == (158, 220, 62)
    assert not president.passes and not president.if_present
    # the others, 171 seats, can deny the quorum (110 away) or vote it down in round 1
    assert president.block_absence == 110 and "absence" in president.can_block
    # the largest bloc on that day: the alliance holds the nomination
    assert f.step("pm-designate").passes
    assert f.step("pm-designate").nominee == (STH,)


def test_the_202_present_were_short_of_220(march: co.Legislature) -> None:
    """202 attended: the alliance, Emtidad, New Generation and 26 more (SHF-2022-03-26);
    the 26 are taken as 26 of the one-seat independents (the alliance holds 158 with the
    three National Contract deputies who joined Azm on 9 Dec 2021, RUD-2021-12-13)."""
    present = [STH, "emtidad", "new-generation", *(f"independent-{i:02}" for i in range(1, 27))]
    f = fm.formation(march, present)
    assert f.seats == 202
    assert f.step("president").short == 18
    assert not f.step("president").passes


def test_the_boycott_is_a_blocking_coalition(march: co.Legislature) -> None:
    attended = [STH, "emtidad", "new-generation", *(f"independent-{i:02}" for i in range(1, 27))]
    away = [p.key for p in march.parties if p.key not in set(march.members(attended))]
    check = fm.check_blocking(march, away, "president")
    assert check.seats == 127 and check.viable  # 127 stayed away: 17 more than 110
    # minimal blocking coalitions made of the boycott's lists with the whole Framework
    # and the PUK's Kurdistan Coalition
    found = list(
        fm.find_blocking(
            march,
            "president",
            require=["coordination-framework", "kurdistan-coalition"],
            exclude=march.members(attended),
            order_by="seats",
            limit=5,
        )
    )
    assert found and all(c.seats == 110 for c in found)
    for c in found:
        assert fm.check_blocking(march, sorted(c.members), "president").minimal


def test_after_the_refill_the_cf_led_coalition_passes_every_step(
    refilled: co.Legislature,
) -> None:
    f = fm.formation(refilled, CF_LED)
    assert f.seats == 194 and f.seated == 312
    assert f.passes_if_present
    assert f.step("speaker").passes and f.step("cabinet").passes
    president = f.step("president")
    assert president.if_present and not president.passes  # the run-off, with the others there
    assert president.short == 26
    # the largest registered bloc is the Framework (88); its other definitions are other
    # counts of it, not claims of their own
    assert f.step("pm-designate").nominee == ("coordination-framework",)
    assert f.step("pm-designate").passes
    additions = president.additions
    assert additions and all(
        refilled.seats_of([*refilled.members(CF_LED), *a]) >= 220 for a in additions
    )


def test_smallest_additions_are_minimal(iraq: co.Legislature) -> None:
    f = fm.formation(iraq, "rdc+kdp+taqaddum", additions=5)
    speaker = f.step("speaker")
    assert speaker.short == 66
    sizes = [len(a) for a in speaker.additions]
    assert sizes == sorted(sizes) and len(sizes) == 5
    for a in speaker.additions:
        check = co.check_coalition(iraq, ["rdc", "kdp", "taqaddum", *a], 165)
        assert check.viable and not (set(check.superfluous) - {"rdc", "kdp", "taqaddum"})


def test_pivotal_members(kurdistan: co.Legislature) -> None:
    f = fm.formation(kurdistan, "kdp+puk", "kurdistan")
    assert f.passes
    assert f.step("cabinet").pivotal == ("kdp", "puk")
    assert f.step("cabinet").block_no == 50


def test_records_and_view(march: co.Legislature) -> None:
    f = fm.formation(march, STH)
    rec = f.records()[1]
    assert rec["step"] == "president" and rec["passes"] == "no"
    html = f._repr_html_()
    assert html.startswith('<div class="coalitions-formation">')
    assert f.notes()[0].startswith("president: to verify: the ruling's text")


# ------------------------------------------------------------------------ blocking


def test_blocking_quotas(march: co.Legislature) -> None:
    assert fm.blocking_quota_of(march, "president") == 110
    assert fm.blocking_quota_of(march, "president", how="no") == 165  # the run-off
    assert fm.blocking_quota_of(march, "speaker", how="absence") == 165
    with pytest.raises(ConstraintError, match="nomination"):
        fm.blocking_quota_of(march, "pm-designate")
    with pytest.raises(ConstraintError, match="'how'"):
        fm.blocking_quota_of(march, "president", how="shouting")  # type: ignore[arg-type]


def test_deny_the_quorum_without_a_kurdish_list(march: co.Legislature) -> None:
    n = fm.count_blocking(march, "president", how="absence", exclude_tags={"component:kurdish"})
    listed = list(
        fm.find_blocking(
            march, "president", how="absence", exclude_tags={"component:kurdish"}, limit=50
        )
    )
    assert n > 0 and len(listed) == 50
    kurdish = {p.key for p in march.tagged("component:kurdish")}
    assert all(not (c.members & kurdish) and c.seats >= 110 for c in listed)


def test_blocking_power_sums_to_one(march: co.Legislature) -> None:
    table = fm.blocking_power(march, "president", which=("banzhaf",))
    assert sum(table.values["banzhaf"].values()) == 1


def test_vacancies_lower_the_seats_that_deny_a_quorum(refilled: co.Legislature) -> None:
    assert refilled.vacant == 17
    assert fm.blocking_quota_of(refilled, "president", how="absence") == 110 - 17


VOTE_RULES = [
    [VOTES["majority"]],
    [Vote("majority", quorum="majority")],
    [
        Vote("two-thirds", quorum="two-thirds"),
        Vote("majority", base="present", quorum="two-thirds"),
    ],
    [VOTES["simple-majority"]],
    [Vote("two-thirds", quorum="majority"), Vote("majority", base="present", quorum="majority")],
]


@st.composite
def chambers(draw: st.DrawFn) -> tuple[dict[str, int], int]:
    seats = draw(st.lists(st.integers(0, 4), min_size=1, max_size=7))
    if sum(seats) == 0:
        seats[0] = 1
    vacant = draw(st.integers(0, 2))
    return {f"p{i}": s for i, s in enumerate(seats)}, sum(seats) + vacant


def _procedure(votes: list[Vote]) -> fm.Procedure:
    variant = fm.Variant(vote=votes[0], runoff=votes[1] if len(votes) > 1 else None)
    return fm.Procedure(key="t", name="T", steps=[fm.Step(key="s", name="S", variants=[variant])])


def _chamber(weights: dict[str, int], size: int) -> co.Legislature:
    parties = [co.Party(key=k, name=k, seats=w) for k, w in weights.items()]
    return co.Legislature(name="toy", size=size, parties=parties)


@settings(max_examples=150)
@given(chambers(), st.sampled_from(range(len(VOTE_RULES))), st.sampled_from(fm.HOW))
def test_blocking_counts_agree_with_brute_force(
    chamber: tuple[dict[str, int], int], rule: int, how: str
) -> None:
    weights, size = chamber
    votes = VOTE_RULES[rule]
    leg = _chamber(weights, size)
    expected = oracle.minimal_blocking(weights, votes, size, how)
    try:
        quota = fm.blocking_quota_of(leg, "s", _procedure(votes), how=how)
    except ConstraintError:  # fails even with everybody there: the empty group blocks
        assert expected == [frozenset()]
        return
    if quota > size:
        assert expected == []
        return
    assert fm.count_blocking(leg, "s", _procedure(votes), how=how) == len(expected)
    found = {c.members for c in fm.find_blocking(leg, "s", _procedure(votes), how=how)}
    assert found == set(expected)


def test_rival_claims_are_reported_not_resolved(iraq: co.Legislature) -> None:
    wide = "coordination-framework+asas+abshir+ishraqat-kanoon+khadamat+tasmim"
    lb = fm.largest_bloc(iraq, claims={"cf-wide": wide})
    assert (lb.largest, lb.seats) == (("cf-wide",), 175)
    assert lb.rivals == (
        ("cf-wide", "coordination-framework", iraq.bloc("coordination-framework").members),
    )
    assert lb.notes()[0].startswith("rival claims cf-wide and coordination-framework")
    # a bloc's other definitions are not claims of their own, but can be passed as one
    assert "coordination-framework@wide" not in {c.key for c in lb.claims}
    named = fm.largest_bloc(iraq, claims={"wide": "coordination-framework@wide"})
    assert (named.largest, named.seats) == (("wide",), 179)
    tie = fm.largest_bloc(iraq, claims={"a": "kdp+puk+kiu+halwest+new-generation+komal"})
    assert tie.claims[0].key == "coordination-framework"
    lists = fm.largest_bloc(iraq, reading="largest-list")
    assert lists.largest == ("rdc",) and lists.seats == 46


def test_a_tie_for_the_largest_bloc_is_data() -> None:
    leg = co.Legislature(
        name="t",
        size=10,
        parties=[co.Party(key=k, name=k, seats=s) for k, s in (("a", 4), ("b", 4), ("c", 2))],
    )
    lb = fm.largest_bloc(leg)
    assert lb.tied and lb.largest == ("a", "b")
    assert not fm.formation(leg, "a", _procedure_nomination()).step("pm").passes
    assert fm.formation(leg, "a+c", _procedure_nomination()).step("pm").passes


def _procedure_nomination() -> fm.Procedure:
    variant = fm.Variant(vote=None, nominator="largest-bloc")
    return fm.Procedure(key="n", name="N", steps=[fm.Step(key="pm", name="PM", variants=[variant])])


HOSTILE = [None, 5, -1, 10**400, float("nan"), 0.5, "", "\ud800", [[1]], object(), b"x", True]


@pytest.mark.parametrize(
    ("name", "call", "valid"),
    [
        (
            "formation",
            co.formation,
            {"coalition": "kdp", "procedure": "kurdistan", "additions": 1, "constraints": None,
             "claims": None, "date": None},
        ),
        (
            "pass_probability",
            fm.pass_probability,
            {"coalition": "kdp+puk", "step": "cabinet", "procedure": "kurdistan",
             "attendance": {"kdp": "1/2"}, "discipline": None},
        ),
        (
            "simulate_pass",
            fm.simulate_pass,
            {"coalition": "kdp", "step": "cabinet", "procedure": "kurdistan", "draws": 3,
             "seed": 1, "z": 2},
        ),
        (
            "count_blocking",
            fm.count_blocking,
            {"step": "cabinet", "procedure": "kurdistan", "how": "absence", "date": None},
        ),
        ("largest_bloc", fm.largest_bloc, {"reading": "largest-bloc", "claims": {"x": "kdp"}}),
    ],
)  # fmt: skip
def test_hostile_arguments_raise_coalitions_errors(
    kurdistan: co.Legislature, name: str, call, valid: dict
) -> None:
    call(kurdistan, **valid)
    for arg in ["leg", *valid]:
        for value in HOSTILE:
            kwargs = {"leg": kurdistan, **valid, arg: value}
            with contextlib.suppress(co.CoalitionsError):
                call(**kwargs)
