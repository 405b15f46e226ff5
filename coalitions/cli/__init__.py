"""The ``coalitions`` command.

Exit codes: 0 success; 1 a check that failed (``validate`` found problems); 2 bad usage
or bad input, with a one-line message on stderr and no traceback.

One module per group of subcommands (:mod:`~coalitions.cli.scenarios`,
:mod:`~coalitions.cli.find`, :mod:`~coalitions.cli.power`,
:mod:`~coalitions.cli.apportion`, :mod:`~coalitions.cli.diagram`,
:mod:`~coalitions.cli.whatif`, :mod:`~coalitions.cli.simulate`), each defining its
:class:`Command` values; the options they share are in :mod:`~coalitions.cli.options`;
:mod:`~coalitions.cli.command` builds the parser and runs it. A new subcommand is a :class:`Command`
added to :data:`COMMANDS`. The command computes nothing itself: it reads arguments,
calls the library and renders with :mod:`coalitions.report`.
"""

from .command import COMMANDS, build_parser, main
from .options import EXIT_CHECK_FAILED, EXIT_OK, EXIT_USAGE, Command

__all__ = [
    "COMMANDS",
    "EXIT_CHECK_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Command",
    "build_parser",
    "main",
]
