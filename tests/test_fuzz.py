"""Fuzzing the readers: mutated and generated files end in success or one CoalitionsError,
each case quickly; nothing else escapes, nothing hangs.

Structure-aware: the built-in scenarios' own trees are mutated at a drawn place (wrong
types, huge and tiny numbers, deep nesting, Unicode edge cases, lone surrogates, control
characters), then written as JSON or TOML; raw texts are also mutated byte by byte. A
seeded run of a few hundred cases runs in the normal suite; ``HYPOTHESIS_PROFILE=thorough``
runs many more.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.scenarios import dumps_scenario, loads_scenario

CASES = max(200, settings.default.max_examples * 2)  # 1,000 cases in all; thorough: 20,000
FUZZ = settings(
    max_examples=CASES,
    deadline=dt.timedelta(seconds=1),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

BASE = {name: co.load_scenario(name).to_dict() for name in co.list_scenarios()}

hostile_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\x1b[31mred\x1b[0m",
            "\u202eevil",
            "<img src=x onerror=alert(1)>",
            "=cmd|' /C calc'!A0",
            "\ud800",
            "x" * 20_000,
            "1e10000000",
            "1/0",
            "NaN",
            "-0",
            "60%",
            "ك" * 50,
        ]
    ),
)
hostile_number = st.one_of(
    st.integers(),
    st.integers(min_value=10**300, max_value=10**1200),
    st.sampled_from([-1, 0, 1, 2**63, -(2**63)]),
    st.integers(4301, 4400).map(lambda n: 10**n),  # over Python's own digit limit
    st.floats(allow_nan=True, allow_infinity=True),
)
hostile_value = st.recursive(
    st.one_of(hostile_text, hostile_number, st.booleans(), st.none()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=6,
) | st.integers(17, 200).map(lambda n: json.loads("[" * n + "]" * n))


def paths(tree: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a tree, the root included."""
    out = [prefix]
    if isinstance(tree, dict):
        for key, value in tree.items():
            out += paths(value, (*prefix, key))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            out += paths(value, (*prefix, i))
    return out


def replaced(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    tree = copy.deepcopy(tree)
    node = tree
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return tree


@st.composite
def mutated_trees(draw: st.DrawFn) -> Any:
    tree = BASE[draw(st.sampled_from(sorted(BASE)))]
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths(tree)))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete" and path:
            parent = copy.deepcopy(tree)
            node = parent
            for step in path[:-1]:
                node = node[step]
            del node[path[-1]]
            tree = parent
        elif action == "add" and path and isinstance(_at(tree, path[:-1]), dict):
            tree = replaced(tree, (*path[:-1], draw(hostile_text)), draw(hostile_value))
        else:
            tree = replaced(tree, path, draw(hostile_value))
    return tree


def _at(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def as_text(tree: Any, fmt: str) -> str | None:
    """The tree written as JSON or TOML, or None when that format cannot hold it."""
    try:
        if fmt == "json":
            return json.dumps(tree, ensure_ascii=False, allow_nan=True)
        return tomli_w.dumps(tree) if isinstance(tree, dict) else None
    except (TypeError, ValueError, UnicodeEncodeError, RecursionError):
        return None


def outcome(call: Any) -> str:
    """'ok' or the CoalitionsError's class; anything else fails the test."""
    try:
        call()
    except co.CoalitionsError as err:
        message = str(err)
        kind = type(err).__name__
    else:
        return "ok"
    assert message.strip(), "an error must say something"
    return kind


@FUZZ
@given(mutated_trees(), st.sampled_from(["json", "toml"]))
def test_mutated_scenarios_end_in_success_or_a_coalitions_error(tree: Any, fmt: str) -> None:
    text = as_text(tree, fmt)
    if text is None:
        fmt, text = "json", as_text(tree, "json")
    if text is None:
        return  # no file can hold it (e.g. an int over Python's digit limit): test_inputs
    result = outcome(lambda: loads_scenario(text, json_format=fmt == "json"))
    if result == "ok":  # whatever is read can be written and read back
        leg = loads_scenario(text, json_format=fmt == "json")
        assert loads_scenario(dumps_scenario(leg)) == leg


@FUZZ
@given(
    st.sampled_from(sorted(BASE)),
    st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=4), st.integers(0, 8)), max_size=4),
)
def test_byte_mutations_of_scenario_files(name: str, edits: list) -> None:
    raw = bytearray(dumps_scenario(co.load_scenario(name)).encode())
    for where, insert, cut in edits:
        at = int(where * len(raw))
        raw[at : at + cut] = insert
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return  # bytes that are not UTF-8 are the file readers' business: next test
    outcome(lambda: loads_scenario(text))


@FUZZ
@given(st.binary(max_size=200), st.sampled_from([".toml", ".json", ".csv"]))
def test_arbitrary_bytes_as_files(
    tmp_path_factory: pytest.TempPathFactory, raw: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(raw)
    outcome(lambda: co.read_scenario(path))
    outcome(lambda: co.apportion.read_votes(path))


votes_cell = st.one_of(
    st.integers(-5, 10**7).map(str), hostile_text, st.sampled_from(["1,000", "1_0", "", "٣"])
)


@FUZZ
@given(
    st.lists(st.tuples(hostile_text | st.sampled_from(["a", "b", "c"]), votes_cell), max_size=8),
    st.booleans(),
)
def test_votes_csv(tmp_path_factory: pytest.TempPathFactory, rows: list, header: bool) -> None:
    path = tmp_path_factory.mktemp("votes") / "v.csv"
    lines = ["list,votes"] if header else []
    lines += [f"{k.replace(',', ' ')},{v.replace(',', '')}" for k, v in rows]
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    result = outcome(lambda: co.apportion.read_votes(path))
    if result == "ok":
        data = co.apportion.read_votes(path)
        for votes in data.votes.values():
            if votes and any(votes.values()):
                outcome(lambda v=votes: co.allocate(dict(v), 5))
        assert all(isinstance(n, int) for v in data.votes.values() for n in v.values())


@FUZZ
@given(
    st.dictionaries(
        st.sampled_from(["votes", "seats", "districts", "reserved", "method", "threshold", "x"]),
        hostile_value,
        max_size=4,
    )
)
def test_votes_toml(tmp_path_factory: pytest.TempPathFactory, tree: dict) -> None:
    text = as_text(tree, "toml")
    if text is None:
        return
    path = tmp_path_factory.mktemp("votes") / "v.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    outcome(lambda: co.apportion.read_votes(path))


def test_the_fuzz_base_is_the_built_ins() -> None:
    # the mutations start from valid trees: each base reads back as itself
    for name, tree in BASE.items():
        assert co.Legislature.from_dict(tree) == co.load_scenario(name)
    assert math.isfinite(CASES) and CASES >= 200
    assert Path(__file__).exists()
