"""``coalitions completion``: the script completes subcommands, options, choices and
scenario names, in a real bash."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import coalitions as co
from coalitions.cli import completion

BASH = shutil.which("bash")


def _complete(script: Path, *words: str) -> list[str]:
    assert BASH is not None
    call = " ".join(f"'{w}'" for w in words)
    program = (
        f"source {script}\n"
        f"COMP_WORDS=({call}); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); _coalitions\n"
        'printf "%s\\n" "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        [BASH, "-c", program], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.split()


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("completion") / "coalitions.bash"
    path.write_text(completion.script(co.cli.build_parser(), "bash"), encoding="utf-8")
    return path


def test_the_command_prints_a_script(run_cli) -> None:
    bash = run_cli("completion").stdout
    assert "complete -o default -F _coalitions coalitions" in bash
    zsh = run_cli("completion", "zsh").stdout
    assert zsh.startswith("# coalitions") and "bashcompinit" in zsh
    assert run_cli("completion", "fish").returncode == 2


def test_every_subcommand_and_option_is_in_it() -> None:
    text = completion.script(co.cli.build_parser())
    for command in co.cli.COMMANDS:
        assert f"        {command.name})" in text
    for option in ("--order-by", "--exclude-tag", "--wide", "--exact", "--draws"):
        assert option in text


@pytest.mark.skipif(BASH is None, reason="no bash on this machine")
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("coalitions", "fi"), ["find"]),
        (("coalitions", "find", "--ord"), ["--order-by"]),
        (
            ("coalitions", "find", "iraq-2025", "--order-by", ""),
            ["seats", "parties", "range", "none"],
        ),
        (("coalitions", "check", "-f", ""), ["table", "json"]),
        (("coalitions", "show", "kurd"), ["kurdistan-2024"]),
        (("coalitions", "whatif", "iraq-2025", "--vacate", "kdp", "dia"), ["diagram"]),
    ],
)
def test_bash_completes(bash_script: Path, words: tuple[str, ...], expected: list[str]) -> None:
    assert _complete(bash_script, *words) == expected


@pytest.mark.skipif(BASH is None, reason="no bash on this machine")
def test_the_script_is_valid_shell(bash_script: Path) -> None:
    assert BASH is not None
    subprocess.run([BASH, "-n", str(bash_script)], check=True, timeout=60)
