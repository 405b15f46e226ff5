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

militia = iraq.tagged("militia-affiliated")  # through links to armed groups, on as_of
print("Lists tied to an armed group (its political wing, or seats won on its list):")
for p in militia:
    print(f"  {p.key:<10} {p.seats:>3}  {p.name}")
print(f"  together {sum(p.seats for p in militia)} seats")
print()
print("Armed-group factions inside other lists:")
for p in iraq:
    for f in p.factions:
        if "militia-affiliated" in iraq.faction_tags_of(p.key, f.key):
            print(f"  {f.name} inside {p.key}: {f.seats} seats")
print()
print("Counted as elected lists only (no affiliation), as the first release did:")
as_lists = iraq.as_lists().tagged("militia-affiliated")
print(f"  {len(as_lists)} lists, {sum(p.seats for p in as_lists)} seats")
print()
print("Seat figures that other sources report differently:")
for p in iraq:
    for alt in p.alternatives:
        print(f"  {p.key}: {p.seats} here, {alt.seats} in {', '.join(alt.sources)}")
