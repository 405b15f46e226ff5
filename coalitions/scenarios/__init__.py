"""Scenarios: the built-in chambers and scenario files (TOML or JSON).

>>> list_scenarios()
('iraq-2021', 'iraq-2025', 'kurdistan-2024')
>>> load_scenario("kurdistan-2024")["kdp"].seats
39

Files are read with the standard library's safe parsers only (``tomllib``, ``json``);
a bad file raises :class:`~coalitions.errors.ScenarioError` naming the file and every
problem with its field path.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import tomli_w

from coalitions import inputs
from coalitions.errors import (
    OutputError,
    ScenarioError,
    UnknownScenarioError,
    ValidationError,
    _short,
)
from coalitions.limits import MAX_FILE_BYTES
from coalitions.model import Legislature

from .format import legislature_from_dict, legislature_to_dict

__all__ = [
    "MAX_FILE_BYTES",
    "describe_scenarios",
    "dumps_scenario",
    "list_scenarios",
    "load_scenario",
    "loads_scenario",
    "open_scenario",
    "read_scenario",
    "write_scenario",
    "write_text",
]


_DATA = "data"


def list_scenarios() -> tuple[str, ...]:
    """The names of the built-in scenarios, sorted."""
    folder = resources.files(__package__).joinpath(_DATA)
    return tuple(
        sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))
    )


def describe_scenarios() -> dict[str, str]:
    """Each built-in scenario's name with its one-line description."""
    return {name: load_scenario(name).description or "" for name in list_scenarios()}


def load_scenario(name: str) -> Legislature:
    """A built-in scenario by name (``"iraq-2025"``, ``"iraq-2021"``, ``"kurdistan-2024"``).

    Raises :class:`~coalitions.errors.UnknownScenarioError` (a ``KeyError``) with close
    matches for an unknown name.
    """
    names = list_scenarios()
    key = name.strip().lower() if isinstance(name, str) else None
    if key not in names:
        raise UnknownScenarioError(_short(name), names, where="the built-in scenarios")
    return _load_built_in(key)


@functools.cache
def _load_built_in(key: str) -> Legislature:
    data = resources.files(__package__).joinpath(_DATA, f"{key}.toml").read_bytes()
    return loads_scenario(data.decode("utf-8"), source=f"built-in scenario {key!r}")


def open_scenario(spec: str | os.PathLike[str]) -> Legislature:
    """A built-in scenario by name, or else a scenario file by path.

    This is what the command line does with its ``SCENARIO`` argument.

    >>> open_scenario("iraq-2021").size
    329
    """
    if isinstance(spec, str) and spec.strip().lower() in list_scenarios():
        return load_scenario(spec)
    if str(spec) == "-":
        return read_scenario("-")
    path = Path(spec)
    try:
        exists = path.exists()
    except OSError:  # e.g. a name too long for the file system: read_scenario says so
        exists = True
    if path.suffix.lower() in (".toml", ".json") or exists:
        return read_scenario(path)
    raise UnknownScenarioError(
        str(spec), list_scenarios(), where="the built-in scenarios, and no such .toml or .json file"
    )


def read_scenario(path: str | os.PathLike[str]) -> Legislature:
    """Read a scenario file (``.json`` as JSON, anything else as TOML; ``-`` reads TOML
    from standard input).

    Reading is bounded (:data:`~coalitions.limits.MAX_FILE_BYTES`, enforced while
    reading) and every problem becomes one :class:`~coalitions.errors.ScenarioError`
    naming the file and each field (see :mod:`coalitions.inputs`).

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kr.toml"
    >>> write_scenario(load_scenario("kurdistan-2024"), path)
    >>> read_scenario(path) == load_scenario("kurdistan-2024")
    True
    """
    data, where = inputs.load(path)
    return _from_data(data, where)


def loads_scenario(
    text: str, *, source: str = "<string>", json_format: bool = False
) -> Legislature:
    """Parse a scenario from text (TOML by default, JSON with ``json_format=True``).

    >>> lines = ["[chamber]", 'name = "Mini"', "size = 3",
    ...          "[[parties]]", 'key = "a"', 'name = "A"', "seats = 2"]
    >>> leg = loads_scenario(chr(10).join(lines))
    >>> leg.quota("majority")
    2
    """
    if not isinstance(text, str):
        raise ScenarioError(source, [("", f"must be text (got {type(text).__name__})")])
    data = inputs.parse(text, source, fmt="json" if json_format else "toml")
    return _from_data(data, source)


def _from_data(data: object, where: str) -> Legislature:
    if not isinstance(data, Mapping):
        raise ScenarioError(where, [("", f"must hold a table (got {type(data).__name__})")])
    try:
        return legislature_from_dict(data)
    except ValidationError as err:
        raise ScenarioError(where, err.problems) from None


def dumps_scenario(leg: Legislature, *, json_format: bool = False) -> str:
    """The scenario as TOML text (or JSON), such that :func:`loads_scenario` gives it back.

    Lossless: text keeps its line ends, carriage returns too (a TOML multi-line string
    would turn them into newlines, so a scenario holding one is written with escaped
    one-line strings); and what is written can be read: a text over
    :data:`~coalitions.limits.MAX_FILE_BYTES` is refused with a
    :class:`~coalitions.errors.ScenarioError` instead of being written.

    >>> leg = load_scenario("kurdistan-2024")
    >>> loads_scenario(dumps_scenario(leg)) == leg
    True
    """
    data = legislature_to_dict(leg)
    as_json = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if json_format:
        text = as_json
    else:
        for table in (data["chamber"], *data.get("events", ())):
            for name in ("as_of", "election", "date"):
                if name in table:
                    table[name] = _dt.date.fromisoformat(table[name])
        text = tomli_w.dumps(data, multiline_strings="\\r" not in as_json)
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise ScenarioError(
            leg.name[:80],
            [
                (
                    "",
                    (
                        f"would be {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} bytes "
                        "(coalitions.limits.MAX_FILE_BYTES) that readers take"
                    ),
                )
            ],
        )
    return text


def write_scenario(leg: Legislature, path: str | os.PathLike[str]) -> None:
    """Write a scenario file (JSON for a ``.json`` path, TOML otherwise); lossless.

    A folder that does not exist, or a file that cannot be written, raises an
    :class:`~coalitions.errors.OutputError` naming the path.
    """
    path = Path(path)
    text = dumps_scenario(leg, json_format=path.suffix.lower() == ".json")
    write_text(path, text)


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8 (line ends as given), or raise an
    :class:`~coalitions.errors.OutputError` that names the path and the reason."""
    try:
        Path(path).write_text(text, encoding="utf-8", newline="")
    except OSError as err:
        where = str(path)[:300]
        raise OutputError(f"{where}: cannot be written ({err.strerror or err})") from None
