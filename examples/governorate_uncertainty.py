"""How sure were the 2025 seats of Sulaymaniyah and Duhok? A simulation by governorate.

Iraq's 2023 law allocates each governorate's seats by Sainte-Laguë with a first divisor
of 1.7. The votes are those of the lists that won seats in 2025 (SHF-KRD, via the
project's fact sheet, in ``data/governorates-2025.toml``). Suppose each governorate's
result had been known only as well as a poll of 3,000 voters knows it: how often would
each list get the seats it got, and the KDP and the PUK their totals?

Each draw takes one gamma variate a list and governorate (a Dirichlet draw of the
shares) and allocates the seats exactly. With a divisor method and no threshold the
seats come straight from the variates; the last lines check that rounding every draw to
whole votes first gives the same seats, draw for draw.

Run: python examples/governorate_uncertainty.py
"""

import tomllib
from fractions import Fraction
from pathlib import Path

import coalitions as co
from coalitions import report

DATA = tomllib.loads((Path(__file__).parent / "data" / "governorates-2025.toml").read_text())
VOTES, SEATS = DATA["votes"], DATA["seats"]
PUBLISHED: dict[str, int] = {}  # the two governorates' seats, by list
for seats in DATA["published"].values():
    for key, n in seats.items():
        PUBLISHED[key] = PUBLISHED.get(key, 0) + n

options = {"districts": SEATS, "method": "iraq-2023", "sample_size": 3000, "draws": 5000}
sim = co.simulate(VOTES, seed=2025, **options)
print(f"{sim.n:,} draws, seed {sim.seed}, {sim.size} seats in two governorates")

intervals = sim.seat_intervals()
rows = []
for key in sim.keys:
    share = sim.seat_distribution(key).get(PUBLISHED[key], Fraction(0))
    rows.append(
        {
            "list": key,
            "won": PUBLISHED[key],
            "low": intervals[key].low,
            "median": intervals[key].median,
            "high": intervals[key].high,
            "same seats": f"{float(share):.1%}",
        }
    )
print(report.render(rows))

same = sum(1 for d in sim.draws if dict(zip(sim.keys, d, strict=True)) == PUBLISHED)
print(f"draws with every published seat count: {same:,} of {sim.n:,}")
kdp_11 = sum(p for seats, p in sim.seat_distribution("kdp").items() if seats >= 11)
print(f"P(kdp keeps at least 11 seats) = {float(kdp_11):.1%}")
trio = sim.majority_probability({"puk", "halwest", "new-generation"}, quota=13)
print(f"P(puk + halwest + new-generation hold 13 of Sulaymaniyah's 18) = {float(trio):.1%}")

whole = co.simulate(VOTES, seed=2025, threshold=Fraction(1, 10**12), **options)
print(f"the same seats from whole votes, draw for draw: {whole.draws == sim.draws}")
