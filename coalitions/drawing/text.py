"""Text in a picture: a generous width estimate, shortening, and right-to-left text
written so that it is anchored where left-to-right text would be."""

from __future__ import annotations

import unicodedata
from typing import Final

from ..escape import text as _text_escape

__all__ = ["shorten", "text_width"]


def _is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


#: Letters of the Arabic script used by Kurdish (Sorani) and not by Arabic.
_KURDISH: Final = frozenset("ێەڵۆڕڤگچژپ")


def _lang(text: str) -> str:
    """``ckb`` for Kurdish (Sorani) text, ``ar`` for other right-to-left text."""
    return "ckb" if any(ch in _KURDISH for ch in text) else "ar"


def _char_width(ch: str) -> float:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch in " .,:;'|!ilIjft()[]-":
        return 0.4
    if ch in "mwMW@%…":
        return 1.0
    if ch.isupper() or ch.isdigit():
        return 0.74
    return 0.62


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """A generous estimate of the width in pixels of ``text`` at font ``size``: every
    layout decision (shortening labels, columns, the centre's font) uses it, and the
    browser tests check it against Chromium's own measure of the built-in names.

    >>> text_width("kdp (39)", 12) > 0
    True
    """
    return sum(_char_width(ch) for ch in text) * size * (1.1 if bold else 1.0)


def shorten(text: str, room: float, size: float, *, bold: bool = False) -> str:
    """``text``, cut and ended with ``…`` so that it fits ``room`` pixels at ``size``.

    >>> shorten("National Determination (al-Hasm al-Watani)", 120, 12)
    'National Determ…'
    """
    if text_width(text, size, bold=bold) <= room:
        return text
    cut = text
    while cut and text_width(cut.rstrip() + "…", size, bold=bold) > room:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def _text(
    x: float,
    y: float,
    text: str,
    *,
    cls: str,
    anchor: str = "start",
    size: float = 12,
    weight: str | None = None,
) -> str:
    """A ``<text>``. Right-to-left text gets ``direction="rtl"``, under which the start
    of the text is its right edge: ``anchor`` is always given as for left-to-right text
    (``start``: the text begins at ``x`` and runs rightwards) and swapped here."""
    rtl = _is_rtl(text)
    if rtl and anchor != "middle":
        anchor = "end" if anchor == "start" else "start"
    attrs_ = [
        f'x="{x:.2f}"',
        f'y="{y:.2f}"',
        f'class="{cls}"',
        f'font-size="{size:g}"',
        f'text-anchor="{anchor}"',
    ]
    if weight:
        attrs_.append(f'font-weight="{weight}"')
    if rtl:
        attrs_.append(f'direction="rtl" unicode-bidi="embed" xml:lang="{_lang(text)}"')
    return f"<text {' '.join(attrs_)}>{_text_escape(text, 'html')}</text>"
