"""How sure were the 2025 seats of Sulaymaniyah and Duhok? A simulation by governorate.

Iraq's 2023 law allocates each governorate's seats by Sainte-Laguë with a first divisor
of 1.7. The votes are those of the lists that won seats in 2025 (SHF-KRD, via the
project's fact sheet, as in ``iraq_2025_sulaymaniyah.py``). Suppose each governorate's
result had been known only as well as a poll of 3,000 voters knows it: how often would
each list get the seats it got, and the KDP and the PUK their totals?

Each draw takes one gamma variate a list and governorate (a Dirichlet draw of the
shares) and allocates the seats exactly. With a divisor method and no threshold the
seats come straight from the variates; the last lines check that rounding every draw to
whole votes first gives the same seats, draw for draw.

Run: python examples/governorate_uncertainty.py
"""

from fractions import Fraction

import coalitions as co
from coalitions import report

VOTES = {
    "sulaymaniyah": {
        "puk": 241_143,
        "halwest": 75_375,
        "new-generation": 69_781,
        "kdp": 68_834,
        "kiu": 65_312,
        "komal": 34_563,
    },
    "duhok": {"kdp": 413_890, "kiu": 72_986},
}
SEATS = {"sulaymaniyah": 18, "duhok": 11}
PUBLISHED = {"puk": 8, "halwest": 3, "new-generation": 2, "kdp": 11, "kiu": 4, "komal": 1}

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
