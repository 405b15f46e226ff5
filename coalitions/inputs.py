"""The one input layer: every file the library reads comes through here.

Scenario files, votes files and simulation files are read the same way:

1. :func:`read_bytes` reads at most :data:`~coalitions.limits.MAX_FILE_BYTES` (the cap
   holds while reading, so a pipe, a device or standard input cannot exceed it); it
   refuses what is not a regular file (a folder, a FIFO that may never end, a device
   such as ``/dev/zero``), except ``-``, which is standard input;
2. :func:`decode` turns the bytes into text (UTF-8, an optional byte-order mark);
3. :func:`parse` parses TOML or JSON with the standard library's safe parsers and
   checks the tree they give (:func:`check_tree`): nesting depth, lone surrogates, text
   length, digits;

and every failure on the way becomes one :class:`~coalitions.errors.ScenarioError`
naming the file and what is wrong, never a parser's own exception.

>>> parse('[chamber]\\nname = "X"', "demo.toml")["chamber"]["name"]
'X'
>>> parse('{"a": ' + "[" * 20 + "]" * 20 + "}", "deep.json", fmt="json")
Traceback (most recent call last):
...
coalitions.errors.ScenarioError: deep.json: 'a[0][0][0]...' nests deeper than 16 levels
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Literal

from . import limits, numbers
from .errors import Problem, ScenarioError

__all__ = ["Format", "check_tree", "decode", "format_of", "load", "parse", "read_bytes"]

Format = Literal["toml", "json"]

_CHUNK = 64 * 1024
#: A line that starts with a key of more dotted parts than a scenario could need.
_KEY_PART = r"""[\w"'-]+"""
_DOTTED = re.compile(
    rf"^\s*\[{{0,2}}\s*(?:{_KEY_PART}\s*\.\s*){{{2 * limits.MAX_DEPTH},}}"
    rf"{_KEY_PART}\s*(?:=|\]{{1,2}}\s*$)"
)


def read_bytes(
    source: str | os.PathLike[str] | IO[bytes], *, limit: int = limits.MAX_FILE_BYTES
) -> tuple[bytes, str]:
    """The bytes of ``source`` (a path, ``"-"`` for standard input, or a binary stream)
    and the name to call it by in messages; at most ``limit`` bytes."""
    if not isinstance(source, str | os.PathLike):
        return _read_capped(source, _name_of(source), limit), _name_of(source)
    if str(source) == "-":
        return _read_capped(sys.stdin.buffer, "<stdin>", limit), "<stdin>"
    path = Path(source)
    where = str(path)[:300]
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ScenarioError(where, [("", "no such file")]) from None
    except OSError as err:
        raise ScenarioError(where, [("", f"cannot be read ({err.strerror or err})")]) from None
    if stat.S_ISDIR(info.st_mode):
        raise ScenarioError(where, [("", "is a folder, not a file")])
    if not stat.S_ISREG(info.st_mode):
        raise ScenarioError(
            where,
            [("", "is not a regular file (a pipe or a device); give a file, or '-' for stdin")],
        )
    if info.st_size > limit:
        raise ScenarioError(where, [("", _too_big(limit, info.st_size))])
    try:
        with path.open("rb") as stream:
            return _read_capped(stream, where, limit), where
    except OSError as err:
        raise ScenarioError(where, [("", f"cannot be read ({err.strerror or err})")]) from None


def _name_of(stream: Any) -> str:
    name = getattr(stream, "name", None)
    return str(name)[:300] if isinstance(name, str) else "<stream>"


def _read_capped(stream: IO[bytes], where: str, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ScenarioError(where, [("", _too_big(limit))])


def _too_big(limit: int, size: int | None = None) -> str:
    got = f"is {size:,} bytes" if size is not None else "is larger"
    return f"{got}, over the limit of {limit:,} bytes (coalitions.limits.MAX_FILE_BYTES)"


def decode(raw: bytes, where: str) -> str:
    """UTF-8 text from ``raw`` (a leading byte-order mark is dropped)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        byte = raw[err.start : err.start + 1]
        raise ScenarioError(
            where, [("", f"is not UTF-8 text (byte {err.start}: {byte!r})")]
        ) from None


def format_of(where: str, default: Format = "toml") -> Format:
    """The format a file's name says (``.json``: JSON), else ``default``."""
    return "json" if where.lower().endswith(".json") else default


def parse(text: str, where: str, *, fmt: Format = "toml") -> Any:
    """The tree of a TOML or JSON text, checked by :func:`check_tree`."""
    if len(text) > limits.MAX_FILE_BYTES:
        raise ScenarioError(where, [("", _too_big(limits.MAX_FILE_BYTES, len(text)))])
    if fmt == "toml":
        _dotted_keys(text, where)
    try:
        data = json.loads(text) if fmt == "json" else tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ScenarioError(where, [("", f"is not valid TOML: {err}")]) from None
    except json.JSONDecodeError as err:
        raise ScenarioError(where, [("", f"is not valid JSON: {err}")]) from None
    except RecursionError:
        raise ScenarioError(where, [("", f"nests deeper than {limits.MAX_DEPTH} levels")]) from None
    except ValueError as err:  # an integer over Python's digit limit
        message = (
            f"holds a number of more than {limits.MAX_DIGITS:,} digits "
            "(coalitions.limits.MAX_DIGITS)"
            if "digits" in str(err)
            else f"cannot be read: {_first_line(err)}"
        )
        raise ScenarioError(where, [("", message)]) from None
    problems = check_tree(data)
    if problems:
        raise ScenarioError(where, problems)
    return data


def _dotted_keys(text: str, where: str) -> None:
    """Refuse dotted keys nested deeper than :data:`~coalitions.limits.MAX_DEPTH` before
    parsing: the TOML parser takes time quadratic in their depth (``a.a.a...`` of a few
    thousand levels would take seconds)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count(".") > 2 * limits.MAX_DEPTH and _DOTTED.match(line):
            raise ScenarioError(
                where,
                [("", f"line {number}: a dotted key nests deeper than {limits.MAX_DEPTH} levels")],
            )


def _first_line(err: Exception) -> str:
    return str(err).splitlines()[0][:200] if str(err) else type(err).__name__


def load(
    source: str | os.PathLike[str] | IO[bytes], *, fmt: Format | None = None
) -> tuple[Any, str]:
    """Read, decode and parse a file in one step: its tree and its name for messages."""
    raw, where = read_bytes(source)
    return parse(decode(raw, where), where, fmt=fmt or format_of(where)), where


def check_tree(data: Any) -> list[Problem]:
    """The problems of a parsed tree: nesting over :data:`~coalitions.limits.MAX_DEPTH`,
    text with lone surrogates (which no output could write) or over
    :data:`~coalitions.limits.MAX_TEXT` characters, numbers over
    :data:`~coalitions.limits.MAX_DIGITS` digits. Walks without recursion."""
    problems: list[Problem] = []
    for path, depth, value in _walk(data):
        if depth > limits.MAX_DEPTH:
            short = path if len(path) <= 40 else path[:40] + "..."
            problems.append((short, f"nests deeper than {limits.MAX_DEPTH} levels"))
            break
        if isinstance(value, str):
            problem = _text_problem(value)
            if problem:
                problems.append((path, problem))
        elif isinstance(value, int) and not isinstance(value, bool):
            problem = numbers.whole_problem(value)
            if problem:
                problems.append((path, problem))
        if len(problems) >= 50:
            problems.append(("", "and more problems; the first 50 are shown"))
            break
    return problems


def _walk(data: Any) -> Iterator[tuple[str, int, Any]]:
    stack: list[tuple[str, int, Any]] = [("", 0, data)]
    while stack:
        path, depth, value = stack.pop()
        yield path, depth, value
        if depth > limits.MAX_DEPTH:
            return
        if isinstance(value, dict):
            children = []
            for key, child in value.items():
                problem = _text_problem(key) if isinstance(key, str) else None
                name = repr(key)[:40] if problem else str(key)
                child_path = f"{path}.{name}" if path else name
                if problem:
                    yield child_path, depth + 1, key
                children.append((child_path, depth + 1, child))
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(
                (f"{path}[{i}]", depth + 1, child) for i, child in reversed(list(enumerate(value)))
            )


def _text_problem(text: str) -> str | None:
    if len(text) > limits.MAX_TEXT:
        return f"is {len(text):,} characters long, over the limit of {limits.MAX_TEXT:,}"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        return f"holds a lone surrogate ({text[err.start]!r} at {err.start}), which is not text"
    return None
