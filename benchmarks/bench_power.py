"""Power indices on iraq-2025, beside the PyPI package powerindex (floats).

Targets (issue "Power indices"): exact Banzhaf plus Shapley-Shubik on iraq-2025 no
slower than powerindex; all six indices under 200 ms; Shapley-Shubik exact for a
329-player game in seconds, where powerindex overflows.

powerindex is not a dependency: install it in the benchmark environment only
(pip install powerindex). Without it the script reports our figures alone.

Run: python benchmarks/bench_power.py
"""

from __future__ import annotations

from _timing import best_of

import coalitions as co
from coalitions import power

try:
    import powerindex
except ImportError:  # pragma: no cover - optional
    powerindex = None


def main() -> None:
    iraq = co.load_scenario("iraq-2025")
    t_bz, bz = best_of(lambda: power.banzhaf(iraq))
    t_ss, ss = best_of(lambda: power.shapley_shubik(iraq))
    print(f"ours, exact   Banzhaf {t_bz * 1000:7.1f} ms   Shapley-Shubik {t_ss * 1000:7.1f} ms")
    if powerindex is not None:
        weights = [p.seats for p in iraq if p.seats]
        keys = [p.key for p in iraq if p.seats]

        def theirs_bz() -> list[float]:
            g = powerindex.Game(165, weights)
            g.calc_banzhaf()
            return list(g.banzhaf)

        def theirs_ss() -> list[float]:
            g = powerindex.Game(165, weights)
            g.calc_shapley_shubik()
            return list(g.shapley_shubik)

        t_pb, pb = best_of(theirs_bz)
        t_ps, ps = best_of(theirs_ss)
        print(f"powerindex    Banzhaf {t_pb * 1000:7.1f} ms   Shapley-Shubik {t_ps * 1000:7.1f} ms")
        worst = max(abs(float(bz[k]) - v) for k, v in zip(keys, pb, strict=True))
        worst_ss = max(abs(float(ss[k]) - v) for k, v in zip(keys, ps, strict=True))
        print(f"largest difference from ours: Banzhaf {worst:.1e}, Shapley-Shubik {worst_ss:.1e}")
    else:
        print("powerindex not installed: pip install powerindex to compare")

    total = 0.0
    for name in ("banzhaf", "shapley-shubik", "deegan-packel", "public-good", "johnston", "owen"):
        t, _ = best_of(lambda name=name: power.INDICES[name](iraq))
        total += t
        print(f"  {name:<15} {t * 1000:7.1f} ms")
    print(f"all six indices on iraq-2025: {total * 1000:.1f} ms   target < 200 ms")
    t, _ = best_of(lambda: power.indices(iraq), repeat=3)
    print(f"power.indices (default five) {t * 1000:.1f} ms")

    red = {
        "exclude_tags": {"militia-affiliated"},
        "require_tags": {"component:kurdish", "component:sunni"},
    }
    t, _ = best_of(lambda: power.shapley_shubik(iraq, **red), repeat=3)
    print(f"Shapley-Shubik, composite game with the red lines: {t * 1000:.1f} ms")

    members = co.WeightedGame(weights={f"mp{i}": 1 for i in range(329)}, quota=165)
    t, ss329 = best_of(lambda: power.shapley_shubik(members), repeat=1)
    print(f"Shapley-Shubik, 329 players of weight 1: {t:.2f} s, exact ({ss329['mp0']} each)")
    if powerindex is not None:
        try:
            g = powerindex.Game(165, [1] * 329)
            g.calc_shapley_shubik()
            print("powerindex, 329 players: finished")
        except OverflowError as err:
            print(f"powerindex, 329 players: OverflowError ({err})")


if __name__ == "__main__":
    main()
