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
import re
from fractions import Fraction
from typing import Final

from .errors import QuotaError

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

    ``present`` (optional) is the number of members present when the rule is measured
    over those present rather than the full house. A bad rule raises
    :class:`~coalitions.errors.QuotaError`.

    >>> quota(100, "two-thirds"), quota(100, Fraction(1, 2)), quota(100, "majority")
    (67, 50, 51)
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise QuotaError(f"'size' must be a whole number >= 1 (got {size!r})")
    base = size
    if present is not None:
        if isinstance(present, bool) or not isinstance(present, int):
            raise QuotaError(f"'present' must be a whole number (got {present!r})")
        if not 1 <= present <= size:
            raise QuotaError(f"'present' must be between 1 and the size {size} (got {present})")
        base = present
    if isinstance(rule, bool):
        raise QuotaError(f"'quota' must be a rule name, a Fraction or a seat count (got {rule!r})")
    if isinstance(rule, str):
        name = _ALIASES.get(rule.strip().lower(), rule.strip().lower())
        if name == "majority":
            return base // 2 + 1
        if name == "two-thirds":
            return -(-2 * base // 3)
        if name == "blocking-third":
            return base - (-(-2 * base // 3)) + 1
        if name == "unanimity":
            return base
        raise QuotaError(
            f"unknown quota rule {rule!r}; expected one of {', '.join(RULE_NAMES)}, "
            "a share such as 3/5 or 60%, or a seat count"
        )
    if isinstance(rule, int):
        if not 1 <= rule <= size:
            raise QuotaError(f"a seat-count quota must be between 1 and {size} (got {rule})")
        return rule
    if isinstance(rule, Fraction):
        if not 0 < rule <= 1:
            raise QuotaError(f"a share quota must be > 0 and <= 1 (got {rule})")
        return max(1, math.ceil(rule * base))
    raise QuotaError(
        f"'quota' must be a rule name, a Fraction or a seat count (got {type(rule).__name__} "
        f"{rule!r}); floats are refused because they are not exact: use Fraction"
    )


_SHARE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*%\s*$")
_RATIO = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")
_COUNT = re.compile(r"^\s*(\d+)\s*$")


def parse_rule(text: str) -> Rule:
    """Read a rule as written on a command line: a name, ``3/5``, ``60%`` or ``165``.

    >>> parse_rule("two-thirds"), parse_rule("3/5"), parse_rule("60%"), parse_rule("165")
    ('two-thirds', Fraction(3, 5), Fraction(3, 5), 165)
    """
    if m := _COUNT.match(text):
        return int(m.group(1))
    if m := _RATIO.match(text):
        if int(m.group(2)) == 0:
            raise QuotaError(f"'quota' share has a zero denominator (got {text!r})")
        return Fraction(int(m.group(1)), int(m.group(2)))
    if m := _SHARE.match(text):
        return Fraction(m.group(1)) / 100
    name = _ALIASES.get(text.strip().lower(), text.strip().lower())
    if name in RULE_NAMES:
        return name
    raise QuotaError(
        f"unknown quota rule {text!r}; expected one of {', '.join(RULE_NAMES)}, "
        "a share such as 3/5 or 60%, or a seat count"
    )
