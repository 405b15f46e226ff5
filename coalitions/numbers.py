"""The one reader of exact numbers and whole numbers, for every file, rule and argument.

- :func:`exact` reads an exact :class:`~fractions.Fraction` from an ``int``, a
  ``Fraction``, a ``Decimal`` or text (``"3/5"``, ``"0.6"``, ``"60%"``, ``"1e-3"``);
  a ``float`` is refused with a hint (it is not exact) unless the caller allows it, and
  then it is read as the decimal it prints as (``0.1`` is ``1/10``).
- :func:`whole` reads a whole number (an ``int``, never a ``bool``), with bounds.
- :func:`whole_problem` and :func:`exact_problem` say what is wrong without raising, for
  validators that collect every problem at once.

Both refuse what would take unbounded time or memory before any arithmetic is done:
more than :data:`MAX_DIGITS` digits, or a decimal exponent beyond :data:`MAX_EXPONENT`
(``"1e10000000"`` would otherwise compute ``10**10000000``).

>>> exact("60%"), exact("3/5"), exact("0.6"), exact(3)
(Fraction(3, 5), Fraction(3, 5), Fraction(3, 5), Fraction(3, 1))
>>> exact(0.6)
Traceback (most recent call last):
...
coalitions.errors.NumberError: expected an exact number such as '3/5', '60%' or '0.6' ...
>>> whole(-3, field="seats", low=0, context=" for party 'kdp'")
Traceback (most recent call last):
...
coalitions.errors.NumberError: 'seats' must be >= 0 (got -3) for party 'kdp'
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction
from typing import Final

from .errors import NumberError, _short
from .limits import MAX_DIGITS, MAX_EXPONENT

__all__ = [
    "MAX_DIGITS",
    "MAX_EXPONENT",
    "exact",
    "exact_problem",
    "is_whole",
    "whole",
    "whole_problem",
]


_DECIMAL: Final = re.compile(r"^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$")
_RATIO: Final = re.compile(r"^([+-]?\d+)\s*/\s*(\d+)$")
_HINT: Final = "an exact number such as '3/5', '60%' or '0.6'"


def is_whole(value: object) -> bool:
    """Whether ``value`` is an ``int`` and not a ``bool``."""
    return isinstance(value, int) and not isinstance(value, bool)


def whole_problem(value: object, *, low: int | None = None, high: int | None = None) -> str | None:
    """What is wrong with ``value`` as a whole number in ``[low, high]``, or ``None``.

    >>> whole_problem(True), whole_problem(3, low=5), whole_problem(3)
    ('must be a whole number (got bool True)', 'must be >= 5 (got 3)', None)
    """
    if not isinstance(value, int) or isinstance(value, bool):
        return f"must be a whole number (got {type(value).__name__} {_short(value)})"
    if _too_long(value):
        return f"must have at most {MAX_DIGITS} digits (got a number of about {_digits(value)})"
    if low is not None and value < low:
        return f"must be >= {low} (got {value})"
    if high is not None and value > high:
        return f"must be <= {high} (got {value})"
    return None


def whole(
    value: object,
    *,
    field: str,
    low: int | None = None,
    high: int | None = None,
    context: str = "",
    error: type[Exception] = NumberError,
) -> int:
    """``value`` as a whole number in ``[low, high]``, or ``error`` naming ``field``.

    ``context`` is appended to the message (``" for party 'kdp'"``).

    >>> whole(5, field="limit", low=0)
    5
    """
    problem = whole_problem(value, low=low, high=high)
    if problem is not None or not isinstance(value, int):
        raise error(f"{field!r} {problem}{context}")
    return value


def exact_problem(value: object, *, floats: bool = False) -> str | None:
    """What is wrong with ``value`` as an exact number, or ``None``; see :func:`exact`."""
    try:
        exact(value, floats=floats)
    except NumberError as err:
        return str(err)
    return None


def exact(value: object, *, floats: bool = False, field: str = "", context: str = "") -> Fraction:
    """An exact :class:`~fractions.Fraction` from ``value``.

    Accepts ``int``, ``Fraction``, ``Decimal`` and text: ``"3/5"``, ``"0.6"``, ``"60%"``,
    ``"1.5e-2"``. ``floats=True`` also accepts a finite ``float``, read as the decimal it
    prints as. Anything else raises :class:`~coalitions.errors.NumberError`, whose
    message names ``field`` when given.

    >>> exact("12.5%"), exact(Decimal("0.25")), exact(0.1, floats=True)
    (Fraction(1, 8), Fraction(1, 4), Fraction(1, 10))
    """
    try:
        return _exact(value, floats)
    except NumberError as err:
        if not field:
            raise
        raise NumberError(f"{field!r}: {err}{context}") from None


def _exact(value: object, floats: bool) -> Fraction:
    if isinstance(value, bool):
        raise NumberError(f"expected {_HINT} (got bool {value!r})")
    if isinstance(value, int):
        if _too_long(value):
            raise NumberError(f"expected at most {MAX_DIGITS} digits (got about {_digits(value)})")
        return Fraction(value)
    if isinstance(value, Fraction):
        if _too_long(value.numerator) or _too_long(value.denominator):
            raise NumberError(f"expected at most {MAX_DIGITS} digits in a fraction")
        return value
    if isinstance(value, float):
        if not floats:
            raise NumberError(
                f"expected {_HINT} (got float {value!r}); floats are not exact: "
                "write it as text or use Fraction"
            )
        if not math.isfinite(value):
            raise NumberError(f"expected a finite number (got {value!r})")
        return _text(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise NumberError(f"expected a finite number (got {value!r})")
        return _text(str(value))
    if isinstance(value, str):
        return _text(value)
    raise NumberError(f"expected {_HINT} (got {type(value).__name__} {_short(value)})")


def _text(raw: str) -> Fraction:
    text = raw.strip().replace("_", "")
    if len(text) > MAX_DIGITS + 20:
        raise NumberError(f"expected at most {MAX_DIGITS} digits (got {len(text)} characters)")
    percent = text.endswith("%")
    if percent:
        text = text[:-1].strip()
    if m := _RATIO.match(text):
        if int(m.group(2)) == 0:
            raise NumberError(f"expected a fraction with a denominator > 0 (got {_short(raw)})")
        value = Fraction(int(m.group(1)), int(m.group(2)))
    elif (m := _DECIMAL.match(text)) and (m.group(2) or m.group(3)):
        sign, whole_part, frac_part, exp = m.groups()
        frac_part = frac_part or ""
        shift = int(exp) if exp else 0
        if abs(shift) > MAX_EXPONENT:
            raise NumberError(
                f"expected an exponent between -{MAX_EXPONENT} and {MAX_EXPONENT} "
                f"(got {_short(raw)})"
            )
        digits = int((whole_part or "0") + frac_part)
        shift -= len(frac_part)
        value = Fraction(digits * 10**shift) if shift >= 0 else Fraction(digits, 10**-shift)
        if sign == "-":
            value = -value
    else:
        raise NumberError(f"expected {_HINT} (got {_short(raw)})")
    return value / 100 if percent else value


def _too_long(n: int) -> bool:
    return n.bit_length() > MAX_DIGITS * 3.33  # about MAX_DIGITS decimal digits


def _digits(n: int) -> int:
    return int(n.bit_length() * 0.30103) + 1
