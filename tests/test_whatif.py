"""What-if transformations and questions: invariants, oracles, known answers."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import coalitions as co
from coalitions import strategies as cst
from coalitions import whatif as w
from coalitions.strategies import legislatures

from .oracles.whatif import oracle_fragility, oracle_robust

SMALL = legislatures(
    min_parties=2, max_parties=7, max_seats=15, with_factions=False, vacancies=False
)


@given(SMALL, st.data())
def test_move_then_move_back_is_the_identity(leg: co.Legislature, data: st.DataObject) -> None:
    givers = [p.key for p in leg if p.seats > 0]
    assume(givers)
    a = data.draw(st.sampled_from(givers))
    b = data.draw(st.sampled_from([k for k in leg.keys if k != a]))
    n = data.draw(st.integers(0, leg[a].seats))
    copy = co.Legislature.from_dict(leg.to_dict())
    moved = w.move_seats(leg, a, b, n)
    assert leg == copy  # the input is untouched
    assert moved.seated == leg.seated and moved.size == leg.size
    assert w.move_seats(moved, b, a, n) == leg


@given(SMALL, st.data())
def test_transformations_keep_the_invariants(leg: co.Legislature, data: st.DataObject) -> None:
    keys = list(leg.keys)
    pick = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=2, unique=True))
    for changed in (w.vacate(leg, pick), w.remove(leg, pick)):
        assert changed.size == leg.size
        assert changed.seated == leg.seated - sum(leg[k].seats for k in pick)
    if len(keys) >= 2:
        two = data.draw(st.lists(st.sampled_from(keys), min_size=2, max_size=2, unique=True))
        if len({leg.bloc_of(k) for k in two}) == 1:
            merged = w.merge(leg, two, key="merged.x")
            assert merged["merged.x"].seats == sum(leg[k].seats for k in two)
            assert merged.seated == leg.seated
    k = data.draw(st.sampled_from(keys))
    if leg[k].seats >= 2:
        parts = {"part.a": leg[k].seats // 2, "part.b": leg[k].seats - leg[k].seats // 2}
        s = w.split(leg, k, parts)
        assert s.seated == leg.seated and k not in s


def test_compare_with_itself_is_empty(kurdistan: co.Legislature) -> None:
    c = w.compare(kurdistan, kurdistan)
    assert c.is_empty
    assert c.explain() == "no change"


def test_compare_a_move(kurdistan: co.Legislature) -> None:
    c = w.compare(kurdistan, w.move_seats(kurdistan, "kdp", "puk", 5))
    assert dict(c.seats) == {"kdp": (39, 34), "puk": (23, 28)}
    assert c.counts[0] == co.count_coalitions(kurdistan)
    assert c.gained and all(not co.check_coalition(kurdistan, g.members).viable for g in c.gained)
    assert c.power["kdp"][1] < c.power["kdp"][0]


def test_the_sadrist_resignation(iraq21: co.Legislature) -> None:
    # June 2022: the Sadrist bloc's 73 members resigned (WQ21). The seats are empty and
    # the house keeps 329 members in law, so a majority still needs 165.
    after = w.vacate(iraq21, ["sadrist"])
    assert after.seated == 256 and after.size == 329
    assert after.quota("majority") == 165
    assert co.check_coalition(after, ["sadrist"]).seats == 0
    assert co.count_coalitions(after) < co.count_coalitions(iraq21)


def test_split_factions(iraq: co.Legislature) -> None:
    after = w.split_factions(iraq, tags={"us-designated"})
    assert after["rdc"].seats == 43 and after["ansar-allah-al-awfiya"].seats == 3
    assert after["state-of-law"].seats == 22 and after["kataib-sayyid-al-shuhada"].seats == 7
    assert "militia-affiliated" in after.tags_of(
        "kataib-sayyid-al-shuhada"
    )  # its link went with it
    assert after.seated == iraq.seated


def test_join_a_list_and_a_bloc(iraq: co.Legislature) -> None:
    a = w.join(iraq, ["christian-baghdad"], "rdc")
    assert a["rdc"].seats == 47 and "christian-baghdad" not in a
    b = w.join(iraq, ["asas"], "coordination-framework")
    assert "asas" in b.bloc("coordination-framework").members


def test_use_alternative(iraq: co.Legislature) -> None:
    with pytest.raises(w.WhatIfError, match="331 seats, 2 more than the chamber's 329"):
        w.use_alternative(iraq, "USKRD")
    with pytest.raises(w.WhatIfError, match="330 seats, 1 more"):
        w.use_alternative(iraq, "USKRD", parties=["kdp"])
    after = w.use_alternative(w.vacate(iraq, ["state-support"]), "USKRD", parties=["kdp"])
    assert after["kdp"].seats == 27 and after.seated == 329
    with pytest.raises(w.WhatIfError, match="no alternative figure from 'NOPE'"):
        w.use_alternative(iraq, "NOPE")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda leg: w.move_seats(leg, "puk", "kdp", 30), "cannot move 30 seats from 'puk'"),
        (lambda leg: w.move_seats(leg, "kdp", "kpd", 1), "unknown party 'kpd'"),
        (lambda leg: w.move_seats(leg, "kdp", "puk", -1), r"'seats' must be >= 0 \(got -1\)"),
        (lambda leg: w.move_seats(leg, "kdp", "puk", 1.5), "'seats' must be a whole number"),
        (lambda leg: w.vacate(leg, 3), "expected a key or an iterable of keys"),
        (lambda leg: w.join(leg, ["gorran"], None), "'target' must be a list or bloc key"),
        (lambda leg: w.fragility(leg, "kdp+puk", limit=-1), r"'limit' must be >= 0"),
        (lambda leg: w.set_seats(leg, {"kdp": 80}), "more than the chamber's 100"),
        (lambda leg: w.split(leg, "kdp", {"a": 10, "b": 10}), "the parts hold 20 seats"),
        (lambda leg: w.merge(leg, ["kdp"], key="x"), "at least two lists"),
        (lambda leg: w.split_factions(leg, tags={"x"}), "no faction carries x"),
    ],
)
def test_impossible_changes_raise_clear_errors(kurdistan: co.Legislature, call, message) -> None:
    with pytest.raises(co.CoalitionsError, match=message):
        call(kurdistan)


# --- fragility against a brute-force oracle ---


@settings(max_examples=60)
@given(SMALL, st.data())
def test_fragility_equals_the_oracle(leg: co.Legislature, data: st.DataObject) -> None:
    winners = list(co.find_coalitions(leg, minimal=False, limit=30))
    assume(winners)
    c = data.draw(st.sampled_from(winners))
    members = sorted(c.members)
    f = w.fragility(leg, members, limit=1000)
    best, minimal, pivotal = oracle_fragility(leg, members)
    assert f.lists_to_break == best
    assert set(f.breaking_sets) == minimal
    assert set(f.pivotal) == pivotal
    assert f.seats_to_break == c.seats - leg.quota("majority") + 1


def test_seats_needed(kurdistan: co.Legislature) -> None:
    need = w.seats_needed(kurdistan, "kdp")
    assert need.shortfall == 12
    assert need.single == ("puk", "new-generation")
    assert all("kdp" in o.members for o in need.options)
    assert w.seats_needed(kurdistan, "kdp+puk").shortfall == 0


# --- robust ---


def test_robust_exhaustive_holds_and_fails(kurdistan: co.Legislature) -> None:
    def question(leg: co.Legislature) -> bool:
        return co.check_coalition(leg, "kdp+puk").viable

    ok = w.robust(kurdistan, question, max_seats_moved=2)
    assert ok.holds and ok.exhaustive and ok.answer is True
    small = co.Legislature(
        name="Small",
        size=20,
        parties=[
            co.Party(key="a", name="A", seats=8),
            co.Party(key="b", name="B", seats=4),
            co.Party(key="c", name="C", seats=8),
        ],
    )
    r = w.robust(small, lambda leg: co.check_coalition(leg, "a+b").viable, max_seats_moved=2)
    assert not r.holds and r.exhaustive
    assert sum(v for v in r.moves.values() if v > 0) == 2  # 12 of 20, majority 11: two must move


def test_robust_search_finds_the_smallest_counterexample(kurdistan: co.Legislature) -> None:
    r = w.robust(
        kurdistan,
        lambda leg: co.check_coalition(leg, "kdp+new-generation").viable,
        max_seats_moved=4,
        budget=100,
    )
    assert not r.holds and not r.exhaustive
    assert sum(v for v in r.moves.values() if v > 0) == 4  # 54 seats, quota 51: four must move
    assert not co.check_coalition(r.counterexample, "kdp+new-generation").viable


TINY = legislatures(min_parties=2, max_parties=4, max_seats=9, with_factions=False, vacancies=False)


@settings(max_examples=40)
@given(TINY, st.integers(0, 2), st.data())
def test_robust_exhaustive_equals_the_oracle(
    leg: co.Legislature, k: int, data: st.DataObject
) -> None:
    members = data.draw(st.lists(st.sampled_from(list(leg.keys)), min_size=1, unique=True))

    def question(chamber: co.Legislature) -> bool:
        return co.check_coalition(chamber, members).viable

    r = w.robust(leg, question, max_seats_moved=k)
    assert r.exhaustive and r.answer == question(leg)
    best = oracle_robust(leg, question, k)
    assert r.holds == (best is None)
    if not r.holds:
        assert r.counterexample is not None and question(r.counterexample) != r.answer
        assert sum(v for v in r.moves.values() if v > 0) == best  # the fewest seats


@settings(max_examples=25)
@given(TINY, st.integers(1, 2), st.integers(0, 3), st.data())
def test_robust_search_reports_only_true_counterexamples(
    leg: co.Legislature, k: int, seed: int, data: st.DataObject
) -> None:
    members = data.draw(st.lists(st.sampled_from(list(leg.keys)), min_size=1, unique=True))

    def question(chamber: co.Legislature) -> bool:
        return co.check_coalition(chamber, members).viable

    r = w.robust(leg, question, max_seats_moved=k, budget=0, max_examples=30, seed=seed)
    assert not r.exhaustive and r.checked > 0
    best = oracle_robust(leg, question, k)
    if r.holds:
        assert r.counterexample is None and not r.moves
    else:
        assert r.counterexample is not None and question(r.counterexample) != r.answer
        assert best is not None and best <= sum(v for v in r.moves.values() if v > 0) <= k
        assert r.counterexample.seated == leg.seated
    assert w.robust(leg, question, max_seats_moved=k, budget=0, max_examples=30, seed=seed) == r


def test_robust_seeded_search_finds_mixed_moves_and_shrinks_them() -> None:
    # No block move from one list to another makes b and c both gain: only mixed moves
    # (a seat from a to b and one from d to c, ...) do, so the random draws must find it.
    four = co.Legislature(
        name="Four",
        size=40,
        parties=[co.Party(key=k, name=k.upper(), seats=10) for k in "abcd"],
    )

    def question(leg: co.Legislature) -> bool:
        return not (leg["b"].seats > 10 and leg["c"].seats > 10)

    r = w.robust(four, question, max_seats_moved=4, budget=0, seed=0)
    assert not r.holds and not r.exhaustive
    assert r.counterexample is not None and not question(r.counterexample)
    assert r.moves["b"] == 1 and r.moves["c"] == 1  # shrunk to the fewest seats: two
    assert sum(v for v in r.moves.values() if v > 0) == 2
    assert r.checked > 4 * 3 * 4  # every block move was tried first
    assert w.robust(four, question, max_seats_moved=4, budget=0, seed=0) == r
    proof = w.robust(four, question, max_seats_moved=2)
    assert proof.exhaustive and sum(v for v in proof.moves.values() if v > 0) == 2


def test_robust_holds_is_evidence_with_the_count(kurdistan: co.Legislature) -> None:
    r = w.robust(kurdistan, lambda leg: leg.size == 100, max_seats_moved=3, budget=10)
    assert r.holds and not r.exhaustive
    assert r.explain() == f"the answer True holds ({r.checked} chambers searched)"
    seats = [p.seats for p in kurdistan.parties]
    blocks = sum(1 for m in range(1, 4) for s in seats if s >= m for _ in range(len(seats) - 1))
    assert blocks < r.checked <= blocks + 300  # every block move, then distinct draws


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"max_seats_moved": -1}, "'max_seats_moved' must be >= 0"),
        ({"budget": "many"}, "'budget' must be a whole number"),
        ({"max_examples": 1.5}, "'max_examples' must be a whole number"),
        ({"seed": "x"}, "'seed' must be a whole number"),
    ],
)
def test_robust_rejects_bad_arguments(kurdistan: co.Legislature, keywords, message) -> None:
    with pytest.raises(co.WhatIfError, match=message):
        w.robust(kurdistan, lambda leg: True, **keywords)
    with pytest.raises(co.WhatIfError, match="'question' must be a function"):
        w.robust(kurdistan, True)  # type: ignore[arg-type]


# --- the what-if strategies ---


@given(cst.perturbations(co.load_scenario("kurdistan-2024"), max_seats_moved=5))
def test_perturbations_move_at_most_k_seats(leg: co.Legislature) -> None:
    base = co.load_scenario("kurdistan-2024")
    assert leg.seated == base.seated
    assert sum(max(0, leg[k].seats - base[k].seats) for k in base.keys) <= 5


@given(cst.defections(co.load_scenario("kurdistan-2024"), ["kdp", "puk"], max_seats=3))
def test_defections_only_leave_the_coalition(leg: co.Legislature) -> None:
    base = co.load_scenario("kurdistan-2024")
    assert leg["kdp"].seats + leg["puk"].seats >= 62 - 3
    assert all(leg[k].seats >= base[k].seats for k in base.keys if k not in ("kdp", "puk"))


@given(cst.vote_shares(["a", "b", "c"], min_share=Fraction(1, 10)))
def test_vote_shares_sum_to_one(shares: dict) -> None:
    assert sum(shares.values()) == 1
    assert all(v >= Fraction(1, 10) for v in shares.values())


def test_whatif_strategies_reject_bad_arguments(kurdistan: co.Legislature) -> None:
    with pytest.raises(InvalidArgument):
        cst.perturbations(kurdistan, max_seats_moved=-1)
    with pytest.raises(InvalidArgument):
        cst.vote_shares(["a", "a"])
    with pytest.raises(InvalidArgument):
        cst.vote_shares(["a", "b"], min_share=Fraction(2, 3))


@given(cst.perturbations(co.load_scenario("iraq-2025"), max_seats_moved=5))
@settings(max_examples=25)
def test_example_conclusion_no_majority_without_militia_lists_and_both_partners(leg) -> None:
    # A conclusion of the kind the how-to shows: under any move of 5 seats, some majority
    # without militia-affiliated lists, with a Kurdish and a Sunni partner, still exists.
    red = {
        "exclude_tags": {"militia-affiliated"},
        "require_tags": {"component:kurdish", "component:sunni"},
    }
    assert next(co.find_coalitions(leg, "majority", limit=1, **red), None) is not None
