"""The EU Council's qualified majority as a vector-weighted game: 55% of the member states
(15 of 27) representing 65% of the population, and a blocking minority of at least four
states. Exact power indices, what each clause does, and the least populous minimal winning
coalitions.

Populations: Eurostat, 1 January 2024 (examples/data/eu27-population-2024.csv cites the
source), in hundreds of people.

Run: python examples/eu_council.py
"""

import csv
import itertools
from fractions import Fraction
from pathlib import Path

import coalitions as co
from coalitions import power, report

DATA = Path(__file__).resolve().parent / "data" / "eu27-population-2024.csv"
lines = [line for line in DATA.read_text().splitlines() if not line.startswith("#")]
rows = list(csv.DictReader(lines))
population = {row["key"]: int(row["population_hundreds"]) for row in rows}
names = {row["key"]: row["name"] for row in rows}
total = sum(population.values())
states = dict.fromkeys(population, 1)

# TEU art. 16(4): at least 55% of the members (15 of 27), comprising at least 65% of
# the population; a blocking minority must include at least four members.
qmv = co.WeightedGame(
    weights=population,
    quota=-(-total * 65 // 100),  # 65%, rounded up to the next hundred people
    also=[(states, 15)],
    blockers=4,
)
print(f"EU-27, {total * 100:,} people; 65% is {qmv.quota * 100:,}")
print(f"minimal winning coalitions: {power.count_winning(qmv):,}")
print(f"winning coalitions: {power.count_winning(qmv, minimal=False):,} of {2**27:,}")
print()

table = power.indices(qmv, which=("banzhaf", "shapley-shubik"))
rows_out = [
    {
        "state": names[r["key"]],
        "population": f"{float(Fraction(r['seats'], total)):.2%}",
        "banzhaf": f"{float(r['banzhaf']):.4f}",
        "shapley-shubik": f"{float(r['shapley-shubik']):.4f}",
    }
    for r in table.rows()
]
print(report.render(rows_out, columns=("state", "population", "banzhaf", "shapley-shubik")))
print()

# What each clause does: population alone, the double majority, and the full rule.
population_only = co.WeightedGame(weights=population, quota=qmv.quota)
double = co.WeightedGame(weights=population, quota=qmv.quota, also=[(states, 15)])
print("Shapley-Shubik of the largest and the smallest state under each rule:")
for label, game in (
    ("65% of the population alone", population_only),
    ("and 15 of 27 states", double),
    ("and a blocking minority of 4", qmv),
):
    ss = power.shapley_shubik(game)
    print(f"  {label:<30} Germany {float(ss['de']):.4f}   Malta {float(ss['mt']):.4f}")
big_three = set(population) - {"de", "fr", "it"}
print(
    "The 24 states other than Germany, France and Italy hold "
    f"{float(Fraction(sum(population[k] for k in big_three), total)):.1%} of the people: "
    f"short of 65%, yet they win ({qmv.wins(big_three)}): three states cannot block."
)

# The minimal winning coalitions ranked by population, the least populous first: the
# fewest people that can pass a measure (of the 4,370,950, walked lazily).
print()
print("The least populous minimal winning coalitions:")
for people, members in itertools.islice(power.minimal_winning_ranked(qmv), 5):
    print(
        f"  {len(members)} states, {float(Fraction(people, total)):.1%} of the people: "
        + ", ".join(sorted(members))
    )
