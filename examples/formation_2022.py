"""The formation of 2022, replayed step by step on the 2021 chamber.

On 26 March 2022 the Save the Homeland alliance (the Sadrists, Taqaddum, Azm and the
KDP) tried to elect a President. Since the Federal Supreme Court's ruling of 3 February
2022, two thirds of the members (220 of 329) must be present; 202 came (Sadrists 75,
al-Siyada 61, KDP 31, Emtidad 9, New Generation 9, independents 17: SHF-2022-03-26).
The Coordination Framework and its allies stayed away. In June the Sadrists resigned
(12 June) and their seats were refilled (23 June); in October 2022 a Framework-led
coalition elected the President (13 October) and approved a cabinet.

Run: python examples/formation_2022.py
"""

from fractions import Fraction

import coalitions as co
from coalitions.formation import (
    blocking_quota_of,
    check_blocking,
    count_blocking,
    find_blocking,
    largest_bloc,
    pass_probability,
)

iraq21 = co.load_scenario("iraq-2021")
march = iraq21.at("2022-03-26")


def show(f: co.Formation) -> None:
    print(f.summary())
    for s in f.steps:
        verdict = "passes" if s.passes else "fails"
        present = " (passes if the others attend)" if s.if_present and not s.passes else ""
        short = f", {s.short} short" if s.short else ""
        print(f"  {s.step:<13} {s.rule:<68} {verdict}{short}{present}")
        if s.additions:
            print(f"  {'':<13} smallest additions: {' | '.join('+'.join(a) for a in s.additions)}")
    for note in f.notes():
        print(f"  note: {note}")
    print()


print("1. 26 March 2022: the presidential session")
print()
alliance = co.formation(march, "save-the-homeland", additions=2)
show(alliance)

attended = [
    "save-the-homeland",
    "emtidad",
    "new-generation",
    *(f"independent-{i:02}" for i in range(1, 27)),  # 26 more, taken as independents
]
present = co.formation(march, attended, additions=0)
print(
    f"With everyone who attended ({present.seats} seats), the session is still "
    f"{present.step('president').short} short of the {present.step('president').needed} quorum."
)
print()

print("2. Who could deny the quorum")
print()
quota = blocking_quota_of(march, "president", how="absence")
print(f"{quota} members away deny the 220 quorum (329 - 220 + 1).")
away = [p.key for p in march.parties if p.key not in set(march.members(attended))]
boycott = check_blocking(march, away, "president", how="absence")
print(f"The boycott: {boycott.seats} seats stayed away; blocking: {boycott.viable}.")
core = list(
    find_blocking(
        march,
        "president",
        how="absence",
        require=["coordination-framework", "kurdistan-coalition"],
        exclude=march.members(attended),
        order_by="parties",
        limit=3,
    )
)
inside = count_blocking(
    march,
    "president",
    how="absence",
    require=["coordination-framework", "kurdistan-coalition"],
    exclude=march.members(attended),
)
print(
    f"Minimal blocking coalitions inside the boycott with the whole Framework and the PUK: "
    f"{inside:,}; the fewest lists:"
)
shown: set[tuple[str, ...]] = set()  # independents are interchangeable: one line a shape
for c in core:
    named = tuple(k for k in c.order if not k.startswith("independent-"))
    if named in shown:
        continue
    shown.add(named)
    print(
        f"  {c.size} lists, {c.seats} seats: {'+'.join(named)} + {c.size - len(named)} independents"
        " (any of them)"
    )
n_all = count_blocking(march, "president", how="absence")
n_no_kurds = count_blocking(march, "president", how="absence", exclude_tags={"component:kurdish"})
print(
    f"Minimal groups that can deny the quorum: {n_all:,}; without any Kurdish list: {n_no_kurds:,}"
)
print()

print("3. The largest bloc, as registered")
print()
for day in ("2022-03-26", "2022-06-23"):
    lb = largest_bloc(iraq21.at(day))
    top = ", ".join(f"{c.key} {c.seats}" for c in lb.claims[:3])
    print(f"{day}: largest {' = '.join(lb.largest)} ({lb.seats}); claims: {top}")
print()

print("4. After the resignation (12 June) and the refill (23 June)")
print()
june = iraq21.at("2022-06-23")
cf_led = "coordination-framework+kdp+kurdistan-coalition+taqaddum+azm+babylon"
after = co.formation(june, cf_led, additions=2)
show(after)
president = after.step("president")
print(
    f"The others hold {president.outsiders} seats; {president.block_absence} away would "
    "still deny the quorum, so the presidency needs them to attend."
)
print()

print("5. With uncertain attendance: 9 in 10 for the Framework and the KDP, 3 in 4 for the rest")
print()
others = {p.key: Fraction(3, 4) for p in june.parties if p.key not in june.members(cf_led)}
attendance = {**others, "coordination-framework": Fraction(9, 10), "kdp": Fraction(9, 10)}
for step in ("speaker", "president", "cabinet"):
    chance = pass_probability(june, cf_led, step, attendance=attendance)
    print(
        f"  {step:<10} fails with probability {float(1 - chance.probability):.3g} (exact: "
        f"{len(str((1 - chance.probability).denominator))}-digit denominator); "
        f"if it fails, most likely {chance.shortfall} short"
    )
print()

print("6. 13 October 2022: the session that elected the President")
print()
# 277 members took part in the first round and 269 were present for the second; Rashid won
# it with 162 votes (Sputnik citing INA, 13 Oct 2022:
# https://www.urdupoint.com/en/world/iraqi-parliament-elects-abdul-latif-rashid-as-1577992.html;
# Xinhua, 14 Oct 2022: https://en.trend.az/world/arab/3656760.html).
october = iraq21.at("2022-10-13")
coalition_seats = sum(october[k].seats for k in october.members(cf_led))
first, run_off = 277, 269
print(
    f"The coalition holds {coalition_seats}. First round, {first} present (quorum "
    f"{co.rules.quorum(329, 'presidential')}): {co.rules.quota(329, 'presidential')} votes of all "
    f"members needed, so it fails ({coalition_seats} < 220), as it did (Rashid 157)."
)
needed = co.rules.quota(329, "run-off", present=run_off)
print(
    f"Run-off, {run_off} present (quorum {co.rules.quorum(329, 'run-off')}): {needed} votes "
    f"needed, and the coalition's {coalition_seats} pass it (Rashid 162)."
)
cabinet = co.formation(october, cf_led, additions=0)
passed = [s.step for s in cabinet.steps if s.passes or (s.step == "president" and s.if_present)]
print(f"With the others present, the coalition passes every step: {', '.join(passed)}.")
