"""The ``coalitions`` command: the parser of every subcommand, and :func:`main`."""

from __future__ import annotations

import argparse
import contextlib
import sys
import traceback
from collections.abc import Sequence
from typing import Final, TextIO

from .. import __version__, escape
from ..errors import CoalitionsError
from . import (
    apportion,
    completion,
    diagram,
    find,
    formation,
    page,
    power,
    scenarios,
    simulate,
    whatif,
)
from .options import (
    EXIT_CRASH,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    add_command,
    runner,
)

__all__ = ["COMMANDS", "build_parser", "main"]

#: Every subcommand, in the order ``coalitions --help`` lists them.
COMMANDS: Final[tuple[Command, ...]] = (
    *scenarios.COMMANDS,
    *find.COMMANDS,
    *power.COMMANDS,
    *apportion.COMMANDS,
    *diagram.COMMANDS,
    *page.COMMANDS,
    *whatif.COMMANDS,
    *simulate.COMMANDS,
    *formation.COMMANDS,
    *completion.COMMANDS,
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="coalitions",
        description="Seat, quota and coalition calculations for fragmented parliaments.",
        epilog="Start with `coalitions scenarios` and `coalitions show iraq-2025`.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="on an unexpected error, show the Python traceback (for a bug report)",
    )
    parser.set_defaults(root_parser=parser)  # for `completion`, which reads the parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        add_command(sub, command).set_defaults(_run=runner(command))
    return parser


def _report(err: CoalitionsError) -> int:
    first, *rest = escape.text(str(err), "table").splitlines() or [""]
    sys.stderr.write(f"coalitions: error: {first}\n")
    for line in rest:
        sys.stderr.write(f"{line}\n")
    return EXIT_USAGE


def _tolerant(stream: object) -> None:
    """Let a real output stream write what its encoding cannot (``PYTHONIOENCODING=ascii``
    and the like) as escapes, instead of failing on a name or a separator."""
    reconfigure = getattr(stream, "reconfigure", None)
    if callable(reconfigure):
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line on ``argv`` (default: the process's arguments), printing
    to ``stdout`` (default: standard output); returns the exit code.

    Exit codes: 0 done; 1 a check that failed (``validate`` found problems, ``check`` a
    coalition that is not viable); 2 a usage error or bad input, said in one line on
    standard error; 3 an unexpected error inside coalitions, said in one line with a
    request to report it (``--debug`` shows the traceback); 130 interrupted (Ctrl-C),
    after what was produced so far. Help and ``--version`` print to ``stdout`` too.
    """
    out = stdout if stdout is not None else sys.stdout
    _tolerant(out)
    _tolerant(sys.stderr)
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        with contextlib.redirect_stdout(out):
            args = parser.parse_args(words)
    except SystemExit as stop:  # --help, --version, or a usage error argparse reported
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if getattr(args, "_run", None) is None:
        parser.print_help(out)
        return EXIT_USAGE
    try:
        code: int = args._run(args, out)
    except CoalitionsError as err:
        return _report(err)
    except BrokenPipeError:  # e.g. `coalitions show iraq-2025 | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("coalitions: interrupted\n")
        return EXIT_INTERRUPTED
    except Exception as err:  # a bug: one line, and the traceback only when asked
        if args.debug:
            traceback.print_exc()
        first = escape.text(str(err), "table").splitlines()[0][:200] if str(err) else ""
        sys.stderr.write(
            f"coalitions: internal error: {type(err).__name__}: {first}\n"
            "please report this as a bug, with the command and --debug's output\n"
        )
        return EXIT_CRASH
    return code
