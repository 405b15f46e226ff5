"""Simulation files: read exactly, every problem named with its file and field, before
any draw runs."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.simulate import SimulationError, SimulationFile, read_simulation

GOOD = """
seats = 20
method = "webster"
sample_size = 2000
threshold = "5%"
draws = 300
seed = 4
[shares]
a = "45%"
b = 0.35
c = 20
[fixed]
z = 1
[[coalitions]]
members = ["A", "b"]
"""


def _file(tmp_path: Path, text: str, name: str = "sim.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_a_national_file(tmp_path: Path) -> None:
    f = read_simulation(_file(tmp_path, GOOD))
    assert f.seats == 20 and f.method == "sainte-lague" and f.sample_size == 2000
    assert dict(f.shares) == {"a": Fraction(9, 20), "b": Fraction(7, 20), "c": 20}
    assert f.threshold == Fraction(1, 20) and f.draws == 300 and f.seed == 4
    assert dict(f.fixed) == {"z": 1} and f.coalitions == (("a", "b"),)
    assert f.intervals is None
    assert f.lists == ("a", "b", "c", "z")
    assert f.members("c+Z") == ("c", "z")
    hash(f)  # a frozen value


def test_read_districts_and_intervals(tmp_path: Path) -> None:
    districts = read_simulation(
        _file(
            tmp_path,
            'seats = 12\n[[districts]]\nname = "north"\nseats = 5\n[districts.shares]\na = 1\n'
            '[[districts]]\nname = "south"\nseats = 7\n[districts.shares]\na = 1\nb = 2\n',
        )
    )
    assert dict(districts.seats) == {"north": 5, "south": 7}
    assert dict(districts.shares["south"]) == {"a": 1, "b": 2}
    assert districts.lists == ("a", "b")
    hash(districts)
    intervals = read_simulation(
        _file(
            tmp_path,
            'seats = 5\n[shares]\na = 1\nb = 1\n[intervals]\na = [0.4, "60%"]\nb = ["2/5", 0.6]\n',
            "iv.toml",
        )
    )
    assert dict(intervals.intervals or {}) == {
        "a": (Fraction(2, 5), Fraction(3, 5)),
        "b": (Fraction(2, 5), Fraction(3, 5)),
    }


def test_the_file_gives_what_simulate_gives(tmp_path: Path) -> None:
    f = read_simulation(_file(tmp_path, GOOD))
    sim = co.simulate(
        f.shares,
        f.seats,
        f.method,
        sample_size=f.sample_size,
        intervals=f.intervals,
        draws=50,
        seed=f.seed,
        threshold=f.threshold,
        fixed=f.fixed,
    )
    direct = co.simulate(
        {"a": "45%", "b": 0.35, "c": 20},
        20,
        "webster",
        sample_size=2000,
        draws=50,
        seed=4,
        threshold=Fraction(1, 20),
        fixed={"z": 1},
    )
    assert sim == direct


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("seats = 10\n", "needs 'seats' and a [shares] table, or [[districts]]"),
        ("seats = 10\nsample-size = 9\n[shares]\na = 1\n", "unknown key 'sample-size'; did you"),
        ("seats = 0\n[shares]\na = 1\n", "'seats' must be >= 1 (got 0)"),
        ("seats = 5\n[shares]\na = -1\nb = 2\n", "'shares.a' must be a share >= 0"),
        ("seats = 5\n[shares]\na = 0\n", "'shares' are all zero"),
        ('seats = 5\n[shares]\na = "lots"\n', "'shares.a' must be a share >= 0"),
        (
            "[[districts]]\nseats = 5\n[districts.shares]\na = 1\n",
            "'districts[0].name' must be the district's name (got None)",
        ),
        (
            '[[districts]]\nname = "n"\n[districts.shares]\na = 1\n',
            "'districts[0].seats' must be a whole number (got NoneType None)",
        ),
        (
            'seats = 9\n[[districts]]\nname = "n"\nseats = 5\n[districts.shares]\na = 1\n',
            "'seats' is 9 but the districts hold 5",
        ),
        (
            "seats = 5\n[shares]\na = 1\nb = 1\n[intervals]\na = [0.4]\nb = [0, 1]\n",
            "'intervals.a' must be [low, high] (got [0.4])",
        ),
        (
            "seats = 5\n[shares]\na = 1\nb = 1\n[intervals]\na = [0.6, 0.4]\nb = [0, 1]\n",
            "'intervals.a' is empty (0.6 > 0.4)",
        ),
        (
            "seats = 5\n[shares]\na = 1\nb = 1\n[intervals]\na = [0, 1]\n",
            "'intervals.b' must be [low, high] (got None)",
        ),
        ("seats = 5\n[shares]\na = 1\n[fixed]\nz = -1\n", "'fixed.z' must be >= 0 (got -1)"),
        ("seats = 5\n[shares]\na = 1\n[fixed]\nz = 1.5\n", "'fixed.z' must be a whole number"),
        ("seats = 5\n[shares]\na = 1\n[fixed]\na = 1\n", "'fixed.a' is also a simulated list"),
        (
            'seats = 5\n[shares]\na = 1\n[[coalitions]]\nmembers = ["a", "q"]\n',
            "'coalitions[0].members' unknown list 'q'",
        ),
        (
            'seats = 5\n[shares]\na = 1\n[[coalitions]]\nname = "x"\n',
            "'coalitions[0].members' must be a list of keys (got None)",
        ),
        ('seats = 5\nmethod = "dhont"\n[shares]\na = 1\n', "'method' unknown method 'dhont'"),
        ('seats = 5\nthreshold = "x"\n[shares]\na = 1\n', "'threshold' a threshold must be"),
        ("seats = 5\nsample_size = 0\n[shares]\na = 1\n", "'sample_size' must be >= 1 (got 0)"),
        ('seats = 5\nseed = "s"\n[shares]\na = 1\n', "'seed' must be a whole number"),
        ("seats = 5\n[shares\n", "is not valid TOML"),
    ],
)
def test_each_problem_names_the_file_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = _file(tmp_path, text)
    # file-level problems are the input layer's ScenarioError, content problems are
    # SimulationError: both name the file first
    with pytest.raises((SimulationError, co.ScenarioError)) as info:
        read_simulation(path)
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)


def test_every_problem_at_once(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        'seats = 5\nmethod = "nope"\n[shares]\na = 1\nb = 2\n[intervals]\na = [1]\n'
        '[fixed]\nz = "x"\n[[coalitions]]\nmembers = ["y"]\n',
    )
    with pytest.raises(SimulationError) as info:
        read_simulation(path)
    lines = str(info.value).splitlines()
    assert lines[0] == f"{path}: 5 problems:"
    assert [line.split("'")[1] for line in lines[1:]] == [
        "intervals.a",
        "intervals.b",
        "fixed.z",
        "coalitions[0].members",
        "method",
    ]


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(co.ScenarioError, match="no such file"):
        read_simulation(tmp_path / "missing.toml")
    (tmp_path / "latin.toml").write_bytes(b'seats = 5\n[shares]\n"\xe9" = 1\n')
    with pytest.raises(co.ScenarioError, match="is not UTF-8 text"):
        read_simulation(tmp_path / "latin.toml")


def test_members_are_checked() -> None:
    f = SimulationFile(path="f.toml", shares={"a": 1, "b": 1}, seats=3, fixed={"z": 1})
    assert f.members(["B", "a", "b"]) == ("b", "a")
    with pytest.raises(SimulationError, match=r"unknown list 'c' in the coalition for f\.toml"):
        f.members("a+c")
    with pytest.raises(SimulationError, match="names no list"):
        f.members("+")


KEYS = st.text("abcdefghij-", min_size=1, max_size=6).filter(lambda k: k[0] != "-")
SHARES = st.dictionaries(
    KEYS, st.fractions(min_value=0, max_value=100, max_denominator=1000), min_size=1, max_size=6
).filter(lambda d: any(d.values()))


@settings(max_examples=60)
@given(
    shares=SHARES,
    seats=st.integers(1, 500),
    method=st.sampled_from(sorted(co.apportion.METHODS)),
    sample_size=st.integers(1, 10**6),
    seed=st.integers(-(10**6), 10**6),
    fixed=st.dictionaries(st.sampled_from(["x.1", "y.2"]), st.integers(0, 9)),
)
def test_what_is_written_is_read(
    tmp_path_factory: pytest.TempPathFactory,
    shares: dict[str, Fraction],
    seats: int,
    method: str,
    sample_size: int,
    seed: int,
    fixed: dict[str, int],
) -> None:
    data = {
        "seats": seats,
        "method": method,
        "sample_size": sample_size,
        "seed": seed,
        "shares": {k: f"{v.numerator}/{v.denominator}" for k, v in shares.items()},
        "fixed": fixed,
        "coalitions": [{"members": sorted(shares)[:2]}],
    }
    path = tmp_path_factory.mktemp("sim") / "sim.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    f = read_simulation(path)
    assert (f.seats, f.method, f.sample_size, f.seed) == (seats, method, sample_size, seed)
    assert dict(f.shares) == shares and dict(f.fixed) == fixed
    assert f.coalitions == (tuple(sorted(shares)[:2]),)
    assert f.lists == (*shares, *fixed)
