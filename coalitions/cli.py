"""The ``coalitions`` command.

Exit codes: 0 success; 1 a check that failed (``validate`` found problems); 2 bad usage
or bad input, with a one-line message on stderr and no traceback.

Each subcommand is a :class:`Command`: a name, a help line, a function that adds its
arguments and a function that runs it and returns the exit code. New subcommands are
added to :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, Final, NamedTuple, TextIO

import attrs

from . import __version__, apportion, chart, power, report, rules, search, whatif
from .constraints import Constraints
from .errors import CoalitionsError, ScenarioError
from .model import Legislature
from .scenarios import describe_scenarios, open_scenario, read_scenario, write_scenario
from .simulate import SimulationError, simulate

__all__ = ["COMMANDS", "Command", "main"]

EXIT_OK: Final = 0
EXIT_CHECK_FAILED: Final = 1
EXIT_USAGE: Final = 2


class Command(NamedTuple):
    """A subcommand of ``coalitions``."""

    name: str
    help: str
    epilog: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int]


def add_format(parser: argparse.ArgumentParser, formats: Sequence[str] = report.FORMATS) -> None:
    """The ``--format`` option shared by the subcommands that print results."""
    parser.add_argument(
        "--format",
        "-f",
        choices=formats,
        default="table",
        help="output format (default: table)",
    )


def add_scenario(parser: argparse.ArgumentParser) -> None:
    """The ``SCENARIO`` argument: a built-in name or a scenario file."""
    parser.add_argument(
        "scenario",
        metavar="SCENARIO",
        help="a built-in scenario (see `coalitions scenarios`) or a .toml/.json scenario file",
    )


def scenario_of(args: argparse.Namespace) -> Legislature:
    """The legislature named by the ``SCENARIO`` argument (or handed over by ``whatif``)."""
    given = getattr(args, "legislature", None)
    if isinstance(given, Legislature):
        return given
    return open_scenario(args.scenario)


def emit(out: TextIO, text: str) -> None:
    """Print a result, ending it with exactly one newline."""
    out.write(text.rstrip("\n") + "\n")


# --- scenarios ---


def _scenarios_args(parser: argparse.ArgumentParser) -> None:
    add_format(parser)


def _scenarios_run(args: argparse.Namespace, out: TextIO) -> int:
    records = [{"name": k, "description": v} for k, v in describe_scenarios().items()]
    emit(out, report.render(records, columns=("name", "description"), fmt=args.format))
    return EXIT_OK


# --- show ---


def _show_args(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
    add_format(parser)


def _show_run(args: argparse.Namespace, out: TextIO) -> int:
    emit(out, report.show(scenario_of(args), args.format))
    return EXIT_OK


# --- validate ---


def _validate_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="FILE", help="a .toml or .json scenario file")


def _validate_run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        leg = read_scenario(args.path)
    except ScenarioError as err:
        count = len(err.problems)
        emit(out, f"{err.source}: {count} problem{'s' if count != 1 else ''}")
        for path, message in err.problems:
            emit(out, f"  {path or '(file)'}: {message}")
        return EXIT_CHECK_FAILED
    emit(
        out,
        f"{args.path}: valid · {leg.name} · {len(leg.parties)} parties, "
        f"{leg.seated} of {leg.size} seats, {len(leg.blocs)} blocs",
    )
    return EXIT_OK


# --- constraints shared by find, check (and later power) ---


def add_quota(parser: argparse.ArgumentParser) -> None:
    """The ``--quota`` option: a rule name, a share (``3/5``, ``60%``) or a seat count."""
    parser.add_argument(
        "--quota",
        "-q",
        type=_rule,
        default="majority",
        help="majority (default), two-thirds, blocking-third, unanimity, a share such as "
        "3/5 or 60%%, or a seat count",
    )


def _rule(text: str) -> rules.Rule:
    try:
        return rules.parse_rule(text)
    except CoalitionsError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def add_constraints(parser: argparse.ArgumentParser) -> None:
    """The red-line options, mapped one to one onto :class:`~coalitions.Constraints`."""
    g = parser.add_argument_group("red lines")
    g.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="KEY",
        help="leave out a party (or every member of a bloc); repeatable",
    )
    g.add_argument(
        "--exclude-tag",
        action="append",
        default=[],
        metavar="TAG",
        help="leave out lists tagged TAG (and factions tagged TAG); repeatable",
    )
    g.add_argument(
        "--whole-lists",
        action="store_true",
        help="with --exclude-tag, leave out a whole list when a faction carries the tag",
    )
    g.add_argument(
        "--require",
        action="append",
        default=[],
        metavar="KEY",
        help="a party (or bloc) every coalition must include; repeatable",
    )
    g.add_argument(
        "--require-tag",
        action="append",
        default=[],
        metavar="TAG",
        help="at least one member must carry TAG; repeatable",
    )
    g.add_argument(
        "--forbid",
        action="append",
        default=[],
        metavar="A+B",
        help="two parties that will not sit together; repeatable",
    )
    g.add_argument(
        "--keep-together",
        action="append",
        default=[],
        metavar="BLOC",
        help="a bloc that joins whole or not at all; repeatable",
    )
    g.add_argument("--max-parties", type=int, metavar="N", help="at most N parties")
    g.add_argument("--min-seats", type=int, metavar="N", help="at least N seats")
    g.add_argument("--max-surplus", type=int, metavar="N", help="at most N seats above the quota")


def constraints_from(args: argparse.Namespace) -> Constraints:
    """The :class:`~coalitions.Constraints` named by the red-line options."""
    return Constraints(
        exclude=args.exclude,
        exclude_tags=args.exclude_tag,
        require=args.require,
        require_tags=args.require_tag,
        forbid=args.forbid,
        keep_together=args.keep_together,
        max_parties=args.max_parties,
        min_seats=args.min_seats,
        max_surplus=args.max_surplus,
        whole_lists=args.whole_lists,
    )


# --- find ---

_FIND_COLUMNS: Final = ("coalition", "seats", "surplus", "parties", "pivotal")


def _find_args(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
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
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        type=_rule,
        metavar="RULE",
        help="also report whether each coalition meets RULE; repeatable",
    )
    add_format(parser, (*report.FORMATS, "jsonl"))


def _find_run(args: argparse.Namespace, out: TextIO) -> int:
    leg = scenario_of(args)
    constraints = constraints_from(args)
    if args.count:
        n = search.count_coalitions(
            leg, args.quota, minimal=args.minimal, constraints=constraints, connected=args.connected
        )
        if args.format == "json":
            emit(out, report.to_json({"count": n, "minimal": args.minimal}))
        else:
            emit(out, str(n))
        return EXIT_OK
    limit = args.limit
    if limit is None and args.format != "jsonl":
        limit = 20
    elif limit == 0:
        limit = None  # --limit 0: everything
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
    columns = list(_FIND_COLUMNS)
    if args.also:
        columns.append("meets")
    if args.group:
        columns.append("stands_for")
    if args.format == "jsonl":
        return _stream_jsonl(results, out)
    found: list[dict[str, object]] = []
    with _progress() as tick:
        try:
            for c in results:
                record = c.to_record()
                record.setdefault("stands_for", 1)
                found.append(record)
                tick(len(found))
        except KeyboardInterrupt:
            sys.stderr.write(f"coalitions: interrupted after {len(found)} results\n")
    if not found:
        emit(out, "no coalition meets these conditions")
        return EXIT_OK
    emit(out, report.render(found, columns=columns, fmt=args.format))
    return EXIT_OK


def _stream_jsonl(results: Iterable[search.Coalition], out: TextIO) -> int:
    n = 0
    with _progress() as tick:
        try:
            for c in results:
                out.write(json.dumps(report.jsonable(c.to_record()), ensure_ascii=False) + "\n")
                n += 1
                tick(n)
        except KeyboardInterrupt:
            sys.stderr.write(f"coalitions: interrupted after {n} results\n")
    return EXIT_OK


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[int], None]]:
    """Progress on stderr for listings that take over a second, if stderr is a terminal."""
    start = time.monotonic()
    shown = [False]
    last = [start]

    def tick(n: int) -> None:
        if n % 1000 or not sys.stderr.isatty():
            return
        now = time.monotonic()
        if now - start > 1 and now - last[0] > 0.5:
            sys.stderr.write(f"\r{n:,} coalitions ...")
            sys.stderr.flush()
            shown[0] = True
            last[0] = now

    try:
        yield tick
    finally:
        if shown[0]:
            sys.stderr.write("\r\033[K")


# --- check ---


def _check_args(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
    parser.add_argument(
        "coalition",
        metavar="COALITION",
        help="member keys joined by + (e.g. rdc+kdp+taqaddum); bloc keys allowed",
    )
    add_quota(parser)
    add_constraints(parser)
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        type=_rule,
        metavar="RULE",
        help="also report whether it meets RULE; repeatable",
    )
    add_format(parser, ("table", "json"))


def _check_run(args: argparse.Namespace, out: TextIO) -> int:
    check = search.check_coalition(
        scenario_of(args),
        args.coalition,
        args.quota,
        constraints=constraints_from(args),
        report_quotas=args.also,
    )
    if args.format == "json":
        emit(out, report.to_json(check.to_record()))
    else:
        emit(out, check.explain())
    return EXIT_OK


# --- power ---


def _power_args(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
    parser.add_argument(
        "--index",
        "-i",
        action="append",
        default=[],
        metavar="NAME",
        help="an index: banzhaf, penrose, shapley-shubik, deegan-packel, public-good, "
        "johnston, owen (repeatable; default: the first five)",
    )
    add_quota(parser)
    add_constraints(parser)
    add_format(parser)


def _power_run(args: argparse.Namespace, out: TextIO) -> int:
    leg = scenario_of(args)
    which = tuple(args.index) if args.index else power.DEFAULT_INDICES
    table = power.indices(leg, args.quota, which=which, constraints=constraints_from(args))
    rows = table.rows()
    columns = ["key", "seats", "share", *table.indices, "gap"]
    if args.format == "json":
        emit(
            out,
            report.to_json(
                {"quota": leg.quota(args.quota), "indices": list(table.indices), "rows": rows}
            ),
        )
    else:
        emit(out, report.render(rows, columns=columns, fmt=args.format))
    return EXIT_OK


# --- allocate and methods ---


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


def _allocate_run(args: argparse.Namespace, out: TextIO) -> int:
    data = apportion.read_votes(args.path)
    opts = data.options
    method = args.method or opts.get("method") or "dhondt"
    threshold = args.threshold if args.threshold is not None else opts.get("threshold")
    national = (
        args.national_threshold
        if args.national_threshold is not None
        else opts.get("national_threshold")
    )
    exempt = [*args.exempt, *opts.get("exempt", [])]
    seats = {d: (s if s is not None else args.seats) for d, s in data.seats.items()}
    for d, s in seats.items():
        if s is None:
            where = f" for district {d!r}" if d else ""
            raise apportion.AllocationError(f"no seat count{where}: pass --seats N")
    result = apportion.allocate_districts(
        data.votes,
        seats,
        method,
        threshold=None if threshold is None else apportion.parse_share(threshold),
        national_threshold=None if national is None else apportion.parse_share(national),
        exempt=exempt,
        reserved=data.reserved,
        tie_break=args.tie_break,
        seed=args.seed,
    )
    columns = ["key", "votes", "vote_share", "seats", "seat_share"]
    if result.reserved:
        columns.append("winner")
    rows = result.records()
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
            payload["districts"] = {d: a.records() for d, a in result.districts.items()}
        emit(out, report.to_json(payload))
        return EXIT_OK
    emit(out, report.render(rows, columns=columns, fmt=args.format))
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
            emit(out, f"{d}: {a.house} seats")
            emit(out, report.render(a.records(), columns=columns[:5], fmt=args.format))
    return EXIT_OK


def _methods_args(parser: argparse.ArgumentParser) -> None:
    add_format(parser)


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


# --- whatif ---


class _Change(argparse.Action):
    """Collects the changes in the order given, whatever the option."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        changes = list(getattr(namespace, "changes", None) or [])
        changes.append((self.dest, values))
        namespace.changes = changes


def _whatif_args(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
    g = parser.add_argument_group("changes, applied in the order given")
    g.add_argument(
        "--move",
        dest="move",
        action=_Change,
        metavar="FROM:TO:N",
        help="move N seats from one list to another",
    )
    g.add_argument("--set", dest="set", action=_Change, metavar="KEY:N", help="set a list's seats")
    g.add_argument(
        "--vacate",
        dest="vacate",
        action=_Change,
        metavar="KEY",
        help="empty a list's seats (resignation); the size is unchanged",
    )
    g.add_argument(
        "--remove",
        dest="remove",
        action=_Change,
        metavar="KEY",
        help="remove a list (its seats become vacant)",
    )
    g.add_argument(
        "--merge", dest="merge", action=_Change, metavar="A+B:NEWKEY", help="merge lists into one"
    )
    g.add_argument(
        "--split-factions",
        dest="split-factions",
        action=_Change,
        metavar="TAG",
        help="make the factions carrying TAG lists of their own",
    )
    g.add_argument(
        "--join",
        dest="join",
        action=_Change,
        metavar="A+B:TARGET",
        help="lists join a list (seats added) or a bloc (membership)",
    )
    g.add_argument(
        "--alternative",
        dest="alternative",
        action=_Change,
        metavar="SOURCE[:A+B]",
        help="use the seat figures a source reports (for the lists named, or all)",
    )
    parser.add_argument(
        "--save", metavar="FILE", default=None, help="write the changed chamber as a scenario file"
    )
    parser.epilog = (parser.epilog or "") + (
        "\n\nAfter the changes, a command (show, find, check or power) with its own options\n"
        "runs on the changed chamber; without one, the changes and the chamber are shown."
    )
    parser.set_defaults(changes=[], then=[])


def _parse_change(name: str, text: str) -> tuple[str, Any]:
    parts = text.split(":")
    try:
        if name == "move":
            a, b, n = parts
            return name, (a, b, int(n))
        if name == "set":
            key, n = parts
            return name, {key: int(n)}
        if name in ("vacate", "remove"):
            return name, [k for k in text.replace(",", "+").split("+") if k]
        if name in ("merge", "join"):
            keys, target = parts
            return name, ([k for k in keys.split("+") if k], target)
        if name == "alternative" and len(parts) == 2:
            return name, (parts[0], [k for k in parts[1].split("+") if k])
        return name, text
    except ValueError:
        raise whatif.WhatIfError(f"--{name} expects {_FORMS[name]} (got {text!r})") from None


#: The changes ``whatif`` chains, by name: each takes the chamber and the parsed
#: argument of its option.
CHANGES: dict[str, Callable[[Legislature, Any], Legislature]] = {
    "move": lambda leg, arg: whatif.move_seats(leg, *arg),
    "set": whatif.set_seats,
    "vacate": whatif.vacate,
    "remove": whatif.remove,
    "merge": lambda leg, arg: whatif.merge(leg, arg[0], key=arg[1]),
    "split-factions": lambda leg, arg: whatif.split_factions(leg, tags=arg),
    "join": lambda leg, arg: whatif.join(leg, arg[0], arg[1]),
    "alternative": lambda leg, arg: (
        whatif.use_alternative(leg, arg[0], parties=arg[1])
        if isinstance(arg, tuple)
        else whatif.use_alternative(leg, arg)
    ),
}

_FORMS: Final = {"move": "FROM:TO:N", "set": "KEY:N", "merge": "A+B:NEWKEY", "join": "A+B:TARGET"}


def _whatif_run(args: argparse.Namespace, out: TextIO) -> int:
    before = scenario_of(args)
    changes = [_parse_change(name, text) for name, text in args.changes]
    after = before
    for name, arg in changes:
        after = CHANGES[name](after, arg)
    if args.save:
        write_scenario(after, args.save)
    then = list(args.then)
    if not then:
        diff = [
            f"{p.key}: {before[p.key].seats if p.key in before else 0} -> {p.seats}"
            for p in after
            if p.key not in before or before[p.key].seats != p.seats
        ]
        diff += [f"{k}: removed" for k in before.keys if k not in after]
        emit(out, "changes: " + ("; ".join(diff) if diff else "none"))
        emit(out, "")
        emit(out, report.show(after, "table"))
        return EXIT_OK
    if then[0] not in ("show", "find", "check", "power"):
        raise whatif.WhatIfError(
            f"after the changes, run show, find, check or power (got {then[0]!r})"
        )
    sub = build_parser().parse_args([then[0], "<whatif>", *then[1:]])
    sub.legislature = after
    code: int = sub._run(sub, out)
    return code


# --- simulate ---


def _simulate_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        metavar="FILE",
        help="a TOML file with seats, method, sample_size and [shares] "
        "(or [[districts]]), optional [fixed] seats and [[coalitions]]",
    )
    parser.add_argument("--draws", "-n", type=int, default=None, help="draws (default 10000)")
    parser.add_argument("--seed", type=int, default=None, help="the seed (default 0)")
    parser.add_argument(
        "--executor",
        choices=("none", "processes", "threads"),
        default="none",
        help="run batches in a process or thread pool",
    )
    parser.add_argument(
        "--coalition",
        action="append",
        default=[],
        metavar="A+B",
        help="report the probability that a coalition reaches the quota",
    )
    add_quota(parser)
    parser.add_argument("--level", default="90%", help="the central share of draws (default 90%%)")
    add_format(parser)


def _simulate_run(args: argparse.Namespace, out: TextIO) -> int:
    import concurrent.futures
    import tomllib

    try:
        data = tomllib.loads(Path(args.path).read_text(encoding="utf-8"))
    except OSError as err:
        raise SimulationError(f"{args.path}: cannot be read ({err.strerror})") from None
    except tomllib.TOMLDecodeError as err:
        raise SimulationError(f"{args.path}: is not valid TOML: {err}") from None
    if "districts" in data:
        shares = {str(d["name"]): dict(d["shares"]) for d in data["districts"]}
        seats: Any = {str(d["name"]): d["seats"] for d in data["districts"]}
    else:
        if "shares" not in data or "seats" not in data:
            raise SimulationError(f"{args.path}: needs 'seats' and a [shares] table")
        shares, seats = dict(data["shares"]), data["seats"]
    intervals = {k: tuple(v) for k, v in data["intervals"].items()} if "intervals" in data else None
    threshold = data.get("threshold")
    pool: concurrent.futures.Executor | None = None
    if args.executor == "processes":
        pool = concurrent.futures.ProcessPoolExecutor()
    elif args.executor == "threads":
        pool = concurrent.futures.ThreadPoolExecutor()

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{done:,} / {total:,} draws")
            sys.stderr.flush()

    try:
        sim = simulate(
            shares,
            seats,
            data.get("method", "dhondt"),
            sample_size=data.get("sample_size", 1000),
            intervals=intervals,
            draws=args.draws or data.get("draws", 10_000),
            seed=args.seed if args.seed is not None else data.get("seed", 0),
            threshold=None if threshold is None else apportion.parse_share(threshold),
            fixed=data.get("fixed"),
            executor=pool,
            progress=progress,
        )
    finally:
        if pool is not None:
            pool.shutdown()
        if sys.stderr.isatty():
            sys.stderr.write("\r\033[K")
    level = apportion.parse_share(args.level)
    intervals_out = sim.seat_intervals(Fraction(level))
    rows: list[dict[str, Any]] = [
        {"key": k, "mean": v.mean, "low": v.low, "median": v.median, "high": v.high}
        for k, v in intervals_out.items()
    ]
    coalitions = [*args.coalition, *("+".join(c["members"]) for c in data.get("coalitions", []))]
    probs = [
        {"coalition": c, "probability": sim.majority_probability(c.split("+"), args.quota)}
        for c in coalitions
    ]
    if args.format == "json":
        emit(
            out,
            report.to_json(
                {
                    "draws": sim.n,
                    "seed": sim.seed,
                    "method": sim.method,
                    "seats": rows,
                    "coalitions": probs,
                }
            ),
        )
        return EXIT_OK
    float_rows = [{**r, "mean": f"{float(r['mean']):.2f}"} for r in rows]
    emit(out, f"{sim.n:,} draws · {sim.method} · {sim.size} seats · seed {sim.seed}")
    emit(out, report.render(float_rows, fmt=args.format))
    if probs:
        emit(out, "")
        emit(out, report.render(probs, fmt=args.format))
    return EXIT_OK


# --- diagram ---


def _diagram_args(parser: argparse.ArgumentParser) -> None:
    add_scenario(parser)
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
    parser.add_argument(
        "--labels",
        choices=("key", "name", "native"),
        default="key",
        help="legend labels (default: key)",
    )
    parser.add_argument("--width", type=int, default=640, help="width in pixels (default 640)")
    parser.add_argument(
        "--output",
        "-o",
        default=None,
        metavar="FILE",
        help="write the SVG here (default: standard output)",
    )


def _diagram_run(args: argparse.Namespace, out: TextIO) -> int:
    svg = chart.hemicycle(
        scenario_of(args),
        coalition=args.coalition,
        quota=args.quota,
        title=args.title,
        blocs=args.blocs,
        labels=args.labels,
        width=args.width,
    )
    if args.output:
        Path(args.output).write_text(svg, encoding="utf-8")
    else:
        out.write(svg)
    return EXIT_OK


COMMANDS: list[Command] = [
    Command(
        "scenarios",
        "list the built-in scenarios",
        "example:\n  coalitions scenarios --format markdown",
        _scenarios_args,
        _scenarios_run,
    ),
    Command(
        "show",
        "show a chamber: seats, shares, tags, blocs and quotas",
        "examples:\n  coalitions show iraq-2025\n  coalitions show kurdistan-2024 --format markdown"
        "\n  coalitions show my-chamber.toml --format json",
        _show_args,
        _show_run,
    ),
    Command(
        "validate",
        "check a scenario file and report every problem (exit 1 if any)",
        "example:\n  coalitions validate my-chamber.toml",
        _validate_args,
        _validate_run,
    ),
    Command(
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
        _find_run,
    ),
    Command(
        "check",
        "explain whether a proposed coalition is viable, and who is needed",
        "examples:\n"
        "  coalitions check iraq-2025 rdc+kdp+taqaddum\n"
        "  coalitions check iraq-2025 rdc+kdp+taqaddum --quota two-thirds --format json",
        _check_args,
        _check_run,
    ),
    Command(
        "power",
        "power indices side by side with seats: who really holds the balance",
        "examples:\n"
        "  coalitions power kurdistan-2024\n"
        "  coalitions power iraq-2025 --index banzhaf --index shapley-shubik --quota two-thirds\n"
        "  coalitions power iraq-2025 --exclude-tag militia-affiliated \\\n"
        "      --keep-together coordination-framework --index shapley-shubik --index owen\n"
        "gap: the first index minus the seat share.",
        _power_args,
        _power_run,
    ),
    Command(
        "allocate",
        "seats from votes, with any apportionment method, thresholds and districts",
        "examples:\n"
        "  coalitions allocate votes.csv --seats 18 --method iraq-2023\n"
        "  coalitions allocate votes.csv --seats 10 --method dhondt --threshold 5%\n"
        "  coalitions allocate districts.toml --method dhondt --by-district\n"
        "  coalitions allocate districts.toml --to-scenario recomputed.toml",
        _allocate_args,
        _allocate_run,
    ),
    Command(
        "methods",
        "the apportionment methods, with aliases and one-line definitions",
        "example:\n  coalitions methods --format markdown",
        _methods_args,
        _methods_run,
    ),
    Command(
        "diagram",
        "a hemicycle diagram (SVG) of a chamber, with a coalition and the quota line",
        "examples:\n"
        "  coalitions diagram iraq-2025 --coalition rdc+kdp+taqaddum -o chamber.svg\n"
        "  coalitions diagram kurdistan-2024 --coalition kdp+puk --title 'Erbil, 2024'\n"
        "  coalitions diagram iraq-2025 --blocs --quota two-thirds -o blocs.svg",
        _diagram_args,
        _diagram_run,
    ),
    Command(
        "whatif",
        "change a chamber (moves, vacancies, merges, splits) and look at the result",
        "examples:\n"
        "  coalitions whatif iraq-2025 --move kdp:puk:3 --vacate huqooq\n"
        "  coalitions whatif iraq-2021 --vacate sadrist find --count\n"
        "  coalitions whatif iraq-2025 --split-factions us-designated power --index ss\n"
        "  coalitions whatif kurdistan-2024 --move kdp:puk:5 --save changed.toml",
        _whatif_args,
        _whatif_run,
    ),
    Command(
        "simulate",
        "seat intervals and coalition probabilities from uncertain vote shares",
        "examples:\n"
        "  coalitions simulate shares.toml --draws 10000 --seed 1\n"
        "  coalitions simulate shares.toml --coalition kdp+puk --executor processes",
        _simulate_args,
        _simulate_run,
    ),
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="coalitions",
        description="Seat, quota and coalition calculations for fragmented parliaments.",
        epilog="Start with `coalitions scenarios` and `coalitions show iraq-2025`.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        p = sub.add_parser(
            command.name,
            help=command.help,
            description=command.help[0].upper() + command.help[1:] + ".",
            epilog=command.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_arguments(p)
        p.set_defaults(_run=command.run)
    return parser


_THEN: Final = ("show", "find", "check", "power")


def _split_whatif(argv: list[str]) -> tuple[list[str], list[str]]:
    """``whatif SCENARIO [changes] [COMMAND ...]``: the whatif part and the command part.

    Every whatif option takes one value, so the command is the first bare word that is
    not an option's value.
    """
    i = 2
    while i < len(argv):
        token = argv[i]
        if token.startswith("-"):
            i += 1 if "=" in token or token in ("-h", "--help") else 2
            continue
        if token in _THEN:
            return argv[:i], argv[i:]
        i += 1
    return argv, []


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out = stdout if stdout is not None else sys.stdout
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    then: list[str] = []
    if words[:1] == ["whatif"]:
        words, then = _split_whatif(words)
    args = parser.parse_args(words)
    if then:
        args.then = then
    if getattr(args, "_run", None) is None:
        parser.print_help(out)
        return EXIT_USAGE
    try:
        code: int = args._run(args, out)
    except CoalitionsError as err:
        first, *rest = str(err).splitlines()
        sys.stderr.write(f"coalitions: error: {first}\n")
        for line in rest:
            sys.stderr.write(f"{line}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `coalitions show iraq-2025 | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("coalitions: interrupted\n")
        return 130
    return code
