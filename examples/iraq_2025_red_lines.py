"""The question of the day in Baghdad, answered with the built-in 2025 chamber.

Which majorities (165 of 329) can form a government without the lists tied to armed
groups, with at least one Kurdish and one Sunni partner? How many are there, which are
the smallest, who is pivotal, and what changes if the Coordination Framework stays whole?

Run: python examples/iraq_2025_red_lines.py
"""

import coalitions as co
from coalitions import report

iraq = co.load_scenario("iraq-2025")
red_lines = co.Constraints(
    exclude_tags={"militia-affiliated"},
    require_tags={"component:kurdish", "component:sunni"},
)
print("Red lines: " + "; ".join(red_lines.describe()))
print()

total = co.count_coalitions(iraq, "majority")
viable = co.count_coalitions(iraq, "majority", constraints=red_lines)
print(f"Minimal majorities of 165, no red lines: {total:,}")
print(f"Minimal majorities under the red lines:   {viable:,}")
print()

for heading, order in (
    ("The ten smallest (fewest seats) under the red lines:", "seats"),
    ("The ten with fewest parties:", "parties"),
):
    print(heading)
    ranked = co.find_coalitions(iraq, "majority", constraints=red_lines, order_by=order, limit=10)
    records = [c.to_record() for c in ranked]
    print(report.render(records, columns=("coalition", "seats", "surplus", "parties")))
    print()

print("The faction rule: lists keep their seats minus their armed factions'.")
check = co.check_coalition(iraq, "rdc+state-of-law+nsf+kdp+puk+taqaddum+azm", constraints=red_lines)
print(check.explain())
print()

print("How many of those majorities each list is in (top ten):")
per_party = co.count_by_party(iraq, "majority", constraints=red_lines)
top = sorted(per_party.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
for key, n in top:
    print(f"  {key:<16} {n:>18,}  ({n / viable:.1%})")
print()

together = co.Constraints(
    exclude_tags={"militia-affiliated"},
    require_tags={"component:kurdish", "component:sunni"},
    keep_together={"coordination-framework"},
)
n_together = co.count_coalitions(iraq, "majority", constraints=together)
print("If the Framework's remaining lists (RDC, State of Law, NSF) act as one bloc:")
print(f"  {n_together:,} minimal majorities; the smallest:")
for c in co.find_coalitions(iraq, "majority", constraints=together, order_by="seats", limit=3):
    print(f"  {c}  ({c.seats} seats)")
print()

print("The President's two-thirds vote (220) under the same red lines:")
for c in co.find_coalitions(iraq, "two-thirds", constraints=red_lines, order_by="parties", limit=3):
    print(f"  {c}  ({c.seats} seats, {c.size} lists)")
n_220 = co.count_coalitions(iraq, "two-thirds", constraints=red_lines)
print(f"  {n_220:,} minimal coalitions reach 220")
