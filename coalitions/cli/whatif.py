"""``coalitions whatif``: change a chamber, then show it or run a command on it.

``whatif SCENARIO [CHANGES] [COMMAND ...]``: the changes are applied in the order given;
the follow-up command (``show``, ``find``, ``check``, ``power`` or ``diagram``, with its
own options)
is a sub-command of ``whatif``, parsed in the same pass, and runs on the changed chamber.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any, Final, TextIO

from .. import report, whatif
from ..errors import UnknownPartyError, WhatIfError, unknown
from ..model import Legislature
from ..scenarios import list_scenarios, load_scenario, write_scenario
from .diagram import DIAGRAM
from .find import CHECK, FIND
from .options import EXIT_OK, Command, add_command, emit
from .power import POWER
from .scenarios import SHOW

__all__ = ["CHANGES", "COMMANDS", "THEN", "WHATIF", "apply_changes", "parse_change"]

#: The commands ``whatif`` can run on the changed chamber.
THEN: Final = (SHOW, FIND, CHECK, POWER, DIAGRAM)

#: The changes ``whatif`` chains, by option name: each takes the chamber and the
#: argument :func:`parse_change` read from the option's text.
CHANGES: Final[dict[str, Callable[[Legislature, Any], Legislature]]] = {
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


def _keys(text: str) -> list[str]:
    return [k for k in text.replace(",", "+").split("+") if k]


def parse_change(name: str, text: str) -> tuple[str, Any]:
    """The argument of the change ``name`` from its option's text (``kdp:puk:3``)."""
    parts = text.split(":")
    try:
        if name == "move":
            a, b, n = parts
            return name, (a, b, int(n))
        if name == "set":
            key, n = parts
            return name, {key: int(n)}
        if name in ("vacate", "remove"):
            return name, _keys(text)
        if name in ("merge", "join"):
            keys, target = parts
            return name, ([k for k in keys.split("+") if k], target)
        if name == "alternative" and len(parts) == 2:
            return name, (parts[0], [k for k in parts[1].split("+") if k])
        return name, text
    except ValueError:
        raise WhatIfError(f"--{name} expects {_FORMS[name]} (got {text!r})") from None


#: What the library's what-if messages call things, and what the command calls them.
_CLI_WORDS: Final = (
    ("pick lists with 'parties'", "name the lists (--alternative SOURCE:A+B)"),
    ("make room with move_seats or vacate", "make room first with --move or --vacate"),
)


def _unknown_key(option: str, text: str, err: UnknownPartyError, leg: Legislature) -> str:
    """``--vacate sadrist: unknown list 'sadrist' in ...; did you mean ...?``, and the
    built-in scenarios that have the key, when the chamber has nothing close."""
    message = f"--{option} {text}: " + unknown("list", err.key, err.known, where=leg.name)
    if not err.suggestions and isinstance(err.key, str):
        elsewhere = [
            name
            for name in list_scenarios()
            if name != leg.name and err.key in load_scenario(name).keys
        ]
        if elsewhere:
            message += f"; {err.key!r} is a list of {' and '.join(elsewhere)}"
        message += " (`coalitions show SCENARIO` lists the keys)"
    return message


def apply_changes(leg: Legislature, changes: Sequence[tuple[str, str]]) -> Legislature:
    """``leg`` after the changes ``(option name, option text)``, in order; every
    change is read before any is made. An error names the option and its text, in the
    command's words."""
    for name, _ in changes:
        if name not in CHANGES:
            raise WhatIfError(unknown("change", name, CHANGES))
    parsed = [(*parse_change(name, text), text) for name, text in changes]
    for name, arg, text in parsed:
        try:
            leg = CHANGES[name](leg, arg)
        except UnknownPartyError as err:
            raise WhatIfError(_unknown_key(name, text, err, leg)) from None
        except WhatIfError as err:
            message = str(err)
            for python, words in _CLI_WORDS:
                message = message.replace(python, words)
            raise WhatIfError(f"--{name} {text}: {message}") from None
    return leg


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


_OPTIONS: Final = (
    ("--move", "FROM:TO:N", "move N seats from one list to another"),
    ("--set", "KEY:N", "set a list's seats"),
    ("--vacate", "KEY", "empty a list's seats (resignation); the size is unchanged"),
    ("--remove", "KEY", "remove a list (its seats become vacant)"),
    ("--merge", "A+B:NEWKEY", "merge lists into one"),
    ("--split-factions", "TAG", "make the factions carrying TAG lists of their own"),
    ("--join", "A+B:TARGET", "lists join a list (seats added) or a bloc (membership)"),
    (
        "--alternative",
        "SOURCE[:A+B]",
        "use the seat figures a source reports (for the lists named, or all)",
    ),
)


def _whatif_args(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("changes, applied in the order given")
    for option, metavar, text in _OPTIONS:
        g.add_argument(option, dest=option[2:], action=_Change, metavar=metavar, help=text)
    parser.add_argument(
        "--save", metavar="FILE", default=None, help="write the changed chamber as a scenario file"
    )
    parser.set_defaults(changes=[], then_run=None)
    then = parser.add_subparsers(
        dest="then",
        metavar="COMMAND",
        title="then, optionally, a command on the changed chamber",
    )
    for command in THEN:
        add_command(then, command, scenario=False).set_defaults(then_run=command.run_on)


def _changes_line(before: Legislature, after: Legislature) -> str:
    diff = [
        f"{p.key}: {before[p.key].seats if p.key in before else 0} -> {p.seats}"
        for p in after
        if p.key not in before or before[p.key].seats != p.seats
    ]
    diff += [f"{k}: removed" for k in before.keys if k not in after]
    return "changes: " + ("; ".join(diff) if diff else "none")


def _whatif_run(before: Legislature, args: argparse.Namespace, out: TextIO) -> int:
    after = apply_changes(before, args.changes)
    if args.save:
        write_scenario(after, args.save)
    if args.then_run is not None:
        code: int = args.then_run(after, args, out)
        return code
    emit(out, _changes_line(before, after))
    emit(out, "")
    emit(out, report.show(after, "table"))
    return EXIT_OK


WHATIF = Command(
    "whatif",
    "change a chamber (moves, vacancies, merges, splits) and look at the result",
    "examples:\n"
    "  coalitions whatif iraq-2025 --move kdp:puk:3 --vacate huqooq\n"
    "  coalitions whatif iraq-2021 --vacate sadrist find --count\n"
    "  coalitions whatif iraq-2025 --split-factions us-designated power --index ss\n"
    "  coalitions whatif kurdistan-2024 --move kdp:puk:5 --save changed.toml\n\n"
    "After the changes, a command (show, find, check, power or diagram) with its own\n"
    "options "
    "runs on the changed chamber; without one, the changes and the chamber are shown.\n"
    "  coalitions whatif iraq-2025 --vacate huqooq diagram -o changed.svg",
    _whatif_args,
    run_on=_whatif_run,
)
COMMANDS = (WHATIF,)
