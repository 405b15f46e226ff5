"""Government formation at Iraq's scale: the step table, blocking queries, and exact
pass probabilities.

Targets (issue "Government formation"): `coalitions formation` and the blocking queries
well under a second on iraq-2025; exact pass probabilities under a second.

Run: python benchmarks/bench_formation.py
"""

from __future__ import annotations

from fractions import Fraction

from _timing import best_of

import coalitions as co
from coalitions.formation import (
    blocking_power,
    count_blocking,
    find_blocking,
    pass_probability,
)


def main() -> None:
    iraq = co.load_scenario("iraq-2025")
    march = co.load_scenario("iraq-2021").at("2022-03-26")
    coalition = "coordination-framework+kdp+taqaddum"
    rows = [
        ("formation (4 steps, 3 additions each)", lambda: co.formation(iraq, coalition)),
        ("formation, no additions", lambda: co.formation(iraq, coalition, additions=0)),
        ("count minimal blocking (president)", lambda: count_blocking(iraq, "president")),
        (
            "count blocking by absence, no Kurdish list",
            lambda: count_blocking(
                iraq, "president", how="absence", exclude_tags={"component:kurdish"}
            ),
        ),
        (
            "10 smallest blocking coalitions (seats)",
            lambda: list(find_blocking(iraq, "president", order_by="seats", limit=10)),
        ),
        (
            "banzhaf of the blocking game",
            lambda: blocking_power(iraq, "president", which=("banzhaf",)),
        ),
        ("2022 session: count blocking", lambda: count_blocking(march, "president")),
    ]
    every = {p.key: Fraction(9, 10) for p in iraq.parties}
    loyal = {p.key: Fraction(19, 20) for p in iraq.parties}
    some = {"coordination-framework": Fraction(9, 10), "kdp": Fraction(4, 5)}
    rows += [
        (
            "P(cabinet), every list attends 9/10, loyal 19/20",
            lambda: pass_probability(
                iraq, coalition, "cabinet", attendance=every, discipline=loyal
            ),
        ),
        (
            "P(president), every list attends 9/10",
            lambda: pass_probability(iraq, coalition, "president", attendance=every),
        ),
        (
            "P(president), every list loyal 19/20",
            lambda: pass_probability(iraq, coalition, "president", discipline=loyal),
        ),
        (
            "P(president), 7 lists uncertain, kdp disloyal 9/10",
            lambda: pass_probability(
                iraq, coalition, "president", attendance=some, discipline={"kdp": Fraction(9, 10)}
            ),
        ),
    ]
    for label, call in rows:
        t, _ = best_of(call)
        print(f"{label:<52} {t * 1000:9.1f} ms")
    t, _ = best_of(
        lambda: pass_probability(iraq, coalition, "president", attendance=every, discipline=loyal),
        repeat=1,
    )
    print(f"{'P(president), every list 9/10 and 19/20 (3 outcomes)':<52} {t * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
