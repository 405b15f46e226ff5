"""Quota rules: named rules, shares, seat counts, members present."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import coalitions as co
from coalitions.rules import parse_rule, quota


def test_iraq_quotas(iraq: co.Legislature) -> None:
    # Constitution of Iraq (2005) arts. 55, 59, 76 (majority 165) and art. 70 (two thirds, 220).
    assert iraq.quota("majority") == 165
    assert iraq.quota("two-thirds") == 220
    assert iraq.quota("blocking-third") == 110


def test_kurdistan_majority(kurdistan: co.Legislature) -> None:
    assert kurdistan.quota("majority") == 51


@given(st.integers(1, 2000))
def test_majority_is_more_than_half(n: int) -> None:
    q = quota(n, "majority")
    assert 2 * q > n >= 2 * (q - 1)


@given(st.integers(1, 2000))
def test_two_thirds_is_at_least_two_thirds(n: int) -> None:
    q = quota(n, "two-thirds")
    assert 3 * q >= 2 * n > 3 * (q - 1)
    # a blocking minority is exactly what keeps the rest below two thirds
    block = quota(n, "blocking-third")
    assert 3 * (n - block) < 2 * n <= 3 * (n - block + 1)


@given(st.integers(1, 2000), st.fractions(min_value=Fraction(1, 1000), max_value=1))
def test_share_quota_is_least_seat_count_reaching_share(n: int, f: Fraction) -> None:
    q = quota(n, f)
    assert Fraction(q, n) >= f
    assert q == 1 or Fraction(q - 1, n) < f


@given(st.integers(1, 500), st.data())
def test_present_replaces_the_base(n: int, data: st.DataObject) -> None:
    present = data.draw(st.integers(1, n))
    assert quota(n, "majority", present=present) == quota(present, "majority")


def test_seat_count_rule() -> None:
    assert quota(329, 200) == 200


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("supermajorty", "unknown quota rule 'supermajorty'"),
        (0, "between 1 and 329 (got 0)"),
        (400, "between 1 and 329 (got 400)"),
        (Fraction(3, 2), "> 0 and <= 1 (got 3/2)"),
        (0.5, "floats are refused"),
        (True, "got True"),
    ],
)
def test_bad_rules_are_named(rule: object, message: str) -> None:
    with pytest.raises(co.QuotaError, match=message.replace("(", r"\(").replace(")", r"\)")):
        quota(329, rule)  # type: ignore[arg-type]


def test_bad_present() -> None:
    with pytest.raises(co.QuotaError, match="'present' must be <= 329"):
        quota(329, "majority", present=400)


def test_parse_rule() -> None:
    assert parse_rule("majority") == "majority"
    assert parse_rule("2/3") == Fraction(2, 3)
    assert parse_rule("66.5%") == Fraction(133, 200)
    assert parse_rule("Two-Thirds") == "two-thirds"
    with pytest.raises(co.QuotaError, match="unknown quota rule"):
        parse_rule("most")


# --- quorum-aware rules (Iraq's Constitution, arts. 59 and 70; FSC ruling of 3 Feb 2022) ---


def test_iraqi_rules_at_329() -> None:
    # art. 59: quorum of an absolute majority (165), then a majority of those present
    assert co.rules.quota(329, "simple-majority") == 165
    assert co.rules.quorum(329, "simple-majority") == 165
    assert co.rules.quota(329, "simple-majority", present=200) == 101
    # art. 70 and the 2022 ruling: two thirds of the members, two thirds present
    assert co.rules.quota(329, "presidential") == 220
    assert co.rules.quorum(329, "presidential") == 220
    # run-off: a majority of those voting, but the session still needs its quorum
    assert co.rules.quota(329, "run-off", present=220) == 111
    assert co.rules.quota(329, "run-off") == 220  # the others can stay away
    with pytest.raises(co.QuotaError, match="no quorum: 202 members present, 220 needed"):
        co.rules.quota(329, "run-off", present=202)


VOTES = st.sampled_from(
    [
        *co.rules.VOTES.values(),
        co.rules.Vote(Fraction(3, 5), base="present", quorum=Fraction(1, 3)),
        co.rules.Vote(4, base="present", quorum="two-thirds"),
    ]
)


@given(VOTES, st.integers(4, 40), st.data())
def test_quota_is_what_a_coalition_passes_whatever_the_others_do(
    vote: co.rules.Vote, size: int, data: st.DataObject
) -> None:
    # brute force over attendance: the coalition (c seats) attends and votes yes; any
    # number of the others attend and vote no
    c = data.draw(st.integers(1, size))

    def passes(present: int) -> bool:
        try:
            return c >= co.rules.quota(size, vote, present=present)
        except co.QuotaError:  # no quorum: nothing passes
            return False

    try:
        needed = co.rules.quota(size, vote)
    except co.QuotaError:
        return  # a seat count larger than the chamber
    assert (c >= needed) == all(passes(p) for p in range(c, size + 1))


def test_an_explicit_vote_keeps_its_base() -> None:
    assert co.rules.quota(329, co.rules.Vote("majority", base="members"), present=200) == 165
    assert co.rules.quota(329, "majority", present=200) == 101
    with pytest.raises(co.QuotaError, match="'base' must be"):
        co.rules.Vote("majority", base="bogus")  # type: ignore[arg-type]


def test_required_tags_are_bounded(kurdistan: co.Legislature) -> None:
    tags = [f"t{i}" for i in range(13)]
    parties = [co.Party(key=f"p{i}", name="P", seats=1, tags={t}) for i, t in enumerate(tags)]
    leg = co.Legislature(name="X", size=13, parties=parties)
    with pytest.raises(co.LimitError, match="MAX_REQUIRED_TAGS"):
        co.count_coalitions(leg, require_tags=tags)
