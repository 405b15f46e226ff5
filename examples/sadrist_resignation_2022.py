"""The Sadrist resignation of June 2022, replayed on the 2021 chamber.

The Sadrist Movement won 73 of 329 seats in October 2021 (WQ21, INA21) and tried to
form a majority government with Taqaddum and the KDP; in June 2022 its 73 members
resigned. What did that do to the arithmetic? Their seats were refilled by runners-up
on 23 June 2022: the scenario's dated record has both events (see the end).

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
print()

print("The record: the chamber on 12 June 2022 (resigned) and 23 June 2022 (refilled)")
resigned, refilled = before.at("2022-06-12"), before.at("2022-06-23")
print(
    f"  seated {before.seated} -> {resigned.seated} -> {refilled.seated}; {refilled.vacant} vacant"
)
for key in ("fatah", "state-of-law", "nsf", "emtidad", "huqooq", "tasmim"):
    print(f"  {key:<14} {before[key].seats:>3} -> {refilled[key].seats:>3}")
cf = refilled.bloc("coordination-framework").members
print(f"  Coordination Framework core lists: {before.seats_of(cf)} -> {refilled.seats_of(cf)}")
print("Smallest majorities after the refill:")
for c in co.find_coalitions(refilled, "majority", order_by="parties", limit=3):
    print(f"  {c}  ({c.seats} seats, {c.size} lists)")
