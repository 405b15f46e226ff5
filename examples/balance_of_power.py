"""Who really holds the balance? Power indices for Erbil and Baghdad, and what red lines do.

Run: python examples/balance_of_power.py
"""

import coalitions as co
from coalitions import power, report

COLUMNS = ("key", "seats", "share", "banzhaf", "shapley-shubik", "gap")

kr = co.load_scenario("kurdistan-2024")
print(f"{kr.name}: majority {kr.quota('majority')} of {kr.size}")
table = power.indices(kr, which=("banzhaf", "shapley-shubik"))
print(report.render(table.rows()[:8], columns=COLUMNS))
ss = power.shapley_shubik(kr)
print(
    f"PUK ({kr['puk'].seats} seats) and New Generation ({kr['new-generation'].seats}) weigh "
    f"exactly the same: {ss['puk']} each (Shapley-Shubik)."
)
print()

iraq = co.load_scenario("iraq-2025")
print(f"{iraq.name}: majority {iraq.quota('majority')} of {iraq.size}")
table = power.indices(iraq, which=("banzhaf", "shapley-shubik"))
print(report.render(table.rows()[:10], columns=COLUMNS))
print()

print("Excluding the lists tagged militia-affiliated (and the armed factions inside lists):")
red = power.indices(iraq, which=("banzhaf", "shapley-shubik"), exclude_tags={"militia-affiliated"})
print(report.render(red.rows()[:10], columns=COLUMNS))
print()

before = power.shapley_shubik(iraq)
after = power.shapley_shubik(iraq, exclude_tags={"militia-affiliated"})
print("Who gains most from the exclusion (Shapley-Shubik, percentage points):")
gains = sorted(iraq.keys, key=lambda k: (-(after[k] - before[k]), k))[:5]
for key in gains:
    print(f"  {key:<16} {float(before[key]):7.2%} -> {float(after[key]):7.2%}")
print()

print("The Coordination Framework's remaining lists as one bloc, its power shared (Owen value):")
owen = power.owen(
    iraq, exclude_tags={"militia-affiliated"}, keep_together={"coordination-framework"}
)
for key in ("rdc", "state-of-law", "nsf"):
    print(f"  {key:<16} {float(owen[key]):7.2%}")
bloc = power.shapley_shubik(
    iraq, exclude_tags={"militia-affiliated"}, keep_together={"coordination-framework"}
)
print(f"  the bloc as one player: {float(bloc['coordination-framework']):.2%}")
