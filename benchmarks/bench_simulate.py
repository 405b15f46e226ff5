"""Simulation speed: 10,000 draws of an 18-district, 40-list Iraqi-sized election, with a
process pool (target under 60 s on 2 cores) and in one process.

For comparison: the R package `coalitions` takes about 34 s for 10,000 draws of 7
parties in one district (its own documentation's figure, as quoted in our issue).

Run: python benchmarks/bench_simulate.py [draws]
"""

from __future__ import annotations

import concurrent.futures
import os
import random
import sys
import time

import coalitions as co


def main() -> None:
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(2025)
    seats = [71, 34, 25, 19, 18, 17, 16, 15, 14, 13, 12, 12, 12, 12, 11, 11, 10, 7]
    districts = {f"g{d:02d}": s for d, s in enumerate(seats)}
    shares = {
        d: {f"list-{i:02d}": rng.randint(1_000, 400_000) for i in range(40)} for d in districts
    }
    kwargs = {"method": "iraq-2023", "sample_size": 3000, "draws": draws, "seed": 1}
    workers = os.cpu_count() or 1
    t = time.perf_counter()
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        pooled = co.simulate(shares, districts, executor=pool, **kwargs)
    t_pool = time.perf_counter() - t
    print(
        f"{draws:,} draws, 18 districts x 40 lists, process pool of {workers}: "
        f"{t_pool:.1f} s   target < 60 s"
    )
    t = time.perf_counter()
    alone = co.simulate(shares, districts, **kwargs)
    t_alone = time.perf_counter() - t
    print(f"the same, one process: {t_alone:.1f} s")
    print(f"same draws both ways: {alone.draws == pooled.draws}")
    kr = co.load_scenario("kurdistan-2024")
    small = {p.key: p.votes for p in kr if p.votes}
    t = time.perf_counter()
    co.simulate(small, 95, "sainte-lague", sample_size=2000, draws=10_000, seed=1)
    print(
        f"10,000 draws of Kurdistan's 10 lists, one district, one process: "
        f"{time.perf_counter() - t:.1f} s   (R coalitions: about 34 s for 7 parties)"
    )


if __name__ == "__main__":
    main()
