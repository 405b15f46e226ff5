"""The command-line reference cannot drift: its option listing is written from the
parser (``coalitions.cli.reference``) and equals ``--help``; the prose names every
option of every command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import coalitions as co
from coalitions.cli import reference

ROOT = Path(__file__).resolve().parent.parent
TEXTS = reference.help_texts()


@pytest.mark.parametrize("command", sorted(TEXTS))
def test_the_reference_is_what_help_prints(command: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coalitions", *command.split()[1:], "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "COLUMNS": str(reference.WIDTH + 2), "PYTHONIOENCODING": "utf-8"},
    )
    assert done.stdout == TEXTS[command]


def test_every_command_is_in_the_reference() -> None:
    assert set(TEXTS) == {"coalitions", *(f"coalitions {c.name}" for c in co.cli.COMMANDS)}
    text = reference.markdown()
    for command in TEXTS:
        assert f"### `{command}`" in text


def test_the_docs_include_the_generated_reference() -> None:
    page = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    assert "```{include} ../_generated/cli-help.md" in page
    conf = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
    assert "reference.markdown()" in conf


def test_the_prose_names_every_option() -> None:
    page = (ROOT / "docs" / "reference" / "cli.md").read_text(encoding="utf-8")
    prose = page.split("## Every option, as `--help` gives it")[0]
    named = set(re.findall(r"--[a-z][a-z-]*", prose))
    missing = {
        option
        for text in TEXTS.values()
        for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", text)
        if option not in named and option not in ("--help", "--version", "--debug")
    }
    assert missing == set()
