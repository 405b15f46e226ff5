"""``coalitions find`` and ``check``: the coalitions that reach a quota under red lines."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import TextIO

from .. import report, search
from ..errors import UnknownSeatsError
from ..model import Legislature
from .options import (
    EXIT_CHECK_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    Command,
    add_constraints,
    add_format,
    add_quota,
    constraints_from,
    emit,
    progress,
    rule,
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
        emit(out, report.to_json({"count": n, "minimal": args.minimal}))
    else:
        emit(out, str(n))
    return EXIT_OK


def _find_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    if args.count:
        return _count_run(leg, args, out)
    limit = args.limit
    if limit is None and args.format != "jsonl":
        limit = 20
    elif limit == 0:
        limit = None  # --limit 0: everything
    results = search.find_coalitions(
        leg,
        args.quota,
        minimal=args.minimal,
        constraints=constraints_from(args),
        order_by=args.order_by,
        limit=limit,
        connected=args.connected,
        group_equivalent=args.group,
        report_quotas=args.also,
    )
    if args.format == "jsonl":
        return _stream_jsonl(results, out)
    columns = list(report.COLUMNS["coalitions"])
    if args.also:
        columns.append("meets")
    if args.group:
        columns.append("stands_for")
    found: list[dict[str, object]] = []
    code = EXIT_OK
    with progress() as tick:
        try:
            for c in results:
                record = c.to_record()
                record.setdefault("stands_for", 1)
                found.append(record)
                tick(len(found))
        except KeyboardInterrupt:
            sys.stderr.write(f"coalitions: interrupted after {len(found)} results\n")
            code = EXIT_INTERRUPTED
    if found:
        emit(out, report.render(found, columns=columns, fmt=args.format))
    elif code == EXIT_OK:
        emit(out, "no coalition meets these conditions")
    return code


def _stream_jsonl(results: Iterable[search.Coalition], out: TextIO) -> int:
    n = 0
    with progress() as tick:
        try:
            for c in results:
                out.write(json.dumps(report.jsonable(c.to_record()), ensure_ascii=False) + "\n")
                n += 1
                tick(n)
        except KeyboardInterrupt:
            sys.stderr.write(f"coalitions: interrupted after {n} results\n")
            return EXIT_INTERRUPTED
    return EXIT_OK


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
    check = search.check_coalition(
        leg,
        args.coalition,
        args.quota,
        constraints=constraints_from(args),
        report_quotas=args.also,
    )
    if args.format == "json":
        emit(out, report.to_json(check.to_record()))
    else:
        emit(out, check.explain())
    return EXIT_OK if check.viable else EXIT_CHECK_FAILED


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
