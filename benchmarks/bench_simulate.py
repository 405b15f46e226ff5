"""Simulation speed: 10,000 draws of an 18-district, 40-list Iraqi-sized election, in one
process (target: at most 5 s; about 37 s in the first version, 12 s in the second) and
with a process pool (target: no slower than one process on 2 cores; the draws go to the
pool in a few tasks of many batches).

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

from _timing import calibration

import coalitions as co


def main() -> None:
    print(f"this machine: {calibration():.0f} ns a random() call (idle recent x86: ~25 ns)")
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
    runs = []
    for _ in range(3):  # the machine's speed wanders: three runs, all shown, the best kept
        t = time.perf_counter()
        alone = co.simulate(shares, districts, **kwargs)
        runs.append(time.perf_counter() - t)
    t_alone = min(runs)
    shown = ", ".join(f"{x:.1f}" for x in runs)
    print(
        f"{draws:,} draws, 18 districts x 40 lists, one process: {t_alone:.1f} s "
        f"(best of {shown} s)   target <= 5 s"
    )
    print(
        f"the same, process pool of {workers}: {t_pool:.1f} s   "
        f"({t_alone / t_pool:.2f}x one process; target >= 1)"
    )
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {workers} cores")
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
