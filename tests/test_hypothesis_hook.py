"""The ``hypothesis`` entry point is lazy: importing Hypothesis, in any project of the
environment, imports nothing of coalitions but a tiny hook; the strategies are still
registered for ``st.from_type`` whichever of the two is imported first."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

import pytest


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_entry_point_is_the_tiny_hook() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    ours = [p for p in points if p.value.startswith(("_coalitions", "coalitions"))]
    assert [p.value for p in ours] == ["_coalitions_hypothesis:_hypothesis_setup_hook"]


def test_importing_hypothesis_imports_no_coalitions_module() -> None:
    out = _run(
        "import sys, json, hypothesis\n"
        "print(json.dumps(sorted(m for m in sys.modules if 'coalitions' in m)))"
    )
    assert json.loads(out) == ["_coalitions_hypothesis"]


@pytest.mark.parametrize(
    "imports", ["import hypothesis; import coalitions", "import coalitions; import hypothesis"]
)
def test_from_type_works_whichever_comes_first(imports: str) -> None:
    out = _run(
        f"{imports}\n"
        "import sys\n"
        "from hypothesis import strategies as st, find, settings, Phase\n"
        "assert 'coalitions.strategies' not in sys.modules\n"
        "leg = find(st.from_type(coalitions.Legislature), lambda leg: len(leg.parties) >= 2,\n"
        "           settings=settings(phases=[Phase.generate], database=None))\n"
        "print(type(leg).__name__, 'coalitions.strategies' in sys.modules)"
    )
    assert out.split() == ["Legislature", "True"]


def test_the_wheel_ships_the_hook() -> None:
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = config["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert wheel["force-include"] == {"_coalitions_hypothesis.py": "_coalitions_hypothesis.py"}
    assert (root / "_coalitions_hypothesis.py").is_file()
