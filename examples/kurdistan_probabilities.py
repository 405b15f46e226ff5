"""How sure is the KDP-PUK majority? Seat intervals and coalition probabilities for
Erbil from uncertain vote shares.

The shares are the 2024 results (K24-24) for the 95 general seats; the five minority
quota seats are fixed. The uncertainty is that of a poll of 2,000 respondents. The seats
are allocated by Sainte-Laguë here: the sources do not say which quota the Kurdistan
largest-remainder count used, and the example shows the method's effect rather than
the law's.

Run: python examples/kurdistan_probabilities.py
"""

from fractions import Fraction

import coalitions as co
from coalitions import report, whatif
from coalitions.simulate import shares_from

kr = co.load_scenario("kurdistan-2024")
quota_seats = [p.key for p in kr.tagged("quota-seat")]
general = whatif.remove(kr, quota_seats)
shares = shares_from(general)

sim = co.simulate(
    shares,
    seats=95,
    method="sainte-lague",
    sample_size=2000,
    draws=2000,
    seed=2024,
    fixed=dict.fromkeys(quota_seats, 1),
)
print(f"{sim.n:,} draws, seed {sim.seed}, {sim.size} seats, majority {kr.quota('majority')}")
rows = [
    {
        "list": k,
        "actual": kr[k].seats,
        "low": v.low,
        "median": v.median,
        "high": v.high,
        "mean": f"{float(v.mean):.2f}",
    }
    for k, v in sim.seat_intervals(Fraction(9, 10)).items()
    if k not in quota_seats
]
print(report.render(rows))
print()
for coalition in (
    ["kdp", "puk"],
    ["kdp", "new-generation"],
    ["kdp", "kiu"],
    ["puk", "new-generation", "kiu", "halwest", "komal"],
):
    p = sim.majority_probability(coalition)
    print(f"P({'+'.join(coalition)} >= 51) = {float(p):.3f}")
print()
print("Two-list majorities and how often each is a minimal majority:")
for coalition, p in sim.coalition_probabilities(max_parties=2).items():
    print(f"  {coalition:<22} {float(p):.3f}")
print()
no_kdp = sim.viable_probability(exclude=["kdp"])
print(f"P(a majority without the KDP exists) = {float(no_kdp):.3f}")
