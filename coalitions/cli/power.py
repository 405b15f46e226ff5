"""``coalitions power``: power indices side by side with seats."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from .. import power, report
from ..model import Legislature
from .options import (
    EXIT_OK,
    Command,
    add_constraints,
    add_format,
    add_quota,
    constraints_from,
    emit,
    uncounted_line,
)

__all__ = ["COMMANDS", "POWER"]


def _power_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--index",
        "-i",
        action="append",
        default=[],
        metavar="NAME",
        help="an index: banzhaf, penrose, shapley-shubik, deegan-packel, public-good, "
        "johnston, owen, owen-banzhaf, coleman-prevent, coleman-initiate (repeatable; "
        "default: the first five)",
    )
    add_quota(parser)
    add_constraints(parser)
    add_format(parser)


def _power_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    which = tuple(args.index) if args.index else power.DEFAULT_INDICES
    constraints = constraints_from(args)
    table = power.indices(leg, args.quota, which=which, constraints=constraints)
    rows = table.rows()
    uncounted = uncounted_line(leg, args.quota, constraints)
    if uncounted:
        emit(sys.stderr if args.format in ("csv", "json") else out, uncounted)
    if args.format == "json":
        payload = {"quota": leg.quota(args.quota), "indices": list(table.indices), "rows": rows}
        emit(out, report.to_json(payload, exact=args.exact))
    else:
        columns = report.power_columns(table.indices)
        emit(out, report.render(rows, columns=columns, fmt=args.format, exact=args.exact))
    return EXIT_OK


POWER = Command(
    "power",
    "power indices side by side with seats: who really holds the balance",
    "examples:\n"
    "  coalitions power kurdistan-2024\n"
    "  coalitions power iraq-2025 --index banzhaf --index shapley-shubik --quota two-thirds\n"
    "  coalitions power iraq-2025 --exclude-tag militia-affiliated \\\n"
    "      --keep-together coordination-framework --index shapley-shubik --index owen\n"
    "gap: the first index minus the seat share.",
    _power_args,
    run_on=_power_run,
)
COMMANDS = (POWER,)
