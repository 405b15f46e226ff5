"""Every example runs, and prints what its saved output says.

To refresh the saved outputs after an intended change:
COALITIONS_UPDATE_EXAMPLES=1 python -m pytest tests/test_examples.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def test_every_example_has_saved_output() -> None:
    assert SCRIPTS, "no examples found"
    for script in SCRIPTS:
        assert (EXAMPLES / "output" / f"{script.stem}.txt").exists(), script.name


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_example_output(script: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # examples that write files write them here
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    saved = EXAMPLES / "output" / f"{script.stem}.txt"
    if os.environ.get("COALITIONS_UPDATE_EXAMPLES"):
        saved.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == saved.read_text(encoding="utf-8")
