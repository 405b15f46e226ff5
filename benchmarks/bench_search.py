"""Coalition search on iraq-2025: counting, ranking, streaming, and the brute-force ratio.

Targets (issue "Coalition search"): exact count of minimal winning coalitions under
50 ms; the ten smallest viable coalitions under the red lines under 200 ms; the
brute-force oracle at 20 entries beside it. Issue "Faster than every peer": streaming
at least 200,000 coalitions a second with flat memory (peak RSS while streaming a
million, and the memory traced while streaming 10,000 and 200,000: the same), and the
top 100,000 by seats under 2 s with memory proportional to k (traced at k = 10,000 and
100,000). On a loaded machine the CPU time (process time) is the better estimate of a
quiet one; the calibration line says how loaded this one is.

Run: python benchmarks/bench_search.py
"""

from __future__ import annotations

import itertools
import os
import resource
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

from _timing import best_of, calibration

import coalitions as co


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def traced_peak_kib(make: Callable[[], Iterator[Any]], keep: bool) -> float:
    """The peak memory Python allocates while consuming ``make()`` (keeping every item
    when ``keep``), in KiB."""
    tracemalloc.start()
    items = make()
    kept = list(items) if keep else None
    if not keep:
        for _ in items:
            pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return peak / 1024


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU seconds of one run of ``fn``, and its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def brute_force_count(weights: list[int], quota: int) -> int:
    n = len(weights)
    count = 0
    for mask in range(1 << n):
        s = 0
        lightest = None
        for i in range(n):
            if mask >> i & 1:
                s += weights[i]
                if lightest is None or weights[i] < lightest:
                    lightest = weights[i]
        if s >= quota and lightest is not None and s - lightest < quota:
            count += 1
    return count


def main() -> None:
    print(f"this machine: {calibration():.0f} ns a random() call (idle recent x86: ~25 ns)")
    print(f"load average: {os.getloadavg()[0]:.1f}")
    iraq = co.load_scenario("iraq-2025")
    red = co.Constraints(
        exclude_tags={"militia-affiliated"}, require_tags={"component:kurdish", "component:sunni"}
    )
    t, n = best_of(lambda: co.count_coalitions(iraq, "majority"))
    print(
        f"count minimal winning (majority)          {t * 1000:8.1f} ms  -> {n:,}   target < 50 ms"
    )
    t, n = best_of(lambda: co.count_coalitions(iraq, "majority", constraints=red))
    print(f"count under the red lines                 {t * 1000:8.1f} ms  -> {n:,}")
    t, _top = best_of(
        lambda: list(
            co.find_coalitions(iraq, "majority", constraints=red, order_by="seats", limit=10)
        )
    )
    print(
        f"ten smallest under the red lines          {t * 1000:8.1f} ms"
        "                 target < 200 ms"
    )
    t, _ = best_of(
        lambda: list(
            co.find_coalitions(iraq, "majority", constraints=red, order_by="parties", limit=10)
        )
    )
    print(f"ten with fewest parties, red lines        {t * 1000:8.1f} ms")  # no target

    before = rss_mib()
    rates = []
    start, cpu = time.perf_counter(), time.process_time()
    mark = start
    for i, _c in enumerate(itertools.islice(co.find_coalitions(iraq, "majority"), 1_000_000), 1):
        if i % 200_000 == 0:
            now = time.perf_counter()
            rates.append(200_000 / (now - mark))
            mark = now
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = rss_mib()
    print(
        f"stream 1,000,000 minimal coalitions       {total:8.2f} s   "
        f"{1_000_000 / total:,.0f}/s (per 200k: {', '.join(f'{r:,.0f}' for r in rates)})"
        f"; CPU {1_000_000 / cpu:,.0f}/s   target >= 200,000/s"
    )
    print(f"peak RSS before / after streaming         {before:8.1f} / {after:.1f} MiB")
    small_peak, large_peak = (
        traced_peak_kib(
            lambda n=n: itertools.islice(co.find_coalitions(iraq, "majority"), n), keep=False
        )
        for n in (10_000, 200_000)
    )
    print(
        f"memory traced streaming 10,000 / 200,000  {small_peak:8.1f} / {large_peak:.1f} KiB"
        "   target: flat"
    )

    for order_by in ("seats", "parties"):
        wall, cpu, top = timed(
            lambda order_by=order_by: list(
                co.find_coalitions(iraq, "majority", order_by=order_by, limit=100_000)
            )
        )
        assert len(top) == 100_000
        print(
            f"top 100,000 by {order_by:<7}                  {wall:8.2f} s   (CPU {cpu:.2f} s)"
            + ("   target < 2 s" if order_by == "seats" else "")
        )
    small_peak, large_peak = (
        traced_peak_kib(
            lambda k=k: co.find_coalitions(iraq, "majority", order_by="seats", limit=k), keep=True
        )
        for k in (10_000, 100_000)
    )
    print(
        f"memory traced, top 10,000 / 100,000       {small_peak / 1024:8.1f} / "
        f"{large_peak / 1024:.1f} MiB   target: O(k)"
    )
    small_peak, large_peak = (
        traced_peak_kib(
            lambda k=k: co.find_coalitions(iraq, "majority", order_by="seats", limit=k),
            keep=False,
        )
        for k in (10_000, 100_000)
    )
    print(
        f"  the same, results not kept              {small_peak / 1024:8.1f} / "
        f"{large_peak / 1024:.1f} MiB"
    )
    wall, cpu, _ = timed(
        lambda: list(
            itertools.islice(
                co.search.ranked.BestFirst(
                    co.search.units.Walk(
                        co.constraints.compile_game(iraq, "majority", co.Constraints()),
                        minimal=True,
                        group=False,
                        by_key=True,
                    ),
                    "seats",
                ).results(),
                10_000,
            )
        )
    )
    print(f"(before: best-first top 10,000 by seats   {wall:8.2f} s   (CPU {cpu:.2f} s))")

    # The oracle: every subset of a 20-entry chamber (the 20 largest Iraqi lists).
    top20 = sorted(iraq.parties, key=lambda p: -p.seats)[:20]
    small = co.Legislature(name="Iraq top 20", size=329, parties=top20, groups=iraq.groups)
    weights = [p.seats for p in top20]
    t_fast, fast = best_of(lambda: co.count_coalitions(small, "majority"), repeat=5)
    t0 = time.perf_counter()
    slow = brute_force_count(weights, small.quota("majority"))
    t_slow = time.perf_counter() - t0
    assert fast == slow, (fast, slow)
    print(
        f"20 entries: count {t_fast * 1000:.2f} ms, brute force {t_slow:.2f} s "
        f"-> {fast:,} both; ratio {t_slow / t_fast:,.0f}x"
    )


if __name__ == "__main__":
    main()
