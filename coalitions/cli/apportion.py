"""``coalitions allocate`` and ``methods``: seats from votes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

import attrs

from .. import apportion, report
from ..scenarios import write_scenario
from .options import EXIT_OK, Command, add_format, emit

__all__ = ["ALLOCATE", "COMMANDS", "METHODS"]


def _allocate_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        metavar="FILE",
        help="votes: a CSV file (list,votes[,district]) or a TOML districts file",
    )
    parser.add_argument(
        "--seats",
        "-s",
        type=int,
        metavar="N",
        help="seats to fill (for a CSV file, or a TOML file without seats)",
    )
    parser.add_argument(
        "--method",
        "-m",
        default=None,
        help="an apportionment method (see `coalitions methods`; default dhondt)",
    )
    parser.add_argument(
        "--threshold",
        "-t",
        default=None,
        metavar="SHARE",
        help="a share such as 5%% or 1/20, or a vote count",
    )
    parser.add_argument(
        "--national-threshold",
        default=None,
        metavar="SHARE",
        help="a share of the national vote (several districts)",
    )
    parser.add_argument(
        "--exempt",
        action="append",
        default=[],
        metavar="LIST",
        help="a list exempt from the thresholds; repeatable",
    )
    parser.add_argument(
        "--tie-break",
        choices=("raise", "votes", "lot"),
        default="raise",
        help="how to break a tie for the last seat (default: raise)",
    )
    parser.add_argument("--seed", type=int, default=None, help="seed for --tie-break lot")
    parser.add_argument(
        "--by-district", action="store_true", help="also print each district's allocation"
    )
    parser.add_argument(
        "--to-scenario",
        metavar="FILE",
        default=None,
        help="write the resulting chamber as a scenario file (.toml or .json)",
    )
    add_format(parser)


def _allocate(args: argparse.Namespace) -> apportion.DistrictAllocation:
    """The allocation of the votes file, its options overridden by the command's."""
    data = apportion.read_votes(args.path)
    opts = data.options

    def option(given: Any, name: str) -> Any:
        return given if given is not None else opts.get(name)

    threshold = option(args.threshold, "threshold")
    national = option(args.national_threshold, "national_threshold")
    seats = {d: (s if s is not None else args.seats) for d, s in data.seats.items()}
    for d, s in seats.items():
        if s is None:
            where = f" for district {d!r}" if d else ""
            raise apportion.AllocationError(f"no seat count{where}: pass --seats N")
    return apportion.allocate_districts(
        data.votes,
        seats,
        args.method or opts.get("method") or "dhondt",
        threshold=None if threshold is None else apportion.parse_share(threshold),
        national_threshold=None if national is None else apportion.parse_share(national),
        exempt=[*args.exempt, *opts.get("exempt", [])],
        reserved=data.reserved,
        tie_break=args.tie_break,
        seed=args.seed,
    )


def _allocate_run(args: argparse.Namespace, out: TextIO) -> int:
    result = _allocate(args)
    columns = list(report.COLUMNS["allocation"])
    if result.reserved:
        columns.append("winner")
    rows = result.records(exact=True)
    stats = apportion.disproportionality(result.votes, result.seats)
    if args.to_scenario:
        name = f"{Path(args.path).stem} ({result.method})"
        write_scenario(result.to_legislature(name=name), args.to_scenario)
    if args.format == "json":
        payload: dict[str, object] = {
            "method": result.method,
            "seats": rows,
            "statistics": stats,
            "ties": [attrs.asdict(t) for t in result.ties],
        }
        if args.by_district:
            payload["districts"] = {d: a.records(exact=True) for d, a in result.districts.items()}
        emit(out, report.to_json(payload, exact=args.exact))
        return EXIT_OK
    emit(out, report.render(rows, columns=columns, fmt=args.format, exact=args.exact))
    if args.format == "csv":
        return EXIT_OK
    emit(out, "")
    emit(
        out,
        f"method {result.method} · {result.house} seats · Gallagher "
        f"{stats['gallagher']:.2f} · Loosemore-Hanby {float(stats['loosemore_hanby']):.2f} · "
        f"effective parties {float(stats['effective_parties_votes']):.2f} (votes), "
        f"{float(stats['effective_parties_seats']):.2f} (seats)",
    )
    for tie in result.ties:
        emit(
            out,
            f"tie between {', '.join(tie.parties)} for {tie.seats} seat(s), broken by "
            f"{tie.broken_by}: {', '.join(tie.winners)}",
        )
    if args.by_district and len(result.districts) > 1:
        for d, a in result.districts.items():
            emit(out, "")
            emit(out, report.line(f"{d}: {a.house} seats", args.format))
            emit(
                out,
                report.render(
                    a.records(exact=True), columns=report.COLUMNS["allocation"], fmt=args.format
                ),
            )
    return EXIT_OK


def _methods_run(args: argparse.Namespace, out: TextIO) -> int:
    rows = [
        {
            "name": m.name,
            "kind": m.kind,
            "aliases": ", ".join(m.aliases),
            "definition": m.description,
        }
        for m in apportion.METHODS.values()
    ]
    emit(out, report.render(rows, fmt=args.format))
    return EXIT_OK


ALLOCATE = Command(
    "allocate",
    "seats from votes, with any apportionment method, thresholds and districts",
    "examples:\n"
    "  coalitions allocate votes.csv --seats 18 --method iraq-2023\n"
    "  coalitions allocate votes.csv --seats 10 --method dhondt --threshold 5%\n"
    "  coalitions allocate districts.toml --method dhondt --by-district\n"
    "  coalitions allocate districts.toml --to-scenario recomputed.toml",
    _allocate_args,
    run=_allocate_run,
)
METHODS = Command(
    "methods",
    "the apportionment methods, with aliases and one-line definitions",
    "example:\n  coalitions methods --format markdown",
    add_format,
    run=_methods_run,
)
COMMANDS = (ALLOCATE, METHODS)
