"""Apportionment speed: a national allocation of 18 districts with 40 lists each (target
under 5 ms), and one district of 10 million votes (target under 10 ms), exact.

Run: python benchmarks/bench_apportion.py
"""

from __future__ import annotations

import random

from _timing import best_of

import coalitions as co


def main() -> None:
    rng = random.Random(2025)
    seats = [71, 34, 25, 19, 18, 17, 16, 15, 14, 13, 12, 12, 12, 12, 11, 11, 10, 7]
    votes = {
        f"g{d:02d}": {f"list-{i:02d}": rng.randint(1_000, 400_000) for i in range(40)}
        for d in range(18)
    }
    by_district = {f"g{d:02d}": s for d, s in enumerate(seats)}
    for method in ("iraq-2023", "dhondt", "hare", "huntington-hill"):
        t, _ = best_of(
            lambda method=method: co.allocate_districts(
                votes, by_district, method, tie_break="lot", seed=1
            )
        )
        print(f"18 districts x 40 lists, {method:<16} {t * 1000:6.2f} ms   target < 5 ms")
    big = {f"list-{i:02d}": rng.randint(50_000, 450_000) for i in range(40)}
    total = sum(big.values())
    for method in ("iraq-2023", "dhondt", "hare"):
        t, _ = best_of(lambda method=method: co.allocate(big, 71, method, tie_break="lot", seed=1))
        print(f"{total:,} votes, 71 seats, {method:<10} {t * 1000:6.2f} ms   target < 10 ms")


if __name__ == "__main__":
    main()
