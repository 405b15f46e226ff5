"""``coalitions formation``: a coalition walked through a government formation, step by
step; the blocking coalitions of a step; the largest bloc; the rules in force."""

from __future__ import annotations

import argparse
from typing import TextIO

from .. import report
from ..errors import ArgumentError
from ..formation import (
    FORMATION_COLUMNS,
    HOW,
    Formation,
    allocate_posts,
    blocking_power,
    blocking_quota_of,
    count_blocking,
    find_blocking,
    get_procedure,
    largest_bloc,
    pass_probability,
)
from ..formation import formation as walk
from ..model import Legislature
from .options import (
    EXIT_OK,
    Command,
    add_constraints,
    add_format,
    constraints_from,
    emit,
)

__all__ = ["COMMANDS", "FORMATION"]


def _formation_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "coalition",
        metavar="COALITION",
        nargs="?",
        help="member keys joined by + (e.g. rdc+kdp+taqaddum); bloc keys allowed",
    )
    parser.add_argument(
        "--procedure",
        "-p",
        default="iraq",
        metavar="NAME",
        help="a built-in procedure (iraq, kurdistan) or a .toml procedure file (default: iraq)",
    )
    parser.add_argument(
        "--date",
        metavar="DATE",
        help="the rules in force on this date (default: the chamber's date; --as-of also "
        "moves the chamber)",
    )
    parser.add_argument(
        "--additions", type=int, default=3, metavar="N", help="smallest additions listed a step"
    )
    parser.add_argument("--blocking", metavar="STEP", help="the blocking coalitions of STEP")
    parser.add_argument(
        "--how",
        choices=HOW,
        default="either",
        help="with --blocking: by voting no, by absence (denying the quorum), or either",
    )
    parser.add_argument("--count", action="store_true", help="with --blocking: count them")
    parser.add_argument("--power", action="store_true", help="with --blocking: power indices")
    parser.add_argument(
        "--limit", type=int, default=10, metavar="N", help="with --blocking: list N (default 10)"
    )
    parser.add_argument(
        "--order-by",
        choices=("seats", "parties"),
        default=None,
        help="with --blocking: fewest seats or fewest lists first",
    )
    parser.add_argument(
        "--attendance",
        action="append",
        default=[],
        metavar="KEY=P",
        help="probability that KEY's members attend (e.g. kdp=9/10); adds the exact pass "
        "probability of each step; repeatable",
    )
    parser.add_argument(
        "--discipline",
        action="append",
        default=[],
        metavar="KEY=P",
        help="probability that KEY's members vote with their list; repeatable",
    )
    parser.add_argument(
        "--posts",
        nargs="?",
        const="iraq",
        metavar="TABLE",
        help="share the cabinet posts of TABLE (default: iraq; or a .toml table) among the "
        "COALITION's members in proportion to seats",
    )
    parser.add_argument(
        "--method", default="dhondt", metavar="NAME", help="with --posts: the apportionment method"
    )
    parser.add_argument("--largest-bloc", action="store_true", help="the largest bloc's claims")
    parser.add_argument("--rules", action="store_true", help="the procedure's rules in force")
    add_constraints(parser)
    add_format(parser)


def _probabilities(items: list[str], option: str) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ArgumentError(f"{option} takes KEY=P, such as kdp=9/10 (got {item!r})")
        out[key.strip()] = value.strip()
    return out


def _formation_run(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    if args.rules:
        proc = get_procedure(args.procedure)
        emit(
            out,
            report.render(proc.records(args.date or leg.as_of), fmt=args.format, exact=args.exact),
        )
        return EXIT_OK
    if args.largest_bloc:
        lb = largest_bloc(leg)
        emit(out, report.render(lb.records(exact=True), fmt=args.format, exact=args.exact))
        if args.format == "table":
            for note in [f"largest: {' = '.join(lb.largest)} ({lb.seats} seats)", *lb.notes()]:
                emit(out, note)
        return EXIT_OK
    if args.blocking:
        return _blocking(leg, args, out)
    if args.posts:
        if not args.coalition:
            raise ArgumentError("--posts needs a COALITION")
        posts = allocate_posts(leg, args.coalition, args.posts, method=args.method)
        emit(out, report.render(posts.post_records(), fmt=args.format, exact=args.exact))
        if args.format == "table":
            emit(out, report.render(posts.records(exact=True), fmt="table"))
            for post, tied in posts.reserved_ties:
                emit(out, f"tie for {post}: {', '.join(tied)} hold as many seats")
            for post in posts.unfilled:
                emit(out, f"unfilled: {post} (no member of the coalition carries its component)")
        return EXIT_OK
    if not args.coalition:
        raise ArgumentError(
            "name a COALITION, or ask for --blocking STEP, --largest-bloc or --rules"
        )
    result = walk(
        leg,
        args.coalition,
        args.procedure,
        date=args.date,
        additions=args.additions,
        constraints=constraints_from(args),
    )
    records = result.records(exact=True)
    columns = list(FORMATION_COLUMNS)
    if args.attendance or args.discipline:
        _add_probabilities(leg, args, result, records)
        columns[columns.index("if_present") + 1 : columns.index("if_present") + 1] = [
            "probability",
            "likely_short",
        ]
    if args.format == "table":
        emit(out, result.summary())
    emit(out, report.render(records, columns=columns, fmt=args.format, exact=args.exact))
    if args.format == "table":
        for note in result.notes():
            emit(out, note)
    return EXIT_OK


def _add_probabilities(
    leg: Legislature,
    args: argparse.Namespace,
    result: Formation,
    records: list[dict[str, object]],
) -> None:
    attendance = _probabilities(args.attendance, "--attendance")
    discipline = _probabilities(args.discipline, "--discipline")
    for step, record in zip(result.steps, records, strict=True):
        if step.needed is None:  # a nomination
            record["probability"], record["likely_short"] = None, None
            continue
        chance = pass_probability(
            leg,
            result.members,
            step.step,
            args.procedure,
            attendance=attendance,
            discipline=discipline,
            date=args.date,
        )
        record["probability"] = chance.probability
        record["likely_short"] = chance.shortfall


def _blocking(leg: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    step, proc, how, date = args.blocking, args.procedure, args.how, args.date
    red = constraints_from(args)
    quota = blocking_quota_of(leg, args.blocking, args.procedure, how=args.how, date=args.date)
    if args.count:
        n = count_blocking(leg, step, proc, how=how, date=date, constraints=red)
        if args.format == "json":
            emit(
                out,
                report.to_json(
                    {"step": args.blocking, "quota": quota, "count": n}, exact=args.exact
                ),
            )
        else:
            emit(out, f"{n:,} minimal blocking coalitions of {args.blocking} ({quota} seats block)")
        return EXIT_OK
    if args.power:
        table = blocking_power(leg, step, proc, how=how, date=date, constraints=red)
        rows = table.rows()
        emit(
            out,
            report.render(
                rows, columns=report.power_columns(table.indices), fmt=args.format, exact=args.exact
            ),
        )
        return EXIT_OK
    found = find_blocking(
        leg,
        step,
        proc,
        how=how,
        date=date,
        constraints=red,
        order_by=args.order_by,
        limit=args.limit or None,
    )
    records = [c.to_record() for c in found]
    if args.format == "table":
        emit(out, f"blocking {args.blocking}: {quota} seats ({args.how})")
    if records:
        emit(
            out,
            report.render(
                records, columns=report.COLUMNS["coalitions"], fmt=args.format, exact=args.exact
            ),
        )
    else:
        emit(out, "no coalition blocks this step under these conditions")
    return EXIT_OK


FORMATION = Command(
    "formation",
    "walk a coalition through a government formation, step by step; who can block a step",
    "examples:\n"
    "  coalitions formation iraq-2025 rdc+kdp+taqaddum+state-of-law+azm\n"
    "  coalitions formation iraq-2021 save-the-homeland --as-of 2022-03-26\n"
    "  coalitions formation iraq-2021 --as-of 2022-03-26 --blocking president \\\n"
    "      --how absence --exclude-tag component:kurdish --count\n"
    "  coalitions formation iraq-2025 coordination-framework+kdp+taqaddum \\\n"
    "      --attendance kdp=9/10 --discipline coordination-framework=19/20\n"
    "  coalitions formation kurdistan-2024 kdp+puk --procedure kurdistan\n"
    "passes: alone, whatever the others do; if_present: when the others attend and vote no;\n"
    "block_no / block_absence: seats that defeat the step by voting no / by staying away.",
    _formation_args,
    run_on=_formation_run,
)
COMMANDS = (FORMATION,)
