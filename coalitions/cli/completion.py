"""``coalitions completion``: a shell completion script, written from the parser itself.

The script completes the subcommands, each subcommand's options, the values of options
with a fixed set of choices (``--format``, ``--order-by``, ...), and the built-in
scenario names (then file names) for the arguments. Bash reads it directly; zsh through
its ``bashcompinit`` layer. No dependency: the script is plain shell.

    eval "$(coalitions completion bash)"     # in ~/.bashrc
    eval "$(coalitions completion zsh)"      # in ~/.zshrc
"""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Iterable, Iterator
from typing import Final, TextIO

from ..scenarios import list_scenarios
from .options import EXIT_OK, Command, emit

__all__ = ["COMMANDS", "COMPLETION", "script"]

SHELLS: Final = ("bash", "zsh")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _options(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        if action.option_strings:
            yield action


def _words(items: Iterable[object]) -> str:
    return " ".join(shlex.quote(str(i)) for i in items)


def _command_case(name: str, sub: argparse.ArgumentParser) -> list[str]:
    """The case of one subcommand: the values after its options with choices, then its
    options (and the subcommands of whatif, which may follow its changes)."""
    lines = [f"        {shlex.quote(name)})", '            case "$prev" in']
    for action in _options(sub):
        if action.choices:
            flags = "|".join(action.option_strings)
            lines.append(f"                {flags}) words={shlex.quote(_words(action.choices))};;")
    lines.append("            esac")
    every = [o for a in _options(sub) for o in a.option_strings]
    lines.append(f'            [ -z "$words" ] && opts={shlex.quote(_words(every))}')
    nested = _subcommands(sub)
    if nested:
        lines.append(f"            more={shlex.quote(_words(nested))}")
    lines.append("            ;;")
    return lines


def script(parser: argparse.ArgumentParser, shell: str = "bash") -> str:
    """The completion script of ``parser`` for ``shell`` (``bash`` or ``zsh``)."""
    commands = _subcommands(parser)
    top = [o for a in _options(parser) for o in a.option_strings]
    lines = [
        "# coalitions shell completion, written by `coalitions completion`",
    ]
    if shell == "zsh":
        lines += ["autoload -U +X bashcompinit && bashcompinit"]
    lines += [
        "_coalitions() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local words="" opts="" more=""',
        f"    local scenarios={shlex.quote(_words(list_scenarios()))}",
        '    if [ "$COMP_CWORD" -eq 1 ]; then',
        f'        COMPREPLY=($(compgen -W {shlex.quote(_words([*commands, *top]))} -- "$cur"))',
        "        return",
        "    fi",
        '    case "${COMP_WORDS[1]}" in',
    ]
    for name, sub in commands.items():
        lines += _command_case(name, sub)
    lines += [
        "    esac",
        '    if [ -n "$words" ]; then',
        '        COMPREPLY=($(compgen -W "$words" -- "$cur"))',
        '    elif [[ "$cur" == -* ]]; then',
        '        COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
        "    else",
        '        COMPREPLY=($(compgen -W "$scenarios $more" -- "$cur") $(compgen -f -- "$cur"))',
        "    fi",
        "}",
        "complete -o default -F _coalitions coalitions",
    ]
    return "\n".join(lines)


def _completion_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "shell", nargs="?", choices=SHELLS, default="bash", help="the shell (default: bash)"
    )


def _completion_run(args: argparse.Namespace, out: TextIO) -> int:
    emit(out, script(args.root_parser, args.shell))
    return EXIT_OK


COMPLETION = Command(
    "completion",
    "print a shell completion script (bash or zsh)",
    "examples:\n"
    '  eval "$(coalitions completion bash)"     # in ~/.bashrc\n'
    '  eval "$(coalitions completion zsh)"      # in ~/.zshrc',
    _completion_args,
    run=_completion_run,
)
COMMANDS = (COMPLETION,)
