"""Government formation at Iraq's scale: the step table, blocking queries, and exact
pass probabilities.

Targets (issue "Government formation"): `coalitions formation` and the blocking queries
well under a second on iraq-2025; exact pass probabilities under a second.

Figures (2026-11-28, CPython 3.11, a 2-core machine shared with other jobs, load 2 to 7,
so figures are up to two or three times what a quiet machine gives; wall-clock, best of 3):
formation 7-25 ms; blocking queries 2-33 ms; P(cabinet) with every list uncertain
50-120 ms; P(president) with only attendance or only discipline uncertain 50-160 ms;
P(president) with every list absent / no / yes at 9/10 and 19/20: 0.64 s wall and
processor time in a quiet moment (the previous computation, the whole grid member by
member, 3.2 s measured just after), 1.2-1.5 s wall and 0.8-1.0 s of processor time under
load; with every list its own attendance and discipline 1.5-3 s wall, 1.5-2 s of
processor time (no common attendance factor to leave out, six kinds of member).

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
    # every list with all three outcomes (absent, no, yes) in a step counted over those
    # present: the two-dimensional grid (the slowest case)
    own_attendance = {p.key: Fraction(8 + i % 3, 10 + i % 3) for i, p in enumerate(iraq.parties)}
    own_discipline = {p.key: Fraction(18 + i % 2, 20) for i, p in enumerate(iraq.parties)}
    rows += [
        (
            "P(president), every list 9/10 and 19/20 (3 outcomes)",
            lambda: pass_probability(
                iraq, coalition, "president", attendance=every, discipline=loyal
            ),
        ),
        (
            "P(president), every list its own figures (3 outcomes)",
            lambda: pass_probability(
                iraq,
                coalition,
                "president",
                attendance=own_attendance,
                discipline=own_discipline,
            ),
        ),
    ]
    for label, call in rows:
        t, _ = best_of(call, repeat=3)
        print(f"{label:<54} {t * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
