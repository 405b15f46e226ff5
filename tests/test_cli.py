"""The command line: run in this process through ``main(argv, stdout=...)`` (the
``run_cli`` fixture), and a few smoke tests in a real subprocess as a user runs it."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import coalitions as co
import coalitions.cli.command as cli_command
import coalitions.cli.simulate as cli_simulate
from coalitions import report
from coalitions.cli import main

# --- smoke tests: a real process, as a user runs it ---


def test_console_script_runs(run_process) -> None:
    script = shutil.which("coalitions", path=str(Path(sys.executable).parent))
    assert script is not None, "the 'coalitions' console script is not installed"
    r = run_process("--version", program=[script])
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"coalitions {co.__version__}"


def test_module_writes_utf8(run_process) -> None:
    r = run_process("show", "iraq-2025")
    assert r.returncode == 0, r.stderr
    assert "size 329 · seated 329 · vacant 0" in r.stdout  # decoded as UTF-8
    assert r.stdout == _in_process("show", "iraq-2025")


def test_module_exit_code_and_one_line_error(run_process) -> None:
    r = run_process("whatif", "iraq-2021", "--vacate", "sadrist", "check", "sadrist+kdpp")
    assert r.returncode == 2
    assert r.stderr.startswith("coalitions: error: unknown party 'kdpp'")
    assert "Traceback" not in r.stderr and r.stdout == ""


def _in_process(*args: str) -> str:
    buffer = io.StringIO()
    assert main(list(args), stdout=buffer) == 0
    return buffer.getvalue()


# --- in this process ---


def test_version(run_cli) -> None:
    r = run_cli("--version")
    assert r.returncode == 0
    assert r.stdout.strip() == f"coalitions {co.__version__}"


def test_no_command_prints_help_and_exits_2(run_cli) -> None:
    r = run_cli()
    assert r.returncode == 2
    assert "scenarios" in r.stdout
    assert "show" in r.stdout


def test_scenarios(run_cli) -> None:
    r = run_cli("scenarios")
    assert r.returncode == 0
    for name in co.list_scenarios():
        assert name in r.stdout
    assert "329-seat" in r.stdout


def test_show_iraq(run_cli) -> None:
    r = run_cli("show", "iraq-2025")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "majority 165" in out
    assert "two-thirds 220" in out
    assert "size 329 · seated 329 · vacant 0" in out
    assert "coordination-framework" in out
    assert "Blocs" in out
    assert "13.98%" in out  # RDC: 46 / 329


def test_show_formats(run_cli) -> None:
    md = run_cli("show", "kurdistan-2024", "--format", "markdown").stdout
    assert md.startswith("## Kurdistan Region")
    assert "|:---" in md or "|---" in md
    data = json.loads(run_cli("show", "kurdistan-2024", "--format", "json").stdout)
    assert data["size"] == 100
    assert data["quotas"] == {"majority": 51, "two-thirds": 67}
    assert data["parties"][0] == {
        "key": "kdp",
        "name": "Kurdistan Democratic Party",
        "seats": 39,
        "share": 0.39,
        "tags": ["component:kurdish"],
        "bloc": None,
    }
    csv_out = run_cli("show", "kurdistan-2024", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "key,name,seats,share,tags,bloc"
    assert csv_out[1] == "kdp,Kurdistan Democratic Party,39,0.39,component:kurdish,"
    exact = run_cli("show", "kurdistan-2024", "--format", "csv", "--exact").stdout.splitlines()
    assert exact[1] == "kdp,Kurdistan Democratic Party,39,39/100,component:kurdish,"


def test_show_a_file(run_cli, tmp_path: Path, kurdistan: co.Legislature) -> None:
    co.write_scenario(kurdistan, tmp_path / "mine.toml")
    r = run_cli("show", str(tmp_path / "mine.toml"))
    assert r.returncode == 0
    assert "Kurdistan Region, Parliament (2024)" in r.stdout


def test_validate_good_and_bad(run_cli, tmp_path: Path, kurdistan: co.Legislature) -> None:
    co.write_scenario(kurdistan, tmp_path / "good.toml")
    good = run_cli("validate", str(tmp_path / "good.toml"))
    assert good.returncode == 0
    assert "valid" in good.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[chamber]\nname = "X"\nsize = 5\n[[parties]]\nkey = "a"\nname = "A"\n'
        'seats = -1\n[[parties]]\nkey = "b"\nname = "B"\nseats = 9\n',
        encoding="utf-8",
    )
    r = run_cli("validate", str(bad))
    assert r.returncode == 1
    assert "2 problems" in r.stdout
    assert "parties[0].seats: must be >= 0 (got -1) for party 'a'" in r.stdout
    assert "parties: hold 9 seats, more than the chamber's size 5" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr


def test_bad_input_exits_2_with_one_line(run_cli, tmp_path: Path) -> None:
    r = run_cli("show", "irak-2025")
    assert r.returncode == 2
    assert r.stderr.startswith("coalitions: error: unknown scenario 'irak-2025'")
    assert "did you mean 'iraq-2025'" in r.stderr
    assert "Traceback" not in r.stderr
    r = run_cli("show", str(tmp_path / "missing.toml"))
    assert r.returncode == 2
    assert "no such file" in r.stderr


def test_bad_usage_exits_2(run_cli) -> None:
    r = run_cli("show", "iraq-2025", "--format", "xml")
    assert r.returncode == 2
    assert "invalid choice" in r.stderr


def test_help_has_examples(run_cli) -> None:
    r = run_cli("show", "--help")
    assert r.returncode == 0
    assert "coalitions show iraq-2025" in r.stdout


# --- find and check ---


def test_find_red_lines(run_cli) -> None:
    r = run_cli(
        "find",
        "iraq-2025",
        "--exclude-tag",
        "militia-affiliated",
        "--require-tag",
        "component:kurdish",
        "--require-tag",
        "component:sunni",
        "--order-by",
        "seats",
        "--limit",
        "10",
        "--format",
        "json",
    )
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert len(rows) == 10
    assert [row["seats"] for row in rows] == sorted(row["seats"] for row in rows)
    assert all("sadiqoun" not in row["coalition"].split("+") for row in rows)


def test_find_count(run_cli) -> None:
    r = run_cli("find", "kurdistan-2024", "--count")
    assert r.stdout.strip() == str(co.count_coalitions(co.load_scenario("kurdistan-2024")))


def test_find_jsonl_streams_everything(run_cli) -> None:
    r = run_cli("find", "kurdistan-2024", "--format", "jsonl")
    lines = r.stdout.splitlines()
    assert len(lines) == co.count_coalitions(co.load_scenario("kurdistan-2024"))
    assert json.loads(lines[0])["coalition"] == "kdp+puk"


def test_find_keys_in_any_case_and_typos(run_cli) -> None:
    ok = run_cli("find", "kurdistan-2024", "--require", "KDP", "--max-parties", "2")
    assert ok.returncode == 0 and "kdp+puk" in ok.stdout
    bad = run_cli("find", "kurdistan-2024", "--require", "kpd")
    assert bad.returncode == 2
    assert "did you mean 'kdp'" in bad.stderr


def test_find_nothing(run_cli) -> None:
    r = run_cli("find", "kurdistan-2024", "--max-parties", "1")
    assert r.returncode == 0
    assert "no coalition meets these conditions" in r.stdout


def test_check(run_cli) -> None:
    r = run_cli("check", "iraq-2025", "rdc+kdp+taqaddum", "--quota", "two-thirds")
    assert r.returncode == 1  # not viable: scripts can write `if coalitions check ...`
    assert "121 short of the 220 needed" in r.stdout
    viable = run_cli("check", "kurdistan-2024", "kdp+puk+kiu", "-f", "json")
    assert viable.returncode == 0
    j = json.loads(viable.stdout)
    assert j["viable"] is True and j["superfluous"] == ["kiu"]


def test_bad_quota_is_usage_error(run_cli) -> None:
    r = run_cli("find", "iraq-2025", "--quota", "most")
    assert r.returncode == 2
    assert "unknown quota rule 'most'" in r.stderr


# --- power ---


def test_power_table(run_cli) -> None:
    r = run_cli("power", "kurdistan-2024", "--index", "shapley", "--index", "banzhaf")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["key", "seats", "share", "shapley-shubik", "banzhaf", "gap"]
    assert lines[2].split()[0] == "kdp"


def test_power_json_is_decimal_or_exact(run_cli) -> None:
    data = json.loads(run_cli("power", "kurdistan-2024", "-i", "ss", "-f", "json").stdout)
    puk = next(r for r in data["rows"] if r["key"] == "puk")
    assert puk["shapley-shubik"] == 0.1588  # 545/3432 to six places
    exact = run_cli("power", "kurdistan-2024", "-i", "ss", "-f", "json", "--exact").stdout
    puk = next(r for r in json.loads(exact)["rows"] if r["key"] == "puk")
    assert puk["shapley-shubik"] == "545/3432"


def test_power_refuses_non_monotone(run_cli) -> None:
    r = run_cli("power", "iraq-2025", "--forbid", "kdp+puk")
    assert r.returncode == 2
    assert "non-monotone" in r.stderr


# --- allocate and methods ---


def test_allocate_csv(run_cli, tmp_path: Path) -> None:
    f = tmp_path / "sul.csv"
    f.write_text(
        "list,votes\npuk,241143\nhalwest,75375\nnew-generation,69781\n"
        "kdp,68834\nkiu,65312\nkomal,34563\n",
        encoding="utf-8",
    )
    r = run_cli("allocate", str(f), "--seats", "18", "--method", "iraq-2023", "-f", "json")
    assert r.returncode == 0, r.stderr
    seats = {row["key"]: row["seats"] for row in json.loads(r.stdout)["seats"]}
    assert seats == {"puk": 8, "halwest": 3, "new-generation": 2, "kdp": 2, "kiu": 2, "komal": 1}


def test_allocate_toml_districts_to_scenario(run_cli, tmp_path: Path) -> None:
    f = tmp_path / "g.toml"
    f.write_text(
        'method = "iraq-2023"\n'
        '[[districts]]\nname = "duhok"\nseats = 11\n[districts.votes]\nkdp = 413890\nkiu = 72986\n'
        '[[reserved]]\nseat = "christian-duhok"\n[reserved.votes]\nbabylon = 3000\nother = 2000\n',
        encoding="utf-8",
    )
    out = tmp_path / "chamber.toml"
    r = run_cli("allocate", str(f), "--to-scenario", str(out))
    assert r.returncode == 0, r.stderr
    assert "Gallagher" in r.stdout
    leg = co.read_scenario(out)
    assert leg["kdp"].seats == 9 and leg["christian-duhok"].seats == 1


def test_allocate_errors(run_cli, tmp_path: Path) -> None:
    f = tmp_path / "v.csv"
    f.write_text("list,votes\na,10\nb,ten\n", encoding="utf-8")
    r = run_cli("allocate", str(f), "--seats", "3")
    assert r.returncode == 2
    assert "row 3: 'votes' must be a whole number (got 'ten')" in r.stderr
    f.write_text("list,votes\na,10\nb,10\n", encoding="utf-8")
    r = run_cli("allocate", str(f), "--seats", "1")
    assert r.returncode == 2 and "tie for the last seat between a, b" in r.stderr
    r = run_cli("allocate", str(f))
    assert r.returncode == 2 and "pass --seats N" in r.stderr


def test_methods(run_cli) -> None:
    r = run_cli("methods")
    assert r.returncode == 0
    for name in ("dhondt", "sainte-lague", "iraq-2023", "huntington-hill", "hare", "droop"):
        assert name in r.stdout


# --- whatif and simulate ---


def test_whatif_default_show(run_cli) -> None:
    r = run_cli("whatif", "kurdistan-2024", "--move", "kdp:puk:5", "--vacate", "gorran")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("changes: kdp: 39 -> 34; puk: 23 -> 28; gorran: 1 -> 0")
    assert "seated 99 · vacant 1" in r.stdout


def test_whatif_then_find_and_save(run_cli, tmp_path: Path) -> None:
    saved = tmp_path / "after.toml"
    r = run_cli(
        "whatif", "iraq-2021", "--vacate", "sadrist", "--save", str(saved), "find", "--count"
    )
    assert r.returncode == 0, r.stderr
    after = co.read_scenario(saved)
    assert r.stdout.strip() == str(co.count_coalitions(after))
    assert after["sadrist"].seats == 0


def test_whatif_bad_change(run_cli) -> None:
    r = run_cli("whatif", "kurdistan-2024", "--move", "kdp:puk")
    assert r.returncode == 2
    assert "--move expects FROM:TO:N (got 'kdp:puk')" in r.stderr
    r = run_cli("whatif", "kurdistan-2024", "--move", "puk:kdp:40")
    assert r.returncode == 2 and "cannot move 40 seats from 'puk'" in r.stderr


def test_simulate(run_cli, tmp_path: Path) -> None:
    f = tmp_path / "shares.toml"
    f.write_text(
        'seats = 20\nmethod = "hare"\nsample_size = 2000\n'
        '[shares]\na = "45%"\nb = "35%"\nc = "20%"\n'
        '[[coalitions]]\nmembers = ["a", "b"]\n',
        encoding="utf-8",
    )
    r = run_cli("simulate", str(f), "--draws", "200", "--seed", "4", "-f", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["draws"] == 200 and data["coalitions"][0]["probability"] == 1.0
    again = run_cli("simulate", str(f), "--draws", "200", "--seed", "4", "-f", "json")
    assert again.stdout == r.stdout
    table = run_cli("simulate", str(f), "--draws", "100", "--coalition", "a+c")
    assert "a+c" in table.stdout


def test_diagram(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "c.svg"
    r = run_cli(
        "diagram",
        "iraq-2025",
        "--coalition",
        "rdc+kdp+taqaddum",
        "-o",
        str(out),
        "--quota",
        "two-thirds",
    )
    assert r.returncode == 0, r.stderr
    svg = out.read_text(encoding="utf-8")
    assert svg.count('class="seat"') == 329 and 'data-seats="220"' in svg
    stdout = run_cli("diagram", "kurdistan-2024").stdout
    assert stdout.startswith("<svg") and stdout.rstrip().endswith("</svg>")


def test_show_wiki_formats(run_cli) -> None:
    r = run_cli("show", "kurdistan-2024", "--format", "mediawiki")
    assert '{| class="wikitable"' in r.stdout


def test_whatif_alternative_for_named_lists(run_cli) -> None:
    r = run_cli(
        "whatif",
        "iraq-2025",
        "--vacate",
        "state-support",
        "--alternative",
        "USKRD:kdp",
        "check",
        "kdp+puk",
    )
    assert r.returncode == 1, r.stderr  # 42 seats: not viable
    assert r.stdout.startswith("kdp+puk: 42 seats")  # KDP 27 (USKRD) + PUK 15


def test_whatif_parses_its_command_once(run_cli, monkeypatch) -> None:
    built = []
    real = cli_command.build_parser
    monkeypatch.setattr(cli_command, "build_parser", lambda: built.append(1) or real())
    r = run_cli("whatif", "kurdistan-2024", "--move", "kdp:puk:5", "power", "-i", "ss", "-f", "csv")
    assert r.returncode == 0, r.stderr
    assert len(built) == 1  # the follow-up is a sub-command of whatif, not a second parse
    assert r.stdout.splitlines()[0] == "key,seats,share,shapley-shubik,gap"
    assert "\nkdp,34," in r.stdout


def test_whatif_follow_up_help_and_bad_command(run_cli) -> None:
    r = run_cli("whatif", "kurdistan-2024", "--vacate", "gorran", "find", "--help")
    assert r.returncode == 0
    assert r.stdout.startswith("usage: coalitions whatif SCENARIO find")
    assert "--keep-together BLOC" in r.stdout
    bad = run_cli("whatif", "kurdistan-2024", "--vacate", "gorran", "allocate")
    assert bad.returncode == 2
    assert "invalid choice: 'allocate'" in bad.stderr
    assert run_cli("whatif", "kurdistan-2024", "find", "--count", "--vacate", "x").returncode == 2


def test_whatif_changes_in_order_then_show_csv(run_cli) -> None:
    r = run_cli(
        "whatif",
        "kurdistan-2024",
        "--merge",
        "kdp+puk:kp",
        "--remove",
        "gorran",
        "show",
        "-f",
        "csv",
    )
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()
    assert rows[1].startswith("kp,Kurdistan Democratic Party + Patriotic Union of Kurdistan,62,")
    assert not any(row.startswith(("gorran,", "kdp,", "puk,")) for row in rows)


def test_simulate_matches_the_library(run_cli, tmp_path: Path) -> None:
    f = tmp_path / "districts.toml"
    f.write_text(
        'method = "sainte-lague"\nsample_size = 500\nseed = 3\n'
        '[[districts]]\nname = "north"\nseats = 5\n[districts.shares]\na = 50\nb = 30\nc = 20\n'
        '[[districts]]\nname = "south"\nseats = 7\n[districts.shares]\na = 20\nb = 40\nc = 40\n'
        "[fixed]\nz = 1\n",
        encoding="utf-8",
    )
    r = run_cli("simulate", str(f), "--draws", "60", "--coalition", "A+b", "-f", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    sim = co.simulate(
        {"north": {"a": 50, "b": 30, "c": 20}, "south": {"a": 20, "b": 40, "c": 40}},
        {"north": 5, "south": 7},
        "sainte-lague",
        sample_size=500,
        draws=60,
        seed=3,
        fixed={"z": 1},
    )
    assert data["seed"] == 3 and data["method"] == "sainte-lague"
    assert [row["key"] for row in data["seats"]] == ["a", "b", "c", "z"]
    assert data["seats"][0]["median"] == sim.seat_intervals()["a"].median
    expected = sim.majority_probability({"a", "b"})
    assert data["coalitions"] == [{"coalition": "A+b", "probability": report.decimal(expected)}]


def test_simulate_file_problems_stop_before_any_draw(run_cli, tmp_path: Path, monkeypatch) -> None:
    def no_draws(*args, **kwargs):
        raise AssertionError("the draws ran")

    monkeypatch.setattr(cli_simulate, "simulate", no_draws)
    f = tmp_path / "bad.toml"
    f.write_text(
        'seats = 10\n[shares]\na = 60\nb = 40\n[fixed]\nz = "one"\n'
        '[[coalitions]]\nmembers = ["a", "c"]\n',
        encoding="utf-8",
    )
    r = run_cli("simulate", str(f))
    assert r.returncode == 2
    assert r.stderr.startswith(f"coalitions: error: {f}: 2 problems:")
    assert "'fixed.z' must be a whole number (got str 'one')" in r.stderr
    assert "'coalitions[0].members' unknown list 'c'" in r.stderr
    f.write_text("seats = 10\n[shares]\na = 60\nb = 40\n", encoding="utf-8")
    r = run_cli("simulate", str(f), "--coalition", "a+d")
    assert r.returncode == 2
    assert "unknown list 'd' in the --coalition for" in r.stderr
