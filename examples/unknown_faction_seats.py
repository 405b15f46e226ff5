"""A red line that depends on seats nobody knows: Faleh al-Fayyadh's Ataa Movement.

Fayyadh, chairman of the Popular Mobilization Commission, was sanctioned by the US
Treasury on 8 Jan 2021 (TREAS-FAYYADH-2021); his Ataa Movement ran inside Prime Minister
al-Sudani's Reconstruction and Development Coalition (SHF-RDC-2025, ELMANSHAR-RDC), but
no source says how many of the RDC's 46 seats it won. Excluding the lists and factions
whose leaders are sanctioned or worse therefore has no single answer: the count is a
range, computed exactly case by case.
"""

import coalitions as co

iraq = co.load_scenario("iraq-2025")
red_line = ["grade>=sanctioned-leader"]

print("Factions whose seats are uncertain once excluded:")
for key, least, most in co.constraints.uncertain_factions(
    iraq, co.Constraints(exclude_tags=red_line)
):
    print(f"  {key}: {least} to {most} seats")

r = co.count_range(iraq, exclude_tags=red_line)
print(f"\nMinimal majorities without them: {r}")
print(
    f"  fewest ({r.least:,}) when Ataa holds",
    sorted(c["rdc/ataa"] for c in r.cases_giving(r.least)),
)
print(f"  most ({r.most:,}) when Ataa holds", sorted(c["rdc/ataa"] for c in r.cases_giving(r.most)))

print("\nOne number needs an assumption:")
try:
    co.count_coalitions(iraq, exclude_tags=red_line)
except co.UnknownSeatsError as err:
    print("  without one:", type(err).__name__, err.factions)
for assumption in ("least", "most", {"rdc/ataa": 4}):
    n = co.count_coalitions(iraq, exclude_tags=red_line, faction_seats=assumption)
    print(f"  faction_seats={assumption!r}: {n:,}")

print("\nA smallest majority with the RDC if Ataa holds none, and if it holds the most:")
best = next(
    co.find_coalitions(
        iraq, exclude_tags=red_line, require=["rdc"], faction_seats="least", order_by="seats"
    )
)
for assumption in ("least", "most"):
    check = co.check_coalition(
        iraq, sorted(best.members), exclude_tags=red_line, faction_seats=assumption
    )
    verdict = (
        "viable"
        if check.viable
        else f"short of {check.threshold} by {check.threshold - check.seats}"
    )
    print(f"  {'+'.join(check.members)}, Ataa at its {assumption}: {check.seats} seats, {verdict}")

print("\nThe militia-affiliated red line does not touch Ataa (a movement, not an armed group):")
print(f"  {co.count_range(iraq, exclude_tags=['militia-affiliated'])}")
