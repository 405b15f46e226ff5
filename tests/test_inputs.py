"""The input layer: hostile files end in one ScenarioError (or the reader's own
CoalitionsError) naming the file and the field, quickly; nothing hangs or crashes.

Each test is one of the reproductions of issue 15, kept as a regression test.
"""

from __future__ import annotations

import io
import os
import sys
import time
from pathlib import Path

import pytest

import coalitions as co
from coalitions import inputs, limits
from coalitions.scenarios import loads_scenario

HEAD = '[chamber]\nname = "X"\nsize = 3\n[[parties]]\nkey = "a"\nname = "A"\nseats = 1\n'


def problems(text: str, *, json_format: bool = False) -> list[tuple[str, str]]:
    with pytest.raises(co.ScenarioError) as info:
        loads_scenario(text, json_format=json_format)
    return list(info.value.problems)


def test_tags_holding_a_list_are_a_problem_not_a_type_error() -> None:
    [(path, message)] = problems(HEAD + 'tags = [["x"]]\n')
    assert path == "parties[0].tags" and "not a valid tag" in message


@pytest.mark.parametrize("field", ["size", "seats"])
def test_integers_over_python_digit_limit(field: str) -> None:
    text = HEAD.replace(
        f"{field} = 3" if field == "size" else "seats = 1", f"{field} = " + "9" * 4301
    )
    [(_, message)] = problems(text)
    assert "digits" in message


def test_integers_over_our_digit_limit() -> None:
    [(path, message)] = problems(HEAD.replace("seats = 1", "seats = " + "9" * 1200))
    assert path == "parties[0].seats" and f"at most {limits.MAX_DIGITS} digits" in message


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_deep_nesting(fmt: str) -> None:
    deep = "[" * 1000 + "]" * 1000
    text = f'{{"a": {deep}}}' if fmt == "json" else f"a = {deep}"
    [(_, message)] = problems(text, json_format=fmt == "json")
    assert f"deeper than {limits.MAX_DEPTH} levels" in message


def test_lone_surrogates_are_refused_at_reading() -> None:
    text = '{"chamber": {"name": "\\ud800", "size": 3}, "parties": []}'
    [(path, message)] = problems(text, json_format=True)
    assert path == "chamber.name" and "lone surrogate" in message


def test_exponent_strings_are_refused_fast() -> None:
    start = time.perf_counter()
    [(path, _)] = problems(HEAD + 'position = "1e10000000"\n')
    assert path == "parties[0].position"
    assert time.perf_counter() - start < 1
    with pytest.raises(co.NumberError, match="exponent"):
        co.numbers.exact("1e9999")


def test_chamber_size_is_bounded() -> None:
    [(path, message)] = problems(HEAD.replace("size = 3", "size = 1_000_000_000"))
    assert path == "chamber.size" and "MAX_CHAMBER_SIZE" in message
    with pytest.raises(co.ValidationError, match="MAX_CHAMBER_SIZE"):
        co.Legislature(name="X", size=10**9, parties=[])


def test_validation_is_linear_in_the_number_of_members() -> None:
    members = [f"m{i}" for i in range(40_000)]
    start = time.perf_counter()
    with pytest.raises(co.ValidationError, match="names 'm0' more than once"):
        co.Bloc(key="b", name="B", members=[*members, "m0"])
    factions = [co.Faction(key=f"f{i}", name="F", seats=0) for i in range(20_000)]
    with pytest.raises(co.ValidationError, match="more than once"):
        co.Party(key="p", name="P", seats=1, factions=[*factions, factions[0]])
    assert time.perf_counter() - start < 5  # quadratic took 13 s for 40k members


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(co.ScenarioError, match="not a regular file"):
        co.read_scenario(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_an_endless_device_is_refused() -> None:
    with pytest.raises(co.ScenarioError, match="not a regular file"):
        co.read_scenario("/dev/zero")


def test_endless_input_stops_at_the_cap() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
            buffer[:] = b"#" * len(buffer)
            return len(buffer)

    with pytest.raises(co.ScenarioError, match="over the limit"):
        inputs.read_bytes(io.BufferedReader(Endless()))


def test_stdin_is_read_with_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(HEAD.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    assert co.scenarios.open_scenario("-")["a"].seats == 1


def test_a_file_name_too_long(tmp_path: Path) -> None:
    with pytest.raises(co.ScenarioError):
        co.read_scenario(tmp_path / ("x" * 5000 + ".toml"))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("v.csv", b"list,votes\na,\xff\xfe\n", "not UTF-8"),
        (
            "v.csv",
            "list,votes\na,{}\n".format("9" * 5000).encode(),
            "'votes' must be a whole number",
        ),
        ("v.toml", ("[votes]\na = " + "9" * 4400 + "\n").encode(), "digits"),
        ("v.toml", b"[votes]\na = [1]\n", "votes.a must be a whole number"),
        ("v.toml", b'votes = "x"\n', "must be a table"),
        ("v.toml", b"[[districts]]\nseats = 3\n", "needs 'name'"),
        ("v.toml", b"[[districts]]\nname = 3\nvotes = {}\n", "needs 'name'"),
        ("v.toml", b"districts = 5\n", "list of tables"),
    ],
)
def test_bad_votes_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(co.CoalitionsError, match=message):
        co.apportion.read_votes(path)


@pytest.mark.parametrize("json_format", [False, True])
def test_round_trip_keeps_carriage_returns(json_format: bool) -> None:
    import attrs

    from coalitions.scenarios import dumps_scenario

    leg = attrs.evolve(co.load_scenario("kurdistan-2024"), notes="line one\r\nline two\nthree")
    text = dumps_scenario(leg, json_format=json_format)
    assert loads_scenario(text, json_format=json_format) == leg


def test_the_writer_refuses_what_the_reader_would_refuse() -> None:
    from coalitions.scenarios import dumps_scenario

    many = [co.Party(key=f"p{i}", name="A", seats=1, notes="n" * 9_000) for i in range(600)]
    leg = co.Legislature(name="Big", size=1000, parties=many)
    with pytest.raises(co.ScenarioError, match="that readers take"):
        dumps_scenario(leg)


def test_writing_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(co.OutputError, match="cannot be written"):
        co.write_scenario(co.load_scenario("kurdistan-2024"), tmp_path / "no" / "x.toml")


def test_simulation_files_share_the_input_layer(tmp_path: Path) -> None:
    from coalitions.simulate import read_simulation

    big = tmp_path / "big.toml"
    big.write_text("seats = " + "9" * 4301 + "\n[shares]\na = 1\n", encoding="utf-8")
    with pytest.raises(co.ScenarioError, match="digits"):
        read_simulation(big)
    with pytest.raises(co.ScenarioError, match="not a regular file"):
        read_simulation("/dev/zero")
    share = tmp_path / "share.toml"
    share.write_text('seats = 5\n[shares]\na = "1e9999"\nb = 1\n', encoding="utf-8")
    with pytest.raises(co.CoalitionsError):
        read_simulation(share)
    with pytest.raises(co.SimulationError):  # the exponent is refused before any arithmetic
        co.simulate({"a": "1e9999", "b": 1}, seats=5, draws=1)


@pytest.mark.parametrize(
    "call",
    [
        lambda: co.allocate({"a": 1, "b": 2}, 10_000_000),
        lambda: co.simulate({"a": 1, "b": 2}, seats=5, draws=10**9),
        lambda: co.WeightedGame(weights={"a": 10**9, "b": 10**9, "c": 1}, quota=10**9 + 1),
    ],
)
def test_sizes_beyond_the_limits_are_refused_at_once(call) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    with pytest.raises(co.CoalitionsError, match=r"<= |limit"):
        call()
    assert time.perf_counter() - start < 1


# --- the bugs the fuzz census (benchmarks/fuzz_census.py, seed 1) found ---

LINKED = (
    '[chamber]\nname = "X"\nsize = 3\nas_of = 2024-10-20\n[[parties]]\nkey = "a"\n'
    'name = "A"\nseats = 2\nlinks = [{ group = "g", relation = "political-wing" }]\n'
    '[[groups]]\nkey = "g"\nname = "G"\nkind = "armed-group"\n'
)


def test_a_date_time_where_a_date_belongs_is_read_as_its_day() -> None:
    leg = loads_scenario(LINKED + 'grades = [{ grade = "fto", since = 2020-01-02T00:00:00 }]\n')
    assert "us-designated" in leg.tags_of("a")
    broken = (
        '[chamber]\nname = "X"\nsize = 3\nas_of = 2022-06-01T00:00:00\n[[parties]]\nkey = "a"\n'
        'name = 5\nseats = 2\n[[events]]\ndate = 2022-06-12\nkind = "vacate"\nseats = { a = 1 }\n'
    )
    with pytest.raises(co.ScenarioError, match="must be a string"):
        loads_scenario(broken)


@pytest.mark.parametrize("digit", ["²", "①", "٣", "𝟙"])
def test_votes_are_ascii_digits(tmp_path: Path, digit: str) -> None:
    path = tmp_path / "v.csv"
    path.write_text(f"list,votes\na,{digit}\nb,5\n", encoding="utf-8")
    with pytest.raises(co.AllocationError, match="'votes' must be a whole number"):
        co.apportion.read_votes(path)


@pytest.mark.parametrize("exempt", ["3", "1.5", '"ab"', "[1]", "[{}]"])
def test_exempt_in_a_votes_file_is_a_list_of_keys(tmp_path: Path, exempt: str) -> None:
    path = tmp_path / "v.toml"
    path.write_text(f"seats = 5\nexempt = {exempt}\n[votes]\na = 10\nb = 5\n", encoding="utf-8")
    with pytest.raises(co.AllocationError, match="'exempt' must be a list of list keys"):
        co.apportion.read_votes(path)


@pytest.mark.parametrize("seats", ["0", "false"])
def test_a_refill_whose_seats_are_no_table(seats: str) -> None:
    text = (
        '[chamber]\nname = "X"\nsize = 3\n[[parties]]\nkey = "a"\nname = "A"\nseats = 2\n'
        f'[[events]]\ndate = 2022-06-23\nkind = "refill"\nseats = {seats}\n'
        'parties = [{ key = "b", name = "B", seats = 1 }]\n'
    )
    with pytest.raises(co.ScenarioError, match="must be a table of list keys to seats"):
        loads_scenario(text)


def test_a_share_too_large_for_the_draws() -> None:
    with pytest.raises(co.SimulationError, match="must be at most"):
        co.simulate({"a": 10**309, "b": 1}, 5, draws=20)


def test_deeply_dotted_keys_are_refused_before_parsing() -> None:
    start = time.perf_counter()
    with pytest.raises(co.ScenarioError, match="dotted key nests deeper"):
        loads_scenario("a." * 50_000 + "b = 1\n")
    assert time.perf_counter() - start < 1


def test_votes_beyond_a_float_are_allocated_exactly() -> None:
    big = 10**1000
    assert dict(co.allocate({"a": big, "b": 2 * big, "c": 3}, 6).seats) == {"a": 2, "b": 4, "c": 0}
    with pytest.raises(co.TieError):
        co.allocate({"a": big, "b": big}, 3)
    with pytest.raises(co.SimulationError, match="'sample_size' must be <="):
        co.simulate({"a": 1, "b": 1}, 5, sample_size=10**1000, draws=1)
