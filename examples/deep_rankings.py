"""Deep rankings and long listings of Iraq's 2025 chamber.

There are about 10^13 minimal majorities of 165 seats in Iraq's 329-seat chamber, and
almost all of them hold exactly 165 seats: ranking them by seats is ranking ties. The
top 100,000 by seats are found by counting first (how many results lie at or below
each seat total, and at each size), then walking only up to the level of the
100,000th; listing without a ranking streams, with memory flat in the number of
results.

Run: python examples/deep_rankings.py
"""

import itertools
from collections import Counter

import coalitions as co

iraq = co.load_scenario("iraq-2025")
total = co.count_coalitions(iraq, "majority")
exactly = co.count_coalitions(iraq, "majority", max_surplus=0)
print(f"Minimal majorities: {total:,}, of which {exactly:,} hold exactly 165 seats")
print()

top = list(co.find_coalitions(iraq, "majority", order_by="seats", limit=100_000))
print(f"The top {len(top):,} by seats (then size, then member keys):")
for i in (0, 1, 2, len(top) - 1):
    c = top[i]
    print(f"  #{i + 1:<7,} {c.seats} seats, {c.size:>2} parties: {c}")
print("  seats held by all of them:", sorted({c.seats for c in top}))
sizes = Counter(c.size for c in top)
print("  by size:", ", ".join(f"{n:,} of {size}" for size, n in sorted(sizes.items())))
print()

fewest = list(co.find_coalitions(iraq, "majority", order_by="parties", limit=1_000))
print(f"The top {len(fewest):,} by number of parties (then seats):")
print(f"  first: {fewest[0].size} parties, {fewest[0].seats} seats: {fewest[0]}")
print(f"  last:  {fewest[-1].size} parties, {fewest[-1].seats} seats: {fewest[-1]}")
print()

print("The first five of the unranked stream (largest lists first):")
for c in itertools.islice(co.find_coalitions(iraq, "majority"), 5):
    print(f"  {c.seats} seats: {c}")
