"""Coalition search: the fast algorithms against a brute-force oracle, and known answers."""

from __future__ import annotations

import itertools
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.constraints import compile_game
from coalitions.search import check_in_game, sort_key
from coalitions.strategies import legislatures

from .oracles.search import Oracle

SMALL = legislatures(max_parties=8, max_seats=15, min_size=1, max_size=120)


@st.composite
def questions(
    draw: st.DrawFn, positions: bool = False
) -> tuple[co.Legislature, object, co.Constraints]:
    """A small chamber, a quota rule and a random set of constraints of every kind (with
    ``positions``, every party has a left-right position)."""
    leg = draw(legislatures(max_parties=8, max_seats=15, max_size=120, all_positions=positions))
    keys = list(leg.keys)
    tags = sorted(leg.tags)
    blocs = [b.key for b in leg.blocs]
    pick_keys = st.lists(st.sampled_from(keys), max_size=2, unique=True) if keys else st.just([])
    pick_tags = st.lists(st.sampled_from(tags), max_size=2, unique=True) if tags else st.just([])
    rule = draw(
        st.sampled_from(["majority", "two-thirds", Fraction(1, 3)]) | st.integers(1, leg.size)
    )
    forbid = []
    if len(keys) >= 2:
        forbid = draw(
            st.lists(
                st.lists(st.sampled_from(keys), min_size=2, max_size=2, unique=True), max_size=2
            )
        )
    c = co.Constraints(
        exclude=draw(pick_keys),
        exclude_tags=draw(pick_tags),
        require=draw(pick_keys),
        require_tags=draw(pick_tags),
        forbid=forbid,
        keep_together=draw(st.lists(st.sampled_from(blocs), max_size=2, unique=True))
        if blocs and not positions
        else [],
        max_parties=draw(st.none() | st.integers(0, 6)),
        min_seats=draw(st.none() | st.integers(0, leg.size)),
        max_surplus=draw(st.none() | st.integers(0, 30)),
        whole_lists=draw(st.booleans()),
    )
    return leg, rule, c


def answers(
    leg: co.Legislature, rule: object, c: co.Constraints, **kw: object
) -> list[frozenset[str]]:
    return [c_.members for c_ in co.find_coalitions(leg, rule, constraints=c, **kw)]


@settings(max_examples=300)
@given(questions(), st.booleans())
def test_find_and_count_equal_the_oracle(q: tuple, minimal: bool) -> None:
    leg, rule, c = q
    oracle = Oracle(leg, rule, c)
    if oracle.contradiction():
        with pytest.raises(co.ConstraintError):
            co.count_coalitions(leg, rule, constraints=c)
        return
    expected = sorted(oracle.coalitions(minimal), key=sorted)
    found = answers(leg, rule, c, minimal=minimal)
    assert len(found) == len(set(found)), "duplicates in the listing"
    assert sorted(found, key=sorted) == expected
    assert co.count_coalitions(leg, rule, constraints=c, minimal=minimal) == len(expected)


@settings(max_examples=200)
@given(questions(), st.booleans(), st.sampled_from(["seats", "parties"]))
def test_ranked_equals_oracle_and_is_sorted(q: tuple, minimal: bool, order_by: str) -> None:
    leg, rule, c = q
    oracle = Oracle(leg, rule, c)
    assume(not oracle.contradiction())
    ranked = list(co.find_coalitions(leg, rule, constraints=c, minimal=minimal, order_by=order_by))
    assert sorted((r.members for r in ranked), key=sorted) == sorted(
        oracle.coalitions(minimal), key=sorted
    )
    ranks = [(r.seats, r.size) if order_by == "seats" else (r.size, r.seats) for r in ranked]
    assert ranks == sorted(ranks)
    if not c.keep_together:  # (a kept-together bloc sorts by its first member only)
        keys = [(*rank, sorted(r.members)) for rank, r in zip(ranks, ranked, strict=True)]
        assert keys == sorted(keys)  # ties in key order
        assert ranked == sorted(ranked, key=sort_key(order_by))
        if order_by == "seats":
            assert ranked == sorted(ranked)  # the order Coalition values sort in
    # the first few equal the first few of the full ranking
    head = list(
        co.find_coalitions(leg, rule, constraints=c, minimal=minimal, order_by=order_by, limit=3)
    )
    assert head == ranked[:3]


@settings(max_examples=150)
@given(questions(), st.booleans())
def test_grouping_expands_back_to_the_ungrouped_set(q: tuple, minimal: bool) -> None:
    leg, rule, c = q
    assume(not Oracle(leg, rule, c).contradiction())
    grouped = list(
        co.find_coalitions(leg, rule, constraints=c, minimal=minimal, group_equivalent=True)
    )
    expanded = [m for g in grouped for m in g.expand()]
    assert sum(g.stands_for for g in grouped) == len(expanded)
    assert sorted(expanded, key=sorted) == sorted(
        answers(leg, rule, c, minimal=minimal), key=sorted
    )


@settings(max_examples=150)
@given(questions(positions=True), st.booleans(), st.sampled_from([None, *co.search.ORDERS]))
def test_connected_equals_oracle(q: tuple, minimal: bool, order_by: str | None) -> None:
    leg, rule, c = q
    oracle = Oracle(leg, rule, c)
    assume(not oracle.contradiction())
    found = list(
        co.find_coalitions(
            leg, rule, constraints=c, minimal=minimal, connected=True, order_by=order_by
        )
    )
    members = [f.members for f in found]
    assert sorted(members, key=sorted) == sorted(oracle.connected(minimal), key=sorted)
    assert co.count_coalitions(leg, rule, constraints=c, minimal=minimal, connected=True) == len(
        found
    )
    if order_by is not None:  # ranked like every other ranking: rank, then sorted keys
        assert found == sorted(found, key=sort_key(order_by))


def test_connected_ranking_breaks_ties_by_sorted_member_keys() -> None:
    # z 4 at position 0, a 2 at 1, b 2 at 2, y 4 at 3; quota 6: the connected minimal
    # coalitions z+a and b+y tie on seats and size; sorted keys (a, z) < (b, y).
    leg = co.Legislature(
        name="Four",
        size=12,
        parties=[
            co.Party(key=k, name=k.upper(), seats=s, position=Fraction(p))
            for k, s, p in (("z", 4, 0), ("a", 2, 1), ("b", 2, 2), ("y", 4, 3))
        ],
    )
    for order_by in ("seats", "parties", "range"):
        found = co.find_coalitions(leg, 6, connected=True, order_by=order_by)
        assert [str(c) for c in found] == ["z+a", "y+b"], order_by
    ranked = [str(c) for c in co.find_coalitions(leg, 6, order_by="seats")]
    assert ranked == ["y+a", "z+a", "y+b", "z+b", "y+z"]  # the unconnected ranking agrees


@settings(max_examples=100)
@given(questions(positions=True))
def test_range_ranking_is_sorted(q: tuple) -> None:
    leg, rule, c = q
    assume(not Oracle(leg, rule, c).contradiction())
    ranked = list(co.find_coalitions(leg, rule, constraints=c, order_by="range"))
    spreads = [(r.range, r.seats, r.size) for r in ranked]
    assert spreads == sorted(spreads)
    assert sorted((r.members for r in ranked), key=sorted) == sorted(
        answers(leg, rule, c), key=sorted
    )


@given(SMALL)
def test_every_result_is_viable_and_minimal(leg: co.Legislature) -> None:
    for c in co.find_coalitions(leg, "majority"):
        check = co.check_coalition(leg, c.members)
        assert check.viable and check.minimal, check.explain()
        assert c.seats >= leg.quota("majority")
        assert c.pivotal == c.members  # minimal winning: every member is pivotal


@given(legislatures(min_parties=1, max_parties=8, max_seats=15, vacancies=False), st.data())
def test_monotone_more_seats_never_lose(leg: co.Legislature, data: st.DataObject) -> None:
    q = leg.quota("majority")
    winners = list(co.find_coalitions(leg, q, minimal=False, limit=20))
    c = data.draw(st.sampled_from(winners))  # the grand coalition always wins here
    member = data.draw(st.sampled_from(sorted(c.members)))
    bigger = co.Legislature(
        name=leg.name,
        size=leg.size + 1,
        blocs=leg.blocs,
        parties=[
            p if p.key != member else co.Party(key=p.key, name=p.name, seats=p.seats + 1)
            for p in leg.parties
        ],
    )
    assert co.check_coalition(bigger, c.members, q).viable


# --- known answers on the built-in chambers ---


def test_kdp_puk_is_minimal_winning_in_kurdistan(kurdistan: co.Legislature) -> None:
    # K24-24: KDP 39 + PUK 23 = 62 >= 51, and neither alone reaches 51.
    check = co.check_coalition(kurdistan, "kdp+puk")
    assert check.viable and check.minimal
    assert check.pivotal == ("kdp", "puk")
    assert "kdp+puk" in {str(c) for c in co.find_coalitions(kurdistan, max_parties=2)}


def test_two_party_majorities_in_kurdistan(kurdistan: co.Legislature) -> None:
    two = [str(c) for c in co.find_coalitions(kurdistan, max_parties=2, order_by="seats")]
    assert two == ["kdp+new-generation", "kdp+puk"]  # 54 and 62 seats


def test_iraq_red_line_question(iraq: co.Legislature) -> None:
    top = list(
        co.find_coalitions(
            iraq,
            "majority",
            exclude_tags={"militia-affiliated"},
            require_tags={"component:kurdish", "component:sunni"},
            order_by="seats",
            limit=10,
        )
    )
    assert len(top) == 10
    for c in top:
        assert not c.members & {"sadiqoun", "badr", "huqooq", "khadamat"}
        assert c.seats >= 165
        check = co.check_coalition(
            iraq,
            c.members,
            exclude_tags={"militia-affiliated"},
            require_tags={"component:kurdish", "component:sunni"},
        )
        assert check.viable and check.minimal
    # Faction rule: RDC counts 46 - 6 - 3 = 37 seats once its armed factions are out.
    assert top[0].seats == 165


def test_counting_iraq_is_exact_and_agrees_with_listing_under_tight_bounds(
    iraq: co.Legislature,
) -> None:
    kw = {"max_parties": 4, "exclude_tags": {"militia-affiliated"}}
    listed = sum(1 for _ in co.find_coalitions(iraq, **kw))
    assert co.count_coalitions(iraq, **kw) == listed


def test_keep_together_makes_a_bloc_one_player(iraq: co.Legislature) -> None:
    for c in co.find_coalitions(
        iraq, "two-thirds", keep_together={"coordination-framework"}, limit=20
    ):
        cf = set(iraq.bloc("coordination-framework").members)
        assert cf <= c.members or not cf & c.members


def test_report_quotas(kurdistan: co.Legislature) -> None:
    results = list(
        co.find_coalitions(
            kurdistan, "majority", max_parties=2, report_quotas=["two-thirds"], order_by="seats"
        )
    )
    assert [r.meets for r in results] == [(), ()]
    big = co.check_coalition(kurdistan, "kdp+puk+new-generation", report_quotas=["two-thirds"])
    assert big.meets == ("two-thirds",)


def test_coalition_value_semantics(kurdistan: co.Legislature) -> None:
    a, b = list(co.find_coalitions(kurdistan, max_parties=2, order_by="seats"))
    assert str(b) == "kdp+puk" and b.seats == 62 and b.surplus == 11 and len(b) == 2
    assert a < b and sorted([b, a]) == [a, b]
    same = attrs.evolve(b, house=None, member_seats=())  # display fields do not count
    assert same == b and hash(same) == hash(b) and a != b
    assert len({a, b, same}) == 2
    record = b.to_record()
    assert record["coalition"] == "kdp+puk" and record["pivotal"] == ["kdp", "puk"]


def test_check_explains_failures(iraq: co.Legislature) -> None:
    check = co.check_coalition(
        iraq,
        "rdc+kdp+taqaddum",
        "majority",
        exclude_tags={"militia-affiliated"},
        require_tags={"component:sunni"},
    )
    assert not check.viable
    assert check.seats == 37 + 26 + 27
    assert check.failures == ("holds 90 seats, 75 short of the 165 needed",)
    assert check.shortfall == 75
    assert check.notes[0].startswith("rdc counts 37 seats, without the 6 of its faction")
    text = check.explain()
    assert "not viable" in text and "75 short" in text


def test_check_names_every_broken_rule(iraq: co.Legislature) -> None:
    check = co.check_coalition(
        iraq,
        "rdc+sadiqoun+kdp+puk",
        exclude=["sadiqoun"],
        require=["taqaddum"],
        require_tags=["component:sunni"],
        forbid=["kdp+puk"],
        max_parties=2,
    )
    text = "\n".join(check.failures)
    assert "sadiqoun is left out: excluded (sadiqoun)" in text
    assert "lacks taqaddum, which is required" in text
    assert "has no member tagged component:sunni" in text
    assert "kdp and puk will not sit together" in text
    assert "has 4 parties, more than the 2 allowed" in text


def test_whole_lists_excludes_lists_with_tagged_factions(iraq: co.Legislature) -> None:
    c = next(
        iter(
            co.find_coalitions(
                iraq, exclude_tags={"us-designated"}, whole_lists=True, order_by="seats", limit=1
            )
        )
    )
    assert not c.members & {"rdc", "state-of-law", "sadiqoun", "huqooq", "khadamat"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"require": ["sadiqoun"], "exclude_tags": ["militia-affiliated"]},
            "party 'sadiqoun' is both required and excluded",
        ),
        ({"exclude_tags": ["militia"]}, "unknown tag 'militia' in 'exclude_tags'; did you mean"),
        ({"require": ["kpd"]}, "unknown party 'kpd' in 'require' of 'Iraq, .*did you mean 'kdp'"),
        ({"keep_together": ["framework"]}, "unknown party 'framework'"),
        (
            {"forbid": ["rdc+state-of-law"], "keep_together": ["coordination-framework"]},
            "lies inside the kept-together bloc",
        ),
        ({"forbid": ["kdp+puk"], "require": ["kdp", "puk"]}, "both are required"),
        ({"min_seats": 400}, "'min_seats' is 400, more than the chamber's 329 seats"),
        ({"max_parties": -1}, "'max_parties' must be >= 0 (got -1)"),
        ({"max_parties": 1.5}, "'max_parties' must be a whole number (got float 1.5)"),
        ({"limit": -1}, "'limit' must be >= 0 (got -1)"),
        ({"exclude": 5}, "'exclude' must be a key or a list of keys (got int 5)"),
        ({"forbid": ["kdp"]}, "'forbid' takes pairs of two different keys"),
        ({"exlude": ["kdp"]}, "unknown constraint 'exlude'; did you mean 'exclude'?"),
        ({"order_by": "size"}, "unknown order_by 'size'"),
        ({"order_by": "range"}, "needs a position for every player"),
        ({"connected": True}, "need a left-right position for every player"),
    ],
)
def test_contradictions_and_bad_input_raise_clear_errors(
    iraq: co.Legislature, kwargs: dict, message: str
) -> None:
    with pytest.raises(co.CoalitionsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(co.find_coalitions(iraq, "majority", **kwargs))


def test_quota_above_chamber_is_an_error(iraq: co.Legislature) -> None:
    with pytest.raises(co.QuotaError):
        co.count_coalitions(iraq, 400)


def test_empty_answer_is_an_answer(kurdistan: co.Legislature) -> None:
    assert list(co.find_coalitions(kurdistan, max_parties=1)) == []
    assert co.count_coalitions(kurdistan, max_parties=1) == 0


def test_count_by_party(kurdistan: co.Legislature) -> None:
    per = co.count_by_party(kurdistan, "majority")
    listed = list(co.find_coalitions(kurdistan, "majority"))
    for key in kurdistan.keys:
        assert per[key] == sum(1 for c in listed if key in c.members)
    assert per["islamic-movement"] == 0  # no seats: never in a minimal coalition


def test_streaming_is_lazy(iraq: co.Legislature) -> None:
    stream = co.find_coalitions(iraq, "majority")
    first = list(itertools.islice(stream, 1000))
    assert len(first) == len(set(first)) == 1000


# --- the checker and the walks: one definition of viable, minimal and pivotal ---


@settings(max_examples=100)
@given(questions())
def test_check_agrees_with_find_and_the_oracle(q: tuple) -> None:
    leg, rule, c = q
    oracle = Oracle(leg, rule, c)
    assume(not oracle.contradiction())
    game = compile_game(leg, rule, c)
    viable = {r.members: r for r in co.find_coalitions(leg, rule, constraints=c, minimal=False)}
    minimal = set(answers(leg, rule, c))
    seated = frozenset(p.key for p in leg if p.key not in oracle.seatless)
    for size in range(1, len(leg.parties) + 1):
        for combo in itertools.combinations(leg.keys, size):
            check = check_in_game(game, combo)
            members = frozenset(combo) & seated  # a list with no seat sits in no coalition
            assert check.viable == (members in viable) == (not check.failures), check.explain()
            assert check.minimal == (members in minimal)
            assert check.counted == {k: game.party_weight.get(k, 0) for k in combo}
            is_viable, is_minimal, superfluous, pivotal = oracle.verdict(set(combo))
            assert (check.viable, check.minimal) == (is_viable, is_minimal)
            assert set(check.superfluous) == superfluous
            assert set(check.pivotal) == pivotal
            if check.viable:  # a listed result's pivotal members are the check's
                assert viable[members].pivotal == set(check.pivotal)


def test_a_split_bloc_still_needs_its_required_tags() -> None:
    """Found by the property above: kept together, the bloc brings the required Kurdish
    tag whatever happens, so the game's arrays drop the requirement; a proposal that
    splits the bloc and leaves out its Kurdish member does not win, and has no pivotal
    member."""

    def party(key: str, seats: int, **kw: object) -> co.Party:
        return co.Party(key=key, name=key, seats=seats, **kw)  # type: ignore[arg-type]

    shia = co.Faction(key="e.f0", name="E0", seats=0, tags={"component:shia"})
    parties = [
        party("g", 1),
        party("e", 8, factions=[shia]),
        party("c", 1),
        party("f", 10),
        party("a", 1, tags={"component:kurdish"}),
    ]
    bloc = co.Bloc(key="bloc", name="B", members=["g", "e", "c", "f", "a"])
    leg = co.Legislature(name="X", size=25, parties=parties, blocs=[bloc])
    c = co.Constraints(require={"g"}, require_tags={"component:kurdish"}, keep_together={"bloc"})
    game, oracle = compile_game(leg, "majority", c), Oracle(leg, "majority", c)
    check = check_in_game(game, ("g", "e", "f"))
    assert (check.viable, check.pivotal, check.superfluous) == (False, (), ())
    for size in range(1, 6):
        for combo in itertools.combinations(leg.keys, size):
            check = check_in_game(game, combo)
            viable, minimal, superfluous, pivotal = oracle.verdict(set(combo))
            assert (check.viable, check.minimal) == (viable, minimal)
            assert (set(check.superfluous), set(check.pivotal)) == (superfluous, pivotal), combo


def test_check_counts_what_the_constraints_let_count(iraq: co.Legislature) -> None:
    check = co.check_coalition(
        iraq, "rdc+kdp", exclude=["rdc"], exclude_tags=["militia-affiliated"]
    )  # rdc both excluded by name and reduced by a tagged faction
    assert not check.viable
    assert check.failures[0] == "rdc is left out: excluded (rdc)"
    assert check.counted == {"rdc": 0, "kdp": iraq["kdp"].seats}
    assert check.seats == iraq["kdp"].seats
    assert not check.notes  # nothing to say about rdc's factions: rdc is out


def test_check_treats_a_kept_together_bloc_as_one(iraq: co.Legislature) -> None:
    kw = {"keep_together": ["coordination-framework"]}
    check = co.check_coalition(iraq, "coordination-framework+taqaddum", **kw)
    assert check.viable and check.minimal and not check.superfluous, check.explain()
    assert set(check.pivotal) == set(check.members)  # the bloc leaves whole, or not at all
    found = {c.members for c in co.find_coalitions(iraq, max_parties=7, **kw)}
    assert frozenset(check.members) in found
    split = co.check_coalition(iraq, "rdc+state-of-law+taqaddum+kdp+puk", **kw)
    assert not split.viable
    assert any("splits the bloc coordination-framework" in f for f in split.failures)


# --- a list with no seat sits in no coalition and supplies no tag ---


def seatless_chamber() -> co.Legislature:
    return co.Legislature(
        name="Seatless",
        size=10,
        parties=[
            co.Party(key="a", name="A", seats=6),
            co.Party(key="b", name="B", seats=4, tags={"x"}),
            co.Party(key="z", name="Z", seats=0, tags={"only-z"}),
            co.Party(
                key="f",
                name="F",
                seats=0,
                factions=[co.Faction(key="f.1", name="F1", seats=0, tags={"armed"})],
            ),
        ],
    )


def test_requiring_a_list_with_no_seat_is_a_clear_error() -> None:
    leg = seatless_chamber()
    message = (
        "'z' holds no seats (under these constraints) and so sits in no coalition; "
        "it cannot be required"
    )
    for call in (
        lambda: list(co.find_coalitions(leg, 6, require={"z"})),
        lambda: co.count_coalitions(leg, 6, require={"z"}),
        lambda: co.check_coalition(leg, "a+z", 6, require={"z"}),
    ):
        with pytest.raises(
            co.ConstraintError, match=message.replace("(", r"\(").replace(")", r"\)")
        ):
            call()
    assert Oracle(leg, 6, co.Constraints(require={"z"})).contradiction()


def test_a_tag_only_a_list_with_no_seat_carries_leaves_no_coalition() -> None:
    leg = seatless_chamber()
    c = co.Constraints(require_tags={"only-z"})
    assert list(co.find_coalitions(leg, 6, constraints=c)) == []
    assert co.count_coalitions(leg, 6, constraints=c) == 0
    assert co.count_coalitions(leg, 6, constraints=c, minimal=False) == 0
    assert list(Oracle(leg, 6, c).coalitions(minimal=False)) == []
    check = co.check_coalition(leg, "a+z", 6, constraints=c)
    assert not check.viable
    assert check.failures == (
        (
            "has no member tagged only-z (only lists with no seat carry it: z; a list with "
            "no seat supplies no tag)"
        ),
    )
    assert check.counted == {"a": 6, "z": 0}
    assert "z holds no seats" in check.notes[-1]


def test_a_list_with_no_seat_changes_no_verdict() -> None:
    leg = seatless_chamber()
    with_z, without = co.check_coalition(leg, "a+z", 6), co.check_coalition(leg, "a", 6)
    assert (with_z.viable, with_z.minimal, with_z.superfluous, with_z.pivotal) == (
        without.viable,
        without.minimal,
        without.superfluous,
        without.pivotal,
    )
    assert [str(c) for c in co.find_coalitions(leg, 6)] == ["a"]
