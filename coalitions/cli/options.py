"""What the subcommands share: the :class:`Command` shape, exit codes, the common
options (``SCENARIO``, ``--format``, ``--quota``, the red lines), printing and progress."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Final, NamedTuple, TextIO

from .. import escape, report, rules
from ..constraints import ASSUMPTIONS, Constraints, compile_game
from ..errors import CoalitionsError, ConstraintError
from ..model import Legislature
from ..scenarios import open_scenario, write_text

__all__ = [
    "EXIT_CHECK_FAILED",
    "EXIT_CRASH",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Command",
    "add_command",
    "add_constraints",
    "add_format",
    "add_labels",
    "add_output",
    "add_quota",
    "add_scenario",
    "chamber_of",
    "constraints_from",
    "emit",
    "progress",
    "rule",
    "terminal",
    "terminal_width",
    "uncounted_line",
    "write_output",
]

EXIT_OK: Final = 0
EXIT_CHECK_FAILED: Final = 1
EXIT_USAGE: Final = 2
#: An unexpected error inside coalitions (a bug: please report it).
EXIT_CRASH: Final = 3
#: Stopped by Ctrl-C (SIGINT), after printing what was produced so far.
EXIT_INTERRUPTED: Final = 130


class Command(NamedTuple):
    """A subcommand of ``coalitions``.

    ``add_arguments`` adds its options. A command on a chamber has ``run_on``: it
    takes ``SCENARIO`` first and runs on the chamber it names, and ``whatif`` can run it
    on a changed chamber. Any other command has ``run``.
    """

    name: str
    help: str
    epilog: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, TextIO], int] | None = None
    run_on: Callable[[Legislature, argparse.Namespace, TextIO], int] | None = None


class _OnScenario:
    """Runs a chamber command on the chamber named by ``SCENARIO``."""

    def __init__(self, run_on: Callable[[Legislature, argparse.Namespace, TextIO], int]) -> None:
        self.run_on = run_on

    def __call__(self, args: argparse.Namespace, out: TextIO) -> int:
        return self.run_on(chamber_of(args), args, out)


def chamber_of(args: argparse.Namespace) -> Legislature:
    """The chamber ``SCENARIO`` names, on ``--as-of`` (its record replayed to that day),
    counted ``--with-affiliates`` or ``--as-lists`` when asked."""
    leg = open_scenario(args.scenario)
    if getattr(args, "as_of", None):
        leg = leg.at(args.as_of)
    if getattr(args, "with_affiliates", False):
        leg = leg.with_affiliates()
    if getattr(args, "as_lists", False):
        leg = leg.as_lists()
    return leg


def add_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    command: Command,
    *,
    scenario: bool = True,
) -> argparse.ArgumentParser:
    """The parser of ``command`` under ``subparsers``, with ``SCENARIO`` first for a
    command on a chamber (unless ``scenario`` is False: ``whatif`` hands it over)."""
    parser = subparsers.add_parser(
        command.name,
        help=command.help,
        description=command.help[0].upper() + command.help[1:] + ".",
        epilog=command.epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if command.run_on is not None and scenario:
        add_scenario(parser)
    command.add_arguments(parser)
    return parser


def runner(command: Command) -> Callable[[argparse.Namespace, TextIO], int]:
    """The function that runs ``command`` from its parsed arguments."""
    if command.run_on is not None:
        return _OnScenario(command.run_on)
    if command.run is None:
        raise TypeError(f"the command {command.name!r} has nothing to run")
    return command.run


def add_format(parser: argparse.ArgumentParser, formats: Sequence[str] = report.FORMATS) -> None:
    """The ``--format`` option shared by the subcommands that print results."""
    parser.add_argument(
        "--format",
        "-f",
        choices=formats,
        default="table",
        help="output format (default: table)",
    )
    parser.add_argument(
        "--exact",
        action="store_true",
        help=f"CSV and JSON: exact numbers as p/q (default: decimals of {report.DECIMALS} places)",
    )


def add_scenario(parser: argparse.ArgumentParser) -> None:
    """The ``SCENARIO`` argument: a built-in name or a scenario file."""
    parser.add_argument(
        "scenario",
        metavar="SCENARIO",
        help="a built-in scenario (see `coalitions scenarios`) or a .toml/.json scenario file",
    )
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        default=None,
        help="the chamber on this date (YYYY-MM-DD): its record of events replayed to it",
    )
    counting = parser.add_mutually_exclusive_group()
    counting.add_argument(
        "--with-affiliates",
        action="store_true",
        help="count affiliated seats with their patron party, affiliated lists in its bloc",
    )
    counting.add_argument(
        "--as-lists",
        action="store_true",
        help="elected lists only: no affiliation counts, no list inherits its patron's ties "
        "(the reading of the first release)",
    )


def rule(text: str) -> rules.Rule:
    """An argument type: a quota rule (a name, a share or a seat count)."""
    try:
        return rules.parse_rule(text)
    except CoalitionsError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def add_quota(parser: argparse.ArgumentParser) -> None:
    """The ``--quota`` option: a rule name, a share (``3/5``, ``60%``) or a seat count."""
    parser.add_argument(
        "--quota",
        "-q",
        type=rule,
        default="majority",
        help="majority (default), two-thirds, blocking-third, unanimity, a share such as "
        "3/5 or 60%%, or a seat count",
    )


def add_labels(parser: argparse.ArgumentParser, default: str, what: str) -> None:
    """``--labels key|name|native``: how lists are named in a picture or a page."""
    parser.add_argument(
        "--labels",
        choices=("key", "name", "native"),
        default=default,
        help=f"{what} (default: {default})",
    )


def add_output(parser: argparse.ArgumentParser, kind: str) -> None:
    """``--output FILE`` (``-o``): where a written document goes."""
    parser.add_argument(
        "--output",
        "-o",
        default=None,
        metavar="FILE",
        help=f"write the {kind} here (default: standard output)",
    )


def write_output(args: argparse.Namespace, text: str, out: TextIO) -> int:
    """Write a document to ``--output`` (through the one checked writer) or to ``out``."""
    if args.output:
        write_text(args.output, text)
    else:
        out.write(text)
    return EXIT_OK


#: The red-line options: (option, metavar, help); a flag has no metavar, and every
#: other option is repeatable.
_RED_LINES: Final = (
    ("--exclude", "KEY", "leave out a party (or every member of a bloc); repeatable"),
    ("--exclude-tag", "TAG", "leave out lists tagged TAG (and factions tagged TAG); repeatable"),
    (
        "--whole-lists",
        None,
        "with --exclude-tag, leave out a whole list when a faction carries the tag",
    ),
    ("--require", "KEY", "a party (or bloc) every coalition must include; repeatable"),
    ("--require-tag", "TAG", "at least one member must carry TAG; repeatable"),
    ("--forbid", "A+B", "two parties that will not sit together; repeatable"),
    ("--keep-together", "BLOC", "a bloc that joins whole or not at all; repeatable"),
)


def add_constraints(parser: argparse.ArgumentParser) -> None:
    """The red-line options, mapped one to one onto :class:`~coalitions.Constraints`."""
    g = parser.add_argument_group("red lines")
    for option, metavar, text in _RED_LINES:
        if metavar is None:
            g.add_argument(option, action="store_true", help=text)
        else:
            g.add_argument(option, action="append", default=[], metavar=metavar, help=text)
    g.add_argument("--max-parties", type=int, metavar="N", help="at most N parties")
    g.add_argument("--min-seats", type=int, metavar="N", help="at least N seats")
    g.add_argument("--max-surplus", type=int, metavar="N", help="at most N seats above the quota")
    g.add_argument(
        "--faction-seats",
        action="append",
        default=[],
        metavar="ASSUMPTION",
        help="the seats to assume for an excluded faction whose seats are unknown: least, "
        "most, or PARTY/FACTION=N (repeatable); without it, find --count gives the range",
    )


def faction_seats_of(values: list[str]) -> str | dict[str, int] | None:
    """The ``faction_seats`` of :class:`~coalitions.Constraints` from ``--faction-seats``."""
    if not values:
        return None
    if len(values) == 1 and values[0].strip() in ASSUMPTIONS:
        return values[0].strip()
    table: dict[str, int] = {}
    for value in values:
        key, sep, seats = value.partition("=")
        if not sep or "/" not in key or not seats.strip().isdigit():
            raise ConstraintError(
                "'--faction-seats' takes least, most, or PARTY/FACTION=N (got "
                f"{terminal(repr(value))})"
            )
        table[key.strip()] = int(seats.strip()[:9])
    return table


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
        faction_seats=faction_seats_of(args.faction_seats),
    )


def uncounted_line(leg: Legislature, quota: rules.Rule, constraints: Constraints) -> str | None:
    """One line saying which seats the red lines leave uncounted inside lists that stay
    in (factions carrying an excluded tag), and why; ``None`` when there are none. The
    same facts as ``check``'s notes, for ``find`` and ``power``."""
    reduced = compile_game(leg, quota, constraints).reduced
    if not reduced:
        return None
    by_party: dict[str, list[tuple[int, str]]] = {}
    for party, seats, why in reduced:
        by_party.setdefault(party, []).append((seats, why))
    parts = []
    for party, items in by_party.items():
        gone = sum(seats for seats, _why in items)
        held = leg[party].seats
        whys = ", ".join(f"{seats} of {why}" for seats, why in items)
        parts.append(f"{party} counts {held - gone} of {held}, without {whys}")
    return f"not counted: {'; '.join(parts)} (--whole-lists leaves such lists out whole)"


def terminal(text: str) -> str:
    """Text from user files made safe for a terminal: no control characters (escape
    codes) and no bidirectional overrides (:mod:`coalitions.escape`)."""
    return escape.text(text, "table")


def terminal_width(out: TextIO) -> int | None:
    """The width to fit tables to: the terminal's when ``out`` is one, else none."""
    isatty = getattr(out, "isatty", None)
    if callable(isatty) and isatty():
        return shutil.get_terminal_size().columns
    return None


def emit(out: TextIO, text: str) -> None:
    """Print a result, ending it with exactly one newline."""
    out.write(text.rstrip("\n") + "\n")


@contextlib.contextmanager
def progress(what: str = "coalitions") -> Iterator[Callable[[int], None]]:
    """Progress on stderr for listings that take over a second, if stderr is a terminal:
    ``tick(n)`` after the n-th result."""
    start = time.monotonic()
    shown = [False]
    last = [start]

    def tick(n: int) -> None:
        if n % 1000 or not sys.stderr.isatty():
            return
        now = time.monotonic()
        if now - start > 1 and now - last[0] > 0.5:
            sys.stderr.write(f"\r{n:,} {what} ...")
            sys.stderr.flush()
            shown[0] = True
            last[0] = now

    try:
        yield tick
    finally:
        if shown[0]:
            sys.stderr.write("\r\033[K")
