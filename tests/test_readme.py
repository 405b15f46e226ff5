"""The README's tour runs as written: every command of its shell block, from a clean
folder holding only what the repository ships (``examples/data/``), exits 0; and its
Python block runs."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import coalitions as co

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
TOUR = README.split("## A short tour", 1)[1]


def _block(text: str, lang: str) -> str:
    match = re.search(rf"```{lang}\n(.*?)```", text, re.DOTALL)
    assert match, f"no {lang} block in the tour"
    return match.group(1)


def tour_commands() -> list[list[str]]:
    """The tour's commands: continuation lines joined, comments dropped."""
    text = _block(TOUR, "sh").replace("\\\n", " ")
    commands = []
    for line in text.splitlines():
        words = shlex.split(line, comments=True)
        if words:
            commands.append(words)
    return commands


def test_the_tour_names_only_shipped_files() -> None:
    named = {w for c in tour_commands() for w in c if w.startswith("examples/")}
    assert named == {
        "examples/data/my-chamber.toml",
        "examples/data/votes.csv",
        "examples/data/shares.toml",
    }
    for path in named:
        assert (ROOT / path).is_file(), path


@pytest.mark.parametrize("command", tour_commands(), ids=lambda c: " ".join(c[:3]))
def test_every_tour_command_runs(command: list[str], tmp_path: Path) -> None:
    assert command[0] == "coalitions"
    shutil.copytree(ROOT / "examples" / "data", tmp_path / "examples" / "data")
    done = subprocess.run(
        [sys.executable, "-m", "coalitions", *command[1:]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout or "-o" in command
    if "-o" in command:  # the file is written where the tour runs, not in the clone
        written = (tmp_path / command[command.index("-o") + 1]).read_text(encoding="utf-8")
        assert written.lower().startswith(("<svg", "<!doctype html"))


def test_the_tour_python_block_runs(tmp_path: Path) -> None:
    code = _block(TOUR, "python")
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "56652561153" in code  # the count the block promises, checked here:
    iraq = co.load_scenario("iraq-2025")
    red = {
        "exclude_tags": {"militia-affiliated"},
        "require_tags": {"component:kurdish", "component:sunni"},
    }
    assert co.count_coalitions(iraq, "majority", **red) == 56652561153


def test_no_stray_output_is_tracked() -> None:
    """Outputs of the tour and the examples (SVG diagrams) are written where they run,
    never kept at the top of the repository."""
    listed = subprocess.run(
        ["git", "ls-files", "*.svg"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    top = [p for p in listed.stdout.splitlines() if "/" not in p]
    assert top == []
