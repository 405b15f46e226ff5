"""Shared fixtures. Hypothesis uses its own deterministic ``ci`` profile when CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

import coalitions as co

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


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m coalitions ARGS`` in a subprocess, as a user would."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "coalitions", *args],
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=120,
            check=False,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )

    return run
