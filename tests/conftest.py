"""Shared fixtures. Hypothesis uses its own deterministic ``ci`` profile when CI=true."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import settings

import coalitions as co
from coalitions.cli import main

ROOT = Path(__file__).resolve().parent.parent

# Locally: no per-example deadline (the first example pays for imports).
# HYPOTHESIS_PROFILE=thorough runs many more examples (a longer hunt for counterexamples).
settings.register_profile("local", deadline=None)
settings.register_profile("thorough", deadline=None, max_examples=2000)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
elif not os.environ.get("CI"):
    settings.load_profile("local")


@pytest.fixture(scope="session")
def iraq() -> co.Legislature:
    return co.load_scenario("iraq-2025")


@pytest.fixture(scope="session")
def iraq21() -> co.Legislature:
    return co.load_scenario("iraq-2021")


@pytest.fixture(scope="session")
def kurdistan() -> co.Legislature:
    return co.load_scenario("kurdistan-2024")


class CliResult(NamedTuple):
    """What a run of the command printed, and its exit code."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``coalitions ARGS`` in this process, as ``main(argv, stdout=buffer)``: the
    exit code is what ``main`` returns, standard error is captured by capsys, and nothing
    may reach the real standard output (every result goes to ``stdout=``)."""

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        buffer = io.StringIO()
        code = main(list(args), stdout=buffer)
        captured = capsys.readouterr()
        assert captured.out == "", "the command printed to sys.stdout instead of stdout="
        return CliResult(code, buffer.getvalue(), captured.err)

    return run


@pytest.fixture
def run_process() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``ARGS`` in a subprocess, as a user would (``sys.executable -m coalitions``
    unless the first argument is a program), with UTF-8 standard streams."""

    def run(*args: str, program: Sequence[str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*(program or [sys.executable, "-m", "coalitions"]), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )

    return run
