"""Power indices: brute-force oracles (subsets and permutations), published values,
properties."""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions import power
from coalitions.counting import FlatGame
from coalitions.power import surplus
from coalitions.strategies import legislatures

from .oracles.power import Brute, brute_of


@st.composite
def games(draw: st.DrawFn, max_players: int = 7) -> co.WeightedGame:
    n = draw(st.integers(1, max_players))
    weights = draw(st.lists(st.integers(0, 12), min_size=n, max_size=n))
    assume(sum(weights) >= 1)
    quota = draw(st.integers(1, sum(weights)))
    return co.WeightedGame(weights={f"p{i}": w for i, w in enumerate(weights)}, quota=quota)


def nonzero(values: dict[str, Fraction]) -> bool:
    return any(values.values())


@settings(max_examples=200)
@given(games())
def test_indices_equal_the_oracle_on_weighted_games(game: co.WeightedGame) -> None:
    b = brute_of(game)
    assert power.banzhaf(game, normalized=False) == b.banzhaf(False)
    if nonzero(b.banzhaf(False)):
        assert power.banzhaf(game) == b.banzhaf()
    assert power.shapley_shubik(game) == b.shapley_shubik()
    assert power.deegan_packel(game) == b.deegan_packel()
    assert power.public_good(game) == b.public_good()
    assert power.johnston(game) == b.johnston()
    assert power.owen(game) == b.shapley_shubik()


@settings(max_examples=150)
@given(games(max_players=6), st.data())
def test_owen_equals_the_oracle(game: co.WeightedGame, data: st.DataObject) -> None:
    players = list(game.players)
    labels = data.draw(st.lists(st.integers(0, 2), min_size=len(players), max_size=len(players)))
    unions = [[p for p, lab in zip(players, labels, strict=True) if lab == k] for k in range(3)]
    unions = [u for u in unions if u]
    assert power.owen(game, unions=unions) == brute_of(game).owen(unions)


@st.composite
def composite(draw: st.DrawFn):
    """A small chamber with requirements (a composite game), and its winning function."""
    leg = draw(
        legislatures(
            min_parties=1, max_parties=6, max_seats=12, with_factions=False, with_blocs=False
        )
    )
    # A list with no seat sits in no coalition: it cannot be required, and its tags count
    # for nobody (so the requirements are drawn from the seated lists, and mostly win).
    seated = [p for p in leg if p.seats > 0]
    assume(seated)
    tags = sorted(set().union(*(p.tags for p in seated)))
    require_tags = draw(st.lists(st.sampled_from(tags), max_size=2, unique=True)) if tags else []
    players = [p.key for p in seated]
    require = draw(st.lists(st.sampled_from(players), max_size=1, unique=True))
    c = co.Constraints(require_tags=require_tags, require=require)
    quota = draw(st.integers(1, sum(p.seats for p in seated)))
    seats = {p.key: p.seats for p in leg}
    tagmap = {p.key: p.tags for p in leg}

    def wins(s: frozenset[str]) -> bool:
        held = set().union(*(tagmap[k] for k in s)) if s else set()
        return sum(seats[k] for k in s) >= quota and set(require) <= s and set(require_tags) <= held

    assume(wins(frozenset(players)))
    return leg, quota, c, Brute(players, wins)


@settings(max_examples=150)
@given(composite())
def test_composite_games_equal_the_oracle(case) -> None:
    leg, quota, c, b = case
    for name, oracle in (
        ("shapley_shubik", b.shapley_shubik),
        ("deegan_packel", b.deegan_packel),
        ("public_good", b.public_good),
    ):
        got = getattr(power, name)(leg, quota, constraints=c)
        assert {k: got[k] for k in b.players} == oracle(), name
        assert all(got[k] == 0 for k in got if k not in b.players)
    got = power.banzhaf(leg, quota, constraints=c, normalized=False)
    assert {k: got[k] for k in b.players} == b.banzhaf(False)


# ----------------------------------------------------------------- published values


def test_eec_council_1958() -> None:
    # Council of the EEC, 1958: France, Germany, Italy 4 votes; Belgium, Netherlands 2;
    # Luxembourg 1; quota 12 of 17. Luxembourg is a dummy. Values as in D. S. Felsenthal
    # and M. Machover, The Measurement of Voting Power (Elgar, 1998), ch. 3.
    eec = co.WeightedGame(weights={"fr": 4, "de": 4, "it": 4, "be": 2, "nl": 2, "lu": 1}, quota=12)
    assert power.shapley_shubik(eec) == {
        "fr": Fraction(7, 30),
        "de": Fraction(7, 30),
        "it": Fraction(7, 30),
        "be": Fraction(3, 20),
        "nl": Fraction(3, 20),
        "lu": 0,
    }
    assert power.banzhaf(eec) == {
        "fr": Fraction(5, 21),
        "de": Fraction(5, 21),
        "it": Fraction(5, 21),
        "be": Fraction(1, 7),
        "nl": Fraction(1, 7),
        "lu": 0,
    }
    # Four minimal winning coalitions: FDI, FDBN, FIBN, DIBN (hand count).
    assert power.public_good(eec)["be"] == Fraction(1, 5)
    assert power.deegan_packel(eec)["fr"] == Fraction(5, 24)
    assert power.deegan_packel(eec)["be"] == Fraction(3, 16)


def test_un_security_council() -> None:
    # UN Security Council since 1965: 5 permanent members (veto) and 10 others, 9 votes
    # needed, as the weighted game [39; 7 x5, 1 x10]. Shapley-Shubik 421/2145 and
    # 4/2145 (Shapley and Shubik 1954; Felsenthal and Machover 1998); normalized
    # Banzhaf 0.1669 and 0.0165.
    unsc = co.WeightedGame(
        weights={**{f"p{i}": 7 for i in range(5)}, **{f"e{i}": 1 for i in range(10)}}, quota=39
    )
    ss = power.shapley_shubik(unsc)
    assert ss["p0"] == Fraction(421, 2145)
    assert ss["e0"] == Fraction(4, 2145)
    bz = power.banzhaf(unsc)
    assert round(float(bz["p0"]), 4) == 0.1669
    assert round(float(bz["e0"]), 4) == 0.0165


# ----------------------------------------------------------------- properties


@given(games())
def test_normalized_indices_sum_to_one(game: co.WeightedGame) -> None:
    for fn in (power.shapley_shubik, power.deegan_packel, power.public_good, power.johnston):
        assert sum(fn(game).values()) == 1
    if nonzero(power.banzhaf(game, normalized=False)):
        assert sum(power.banzhaf(game).values()) == 1


@given(games())
def test_symmetric_players_are_equal_and_dummies_are_zero(game: co.WeightedGame) -> None:
    ss = power.shapley_shubik(game)
    bz = power.banzhaf(game, normalized=False)
    b = brute_of(game)
    for p, q in itertools.combinations(game.players, 2):
        if game.weights[p] == game.weights[q]:
            assert ss[p] == ss[q]
            assert bz[p] == bz[q]
    for p in game.players:
        dummy = all(b.wins(s | {p}) == b.wins(s) for s in b.subsets() if p not in s)
        if dummy:
            assert ss[p] == 0
            assert bz[p] == 0
            assert power.public_good(game)[p] == 0


@given(games())
def test_more_weight_never_less_power(game: co.WeightedGame) -> None:
    ss = power.shapley_shubik(game)
    bz = power.banzhaf(game, normalized=False)
    for p, q in itertools.permutations(game.players, 2):
        if game.weights[p] >= game.weights[q]:
            assert ss[p] >= ss[q]
            assert bz[p] >= bz[q]


def test_merging_into_a_bloc_matches_the_quotient_game(iraq: co.Legislature) -> None:
    kept = power.shapley_shubik(iraq, keep_together={"coordination-framework"})
    cf = iraq.bloc("coordination-framework")
    weights = {"coordination-framework": iraq.seats_of(cf.members)}
    weights.update({p.key: p.seats for p in iraq if p.key not in cf.members and p.seats})
    quotient = co.WeightedGame(weights=weights, quota=165)
    assert kept == power.shapley_shubik(quotient)
    owen = power.owen(iraq, keep_together={"coordination-framework"})
    assert sum(owen[m] for m in cf.members) == kept["coordination-framework"]
    assert sum(owen.values()) == 1


def test_excluded_parties_are_null_players(iraq: co.Legislature) -> None:
    bz = power.banzhaf(iraq, exclude_tags={"militia-affiliated"})
    assert bz["sadiqoun"] == bz["huqooq"] == bz["badr"] == bz["khadamat"] == 0
    assert sum(bz.values()) == 1
    assert set(bz) == set(iraq.keys)


def test_kurdistan_kdp_and_puk(kurdistan: co.Legislature) -> None:
    ss = power.shapley_shubik(kurdistan)
    # With KDP at 39 of 100, PUK (23) and New Generation (15) play the same role: each
    # completes a majority with KDP, and no majority without KDP can spare either.
    # Seat shares mislead: their power is equal.
    assert ss["kdp"] > ss["puk"] == ss["new-generation"] > ss["kiu"]
    assert power.banzhaf(kurdistan)["puk"] == power.banzhaf(kurdistan)["new-generation"]
    assert ss["islamic-movement"] == 0  # no seats
    assert sum(ss.values()) == 1


def test_indices_table(kurdistan: co.Legislature) -> None:
    table = power.indices(kurdistan)
    assert table.indices == power.DEFAULT_INDICES
    rows = table.rows()
    assert rows[0]["key"] == "kdp"
    firsts = [r["banzhaf"] for r in rows]
    assert firsts == sorted(firsts, reverse=True)
    assert rows[0]["gap"] == rows[0]["banzhaf"] - Fraction(39, 100)


def test_a_329_player_game_is_exact() -> None:
    # Every member of Iraq's chamber a player of weight 1: symmetric, so 1/329 each,
    # where float implementations overflow the factorials.
    game = co.WeightedGame(weights={f"mp{i}": 1 for i in range(329)}, quota=165)
    ss = power.shapley_shubik(game)
    assert set(ss.values()) == {Fraction(1, 329)}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"forbid": ["kdp+puk"]}, "'forbid' makes the game non-monotone"),
        ({"max_parties": 3}, "'max_parties' makes the game non-monotone"),
        ({"max_surplus": 3}, "'max_surplus' makes the game non-monotone"),
    ],
)
def test_non_monotone_constraints_are_refused(
    iraq: co.Legislature, kwargs: dict, message: str
) -> None:
    with pytest.raises(co.ConstraintError, match=message):
        power.banzhaf(iraq, **kwargs)


def test_other_errors(iraq: co.Legislature) -> None:
    with pytest.raises(co.ConstraintError, match="unknown index 'banzaf'"):
        power.index_name("banzaf")
    with pytest.raises(co.ConstraintError, match="Johnston index is computed for weighted games"):
        power.johnston(iraq, require_tags={"component:kurdish"})
    with pytest.raises(
        co.ValidationError, match="'quota' must be between 1 and the total weight 3"
    ):
        co.WeightedGame(weights={"a": 1, "b": 2}, quota=4)
    with pytest.raises(co.ValidationError, match="must be whole numbers >= 0"):
        co.WeightedGame(weights={"a": -1}, quota=1)
    with pytest.raises(co.ConstraintError, match="constraints apply to a legislature"):
        power.banzhaf(co.WeightedGame(weights={"a": 1}, quota=1), exclude=["a"])


def test_the_kept_minimal_counts_are_never_shared() -> None:
    # Deegan-Packel and public good share the counts of the last few games; each caller
    # gets its own copy, so changing one changes nothing for the next.
    flat = FlatGame(
        weight=[4, 3, 2, 1],
        party_count=[1] * 4,
        tag_bits=[0] * 4,
        is_required=[False] * 4,
        threshold=6,
    )
    first_all, first_per = surplus.minimal_counts(flat)
    expected = (Counter(first_all), {i: Counter(c) for i, c in first_per.items()})
    first_all[99] = 1
    first_per[0][99] = 1
    again = surplus.minimal_counts(flat)
    assert again == expected
    # weights 4, 3, 2, 1, quota 6: the minimal winning coalitions are {4,3}, {4,2}, {3,2,1}
    assert expected == (
        Counter({2: 2, 3: 1}),
        {
            0: Counter({2: 2}),
            1: Counter({2: 1, 3: 1}),
            2: Counter({2: 1, 3: 1}),
            3: Counter({3: 1}),
        },
    )
    surplus._minimal_counts.cache_clear()
    assert surplus.minimal_counts(flat) == expected
