"""The ``coalitions`` command.

Exit codes: 0 success; 1 a check that failed (``validate`` found problems); 2 bad usage
or bad input, with a one-line message on stderr and no traceback.

Each subcommand is a :class:`Command`: a name, a help line, a function that adds its
arguments and a function that runs it and returns the exit code. New subcommands are
added to :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Final, NamedTuple, TextIO

from . import __version__, report
from .errors import CoalitionsError, ScenarioError
from .model import Legislature
from .scenarios import describe_scenarios, open_scenario, read_scenario

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
    """The legislature named by the ``SCENARIO`` argument."""
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


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit code."""
    out = stdout if stdout is not None else sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
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
