"""Quota rules: how many seats a decision needs, and how many members must be present.

A *rule* is one of

- ``"majority"``: more than half of the members, ``floor(n / 2) + 1``;
- ``"two-thirds"``: at least two thirds of the members, ``ceil(2n / 3)``;
- ``"blocking-third"``: the seats that deny a two-thirds vote, ``n - ceil(2n / 3) + 1``;
- ``"unanimity"``: every member;
- ``"simple-majority"``: Iraqi usage (Constitution, art. 59): a quorum of an absolute
  majority of the members present, then a majority of those present;
- ``"presidential"``: the first round electing Iraq's President (art. 70), two thirds
  of the members, with a quorum of two thirds present (Federal Supreme Court,
  3 February 2022);
- ``"run-off"``: the second round, most votes among the top two, so a majority of those
  voting, in a session that still needs the two-thirds quorum;
- a :class:`~fractions.Fraction` ``f`` with ``0 < f <= 1``: at least that share,
  ``ceil(f * n)`` (so ``Fraction(1, 2)`` is *at least* half, which is not ``"majority"``);
- an ``int`` ``q`` with ``1 <= q <= size``: exactly that many seats;
- a :class:`Vote`: any threshold, over the members or those present, with any quorum.

A rule measured over those present needs fewer votes when fewer attend, but the quorum
must be there: what a coalition can pass *whatever the others do* (they may attend and
vote no, or stay away and deny the quorum) is :func:`quota` with the whole house,
``max(threshold of all members, quorum)``. With ``present=`` the quota is counted over
those present (and a sitting without its quorum is an error).

>>> quota(329, "majority"), quota(329, "two-thirds"), quota(329, "blocking-third")
(165, 220, 110)
>>> quota(329, "simple-majority"), quota(329, "simple-majority", present=200)
(165, 101)
>>> quota(329, "run-off"), quorum(329, "run-off")
(220, 220)
>>> quota(329, Fraction(3, 5))
198
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Final, Literal

import attrs

from . import numbers
from .errors import NumberError, QuotaError, _short, unknown

__all__ = [
    "RULE_NAMES",
    "Rule",
    "Vote",
    "parse_rule",
    "quorum",
    "quota",
    "rules_of",
    "vote_of",
]

#: A plain threshold: a named share of the base, a share, or a seat count.
Threshold = str | Fraction | int

_SHARES: Final = ("majority", "two-thirds", "blocking-third", "unanimity")


@attrs.frozen
class Vote:
    """A decision rule: ``threshold`` of the ``base`` (``"members"``, the whole house, or
    ``"present"``, those in the sitting), once ``quorum`` members are present.

    >>> Vote("majority", base="present", quorum="majority").needed(329)
    165
    """

    threshold: Threshold
    base: Literal["members", "present"] = "members"
    quorum: Threshold | None = None
    name: str | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.base not in ("members", "present"):
            raise QuotaError(f"'base' must be 'members' or 'present' (got {_short(self.base)})")

    def quorum_seats(self, size: int) -> int:
        """The members who must be present (0 when the rule has no quorum)."""
        return 0 if self.quorum is None else _share(size, self.quorum, size)

    def needed(self, size: int, present: int | None = None) -> int:
        """The votes in favour needed with ``present`` members in the sitting (the whole
        house when ``None``: then also at least the quorum, which a coalition must be
        able to bring alone if the others stay away)."""
        q = self.quorum_seats(size)
        if present is not None:
            numbers.whole(present, field="present", low=1, high=size, error=QuotaError)
        if present is None:
            return max(_share(size, self.threshold, size), q)
        if present < q:
            raise QuotaError(f"no quorum: {present} members present, {q} needed for {self.label()}")
        base = present if self.base == "present" else size
        return _share(base, self.threshold, size)

    def label(self) -> str:
        """The rule's name, or a description of it."""
        if self.name:
            return self.name
        over = "of those present" if self.base == "present" else "of the members"
        text = f"{self.threshold} {over}"
        return f"{text}, quorum {self.quorum}" if self.quorum is not None else text


#: What a quota rule may be: a name, a share, a seat count, or a :class:`Vote`.
Rule = str | Fraction | int | Vote

#: The named rules, each a :class:`Vote`.
VOTES: Final[dict[str, Vote]] = {
    "majority": Vote("majority", name="majority"),
    "two-thirds": Vote("two-thirds", name="two-thirds"),
    "blocking-third": Vote("blocking-third", name="blocking-third"),
    "unanimity": Vote("unanimity", name="unanimity"),
    "simple-majority": Vote("majority", base="present", quorum="majority", name="simple-majority"),
    "presidential": Vote("two-thirds", quorum="two-thirds", name="presidential"),
    "run-off": Vote("majority", base="present", quorum="two-thirds", name="run-off"),
}

#: The named rules with a one-line definition each.
RULE_NAMES: Final[dict[str, str]] = {
    "majority": "more than half of the members: floor(n/2) + 1",
    "two-thirds": "at least two thirds of the members: ceil(2n/3)",
    "blocking-third": "enough seats to deny a two-thirds vote: n - ceil(2n/3) + 1",
    "unanimity": "every member: n",
    "simple-majority": (
        "a majority of those present, with a quorum of an absolute majority of the members "
        "(Iraq, art. 59)"
    ),
    "presidential": (
        "two thirds of the members, with a quorum of two thirds present "
        "(Iraq, art. 70; Federal Supreme Court, 3 Feb 2022)"
    ),
    "run-off": (
        "most votes among the top two, a majority of those voting, with the session's "
        "two-thirds quorum (Iraq, art. 70)"
    ),
}
_ALIASES: Final[dict[str, str]] = {
    "absolute-majority": "majority",
    "2/3": "two-thirds",
    "two-third": "two-thirds",
    "supermajority": "two-thirds",
    "all": "unanimity",
    "president": "presidential",
    "runoff": "run-off",
    "second-round": "run-off",
}


def _share(base: int, threshold: Threshold, size: int) -> int:
    """Seats needed under a plain threshold over ``base`` (a seat count is absolute)."""
    if isinstance(threshold, bool):
        raise QuotaError(_bad_rule(threshold))
    if isinstance(threshold, str):
        if threshold == "majority":
            return base // 2 + 1
        if threshold == "two-thirds":
            return -(-2 * base // 3)
        if threshold == "blocking-third":
            return base - (-(-2 * base // 3)) + 1
        if threshold == "unanimity":
            return base
        raise QuotaError(unknown("threshold", threshold, _SHARES))
    if isinstance(threshold, int):
        if not 1 <= threshold <= size:
            raise QuotaError(f"a seat-count quota must be between 1 and {size} (got {threshold})")
        return threshold
    if isinstance(threshold, Fraction):
        if not 0 < threshold <= 1:
            raise QuotaError(f"a share quota must be > 0 and <= 1 (got {threshold})")
        return max(1, math.ceil(threshold * base))
    raise QuotaError(_bad_rule(threshold))


def vote_of(rule: Rule) -> Vote:
    """The :class:`Vote` a rule stands for (names and text are read with
    :func:`parse_rule`)."""
    if isinstance(rule, Vote):
        return rule
    if isinstance(rule, str):
        rule = parse_rule(rule)
        if isinstance(rule, str):
            return VOTES[rule]
    if isinstance(rule, bool) or not isinstance(rule, int | Fraction):
        raise QuotaError(_bad_rule(rule))
    return Vote(rule)


def _bad_rule(rule: object) -> str:
    if isinstance(rule, bool):
        return f"'quota' must be a rule name, a Fraction or a seat count (got {rule!r})"
    return (
        f"'quota' must be a rule name, a Fraction or a seat count (got {type(rule).__name__} "
        f"{_short(rule)}); floats are refused because they are not exact: use Fraction"
    )


def quota(size: int, rule: Rule = "majority", *, present: int | None = None) -> int:
    """Seats needed under ``rule`` in a chamber of ``size`` seats.

    ``rule`` is a name, a :class:`~fractions.Fraction`, a seat count, the text of one of
    these (``"60%"``, ``"3/5"``, ``"165"``; see :func:`parse_rule`), or a :class:`Vote`.
    ``present`` (optional) is the number of members in the sitting: a rule over those
    present is then counted over them, and a plain rule (``"majority"``, a share) too, as
    before. A bad rule, or a sitting without its quorum, raises
    :class:`~coalitions.errors.QuotaError`.

    >>> quota(100, "two-thirds"), quota(100, Fraction(1, 2)), quota(100, "60%")
    (67, 50, 60)
    >>> quota(329, "majority", present=200)
    101
    """
    numbers.whole(size, field="size", low=1, error=QuotaError)
    if present is not None:
        numbers.whole(present, field="present", low=1, high=size, error=QuotaError)
    vote = vote_of(rule)
    if present is not None and not isinstance(rule, Vote) and vote.quorum is None:
        vote = attrs.evolve(vote, base="present")  # a plain rule, counted over those present
    return vote.needed(size, present)


def rules_of(value: object, field: str = "report_quotas") -> tuple[Rule, ...]:
    """A sequence of rules as given (one rule alone is a sequence of one); each is read
    when used. Anything else is a :class:`~coalitions.errors.QuotaError` naming ``field``.

    >>> rules_of("two-thirds"), rules_of(["majority", 200])
    (('two-thirds',), ('majority', 200))
    """
    if value is None:
        return ()
    if isinstance(value, str | int | Fraction | Vote) and not isinstance(value, bool):
        return (value,)
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(value)
    raise QuotaError(f"{field!r} must be a list of quota rules (got {_short(value)})")


def quorum(size: int, rule: Rule = "majority") -> int:
    """The members who must be present for ``rule`` (0 when it has no quorum).

    >>> quorum(329, "simple-majority"), quorum(329, "majority")
    (165, 0)
    """
    numbers.whole(size, field="size", low=1, error=QuotaError)
    return vote_of(rule).quorum_seats(size)


_ALSO: Final = "a share such as 3/5 or 60%, or a seat count"


def parse_rule(text: str) -> str | Fraction | int:
    """Read a rule as written on a command line: a name, ``3/5``, ``60%`` or ``165``.

    >>> parse_rule("two-thirds"), parse_rule("3/5"), parse_rule("60%"), parse_rule("165")
    ('two-thirds', Fraction(3, 5), Fraction(3, 5), 165)
    """
    if not isinstance(text, str):
        raise QuotaError(f"'quota' must be text (got {type(text).__name__} {_short(text)})")
    try:
        value = numbers.exact(text)
    except NumberError:
        name = _ALIASES.get(text.strip().lower(), text.strip().lower())
        if name in RULE_NAMES:
            return name
        raise QuotaError(unknown("quota rule", text, RULE_NAMES, also=_ALSO)) from None
    plain = not any(c in text for c in "%/.eE")
    if plain and value.denominator == 1:
        return value.numerator
    return value
