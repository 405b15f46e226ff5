"""What the command prints for people and for pipes: listings that stream with an
exact footer, progress, ``show`` by seats and fitted to the width, and the seats the
red lines leave uncounted."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import coalitions as co
import coalitions.cli.find as cli_find
from coalitions.cli import listing

MILITIA = ("--exclude-tag", "militia-affiliated")


# ------------------------------------------------------------------ listings


def test_the_default_listing_says_how_many_there_are(run_cli) -> None:
    r = run_cli("find", "iraq-2025")
    assert r.returncode == 0, r.stderr
    total = co.count_coalitions(co.load_scenario("iraq-2025"))
    footer = r.stdout.strip().splitlines()[-1]
    assert footer.startswith(f"showing 20 of {total:,} minimal winning coalitions")
    assert "--order-by" in footer and "--limit" in footer


def test_a_complete_listing_needs_no_hint(run_cli) -> None:
    r = run_cli("find", "kurdistan-2024", "--max-parties", "2")
    assert r.stdout.strip().splitlines()[-1] == "showing 2 of 2 minimal winning coalitions"


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_data_formats_keep_the_footer_off_standard_output(run_cli, fmt: str) -> None:
    r = run_cli("find", "kurdistan-2024", "-f", fmt, "-n", "3")
    assert "showing" not in r.stdout
    assert "showing 3 of 303" in r.stderr
    if fmt == "json":
        assert len(json.loads(r.stdout)) == 3
    elif fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(r.stdout)))) == 3
    else:
        assert json.loads(r.stdout.splitlines()[0])["seats"] == 62


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_a_long_listing_is_printed_in_pages_with_the_same_rows(run_cli, fmt: str) -> None:
    """Past a page, every format still holds every result once, in order."""
    n = listing.PAGE + 7
    r = run_cli("find", "kurdistan-2024", "-f", fmt, "-n", str(n))
    assert r.returncode == 0, r.stderr
    expected = [str(c) for c in co.find_coalitions(co.load_scenario("kurdistan-2024"), limit=n)]
    if fmt == "json":
        assert [row["coalition"] for row in json.loads(r.stdout)] == expected
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.stdout)))
        assert [row["coalition"] for row in rows] == expected
    else:
        words = [line.strip("| ").split()[0] for line in r.stdout.splitlines() if "+" in line]
        assert words == expected


def test_a_listing_streams_before_the_search_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first page is written while the search still runs (memory stays flat)."""
    out = io.StringIO()
    seen: list[int] = []
    real = cli_find.search.find_coalitions

    def watched(*args: object, **kwargs: object) -> Iterator[co.Coalition]:
        for i, c in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if i == listing.PAGE + 1:
                seen.append(out.getvalue().count("\n"))
            yield c

    monkeypatch.setattr(cli_find.search, "find_coalitions", watched)
    assert co.cli.main(["find", "iraq-2025", "-n", "500", "-f", "csv"], stdout=out) == 0
    assert seen and seen[0] >= listing.PAGE  # a page was out before result PAGE + 2


def test_interrupted_listing_prints_what_it_has_and_exits_130(
    monkeypatch: pytest.MonkeyPatch, run_cli
) -> None:
    real = cli_find.search.find_coalitions

    def interrupted(*args: object, **kwargs: object) -> Iterator[co.Coalition]:
        for i, c in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if i == 5:
                raise KeyboardInterrupt
            yield c

    monkeypatch.setattr(cli_find.search, "find_coalitions", interrupted)
    r = run_cli("find", "iraq-2025", "-n", "0", "-f", "json")
    assert r.returncode == 130
    assert len(json.loads(r.stdout)) == 5
    assert "interrupted after 5 results" in r.stderr


def test_limit_0_into_head_prints_at_once() -> None:
    """``coalitions find iraq-2025 --limit 0 | head -3``: ten trillion results, the first
    three printed within seconds (the process then ends on the closed pipe)."""
    start = time.monotonic()
    with subprocess.Popen(
        [sys.executable, "-m", "coalitions", "find", "iraq-2025", "--limit", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    ) as proc:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        took = time.monotonic() - start
        proc.kill()
    assert lines[0].startswith("coalition") and "+" in lines[2]
    assert took < 20  # generous for a loaded machine; the benchmark measures it


def test_also_says_no_and_pivotal_says_all(run_cli) -> None:
    r = run_cli("find", "kurdistan-2024", "--also", "two-thirds", "-n", "400", "--all")
    lines = r.stdout.splitlines()
    assert lines[0].split()[-2:] == ["pivotal", "meets"]
    rows = [line.split() for line in lines[2:] if "+" in line]
    assert {row[-1] for row in rows} >= {"no", "two-thirds"}
    minimal = {str(c) for c in co.find_coalitions(co.load_scenario("kurdistan-2024"))}
    for row in rows:
        if row[0] in minimal:
            assert row[-2] == "all"
    assert any(row[0] not in minimal and row[-2] != "all" for row in rows)


def test_json_keeps_the_lists(run_cli) -> None:
    data = json.loads(
        run_cli("find", "kurdistan-2024", "--also", "two-thirds", "-f", "json").stdout
    )
    assert data[0]["pivotal"] == ["kdp", "puk"] and data[0]["meets"] == []


def test_order_by_range_shows_the_range(run_cli, tmp_path: Path) -> None:
    leg = co.Legislature(
        name="Placed",
        size=10,
        parties=[
            co.Party(key="a", name="A", seats=4, position=1),
            co.Party(key="b", name="B", seats=3, position=4),
            co.Party(key="c", name="C", seats=3, position=6),
        ],
    )
    co.write_scenario(leg, tmp_path / "placed.toml")
    r = run_cli("find", str(tmp_path / "placed.toml"), "--order-by", "range")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[:2] == ["coalition", "range"]
    assert lines[2].split()[:2] == ["b+c", "2"]  # from position 4 to 6


def test_find_and_power_say_which_seats_are_not_counted(run_cli) -> None:
    for command in (["find", "iraq-2025", "-n", "1"], ["power", "iraq-2025", "-i", "banzhaf"]):
        out = run_cli(*command, *MILITIA).stdout
        note = next(line for line in out.splitlines() if line.startswith("not counted"))
        assert "rdc counts 37 of 46" in note and "state-of-law counts 22 of 29" in note
        assert "kataib-sayyid-al-shuhada" in note
    assert "not counted" not in run_cli("find", "iraq-2025", "-n", "1").stdout
    data = run_cli("power", "iraq-2025", *MILITIA, "-f", "json")
    assert json.loads(data.stdout) and "rdc counts 37 of 46" in data.stderr


# ------------------------------------------------------------------ progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_gives_total_rate_and_eta() -> None:
    terminal = _Terminal()
    progress = listing.Progress(1_000_000, stream=terminal)
    line = progress.line(250_000, progress.start + 10)
    assert line == "250,000 of 1,000,000 coalitions · 25,000/s · ETA 30s"
    progress.start -= 5  # as if running for five seconds
    progress.last -= 5
    progress.tick(256 * 1000)
    assert "of 1,000,000 coalitions" in terminal.getvalue()
    progress.close()
    assert terminal.getvalue().endswith("\r\033[K")
    progress.close()  # once cleared, nothing more until the next tick draws
    assert terminal.getvalue().count("\r\033[K") == 1


def test_no_progress_when_not_a_terminal() -> None:
    quiet = io.StringIO()
    progress = listing.Progress(10, stream=quiet)
    progress.start -= 5
    progress.tick(256)
    progress.close()
    assert quiet.getvalue() == ""


# ---------------------------------------------------------------------- show


def test_show_lists_parties_by_seats_with_a_total(run_cli) -> None:
    lines = run_cli("show", "iraq-2025").stdout.splitlines()
    keys = [line.split()[0] for line in lines[6:12]]
    assert keys[:2] == ["rdc", "state-of-law"]  # 46, 29: not the file's order (rdc, kdp)
    total = next(line for line in lines if line.startswith("total"))
    assert total.split() == ["total", "329", "100.00%"]
    file_order = run_cli("show", "iraq-2025", "--file-order").stdout.splitlines()
    assert [line.split()[0] for line in file_order[6:8]] == ["rdc", "kdp"]


def test_show_lists_the_factions(run_cli) -> None:
    out = run_cli("show", "iraq-2025").stdout
    section = out.split("Factions inside lists:")[1].split("Blocs:")[0]
    faction = next(line for line in section.splitlines() if "kataib-sayyid-al-shuhada" in line)
    assert faction.split()[0] == "state-of-law" and "militia-affiliated" in faction
    data = json.loads(run_cli("show", "iraq-2025", "-f", "json").stdout)
    assert {f["list"] for f in data["factions"]} == {"rdc", "state-of-law", "nsf"}


@pytest.mark.parametrize("width", [80, 100, 120])
def test_show_fits_the_width(run_cli, width: int) -> None:
    out = run_cli("show", "iraq-2025", "--width", str(width)).stdout
    assert max(len(line) for line in out.splitlines() if not line.startswith("(left")) <= width
    assert "vacant 0" in out and "two-thirds 220" in out
    assert "--wide shows all" in out
    wide = run_cli("show", "iraq-2025", "--wide").stdout
    assert max(len(line) for line in wide.splitlines()) > 200 and "--wide" not in wide


# -------------------------------------------------------------------- whatif


def test_whatif_unknown_list_names_the_option_and_suggests(run_cli) -> None:
    r = run_cli("whatif", "iraq-2025", "--vacate", "sadrist")
    assert r.returncode == 2
    line = r.stderr.strip()
    assert line.startswith("coalitions: error: --vacate sadrist: unknown list 'sadrist'")
    assert "'keys'" not in line and "is a list of iraq-2021" in line
    close = run_cli("whatif", "iraq-2025", "--move", "kdp:pukk:3").stderr
    assert "--move kdp:pukk:3: unknown list 'pukk'" in close and "did you mean 'puk'" in close


def test_whatif_alternative_speaks_the_command_language(run_cli) -> None:
    r = run_cli("whatif", "iraq-2025", "--alternative", "AFP")
    assert r.returncode == 2
    assert "--alternative AFP:" in r.stderr and "--move or --vacate" in r.stderr
    assert "move_seats" not in r.stderr and "'parties'" not in r.stderr


def test_whatif_then_diagram(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    r = run_cli("whatif", "iraq-2025", "--vacate", "huqooq", "diagram", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8").startswith("<svg")


def test_short_options_mean_one_thing(run_cli) -> None:
    """``-n`` is a number of results (find's --limit) and nothing else; simulate's draws
    are ``-d``."""
    parser = co.cli.build_parser()
    seen: dict[str, set[str]] = {}
    for command in co.cli.COMMANDS:
        sub = parser._subparsers._group_actions[0].choices[command.name]  # type: ignore[union-attr]
        for action in sub._actions:
            shorts = [o for o in action.option_strings if len(o) == 2 and o != "-h"]
            longs = [o for o in action.option_strings if o.startswith("--")]
            for short in shorts:
                seen.setdefault(short, set()).update(longs)
    assert {short: longs for short, longs in seen.items() if len(longs) > 1} == {}
    assert seen["-n"] == {"--limit"} and seen["-d"] == {"--draws"}


def test_pages_start_on_a_clean_terminal_line() -> None:
    """The progress line (standard error) is cleared before each page is printed, so
    that a page on the same terminal does not start after it."""
    terminal = _Terminal()
    progress = listing.Progress(3, stream=terminal, every=1)
    progress.start -= 5
    progress.last -= 5
    events: list[str] = []

    class Watched(io.StringIO):
        def write(self, text: str) -> int:
            events.append("drawn" if progress.shown else "clean")
            return super().write(text)

    out = Watched()
    records = ({"coalition": f"a{i}", "seats": i} for i in range(3))
    code = listing.stream(
        records,
        out,
        columns=("coalition", "seats"),
        fmt="csv",
        exact=False,
        progress=progress,
        footer=lambda n: None,
    )
    assert code == 0 and "of 3 coalitions" in terminal.getvalue()
    assert events and set(events) == {"clean"}
