"""``coalitions page``: a self-contained coalition-builder page (HTML) of a chamber."""

from __future__ import annotations

import argparse
from typing import TextIO

from .. import chart
from ..model import Legislature
from .options import Command, add_labels, add_output, write_output

__all__ = ["COMMANDS", "PAGE"]


def _page_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--red-line",
        action="append",
        default=None,
        metavar="TAG",
        help="a tag offered as a red-line toggle; repeatable (default: militia-affiliated "
        "and declared-opposition where the chamber has them)",
    )
    add_labels(parser, "name", "how lists are named in the table")
    parser.add_argument(
        "--limit",
        type=int,
        default=8,
        help="how many smallest coalitions to list for each quota (default 8)",
    )
    parser.add_argument("--title", default=None, help="the title (default: the chamber's name)")
    add_output(parser, "HTML")


def _page_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    html = chart.page(
        leg, red_lines=args.red_line, labels=args.labels, limit=args.limit, title=args.title
    )
    return write_output(args, html, out)


PAGE = Command(
    "page",
    "a self-contained coalition-builder page (one HTML file, nothing fetched when viewed)",
    "examples:\n"
    "  coalitions page iraq-2025 -o iraq.html\n"
    "  coalitions page kurdistan-2024 --labels native -o erbil.html",
    _page_args,
    run_on=_page_run,
)
COMMANDS = (PAGE,)
