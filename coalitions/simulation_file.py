"""Simulation files: the uncertain vote shares behind ``coalitions simulate``, read and
checked before any draw runs (as :mod:`coalitions.apportion.files` reads votes files).

A simulation file is TOML::

    seats = 95
    method = "sainte-lague"
    sample_size = 2000        # or an [intervals] table: key = [low, high]
    [shares]                  # or [[districts]] with name, seats and a shares table
    kdp = 809197
    puk = "30%"
    [fixed]                   # seats that are not simulated
    christian-erbil = 1
    [[coalitions]]            # coalitions whose chances to report
    members = ["kdp", "puk"]

It may also set ``threshold``, ``draws`` and ``seed``. :func:`read_simulation` returns a
:class:`SimulationFile` whose fields are the arguments of
:func:`~coalitions.simulate.simulate`; every problem of the file is reported at once, as
a :class:`~coalitions.errors.SimulationError` naming the file and each field.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "shares.toml"
>>> _ = path.write_text('seats = 10\\n[shares]\\na = "60%"\\nb = "40%"\\n', encoding="utf-8")
>>> f = read_simulation(path)
>>> f.seats, dict(f.shares), f.method, f.lists
(10, {'a': Fraction(3, 5), 'b': Fraction(2, 5)}, 'dhondt', ('a', 'b'))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

import attrs

from . import inputs, numbers
from ._frozen import FrozenMap, frozen_map
from .apportion import get_method, parse_share
from .errors import AllocationError, SimulationError, unknown

__all__ = ["SIMULATION_KEYS", "SimulationFile", "read_simulation"]

#: The keys a simulation file may hold.
SIMULATION_KEYS: Final = (
    *("seats", "method", "sample_size", "shares", "districts", "intervals"),
    *("threshold", "draws", "seed", "fixed", "coalitions"),
)


@attrs.frozen
class SimulationFile:
    """What a simulation file holds, checked: the arguments of
    :func:`~coalitions.simulate.simulate` and the coalitions to report.

    ``shares`` and ``seats`` have the shapes :func:`~coalitions.simulate.simulate` takes:
    each list's share and the seats of one national district, or each district's shares
    and seats by district name. ``intervals`` replaces the sample when given.
    ``coalitions`` holds the member keys of each ``[[coalitions]]`` entry.
    """

    path: str
    shares: Mapping[str, Fraction] | Mapping[str, Mapping[str, Fraction]] = attrs.field(
        converter=frozen_map
    )
    seats: int | Mapping[str, int] = attrs.field(converter=frozen_map)
    method: str = "dhondt"
    sample_size: int = 1000
    intervals: Mapping[str, tuple[Fraction, Fraction]] | None = attrs.field(
        default=None, converter=frozen_map
    )
    threshold: Fraction | int | None = None
    draws: int = 10_000
    seed: int = 0
    fixed: Mapping[str, int] = attrs.field(default=FrozenMap(), converter=frozen_map)
    coalitions: tuple[tuple[str, ...], ...] = ()

    @property
    def lists(self) -> tuple[str, ...]:
        """The lists of every draw: the simulated ones in file order, then the fixed."""
        if isinstance(self.seats, Mapping):
            tables: list[Mapping[str, Any]] = list(self.shares.values())  # type: ignore[arg-type]
        else:
            tables = [self.shares]
        return (*dict.fromkeys(k for table in tables for k in table), *self.fixed)

    def members(
        self, coalition: str | Iterable[str], *, field: str = "coalition"
    ) -> tuple[str, ...]:
        """The keys of ``coalition`` (``"a+b"``, or keys), each one of :attr:`lists`: a
        coalition to report is checked before any draw runs.

        >>> SimulationFile(path="f", shares={"a": 1, "b": 1}, seats=3).members("A+b")
        ('a', 'b')
        """
        items = coalition.split("+") if isinstance(coalition, str) else list(coalition)
        keys = tuple(dict.fromkeys(str(k).strip().lower() for k in items if str(k).strip()))
        if not keys:
            raise SimulationError(f"the {field} names no list (got {coalition!r})")
        for k in keys:
            if k not in self.lists:
                where = f"the {field} for {self.path}"
                raise SimulationError(unknown("list", k, self.lists, where=where))
        return keys


class _Problems:
    """Every problem of a file, each with its field, reported together."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []

    def add(self, field: str, message: str) -> None:
        self.found.append((field, message))

    def whole(self, value: Any, field: str, low: int | None) -> int:
        problem = numbers.whole_problem(value, low=low)
        if problem is not None:
            self.add(field, problem)
            return 1
        return int(value)

    def share(self, value: Any, field: str) -> Fraction:
        problem = numbers.exact_problem(value, floats=True)
        share = Fraction(0) if problem else numbers.exact(value, floats=True)
        if problem or share < 0:
            self.add(field, f"must be a share >= 0 such as 45, 0.45 or '45%' (got {value!r})")
        return share

    def shares(self, table: Any, field: str) -> dict[str, Fraction]:
        if not isinstance(table, Mapping) or not table:
            self.add(field, f"must be a table of lists and their shares (got {table!r})")
            return {}
        out = {str(k): self.share(v, f"{field}.{k}") for k, v in table.items()}
        if not any(out.values()):
            self.add(field, "are all zero")
        return out

    def raise_any(self, path: Path) -> None:
        lines = [f"{field!r} {msg}" if field else msg for field, msg in self.found]
        if len(lines) == 1:
            raise SimulationError(f"{path}: {lines[0]}")
        if lines:
            listed = "\n".join(f"  - {line}" for line in lines)
            raise SimulationError(f"{path}: {len(lines)} problems:\n{listed}")


def _districts(data: Mapping[str, Any], problems: _Problems) -> tuple[Any, Any]:
    """The shares and seats: national (a table and a number) or by district."""
    if "districts" not in data:
        if "shares" not in data or "seats" not in data:
            problems.add("", "needs 'seats' and a [shares] table, or [[districts]]")
        shares = problems.shares(data.get("shares"), "shares")
        return shares, problems.whole(data.get("seats"), "seats", 1)
    items = data["districts"]
    if "shares" in data:
        problems.add("shares", "give [shares] or [[districts]], not both")
    if not isinstance(items, list) or not items:
        problems.add("districts", "must be an array of tables ([[districts]])")
        return {}, {}
    by_district: dict[str, dict[str, Fraction]] = {}
    seats: dict[str, int] = {}
    for i, d in enumerate(items):
        where = f"districts[{i}]"
        table = d if isinstance(d, Mapping) else {}
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.add(f"{where}.name", f"must be the district's name (got {name!r})")
            name = f"#{i}"
        elif name in by_district:
            problems.add(f"{where}.name", f"{name!r} is another district's name")
        by_district[name] = problems.shares(table.get("shares"), f"{where}.shares")
        seats[name] = problems.whole(table.get("seats"), f"{where}.seats", 1)
    total = data.get("seats")
    if total is not None and total != sum(seats.values()):
        problems.add("seats", f"is {total!r} but the districts hold {sum(seats.values())}")
    return by_district, seats


def _intervals(
    table: Any, keys: Sequence[str], problems: _Problems
) -> dict[str, tuple[Fraction, Fraction]]:
    """``key = [low, high]`` for every list."""
    if not isinstance(table, Mapping):
        problems.add("intervals", f"must be a table of [low, high] pairs (got {table!r})")
        return {}
    out = {}
    for k in dict.fromkeys([*keys, *table]):
        pair, field = table.get(k), f"intervals.{k}"
        if k not in keys:
            problems.add(field, unknown("list", k, keys))
        elif not isinstance(pair, list) or len(pair) != 2:
            problems.add(field, f"must be [low, high] (got {pair!r})")
        else:
            low, high = problems.share(pair[0], field), problems.share(pair[1], field)
            if low > high:
                problems.add(field, f"is empty ({pair[0]!r} > {pair[1]!r})")
            out[k] = (low, high)
    return out


def _fixed(table: Any, keys: Sequence[str], problems: _Problems) -> dict[str, int]:
    """Seats that are not simulated, each its own list."""
    if not isinstance(table, Mapping):
        problems.add("fixed", f"must be a table of lists and their seats (got {table!r})")
        return {}
    for k in table:
        if k in keys:
            problems.add(f"fixed.{k}", "is also a simulated list")
    return {str(k): problems.whole(v, f"fixed.{k}", 0) for k, v in table.items()}


def _coalitions(
    items: Any, keys: Sequence[str], problems: _Problems
) -> tuple[tuple[str, ...], ...]:
    """The member keys of every ``[[coalitions]]`` entry, each a known list."""
    if not isinstance(items, list):
        problems.add("coalitions", "must be an array of tables ([[coalitions]])")
        return ()
    out = []
    for i, entry in enumerate(items):
        field = f"coalitions[{i}].members"
        members = entry.get("members") if isinstance(entry, Mapping) else None
        if not isinstance(members, list) or not members:
            problems.add(field, f"must be a list of keys (got {members!r})")
            continue
        found = tuple(dict.fromkeys(str(k).strip().lower() for k in members))
        for k in found:
            if k not in keys:
                problems.add(field, unknown("list", k, keys))
        out.append(found)
    return tuple(out)


def _options(data: Mapping[str, Any], problems: _Problems) -> dict[str, Any]:
    """``method``, ``threshold``, ``sample_size``, ``draws`` and ``seed``."""
    out: dict[str, Any] = {}
    try:
        out["method"] = get_method(data.get("method", "dhondt")).name
    except AllocationError as err:
        problems.add("method", str(err))
    if data.get("threshold") is not None:
        try:
            out["threshold"] = parse_share(data["threshold"])
        except AllocationError as err:
            problems.add("threshold", str(err))
    for field, low in (("sample_size", 1), ("draws", 1), ("seed", None)):
        if field in data:
            out[field] = problems.whole(data[field], field, low)
    return out


def _load(p: Path) -> dict[str, Any]:
    """The file's tree, read through :mod:`coalitions.inputs` (bounded, UTF-8, the safe
    TOML parser, the tree checked): its problems are the input layer's
    :class:`~coalitions.errors.ScenarioError`."""
    data, where = inputs.load(p, fmt="toml")
    if not isinstance(data, dict):  # pragma: no cover - TOML always gives a table
        raise SimulationError(f"{where}: must hold a table")
    return data


def read_simulation(path: str | Path) -> SimulationFile:
    """Read and check a simulation file (TOML; see the module's description).

    Every problem is reported at once, before any draw runs: an unknown key, a district
    without a name, an interval that is not ``[low, high]``, a ``[fixed]`` value that
    is not a whole number or names a simulated list, a ``[[coalitions]]`` entry naming
    an unknown list, a method or threshold that cannot be read.

    Raises
    ------
    ~coalitions.errors.SimulationError
        Naming the file and each field with a problem.
    """
    p = Path(path)
    data = _load(p)
    problems = _Problems()
    for key in data:
        if key not in SIMULATION_KEYS:
            problems.add("", unknown("key", key, SIMULATION_KEYS))
    shares, seats = _districts(data, problems)
    tables = shares.values() if isinstance(seats, Mapping) else [shares]
    keys = list(dict.fromkeys(k for table in tables for k in table))
    intervals = None
    if "intervals" in data:
        if isinstance(seats, Mapping):
            problems.add("intervals", "apply to a single national district, not [[districts]]")
        intervals = _intervals(data["intervals"], keys, problems)
    fixed = _fixed(data.get("fixed", {}), keys, problems)
    coalitions = _coalitions(data.get("coalitions", []), [*keys, *fixed], problems)
    options = _options(data, problems)
    problems.raise_any(p)
    if isinstance(seats, Mapping):
        shares = {d: FrozenMap(t) for d, t in shares.items()}
    return SimulationFile(
        path=str(p),
        shares=shares,
        seats=seats,
        intervals=intervals,
        fixed=fixed,
        coalitions=coalitions,
        **options,
    )
