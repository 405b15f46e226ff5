"""Iraq's Council of Representatives after the 2025 election: seats, quotas, blocs, red-line tags.

Run: python examples/iraq_2025.py
"""

import coalitions as co
from coalitions import report

iraq = co.load_scenario("iraq-2025")

print(report.show(iraq))
print()
for rule in ("majority", "two-thirds", "blocking-third"):
    print(f"{rule:>15}: {iraq.quota(rule)} seats")
print()

militia = iraq.tagged("militia-affiliated")
print("Lists that are the political wing of an armed group:")
for p in militia:
    print(f"  {p.key:<10} {p.seats:>3}  {p.name}")
print(f"  together {sum(p.seats for p in militia)} seats")
print()
print("Armed-group factions inside other lists:")
for p in iraq:
    for f in p.factions:
        if "militia-affiliated" in f.tags:
            print(f"  {f.name} inside {p.key}: {f.seats} seats")
print()
print("Seat figures that other sources report differently:")
for p in iraq:
    for alt in p.alternatives:
        print(f"  {p.key}: {p.seats} here, {alt.seats} in {', '.join(alt.sources)}")
