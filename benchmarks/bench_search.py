"""Coalition search on iraq-2025: counting, ranking, streaming, and the brute-force ratio.

Targets (issue "Coalition search"): exact count of minimal winning coalitions under
50 ms; the ten smallest viable coalitions under the red lines under 200 ms; streaming at
least 100,000 coalitions a second with flat memory (peak RSS while streaming a
million); the brute-force oracle at 20 entries beside it.

Run: python benchmarks/bench_search.py
"""

from __future__ import annotations

import itertools
import resource
import time

from _timing import best_of

import coalitions as co


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
    start = time.perf_counter()
    mark = start
    for i, _c in enumerate(itertools.islice(co.find_coalitions(iraq, "majority"), 1_000_000), 1):
        if i % 200_000 == 0:
            now = time.perf_counter()
            rates.append(200_000 / (now - mark))
            mark = now
    total = time.perf_counter() - start
    after = rss_mib()
    print(
        f"stream 1,000,000 minimal coalitions       {total:8.2f} s   "
        f"{1_000_000 / total:,.0f}/s (per 200k: {', '.join(f'{r:,.0f}' for r in rates)})"
        "   target >= 100,000/s"
    )
    print(f"peak RSS before / after streaming         {before:8.1f} / {after:.1f} MiB")

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
