"""From uncertain vote shares to seat distributions and coalition probabilities.

Each draw perturbs the vote shares, turns them into whole votes, allocates the seats
with any registry method (exactly, districts and thresholds included), and keeps the
seats. The draws answer: how many seats each list wins (intervals), how likely a given
coalition reaches a quota, how likely some viable coalition exists under red lines.

The uncertainty model: with ``sample_size`` n (a poll of n respondents), the shares of a
draw follow a Dirichlet distribution with parameters ``n * share`` (the posterior of a
multinomial poll with a flat prior, less the prior's one vote a list), drawn as gamma
variates (:mod:`coalitions.sampling`); with ``intervals``, each list's share is drawn
uniformly in its interval and the shares are renormalized. The random numbers are
floats, as sampling needs. A divisor method without a threshold takes the variates
themselves as votes (:class:`~coalitions.apportion.fast.RootCounter`); otherwise each
draw is rounded to whole votes (``votes_scale``, 10 million by default). Either way the
seats of a draw are exact for its votes.

Draws run in batches, each seeded from ``(seed, batch)``: the same ``seed`` gives the
same draws whatever the executor (``None`` for this process, or any
:class:`concurrent.futures.Executor`: a process pool, or a Dask or Ray executor).

>>> sim = simulate({"a": 50, "b": 30, "c": 20}, seats=10, method="hare", sample_size=1000,
...                draws=200, seed=1)
>>> sim.seat_intervals()["a"].median
5
>>> 0 < sim.majority_probability({"a", "c"}) <= 1
True
"""

from __future__ import annotations

import concurrent.futures
import math
import random
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, ClassVar, Final

import attrs

from . import numbers, report, rules
from ._frozen import FrozenMap, frozen_map
from .apportion import METHODS, allocate, get_method
from .apportion.allocate import _threshold_test
from .apportion.fast import RootCounter, SeatCounter
from .constraints import Constraints, compile_game, constraints_of
from .errors import AllocationError, NumberError, SimulationError, _short
from .limits import MAX_CHAMBER_SIZE, MAX_DRAWS
from .model import Legislature, Party
from .sampling import GammaPlan
from .search import check_in_game, find_coalitions
from .simulation_file import SimulationFile, read_simulation

__all__ = [
    "SeatInterval",
    "Simulation",
    "SimulationError",
    "SimulationFile",
    "read_simulation",
    "shares_from",
    "simulate",
]


@attrs.frozen
class SeatInterval:
    """A list's seats across the draws: ``low`` and ``high`` bound the central
    ``level`` of draws, ``median`` is the middle draw, ``mean`` the exact average."""

    low: int
    median: int
    high: int
    mean: Fraction


@attrs.frozen
class _Spec:
    """Everything a batch needs, picklable for process pools."""

    keys: tuple[str, ...]
    districts: tuple[str, ...]
    shares: tuple[tuple[float, ...], ...]  # by district, then by key
    seats: tuple[int, ...]
    method: Any
    sample_size: int | None
    intervals: tuple[tuple[float, float], ...] | None
    threshold: Any
    votes_scale: int
    seed: int


@attrs.frozen(eq=False)
class _District:
    """One district as a batch draws it: its slice of the draw's variates, the lists
    with a share there (positions in the keys), and its seat counters."""

    name: str
    seats: int
    start: int
    stop: int
    lists: tuple[int, ...]
    fast: RootCounter | None  # seats from the variates' cube roots, by exchange
    whole: SeatCounter  # seats from whole votes (thresholds, remainders, intervals)


@attrs.frozen(eq=False)
class _Plan:
    """What every draw of a simulation reads and none changes: the gamma shapes of every
    list in every district (``None`` with intervals), the districts, and the seats of the
    fast counters' starting allocations, by key."""

    gamma: GammaPlan | None
    districts: tuple[_District, ...]
    base: tuple[int, ...]


def _plan(spec: _Spec) -> _Plan:
    """The plan of a simulation, made once (then sent to each task of an executor).

    With ``sample_size`` n, list i of a district draws Gamma(n * share_i): a Dirichlet
    draw once normalized. A divisor method without a threshold takes the seats straight
    from the variates (:class:`~coalitions.apportion.fast.RootCounter`, which needs no
    normalization); otherwise each draw is normalized and rounded to whole votes."""
    method = get_method(spec.method)
    n = spec.sample_size or 0
    shapes: list[float] = []
    districts = []
    base = [0] * len(spec.keys)
    wholes: dict[int, SeatCounter] = {}
    for name, share, seats in zip(spec.districts, spec.shares, spec.seats, strict=True):
        if spec.intervals is None:
            # the largest first: the lists holding seats at the fast path's start lead
            lists = tuple(
                sorted((i for i, x in enumerate(share) if x > 0), key=lambda i: -share[i])
            )
        else:
            lists = tuple(range(len(spec.keys)))
        alphas = [n * share[i] for i in lists]
        fast = None
        if spec.intervals is None and not spec.threshold:
            # the median's cube root, about: where the exchange starts from
            typical = [(a - 1 / 3) ** (1 / 3) if a > 1 else a ** (1 / 3) for a in alphas]
            fast = RootCounter.make(method, seats, typical)
        if fast is not None:
            for i, held in zip(lists, fast.start, strict=True):
                base[i] += held
        if seats not in wholes:
            wholes[seats] = SeatCounter(method, seats, spec.threshold)
        first = len(shapes)
        shapes.extend(alphas)
        districts.append(_District(name, seats, first, len(shapes), lists, fast, wholes[seats]))
    gamma = GammaPlan(shapes) if spec.intervals is None else None
    return _Plan(gamma=gamma, districts=tuple(districts), base=tuple(base))


def _run_batch(spec: _Spec, plan: _Plan, batch: int, size: int) -> list[tuple[int, ...]]:
    """``size`` draws of batch number ``batch``: seat tuples in key order.

    The batch's generator is seeded from ``(seed, batch)``; it draws every variate of a
    draw, then breaks any tie for a last seat by lot, district by district. The plan is
    only read."""
    rng = random.Random(f"{spec.seed}/{batch}")
    gamma = plan.gamma
    steps = [(d, d.fast, d.start, d.stop, d.lists) for d in plan.districts]
    out: list[tuple[int, ...]] = []
    for _ in range(size):
        roots = gamma.roots(rng) if gamma is not None else None
        total = list(plan.base)
        for district, fast, start, stop, lists in steps:
            if fast is not None and roots is not None:
                for i, change in fast.changes(roots[start:stop], rng).items():
                    total[lists[i]] += change
                continue
            votes = _whole_votes(spec, district, roots, rng)
            won = district.whole(votes, rng)
            if won is None:
                won = _allocated(spec, district, votes, rng)
            for i, held in zip(lists, won, strict=True):
                total[i] += held
        out.append(tuple(total))
    return out


def _whole_votes(
    spec: _Spec, district: _District, roots: list[float] | None, rng: random.Random
) -> list[int]:
    """One district's draw as whole votes, ``votes_scale`` in all (about): the gamma
    variates normalized, or shares drawn uniformly in their intervals."""
    if roots is None:
        assert spec.intervals is not None
        raw = [rng.uniform(lo, hi) for lo, hi in spec.intervals]
    else:
        raw = [t * t * t for t in roots[district.start : district.stop]]
    total = math.fsum(raw)
    if total <= 0:
        share = spec.shares[spec.districts.index(district.name)]
        raw, total = [share[i] for i in district.lists], 1.0
    scale = spec.votes_scale / total
    votes = [round(x * scale) for x in raw]
    if not any(votes):
        votes[0] = 1
    return votes


#: The most tasks an executor is given for one simulation (see :func:`_draws`).
_TASKS: Final = 16


def _run_batches(
    spec: _Spec, plan: _Plan, first: int, sizes: Sequence[int]
) -> list[tuple[int, ...]]:
    """Consecutive batches ``first, first + 1, ...`` of ``sizes`` draws, as one task."""
    out: list[tuple[int, ...]] = []
    for b, n in enumerate(sizes, start=first):
        out.extend(_run_batch(spec, plan, b, n))
    return out


def _allocated(spec: _Spec, district: _District, votes: list[int], rng: random.Random) -> list[int]:
    """One district's seats by the full allocation (where the whole-vote path declines)."""
    a = allocate(
        {spec.keys[i]: v for i, v in zip(district.lists, votes, strict=True)},
        district.seats,
        spec.method,
        threshold=spec.threshold,
        tie_break="lot",
        seed=rng,
        district=district.name or None,
    )
    return [a.seats.get(spec.keys[i], 0) for i in district.lists]


@attrs.frozen
class Simulation(report.Shown):
    """The seats of every draw, and the questions they answer.

    ``draws`` holds one seat tuple a draw, in the order of ``keys``.
    """

    keys: tuple[str, ...]
    draws: tuple[tuple[int, ...], ...] = attrs.field(repr=False)
    size: int
    method: str
    seed: int
    names: Mapping[str, str] = attrs.field(
        default=FrozenMap(), converter=frozen_map, eq=False, repr=False
    )
    _cache: dict[Any, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    view_name: ClassVar[str] = "simulation"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (
            ("heading", "", f"{self.n:,} draws, {self.method}, seed {self.seed}"),
            ("table", None),
        )

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """Each list's seat interval (90% by default) as a record; the mean seats a
        float, or exact when ``exact``."""
        rows = [
            {"key": k, "low": v.low, "median": v.median, "high": v.high, "mean": v.mean}
            for k, v in self.seat_intervals().items()
        ]
        return report.records_of(rows, exact=exact)

    @property
    def n(self) -> int:
        """The number of draws."""
        return len(self.draws)

    def _column(self, key: str) -> list[int]:
        if key not in self.keys:
            raise SimulationError(f"unknown list {key!r}; the lists are {', '.join(self.keys)}")
        i = self.keys.index(key)
        return [d[i] for d in self.draws]

    def seat_distribution(self, key: str) -> dict[int, Fraction]:
        """The probability of each seat count for ``key``, exactly (count / draws)."""
        counts = Counter(self._column(key))
        return {s: Fraction(c, self.n) for s, c in sorted(counts.items())}

    def seat_intervals(self, level: Fraction = Fraction(9, 10)) -> dict[str, SeatInterval]:
        """For each list, the central ``level`` of its seat counts, median and mean."""
        level = Fraction(level)
        if not 0 < level <= 1:
            raise SimulationError(f"'level' must be in (0, 1] (got {level})")
        tail = (1 - level) / 2
        out = {}
        for key in self.keys:
            col = sorted(self._column(key))
            lo = col[min(len(col) - 1, math.floor(tail * len(col)))]
            hi = col[max(0, math.ceil((1 - tail) * len(col)) - 1)]
            out[key] = SeatInterval(
                low=lo, median=col[(len(col) - 1) // 2], high=hi, mean=Fraction(sum(col), len(col))
            )
        return out

    def legislature(self, draw: int) -> Legislature:
        """The chamber of one draw."""
        seats = self.draws[draw]
        return Legislature(
            name=f"draw {draw}",
            size=self.size,
            parties=[
                Party(key=k, name=self.names.get(k, k), seats=s)
                for k, s in zip(self.keys, seats, strict=True)
            ],
        )

    def _distinct(self) -> Counter[tuple[int, ...]]:
        cached = self._cache.get("distinct")
        if cached is None:
            cached = self._cache["distinct"] = Counter(self.draws)
        return cached

    def majority_probability(
        self, coalition: Iterable[str], quota: rules.Rule = "majority"
    ) -> Fraction:
        """The share of draws in which ``coalition`` holds at least ``quota`` seats."""
        members = {str(k).lower() for k in coalition}
        for k in members:
            if k not in self.keys:
                raise SimulationError(f"unknown list {k!r}; the lists are {', '.join(self.keys)}")
        need = rules.quota(self.size, quota)
        idx = [self.keys.index(k) for k in members]
        wins = sum(c for d, c in self._distinct().items() if sum(d[i] for i in idx) >= need)
        return Fraction(wins, self.n)

    def viable_probability(
        self,
        quota: rules.Rule = "majority",
        *,
        constraints: Constraints | None = None,
        **keywords: Any,
    ) -> Fraction:
        """The share of draws in which some coalition is viable under the constraints."""
        c = constraints_of(constraints, **keywords)
        hits = 0
        for d, count in self._distinct().items():
            leg = self._legislature_of(d)
            if next(iter(find_coalitions(leg, quota, constraints=c, limit=1)), None) is not None:
                hits += count
        return Fraction(hits, self.n)

    def coalition_probabilities(
        self,
        quota: rules.Rule = "majority",
        *,
        coalitions: Iterable[Iterable[str]] | None = None,
        max_parties: int = 3,
        top: int = 20,
        constraints: Constraints | None = None,
        **keywords: Any,
    ) -> dict[str, Fraction]:
        """How likely each coalition is viable (and, unless given, minimal).

        With ``coalitions``, the share of draws in which each is viable under the quota
        and constraints. Without, the minimal viable coalitions of at most
        ``max_parties`` lists found in the draws, with the share of draws in which each
        is one, the ``top`` most likely first (then by name).
        """
        c = constraints_of(constraints, **keywords)
        tally: Counter[str] = Counter()
        if coalitions is not None:
            wanted = [tuple(sorted({str(k).lower() for k in co})) for co in coalitions]
            for d, count in self._distinct().items():
                game = compile_game(self._legislature_of(d), quota, c)
                for members in wanted:
                    if check_in_game(game, members).viable:
                        tally["+".join(members)] += count
            return {"+".join(m): Fraction(tally["+".join(m)], self.n) for m in wanted}
        small = attrs.evolve(c, max_parties=min(max_parties, c.max_parties or max_parties))
        for d, count in self._distinct().items():
            for found in find_coalitions(self._legislature_of(d), quota, constraints=small):
                tally["+".join(sorted(found.members))] += count
        ranked = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        return {k: Fraction(v, self.n) for k, v in ranked}

    def _legislature_of(self, seats: tuple[int, ...]) -> Legislature:
        key = ("leg", seats)
        leg = self._cache.get(key)
        if leg is None:
            leg = self._cache[key] = Legislature(
                name="simulated draw",
                size=self.size,
                # lists with no seat in this draw stay (with 0), so that constraints
                # and coalitions can always name them
                parties=[
                    Party(key=k, name=self.names.get(k, k), seats=s)
                    for k, s in zip(self.keys, seats, strict=True)
                ],
            )
        return leg


def _share(value: Any, where: str) -> float:
    try:
        f = numbers.exact(value, floats=True)
    except NumberError:
        raise SimulationError(
            f"{where} must be a number or a share such as '12.5%' (got {value!r})"
        ) from None
    if f < 0:
        raise SimulationError(f"{where} must be >= 0 (got {_short(value)})")
    if f > MAX_SHARE:
        raise SimulationError(
            f"{where} must be at most {MAX_SHARE:.0e} (got {_short(value)}): a share, a "
            "percentage or a vote count"
        )
    return float(f)


#: The largest share (or vote count) a simulation reads: shares are drawn in floating
#: point, so a number must stay far from a float's range.
MAX_SHARE: Final = 10**15


def simulate(
    shares: Mapping[str, Any] | Mapping[str, Mapping[str, Any]],
    seats: int | Mapping[str, int] | None = None,
    method: str = "dhondt",
    *,
    sample_size: int | None = 1000,
    intervals: Mapping[str, tuple[Any, Any]] | None = None,
    draws: int = 10_000,
    seed: int = 0,
    threshold: Fraction | int | None = None,
    votes_scale: int = 10_000_000,
    executor: concurrent.futures.Executor | None = None,
    batch_size: int = 250,
    progress: Callable[[int, int], None] | None = None,
    names: Mapping[str, str] | None = None,
    fixed: Mapping[str, int] | None = None,
    districts: Mapping[str, int] | None = None,
) -> Simulation:
    """Simulate ``draws`` elections from uncertain vote shares.

    ``shares``: each list's expected share (any numbers: they are normalized) for one
    national district of ``seats`` seats; or, with ``districts`` (each district's
    seats; ``seats`` is then their total, or may itself map districts to seats), each
    district's shares by list. ``sample_size``: the size of the poll behind the
    shares (larger is surer); or give ``intervals`` (``{key: (low, high)}``) instead.
    ``method`` and ``threshold`` are those of :func:`~coalitions.allocate` (a tie for a
    last seat is broken by lot). ``fixed`` adds seats that are not simulated (reserved
    seats, each its own list) to every draw. ``executor`` runs batches of
    ``batch_size`` draws: a :class:`concurrent.futures.Executor` (a process pool; Dask's
    ``client.get_executor()``; Ray's), or anything with ``map(fn, *iterables)`` giving
    results or futures, such as a Dask ``Client`` itself (each future's ``result()`` is
    taken). ``progress(done, total)`` is called after each batch.

    >>> sim = simulate({"a": 60, "b": 40}, seats=10, method="hare", sample_size=10**9,
    ...                draws=20, seed=1)
    >>> set(sim.draws)
    {(6, 4)}
    """
    numbers.whole(draws, field="draws", low=1, high=MAX_DRAWS, error=SimulationError)
    numbers.whole(batch_size, field="batch_size", low=1, error=SimulationError)
    numbers.whole(seed, field="seed", error=SimulationError)
    numbers.whole(votes_scale, field="votes_scale", low=1, high=MAX_SHARE, error=SimulationError)
    try:
        _threshold_test(threshold, 1)  # the check allocate makes, before any draw
    except AllocationError as err:
        raise SimulationError(str(err)) from None
    m = get_method(method)
    dnames, per, seat_counts = _districts_of(shares, seats, districts)
    keys, base = _base_shares(dnames, per)
    bounds = _bounds(intervals, keys, dnames, sample_size)
    extra = _fixed(fixed, keys)  # checked before any draw runs
    spec = _Spec(
        keys=tuple(keys),
        districts=dnames,
        shares=tuple(base),
        seats=seat_counts,
        method=m.name if m.name in METHODS else m,
        sample_size=sample_size,
        intervals=tuple(bounds) if bounds is not None else None,
        threshold=threshold,
        votes_scale=votes_scale,
        seed=seed,
    )
    results = _draws(spec, draws, batch_size, executor, progress)
    tail = tuple(extra.values())
    return Simulation(
        keys=(*keys, *extra),
        draws=tuple(r + tail for r in results),
        size=sum(seat_counts) + sum(tail),
        method=m.name,
        seed=seed,
        names=names or {},
    )


def _districts_of(
    shares: Any, seats: Any, districts: Any
) -> tuple[tuple[str, ...], list[Any], tuple[int, ...]]:
    """The districts' names, each district's share table and each district's seats."""
    if districts is not None:
        if not isinstance(districts, Mapping) or not districts:
            raise SimulationError("'districts' must map each district to its seats")
        held = sum(districts.values())
        if seats is not None and not isinstance(seats, Mapping) and seats != held:
            raise SimulationError(
                f"'seats' is {seats} but the districts hold {held}; give their total or omit it"
            )
        seats = dict(districts)
    if seats is None:
        raise SimulationError("'seats' is required (or 'districts' with each district's seats)")
    if isinstance(seats, Mapping):
        dnames = tuple(seats)
        if not isinstance(shares, Mapping) or set(shares) != set(dnames):
            raise SimulationError(
                "with seats by district, 'shares' must give each district's shares"
            )
        per = [shares[d] for d in dnames]
        seat_counts = tuple(seats[d] for d in dnames)
    else:
        dnames, per, seat_counts = ("",), [shares], (seats,)
    for d, s in zip(dnames, seat_counts, strict=True):
        where = f" in {d}" if d else ""
        numbers.whole(
            s, field="seats", low=1, high=MAX_CHAMBER_SIZE, context=where, error=SimulationError
        )
    return dnames, per, seat_counts


def _base_shares(
    dnames: tuple[str, ...], per: list[Any]
) -> tuple[list[str], list[tuple[float, ...]]]:
    """Every list's key, and each district's shares of them, normalised."""
    keys: list[str] = []
    for table in per:
        if not isinstance(table, Mapping) or not table:
            raise SimulationError("'shares' must map lists to their shares")
        keys.extend(k for k in table if k not in keys)
    base: list[tuple[float, ...]] = []
    for d, table in zip(dnames, per, strict=True):
        values = [
            _share(table.get(k, 0), f"the share of {k!r}" + (f" in {d}" if d else "")) for k in keys
        ]
        total = sum(values)
        if total <= 0:
            raise SimulationError(f"the shares{f' in {d}' if d else ''} are all zero")
        base.append(tuple(v / total for v in values))
    return keys, base


def _bounds(
    intervals: Any, keys: list[str], dnames: tuple[str, ...], sample_size: Any
) -> list[tuple[float, float]] | None:
    """Each list's interval of shares (or ``None``: the shares are sampled instead)."""
    if intervals is None:
        numbers.whole(
            sample_size, field="sample_size", low=1, high=MAX_SHARE, error=SimulationError
        )
        return None
    if len(dnames) > 1:
        raise SimulationError("'intervals' apply to a single national district")
    missing = [k for k in keys if k not in intervals]
    if missing:
        raise SimulationError(f"'intervals' lacks {missing[0]!r}")
    bounds = []
    for k in keys:
        lo, hi = (_share(x, f"the interval of {k!r}") for x in intervals[k])
        if lo > hi:
            raise SimulationError(f"the interval of {k!r} is empty ({lo} > {hi})")
        bounds.append((lo, hi))
    return bounds


def _fixed(fixed: Any, keys: list[str]) -> dict[str, int]:
    """The seats given outright, checked: whole numbers, none of a simulated list."""
    extra = dict(fixed or {})
    for k, v in extra.items():
        if k in keys:
            raise SimulationError(f"'fixed' names {k!r}, which is also a simulated list")
        if isinstance(v, bool) or not isinstance(v, int) or v < 0:
            raise SimulationError(f"'fixed' seats must be whole numbers >= 0 (got {v!r} for {k!r})")
    return extra


def _draws(
    spec: _Spec,
    draws: int,
    batch_size: int,
    executor: concurrent.futures.Executor | None,
    progress: Callable[[int, int], None] | None,
) -> list[tuple[int, ...]]:
    """The draws, batch by batch, in this process or the executor's.

    A batch is the unit of the random stream (seeded from ``(seed, batch)``); an
    executor gets them in at most :data:`_TASKS` tasks of consecutive batches, so that a
    process pool pays its overhead a few times, not once a batch."""
    sizes = [min(batch_size, draws - i) for i in range(0, draws, batch_size)]
    results: list[tuple[int, ...]] = []
    try:
        plan = _plan(spec)
        if executor is None:
            batches: Iterable[list[tuple[int, ...]]] = (
                _run_batch(spec, plan, b, n) for b, n in enumerate(sizes)
            )
        else:
            per_task = -(-len(sizes) // _TASKS)
            starts = list(range(0, len(sizes), per_task))
            chunks = [sizes[s : s + per_task] for s in starts]
            n_tasks = len(starts)
            batches = executor.map(_run_batches, [spec] * n_tasks, [plan] * n_tasks, starts, chunks)
        for batch in batches:
            # A Dask Client's map gives futures, not results (Executor.map gives results).
            batch = batch.result() if hasattr(batch, "result") else batch  # noqa: PLW2901
            results.extend(batch)
            if progress is not None:
                progress(len(results), draws)
    except AllocationError as err:
        raise SimulationError(f"a draw could not be allocated: {err}") from None
    return results


def shares_from(leg: Legislature) -> dict[str, Fraction]:
    """Vote shares from a chamber's recorded votes (or vote shares).

    Every list needs its votes (or share): leave out entries without them first.

    >>> import coalitions as co
    >>> kr = co.load_scenario("kurdistan-2024")
    >>> general = co.whatif.remove(kr, [p.key for p in kr.tagged("quota-seat")])
    >>> round(float(shares_from(general)["kdp"]), 3)
    0.447
    """
    if all(p.votes is not None for p in leg.parties):
        total = sum(p.votes or 0 for p in leg.parties)
        return {p.key: Fraction(p.votes or 0, total) for p in leg.parties if p.votes}
    if all(p.vote_share is not None for p in leg.parties):
        return {p.key: p.vote_share for p in leg.parties if p.vote_share}
    missing = [p.key for p in leg.parties if p.votes is None and p.vote_share is None]
    raise SimulationError(f"no votes recorded for {', '.join(missing[:5])}")
