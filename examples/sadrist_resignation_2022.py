"""The Sadrist resignation of June 2022, replayed on the 2021 chamber.

The Sadrist Movement won 73 of 329 seats in October 2021 (WQ21, INA21) and tried to
form a majority government with Taqaddum and the KDP; in June 2022 its 73 members
resigned. What did that do to the arithmetic? (Their seats were later refilled by
runners-up; the fact sheet does not record by whom, so they stay empty here.)

Run: python examples/sadrist_resignation_2022.py
"""

import coalitions as co
from coalitions import whatif

before = co.load_scenario("iraq-2021")
after = whatif.vacate(before, ["sadrist"])

print(f"Before: {before.seated} members seated; majority {before.quota('majority')}")
print(
    f"After:  {after.seated} members seated; majority of the full house still "
    f"{after.quota('majority')}, of those seated {after.quota('majority', present=after.seated)}"
)
print()

print("The Sadrists' 'national majority' plan: Sadrist + Taqaddum + KDP + Azm")
plan = co.check_coalition(before, "sadrist+taqaddum+kdp+azm")
print(plan.explain())
need = whatif.seats_needed(before, "sadrist+taqaddum+kdp+azm", limit=3)
print(f"It needed {need.shortfall} more seats; the smallest ways to find them:")
for option in need.options:
    extra = sorted(option.members - set(need.coalition))
    print(f"  + {', '.join(extra)}  ({option.seats} seats)")
with_partners = need.options[0].members
f = whatif.fragility(before, with_partners)
n = f.seats_to_break
print(f"Even then, {n} defecting member{'s' if n != 1 else ''} would break it.")
print()

comparison = whatif.compare(before, after, limit=3)
print(comparison.explain())
print()

print("After the resignation, the smallest majorities of the full house (165):")
for c in co.find_coalitions(after, "majority", order_by="parties", limit=3):
    print(f"  {c}  ({c.seats} seats, {c.size} lists)")
print()
print("State of Law and Fatah with the KDP and Taqaddum:")
print(co.check_coalition(after, "state-of-law+fatah+kdp+taqaddum").explain())
