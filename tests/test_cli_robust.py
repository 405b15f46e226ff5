"""The command line under hostile conditions: crashes, interruption, encodings, paths.

Exit codes: 0 done, 1 a failed check, 2 bad input, 3 an unexpected error, 130 Ctrl-C.
"""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import coalitions as co
from coalitions.cli import find as find_module
from coalitions.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(argv), stdout=out), out.getvalue()


def test_an_unexpected_error_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(find_module.search, "find_coalitions", broken)
    code, _ = run("find", "kurdistan-2024")
    err = capsys.readouterr().err
    assert code == 3
    assert err.splitlines() == [
        "coalitions: internal error: ZeroDivisionError: a bug",
        "please report this as a bug, with the command and --debug's output",
    ]
    code, _ = run("--debug", "find", "kurdistan-2024")
    err = capsys.readouterr().err
    assert code == 3 and "Traceback (most recent call last)" in err


def test_bad_input_is_exit_2_and_a_failed_check_is_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[chamber]\nname = "X"\nsize = 0\n[[parties]]\n', encoding="utf-8")
    assert run("show", str(bad))[0] == 2
    assert run("validate", str(bad))[0] == 1
    assert "Traceback" not in capsys.readouterr().err


def test_ctrl_c_before_the_first_result(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> Iterator[co.Coalition]:
        raise KeyboardInterrupt
        yield  # a generator, like the real one

    monkeypatch.setattr(find_module.search, "find_coalitions", interrupted)
    for fmt in ("table", "jsonl"):
        code, out = run("find", "iraq-2025", "--limit", "0", "--format", fmt)
        assert code == 130, fmt
        assert "no coalition meets" not in out
        assert "interrupted after 0 results" in capsys.readouterr().err


def test_ctrl_c_after_some_results_prints_them(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = find_module.search.find_coalitions

    def some_then_stop(*args: object, **kwargs: object) -> Iterator[co.Coalition]:
        for i, c in enumerate(real(*args, **kwargs)):
            if i == 3:
                raise KeyboardInterrupt
            yield c

    monkeypatch.setattr(find_module.search, "find_coalitions", some_then_stop)
    code, out = run("find", "iraq-2025", "--limit", "0", "--format", "csv")
    assert code == 130
    assert len(out.strip().splitlines()) == 1 + 3
    assert "interrupted after 3 results" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["whatif", "kurdistan-2024", "--move", "kdp:puk:1", "--save", "{missing}/x.toml"],
        ["diagram", "kurdistan-2024", "-o", "{missing}/x.svg"],
        ["show", "x" * 5000],
    ],
)
def test_paths_that_cannot_be_used(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [a.replace("{missing}", str(tmp_path / "no" / "such")) for a in argv]
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("coalitions: error: ") and len(err.splitlines()) == 1


def test_an_output_that_cannot_encode_a_character() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "coalitions", "show", "kurdistan-2024"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"seated 100" in done.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and SIGINT are POSIX")
def test_ctrl_c_stops_a_process_pool_and_leaves_no_worker(tmp_path: Path) -> None:
    shares = tmp_path / "shares.toml"
    shares.write_text(
        'seats = 300\nsample_size = 5000\n[shares]\na = "40%"\nb = "35%"\nc = "25%"\n',
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "coalitions", "simulate", str(shares)]
    command += ["--draws", "1000000", "--executor", "processes"]
    proc = subprocess.Popen(  # a session of its own: the terminal's process group
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    time.sleep(2.5)  # imports, the pool started, draws running
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert b"interrupted" in err
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):  # nobody of the group is left
        os.killpg(proc.pid, 0)
