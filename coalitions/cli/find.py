"""``coalitions find`` and ``check``: the coalitions that reach a quota under red lines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import attrs

from .. import report, search
from ..constraints import ASSUMPTIONS, Constraints
from ..errors import UnknownSeatsError
from ..model import Legislature
from .listing import DATA_FORMATS, Progress, stream
from .options import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    Command,
    add_constraints,
    add_format,
    add_quota,
    constraints_from,
    emit,
    rule,
    uncounted_line,
)

__all__ = ["CHECK", "COMMANDS", "FIND"]


def _add_also(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        type=rule,
        metavar="RULE",
        help=f"also report whether {what} meets RULE; repeatable",
    )


def _find_args(parser: argparse.ArgumentParser) -> None:
    add_quota(parser)
    add_constraints(parser)
    parser.add_argument(
        "--count",
        action="store_true",
        help="print the exact number of coalitions instead of listing them",
    )
    parser.add_argument(
        "--all",
        dest="minimal",
        action="store_false",
        help="every viable coalition, not only minimal ones",
    )
    parser.add_argument(
        "--order-by",
        choices=("seats", "parties", "range", "none"),
        default="none",
        help="rank the results (default: stream unranked)",
    )
    parser.add_argument(
        "--limit",
        "-n",
        type=int,
        metavar="N",
        help="stop after N results; 0 for all (default: 20, or all for jsonl)",
    )
    parser.add_argument(
        "--connected",
        action="store_true",
        help="Axelrod's connected coalitions (needs party positions)",
    )
    parser.add_argument(
        "--group", action="store_true", help="merge interchangeable lists (equal seats and tags)"
    )
    _add_also(parser, "each coalition")
    add_format(parser, (*report.FORMATS, "jsonl"))


def _count_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    constraints = constraints_from(args)
    try:
        n = search.count_coalitions(
            leg, args.quota, minimal=args.minimal, constraints=constraints, connected=args.connected
        )
    except UnknownSeatsError:  # excluded factions of unknown size: a range of answers
        if args.connected:
            raise
        r = search.count_range(leg, args.quota, minimal=args.minimal, constraints=constraints)
        if args.format == "json":
            factions = [{"faction": k, "least": lo, "most": hi} for k, lo, hi in r.factions]
            record = {"least": r.least, "most": r.most, "factions": factions}
            emit(out, report.to_json({"count": record, "minimal": args.minimal}))
        else:
            emit(out, str(r))
        return EXIT_OK
    if args.format == "json":
        emit(out, report.to_json({"count": n, "minimal": args.minimal}, exact=args.exact))
    else:
        emit(out, str(n))
    return EXIT_OK


def _display(record: dict[str, Any], members: int, fmt: str, also: bool) -> dict[str, Any]:
    """A coalition's record as a listing shows it: ``pivotal`` says ``all`` when every
    member is, ``meets`` says ``no`` when the coalition meets none of ``--also``."""
    if fmt in ("json", "jsonl"):
        if also:
            record.setdefault("meets", [])
        return record
    if len(record["pivotal"]) == members:
        record["pivotal"] = "all"
    if also and not record.get("meets"):
        record["meets"] = "no"
    record.setdefault("stands_for", 1)
    return record


def _find_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    if args.count:
        return _count_run(leg, args, out)
    limit = args.limit
    if limit is None and args.format != "jsonl":
        limit = 20
    elif limit == 0:
        limit = None  # --limit 0: everything
    constraints = constraints_from(args)
    total = search.count_coalitions(
        leg, args.quota, minimal=args.minimal, constraints=constraints, connected=args.connected
    )
    uncounted = uncounted_line(leg, args.quota, constraints)
    if uncounted:
        target = sys.stderr if args.format in DATA_FORMATS else out
        emit(target, uncounted)
    results = search.find_coalitions(
        leg,
        args.quota,
        minimal=args.minimal,
        constraints=constraints,
        order_by=args.order_by,
        limit=limit,
        connected=args.connected,
        group_equivalent=args.group,
        report_quotas=args.also,
    )
    columns = list(report.COLUMNS["coalitions"])
    if args.order_by == "range":
        columns.insert(1, "range")
    if args.also:
        columns.append("meets")
    if args.group:
        columns.append("stands_for")
    fmt, also = args.format, bool(args.also)
    stood = [0]

    def records() -> Iterator[dict[str, Any]]:
        for c in results:
            stood[0] += c.stands_for
            yield _display(c.to_record(), c.size, fmt, also)

    def footer(n: int) -> str | None:
        if n == 0:
            return "no coalition meets these conditions"
        return _footer(n, stood[0], total, args)

    expected = total if limit is None else min(limit, total)
    return stream(
        records(),
        out,
        columns=columns,
        fmt=fmt,
        exact=args.exact,
        progress=Progress(expected if not args.group else None),
        footer=footer,
    )


def _footer(n: int, stood: int, total: int, args: argparse.Namespace) -> str:
    """``showing N of M coalitions``, with the exact count, and how to see others."""
    kind = "minimal winning coalitions" if args.minimal else "winning coalitions"
    shown = f"showing {n:,} of {total:,} {kind}"
    if stood != n:
        shown = f"showing {n:,} groups standing for {stood:,} of {total:,} {kind}"
    if stood >= total:
        return shown
    hints = []
    if args.order_by == "none":
        hints.append("rank with --order-by seats (or parties, range)")
    hints.append("more with --limit N (0: all)")
    return f"{shown}; {'; '.join(hints)}"


def _check_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "coalition",
        metavar="COALITION",
        help="member keys joined by + (e.g. rdc+kdp+taqaddum); bloc keys allowed",
    )
    add_quota(parser)
    add_constraints(parser)
    _add_also(parser, "it")
    add_format(parser, ("table", "json"))


def _check_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    constraints = constraints_from(args)
    try:
        check = search.check_coalition(
            leg, args.coalition, args.quota, constraints=constraints, report_quotas=args.also
        )
    except UnknownSeatsError as err:  # a red line on a faction of unknown size
        return _check_both_ways(leg, args, constraints, err, out)
    if args.format == "json":
        emit(out, report.to_json(check.to_record(), exact=args.exact))
    else:
        emit(out, check.explain())
    return EXIT_OK if check.viable else EXIT_CHECK_FAILED


def _check_both_ways(
    leg: Legislature,
    args: argparse.Namespace,
    constraints: Constraints,
    err: UnknownSeatsError,
    out: TextIO,
) -> int:
    """The verdict with the excluded factions of unknown size at their least and at
    their most: the coalition's seats lie between the two, so it is viable in every case
    exactly when it is at both. Exits 1 unless it is."""
    checks = {
        assumption: search.check_coalition(
            leg,
            args.coalition,
            args.quota,
            constraints=attrs.evolve(constraints, faction_seats=assumption),
            report_quotas=args.also,
        )
        for assumption in ASSUMPTIONS
    }
    every = all(c.viable for c in checks.values())
    if args.format == "json":
        depends = [{"faction": k, "least": lo, "most": hi} for k, lo, hi in err.factions]
        record = {"viable_in_every_case": every, "depends_on": depends}
        record.update({f"at_{a}": c.to_record() for a, c in checks.items()})
        emit(out, report.to_json(record, exact=args.exact))
    else:
        spans = ", ".join(f"{k} ({lo} to {hi} seats)" for k, lo, hi in err.factions)
        emit(out, f"the verdict depends on seats nobody knows: {spans}")
        for assumption, check in checks.items():
            emit(out, f"\nwith the excluded factions at their {assumption}:")
            emit(out, check.explain())
        emit(out, "\nviable in every case" if every else "\nnot viable in every case")
    return EXIT_OK if every else EXIT_CHECK_FAILED


FIND = Command(
    "find",
    "find, count or rank the coalitions that reach a quota under red lines",
    "examples:\n"
    "  coalitions find iraq-2025 --count\n"
    "  coalitions find iraq-2025 --exclude-tag militia-affiliated \\\n"
    "      --require-tag component:kurdish --require-tag component:sunni \\\n"
    "      --order-by seats --limit 10\n"
    "  coalitions find iraq-2025 --quota two-thirds --keep-together coordination-framework\n"
    "  coalitions find kurdistan-2024 --format jsonl --limit 0   # stream everything",
    _find_args,
    run_on=_find_run,
)
CHECK = Command(
    "check",
    "explain whether a proposed coalition is viable, and who is needed",
    "examples:\n"
    "  coalitions check iraq-2025 rdc+kdp+taqaddum\n"
    "  coalitions check iraq-2025 rdc+kdp+taqaddum --quota two-thirds --format json",
    _check_args,
    run_on=_check_run,
)
COMMANDS = (FIND, CHECK)
