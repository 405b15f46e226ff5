"""``coalitions formation``: the step table, blocking queries, probabilities, errors."""

from __future__ import annotations

import json


def test_the_step_table(run_cli) -> None:
    r = run_cli("formation", "iraq-2021", "save-the-homeland", "--as-of", "2022-03-26")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("158 seats of 329 on 2022-03-26; procedure iraq")
    president = next(line for line in lines if line.startswith("president"))
    assert "220 of 329, quorum 220" in president and " 62 " in president
    assert "pm-designate: the largest-bloc is save-the-homeland" in lines


def test_json_and_csv(run_cli) -> None:
    r = run_cli("formation", "iraq-2025", "rdc+kdp+taqaddum", "--format", "json")
    rows = json.loads(r.stdout)
    assert [row["step"] for row in rows] == ["speaker", "president", "pm-designate", "cabinet"]
    assert rows[0]["short"] == 66
    r = run_cli("formation", "kurdistan-2024", "kdp+puk", "-p", "kurdistan", "-f", "csv")
    assert r.stdout.splitlines()[0].startswith("step,rule,seats,needed,passes")


def test_blocking_count_without_a_kurdish_list(run_cli) -> None:
    r = run_cli(
        "formation", "iraq-2021", "--as-of", "2022-03-26", "--blocking", "president",
        "--how", "absence", "--exclude-tag", "component:kurdish", "--count",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("32,206,130,190,951,145,865 minimal blocking coalitions")


def test_blocking_listing_and_power(run_cli) -> None:
    r = run_cli(
        "formation", "iraq-2021", "--as-of", "2022-03-26", "--blocking", "president",
        "--order-by", "seats", "--limit", "2",
    )  # fmt: skip
    assert r.stdout.splitlines()[0] == "blocking president: 110 seats (either)"
    assert "sadrist+taqaddum" in r.stdout
    r = run_cli(
        "formation", "kurdistan-2024", "-p", "kurdistan", "--blocking", "cabinet", "--power"
    )
    assert r.returncode == 0 and "banzhaf" in r.stdout


def test_probabilities(run_cli) -> None:
    r = run_cli(
        "formation", "kurdistan-2024", "kdp+puk", "-p", "kurdistan",
        "--attendance", "puk=1/2", "-f", "json", "--exact",
    )  # fmt: skip
    rows = json.loads(r.stdout)
    assert rows[0]["probability"] == "1/2" and rows[0]["likely_short"] == 1
    r = run_cli(
        "formation", "kurdistan-2024", "kdp+puk", "-p", "kurdistan",
        "--attendance", "puk=1/2", "-f", "json",
    )  # fmt: skip
    assert json.loads(r.stdout)[0]["probability"] == 0.5  # decimals unless --exact


def test_rules_and_largest_bloc(run_cli) -> None:
    r = run_cli("formation", "iraq-2021", "--rules", "--date", "2022-03-26")
    assert "quorum two-thirds" in r.stdout
    r = run_cli("formation", "iraq-2021", "--largest-bloc", "--as-of", "2022-06-23")
    assert "largest: coordination-framework (88 seats)" in r.stdout


def test_errors_exit_2(run_cli) -> None:
    for args in (
        ("formation", "iraq-2025"),
        ("formation", "iraq-2025", "kdp", "--attendance", "kdp"),
        ("formation", "iraq-2025", "kdp", "--attendance", "kdp=3/2"),
        ("formation", "iraq-2025", "kdp", "--procedure", "irak"),
        ("formation", "iraq-2025", "--blocking", "pm-designate"),
        ("formation", "iraq-2025", "nobody"),
    ):
        r = run_cli(*args)
        assert r.returncode == 2, args
        assert r.stderr.startswith("coalitions: error: ") and "Traceback" not in r.stderr
