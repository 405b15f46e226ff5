"""Quota rules: how many seats a decision needs.

A *rule* is one of

- ``"majority"``: more than half, ``floor(base / 2) + 1``;
- ``"two-thirds"``: at least two thirds, ``ceil(2 * base / 3)``;
- ``"blocking-third"``: the seats that deny a two-thirds vote, ``base - ceil(2 * base / 3) + 1``;
- ``"unanimity"``: every seat of the base;
- a :class:`~fractions.Fraction` ``f`` with ``0 < f <= 1``: at least that share,
  ``ceil(f * base)`` (so ``Fraction(1, 2)`` is *at least* half, which is not ``"majority"``);
- an ``int`` ``q`` with ``1 <= q <= size``: exactly that many seats, whatever the base.

The *base* is the chamber's full size (``size``) unless ``present`` is given, for rules
measured over the members present in the sitting.

>>> quota(329, "majority"), quota(329, "two-thirds"), quota(329, "blocking-third")
(165, 220, 110)
>>> quota(100, "majority")
51
>>> quota(329, "majority", present=200)
101
>>> quota(329, Fraction(3, 5))
198
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Final

from . import numbers
from .errors import NumberError, QuotaError, _short, unknown

__all__ = ["RULE_NAMES", "Rule", "parse_rule", "quota"]

#: What a quota rule may be: a named rule, a share, or a seat count.
Rule = str | Fraction | int

#: The named rules with a one-line definition each.
RULE_NAMES: Final[dict[str, str]] = {
    "majority": "more than half of the seats: floor(n/2) + 1",
    "two-thirds": "at least two thirds of the seats: ceil(2n/3)",
    "blocking-third": "enough seats to deny a two-thirds vote: n - ceil(2n/3) + 1",
    "unanimity": "every seat: n",
}
_ALIASES: Final[dict[str, str]] = {
    "absolute-majority": "majority",
    "simple-majority": "majority",
    "2/3": "two-thirds",
    "two-third": "two-thirds",
    "supermajority": "two-thirds",
    "all": "unanimity",
}


def quota(size: int, rule: Rule = "majority", *, present: int | None = None) -> int:
    """Seats needed under ``rule`` in a chamber of ``size`` seats.

    ``rule`` is a name, a :class:`~fractions.Fraction`, a seat count, or the text of one
    of these (``"60%"``, ``"3/5"``, ``"165"``; see :func:`parse_rule`). ``present``
    (optional) is the number of members present when the rule is measured over those
    present rather than the full house. A bad rule raises
    :class:`~coalitions.errors.QuotaError`.

    >>> quota(100, "two-thirds"), quota(100, Fraction(1, 2)), quota(100, "60%")
    (67, 50, 60)
    """
    numbers.whole(size, field="size", low=1, error=QuotaError)
    base = size
    if present is not None:
        numbers.whole(present, field="present", low=1, high=size, error=QuotaError)
        base = present
    if isinstance(rule, bool):
        raise QuotaError(f"'quota' must be a rule name, a Fraction or a seat count (got {rule!r})")
    if isinstance(rule, str):
        rule = parse_rule(rule)
    if isinstance(rule, str):
        if rule == "majority":
            return base // 2 + 1
        if rule == "two-thirds":
            return -(-2 * base // 3)
        if rule == "blocking-third":
            return base - (-(-2 * base // 3)) + 1
        return base  # unanimity
    if numbers.is_whole(rule):
        assert isinstance(rule, int)  # narrowed for the type checker
        if not 1 <= rule <= size:
            raise QuotaError(f"a seat-count quota must be between 1 and {size} (got {rule})")
        return rule
    if isinstance(rule, Fraction):
        if not 0 < rule <= 1:
            raise QuotaError(f"a share quota must be > 0 and <= 1 (got {rule})")
        return max(1, math.ceil(rule * base))
    raise QuotaError(
        f"'quota' must be a rule name, a Fraction or a seat count (got {type(rule).__name__} "
        f"{_short(rule)}); floats are refused because they are not exact: use Fraction"
    )


_ALSO: Final = "a share such as 3/5 or 60%, or a seat count"


def parse_rule(text: str) -> Rule:
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
