"""Recompute the 2025 seats of Sulaymaniyah and Duhok from the published votes.

Iraq's 2023 law gives each governorate's seats by Sainte-Laguë with a first divisor of
1.7. The votes are those of the lists that won seats (SHF-KRD, via the project's fact
sheet; in ``data/governorates-2025.toml``); lists that won none are not in the source.
What would D'Hondt and plain Sainte-Laguë have given?

Run: python examples/iraq_2025_sulaymaniyah.py
"""

import tomllib
from pathlib import Path

import coalitions as co
from coalitions import apportion, report

DATA = tomllib.loads((Path(__file__).parent / "data" / "governorates-2025.toml").read_text())
VOTES, SEATS, PUBLISHED = DATA["votes"], DATA["seats"], DATA["published"]

for district, votes in VOTES.items():
    seats = SEATS[district]
    print(f"{district.title()}: {seats} general seats")
    rows = []
    results = {m: co.allocate(votes, seats, m) for m in ("iraq-2023", "sainte-lague", "dhondt")}
    for key in votes:
        rows.append(
            {
                "list": key,
                "votes": votes[key],
                "published": PUBLISHED[district][key],
                "iraq-2023": results["iraq-2023"].seats[key],
                "sainte-lague": results["sainte-lague"].seats[key],
                "dhondt": results["dhondt"].seats[key],
            }
        )
    print(report.render(rows))
    same = dict(results["iraq-2023"].seats) == PUBLISHED[district]
    print(f"Sainte-Laguë 1.7 reproduces the published seats: {same}")
    last = results["iraq-2023"].awards[-1]
    print(f"last seat: {last.party}, quotient {float(last.value):,.1f}")
    for m, a in results.items():
        print(f"  {m:<13} Gallagher {apportion.gallagher(votes, a.seats):5.2f}")
    print()

national = co.allocate_districts(VOTES, SEATS, "iraq-2023")
leg = national.to_legislature(name="Sulaymaniyah and Duhok, 2025 (recomputed)")
print(f"{leg.name}: {leg.seated} seats")
for p in leg:
    print(f"  {p.key:<15} {p.seats:>2}")
print("Minimal majorities of these 29 seats:", co.count_coalitions(leg, "majority"))
