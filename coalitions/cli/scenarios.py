"""``coalitions scenarios``, ``show`` and ``validate``: the chambers and their files."""

from __future__ import annotations

import argparse
from typing import TextIO

from .. import report
from ..errors import ScenarioError
from ..model import Legislature
from ..scenarios import describe_scenarios, read_scenario
from .options import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    Command,
    add_format,
    emit,
    terminal,
    terminal_width,
)

__all__ = ["COMMANDS", "SCENARIOS", "SHOW", "VALIDATE"]


def _scenarios_run(args: argparse.Namespace, out: TextIO) -> int:
    records = [{"name": k, "description": v} for k, v in describe_scenarios().items()]
    emit(out, report.render(records, columns=report.COLUMNS["scenarios"], fmt=args.format))
    return EXIT_OK


def _show_args(parser: argparse.ArgumentParser) -> None:
    add_format(parser)
    parser.add_argument(
        "--file-order",
        dest="order",
        action="store_const",
        const="file",
        default="seats",
        help="parties as the file lists them (default: by seats, largest first)",
    )
    fit = parser.add_mutually_exclusive_group()
    fit.add_argument(
        "--wide",
        action="store_true",
        help="every column, however wide (default: fit the terminal, leaving out tags, "
        "then blocs, then names)",
    )
    fit.add_argument(
        "--width",
        type=int,
        metavar="N",
        help="fit the tables to N characters (default: the terminal's width, when printing "
        "to a terminal)",
    )


def _show_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    width = None if args.wide else (args.width or terminal_width(out))
    emit(out, report.show(leg, args.format, exact=args.exact, order=args.order, width=width))
    return EXIT_OK


def _validate_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="FILE", help="a .toml or .json scenario file")


def _validate_run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        leg = read_scenario(args.path)
    except ScenarioError as err:
        count = len(err.problems)
        emit(out, terminal(f"{err.source}: {count} problem{'s' if count != 1 else ''}"))
        for path, message in err.problems:
            emit(out, terminal(f"  {path or '(file)'}: {message}"))
        return EXIT_CHECK_FAILED
    emit(
        out,
        f"{args.path}: valid · {leg.name} · {len(leg.parties)} parties, "
        f"{leg.seated} of {leg.size} seats, {len(leg.blocs)} blocs",
    )
    return EXIT_OK


SCENARIOS = Command(
    "scenarios",
    "list the built-in scenarios",
    "example:\n  coalitions scenarios --format markdown",
    add_format,
    run=_scenarios_run,
)
SHOW = Command(
    "show",
    "show a chamber: seats, shares, tags, blocs and quotas",
    "examples:\n  coalitions show iraq-2025\n  coalitions show kurdistan-2024 --format markdown"
    "\n  coalitions show my-chamber.toml --format json\n  coalitions show iraq-2025 --wide",
    _show_args,
    run_on=_show_run,
)
VALIDATE = Command(
    "validate",
    "check a scenario file and report every problem (exit 1 if any)",
    "example:\n  coalitions validate my-chamber.toml",
    _validate_args,
    run=_validate_run,
)
COMMANDS = (SCENARIOS, SHOW, VALIDATE)
