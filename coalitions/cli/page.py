"""``coalitions page``: a self-contained coalition-builder page (HTML) of a chamber."""

from __future__ import annotations

import argparse
from typing import TextIO

from .. import chart
from ..model import Legislature
from ..scenarios import write_text
from .options import EXIT_OK, Command

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
    parser.add_argument(
        "--labels",
        choices=("key", "name", "native"),
        default="name",
        help="how lists are named in the table (default: name)",
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=8,
        help="how many smallest coalitions to list for each quota (default 8)",
    )
    parser.add_argument("--title", default=None, help="the title (default: the chamber's name)")
    parser.add_argument(
        "--output",
        "-o",
        default=None,
        metavar="FILE",
        help="write the HTML here (default: standard output)",
    )


def _page_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    html = chart.page(
        leg, red_lines=args.red_line, labels=args.labels, limit=args.limit, title=args.title
    )
    if args.output:
        write_text(args.output, html)
    else:
        out.write(html)
    return EXIT_OK


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
