"""``coalitions diagram``: a hemicycle diagram (SVG) of a chamber."""

from __future__ import annotations

import argparse
from typing import TextIO

from .. import chart
from ..model import Legislature
from .options import Command, add_labels, add_output, add_quota, write_output

__all__ = ["COMMANDS", "DIAGRAM"]


def _diagram_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--coalition",
        "-c",
        default=None,
        metavar="A+B",
        help="a coalition to place first (the rest is greyed)",
    )
    add_quota(parser)
    parser.add_argument("--title", default=None, help="the title (default: the chamber's name)")
    parser.add_argument("--blocs", action="store_true", help="outline the blocs")
    add_labels(parser, "key", "legend labels")
    parser.add_argument("--width", type=int, default=640, help="width in pixels (default 640)")
    add_output(parser, "SVG")


def _diagram_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    svg = chart.hemicycle(
        leg,
        coalition=args.coalition,
        quota=args.quota,
        title=args.title,
        blocs=args.blocs,
        labels=args.labels,
        width=args.width,
    )
    return write_output(args, svg, out)


DIAGRAM = Command(
    "diagram",
    "a hemicycle diagram (SVG) of a chamber, with a coalition and the quota line",
    "examples:\n"
    "  coalitions diagram iraq-2025 --coalition rdc+kdp+taqaddum -o chamber.svg\n"
    "  coalitions diagram kurdistan-2024 --coalition kdp+puk --title 'Erbil, 2024'\n"
    "  coalitions diagram iraq-2025 --blocs --quota two-thirds -o blocs.svg",
    _diagram_args,
    run_on=_diagram_run,
)
COMMANDS = (DIAGRAM,)
