"""Escaping text for each output format: the one place where names from user files are
made safe to write.

Names, notes and keys come from scenario files that anyone may write, so every writer
escapes them by construction, through one function per format:

=============  =================================================================
format         what is done to text
=============  =================================================================
``html``       ``& < > " '`` become entities (also for SVG text and attributes)
``markdown``   Markdown and HTML punctuation is backslash-escaped or made an entity,
               so a name cannot open a link, an image, a table cell or a tag
``mediawiki``  wiki markup (``| ! { } [ ] ' < >``) becomes entities
``latex``      ``\\ & % $ # _ { } ~ ^ < >`` become LaTeX commands
``rst``        one line, every ASCII punctuation character backslash-escaped (no
               directive such as ``.. raw::``, no inline markup)
``csv``        a cell that a spreadsheet would run as a formula (it begins with
               ``= + - @``, a tab or a carriage return) gets a leading apostrophe
terminal       control characters (escape codes) and bidirectional overrides are
               removed, so a name cannot move the cursor or reorder the line
=============  =================================================================

Every format also drops control characters other than tab and newline.

>>> text("<img src=x onerror=alert(1)>", "html")
'&lt;img src=x onerror=alert(1)&gt;'
>>> text("=HYPERLINK(\\"http://x\\")", "csv")
'\\'=HYPERLINK("http://x")'
>>> text("\\x1b[31mred\\x1b[0m", "table")
'[31mred[0m'
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Final

__all__ = ["FORMULA_PREFIXES", "attribute", "cell", "text"]

#: The first characters that make a spreadsheet treat a CSV cell as a formula.
FORMULA_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")

#: Bidirectional embeddings, overrides and isolates: they reorder what follows them.
_BIDI: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_MARKDOWN: Final = re.compile(r"([\\`*_\[\]|~])")
_RST: Final = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_LATEX: Final = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_WIKI: Final = {c: f"&#{ord(c)};" for c in "|!{}[]'<>&=*#:;~"}


def _controls(value: str, *, bidi: bool) -> str:
    """``value`` without control characters (tab and newline kept), and without the
    bidirectional controls too when ``bidi``."""
    return "".join(
        c
        for c in value
        if c in "\t\n" or not (unicodedata.category(c) == "Cc" or (bidi and c in _BIDI))
    )


def text(value: str, fmt: str) -> str:
    """``value`` made safe as text in format ``fmt`` (any other format is treated as a
    terminal's)."""
    if fmt == "html":
        return html.escape(_controls(value, bidi=False), quote=True)
    if fmt == "markdown":
        plain = _controls(value, bidi=True).replace("\n", " ")
        return _MARKDOWN.sub(r"\\\1", plain).replace("<", "&lt;").replace(">", "&gt;")
    if fmt == "mediawiki":
        return "".join(_WIKI.get(c, c) for c in _controls(value, bidi=False).replace("\n", " "))
    if fmt == "latex":
        return "".join(_LATEX.get(c, c) for c in _controls(value, bidi=False))
    if fmt == "rst":  # one line, every punctuation escaped: no directive, no markup
        plain = _controls(value, bidi=True).replace("\n", " ").replace("\t", " ")
        return _RST.sub(r"\\\1", plain)
    if fmt == "csv":
        return cell(value)
    if fmt == "json":
        return value
    return _controls(value, bidi=True)


def cell(value: str) -> str:
    """A CSV cell: a text a spreadsheet would run as a formula gets a leading apostrophe
    (a number such as ``-3`` is not text and is never changed)."""
    starts = value.startswith(FORMULA_PREFIXES)
    value = _controls(value, bidi=False)
    return "'" + value if starts or value.startswith(FORMULA_PREFIXES) else value


def attribute(value: str) -> str:
    """Text for an XML or HTML attribute value written between double quotes."""
    return html.escape(_controls(value, bidi=False), quote=True)
