"""Power indices beside the peers, in one run: our exact figures and the fastest peer's.

Peers (not dependencies): ``power_bdd`` (binary decision diagrams, Bolus's method) and
``powerindex`` (dynamic programming in floats). The script installs them into a
separate virtual environment of their own (``benchmarks/.peers``, or the folder named
by ``COALITIONS_PEERS_ENV``) with that environment's pip, and times them there in a
subprocess, each call under a time limit; a peer that cannot be installed or that runs
out of time is said so in the output.

Games: iraq-2025 (the seats), iraq-2025 with every seat count multiplied by 1000 (the
same game), and the EU-27 population game (populations on 1 January 2024 in hundreds
of people, quota 65%; ``examples/data/eu27-population-2024.csv`` cites its source).

Targets (issue "Faster than every peer"): a ratio (ours / fastest peer) of at most 1.0
for Banzhaf and Shapley-Shubik on EU-27 and on iraq-2025 x 1000; all indices on
iraq-2025 under 100 ms together.

Run: python benchmarks/bench_power.py [--no-peers]
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

from _timing import best_of, calibration

import coalitions as co
from coalitions import power
from coalitions.power import surplus

HERE = Path(__file__).resolve().parent
EU_FILE = HERE.parent / "examples" / "data" / "eu27-population-2024.csv"
PEERS = ("power-bdd", "powerindex")
LIMIT_S = 120  # a peer's time limit for one game and index

# The peers' side: read a game, time one index, print the seconds as JSON.
PEER_DRIVER = r"""
import json, sys, time
spec = json.loads(sys.stdin.read())
peer, index, quota, weights = spec["peer"], spec["index"], spec["quota"], spec["weights"]
def run():
    if peer == "power-bdd":
        from power_bdd.bdd import BDD, WeightedGame
        bdd = BDD(WeightedGame(quota, list(weights)))
        if spec.get("also"):  # a vector game: and each vector, or the blocking clause
            bdd.create_BDD()
            both = lambda x, y, u, v: u is x.node_I and v is y.node_I
            either = lambda x, y, u, v: u is x.node_I or v is y.node_I
            for w, q in spec["also"]:
                bdd = BDD.connect_BDD(bdd, BDD(WeightedGame(q, list(w))).create_BDD(), both)
            if spec.get("enough"):
                n = len(weights)
                some = BDD(WeightedGame(spec["enough"], [1] * n)).create_BDD()
                bdd = BDD.connect_BDD(bdd, some, either)
        return bdd.calc_banzhaf() if index == "banzhaf" else bdd.calc_shapley()
    if spec.get("also"):
        raise SystemExit("no vector-weighted games")
    import powerindex
    g = powerindex.Game(quota, list(weights))
    if index == "banzhaf":
        g.calc_banzhaf()
        return g.banzhaf
    g.calc_shapley_shubik()
    return g.shapley_shubik
best, values = None, None
for _ in range(spec["repeat"]):
    t = time.perf_counter()
    values = run()
    t = time.perf_counter() - t
    best = t if best is None else min(best, t)
print(json.dumps({"seconds": best, "values": [float(v) for v in values]}))
"""


def peer_python() -> tuple[Path | None, dict[str, str]]:
    """The peers' environment (made and filled on first use), and what failed to
    install, by peer."""
    env_dir = Path(os.environ.get("COALITIONS_PEERS_ENV", HERE / ".peers"))
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
        except Exception as err:  # any failure is reported, not raised
            return None, dict.fromkeys(PEERS, f"no environment ({err})")
    failed = {}
    for peer in PEERS:
        probe = "power_bdd" if peer == "power-bdd" else "powerindex"
        check = subprocess.run([python, "-c", f"import {probe}"], capture_output=True, check=False)
        if check.returncode == 0:
            continue
        done = subprocess.run(
            [python, "-m", "pip", "install", "-q", peer],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            failed[peer] = (done.stderr.strip().splitlines() or ["pip failed"])[-1]
    return python, failed


def time_peer(
    python: Path, peer: str, index: str, game: co.WeightedGame
) -> tuple[float | None, str, list[float]]:
    """The peer's best time and values, or ``None`` and why not."""
    keys = list(game.players)
    spec = {
        "peer": peer,
        "index": index,
        "quota": game.quota,
        "weights": [game.weights[k] for k in keys],
        "also": [([w[k] for k in keys], q) for w, q in game.also],
        "enough": None if game.blockers is None else len(keys) - game.blockers + 1,
        "repeat": 3,
    }
    try:
        done = subprocess.run(
            [python, "-c", PEER_DRIVER],
            input=json.dumps(spec),
            capture_output=True,
            text=True,
            timeout=LIMIT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, f"over {LIMIT_S} s", []
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["failed"])[-1]
        return None, last[:60], []
    answer = json.loads(done.stdout)
    return answer["seconds"], "", answer["values"]


def eu_population() -> dict[str, int]:
    lines = [line for line in EU_FILE.read_text().splitlines() if not line.startswith("#")]
    return {row["key"]: int(row["population_hundreds"]) for row in csv.DictReader(lines)}


def games() -> dict[str, co.WeightedGame]:
    iraq = co.WeightedGame.from_legislature(co.load_scenario("iraq-2025"))
    eu = eu_population()
    total = sum(eu.values())
    return {
        "iraq-2025": iraq,
        "iraq-2025 x1000": co.WeightedGame(
            weights={k: w * 1000 for k, w in iraq.weights.items()}, quota=iraq.quota * 1000
        ),
        "EU-27 population": co.WeightedGame(weights=eu, quota=-(-total * 65 // 100)),
        # the Council's qualified majority: 15 of 27 states, 65% of the population, and a
        # blocking minority of at least 4 states (a vector-weighted game)
        "EU Council QMV": co.WeightedGame(
            weights=eu,
            quota=-(-total * 65 // 100),
            also=[(dict.fromkeys(eu, 1), 15)],
            blockers=4,
        ),
    }


def compare(with_peers: bool) -> list[str]:
    """Each game and index: ours and every peer's; the closing lines."""
    python, failed = peer_python() if with_peers else (None, {})
    for peer, why in failed.items():
        print(f"peer {peer} could not be installed: {why}")
    closing: list[str] = []
    differences: list[str] = []
    head = ("game", "index", "ours (exact)", "power_bdd", "powerindex")
    print(f"{head[0]:<18} {head[1]:<15} {head[2]:>13} {head[3]:>12} {head[4]:>12}  ratio")
    for name, game in games().items():
        for index, ours in (("banzhaf", power.banzhaf), ("shapley-shubik", power.shapley_shubik)):
            t_ours, mine = best_of(lambda ours=ours, game=game: ours(game), repeat=3)
            cells, peer_times = [], []
            for peer in PEERS:
                if python is None or peer in failed:
                    cells.append("not installed")
                    continue
                t, why, theirs = time_peer(python, peer, index, game)
                cells.append(f"{t * 1000:9.1f} ms" if t is not None else why[:12])
                if t is not None:
                    peer_times.append(t)
                    scale = sum(theirs) if index == "banzhaf" else 1.0
                    worst = max(
                        abs(float(mine[k]) - v / scale)
                        for k, v in zip(game.players, theirs, strict=True)
                    )
                    differences.append(f"{name}, {index}: {peer} differs by {worst:.1e}")
            ratio = f"{t_ours / min(peer_times):.2f}" if peer_times else "-"
            print(
                f"{name:<18} {index:<15} {t_ours * 1000:10.1f} ms "
                + " ".join(f"{c:>12}" for c in cells)
                + f"  {ratio}"
            )
            if name != "iraq-2025":
                closing.append(f"{name}, {index}: ratio to the fastest peer {ratio} (goal <= 1.0)")
    print("largest difference of a peer's floats from our exact values:")
    for line in differences:
        print(f"  {line}")
    return closing


def large_weights(closing: list[str]) -> None:
    """Johnston's index where the dense count cannot go, and the indices that vector
    games gained, timed."""
    iraq = co.WeightedGame.from_legislature(co.load_scenario("iraq-2025"))
    plus_one = co.WeightedGame(
        weights={k: 1000 * w + 1 for k, w in iraq.weights.items()}, quota=iraq.quota * 1000
    )
    eu = games()
    for name, game in (
        ("iraq-2025 x1000+1 (no common factor)", plus_one),
        ("EU-27 population", eu["EU-27 population"]),
    ):
        t, _ = best_of(lambda game=game: power.johnston(game), repeat=1)
        print(f"Johnston, {name}: {t * 1000:.0f} ms")
        closing.append(f"Johnston on {name}: {t:.2f} s (dense count, iraq x1000+1: > 300 s)")
    population = eu["EU-27 population"]
    t, _ = best_of(lambda: power.deegan_packel(population), repeat=1)
    print(f"Deegan-Packel, EU-27 population: {t * 1000:.0f} ms")
    rule = eu["EU Council QMV"]
    t, _ = best_of(lambda: power.johnston(rule), repeat=1)
    print(f"Johnston, EU Council rule (vector game): {t:.2f} s")
    t, _ = best_of(lambda: power.owen(rule, unions=[["be", "nl", "lu"]]), repeat=1)
    print(f"Owen value, EU Council rule with a Benelux union: {t:.2f} s")
    t, _ = best_of(lambda: list(itertools.islice(power.minimal_winning_ranked(rule), 100)))
    print(f"the 100 least populous minimal winning coalitions of the rule: {t * 1000:.0f} ms")


def main() -> None:
    reference = calibration()
    print(f"this machine: {reference:.0f} ns a random() call (idle recent x86: ~25 ns)")
    closing = compare(with_peers="--no-peers" not in sys.argv)
    large_weights(closing)
    iraq = co.load_scenario("iraq-2025")
    names = (
        *power.DEFAULT_INDICES,
        "penrose",
        "owen",
        "owen-banzhaf",
        "coleman-prevent",
        "coleman-initiate",
    )

    # Deegan-Packel and public good share the minimal winning coalitions' counts (kept
    # for the last few games): every timing below starts with that memory empty.
    def cold(fn):
        def run():
            surplus._minimal_counts.cache_clear()
            return fn()

        return run

    for name in names:
        t, _ = best_of(cold(lambda name=name: power.INDICES[name](iraq)))
        print(f"  {name:<15} {t * 1000:7.1f} ms")
    total, _ = best_of(cold(lambda: [power.INDICES[name](iraq) for name in names]), repeat=3)
    print(f"all {len(names)} indices on iraq-2025, one after the other: {total * 1000:.1f} ms")
    t, _ = best_of(cold(lambda: power.indices(iraq)), repeat=3)
    print(f"power.indices (default five) {t * 1000:.1f} ms")
    reference = calibration()
    closing.append(
        f"all {len(names)} indices on iraq-2025: {total * 1000:.1f} ms (goal < 100 ms), "
        f"at {reference:.0f} ns a random() call just after (idle: ~25 ns)"
    )

    red = {
        "exclude_tags": {"militia-affiliated"},
        "require_tags": {"component:kurdish", "component:sunni"},
    }
    t, _ = best_of(lambda: power.shapley_shubik(iraq, **red), repeat=3)
    print(f"Shapley-Shubik, composite game with the red lines: {t * 1000:.1f} ms")
    members = co.WeightedGame(weights={f"mp{i}": 1 for i in range(329)}, quota=165)
    t, ss329 = best_of(lambda: power.shapley_shubik(members), repeat=1)
    print(f"Shapley-Shubik, 329 players of weight 1: {t:.2f} s, exact ({ss329['mp0']} each)")
    print("\nclosing note:")
    for line in closing:
        print(f"  {line}")


if __name__ == "__main__":
    main()
