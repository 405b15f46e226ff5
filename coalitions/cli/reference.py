"""The command-line reference, written from the parser: every command's ``--help``, as
Markdown. The documentation build writes it (``docs/conf.py``), so the reference cannot
drift from the command; ``tests/test_cli_reference.py`` checks it against ``--help``.
"""

from __future__ import annotations

import argparse
import functools
from typing import Any, Final

from .command import build_parser

__all__ = ["WIDTH", "help_texts", "markdown"]

#: The width of the help texts in the reference (argparse's ``COLUMNS`` minus 2).
WIDTH: Final = 88


def _formatted(parser: argparse.ArgumentParser, width: int) -> str:
    cls: Any = parser.formatter_class
    parser.formatter_class = functools.partial(cls, width=width)
    return parser.format_help()


def help_texts(width: int = WIDTH) -> dict[str, str]:
    """``coalitions --help`` and every ``coalitions COMMAND --help``, by command line,
    wrapped at ``width`` characters."""
    parser = build_parser()
    texts = {"coalitions": _formatted(parser, width)}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                texts[f"coalitions {name}"] = _formatted(sub, width)
    return texts


def markdown(width: int = WIDTH, level: int = 3) -> str:
    """The help texts as Markdown: a heading and a text block per command."""
    parts = []
    for command, text in help_texts(width).items():
        parts += [f"{'#' * level} `{command}`", "", "```text", text.rstrip("\n"), "```", ""]
    return "\n".join(parts)
