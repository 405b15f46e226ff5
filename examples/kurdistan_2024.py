"""The Kurdistan Region's parliament after the 2024 election: seats, quotas, the KDP-PUK question.

Run: python examples/kurdistan_2024.py
"""

import coalitions as co
from coalitions import report

kr = co.load_scenario("kurdistan-2024")

print(report.show(kr))
print()
majority = kr.quota("majority")
kdp_puk = kr.seats_of(["kdp", "puk"])
print(f"KDP + PUK hold {kdp_puk} of {kr.size} seats; a majority needs {majority}.")
print(f"Either alone falls short: KDP {kr['kdp'].seats}, PUK {kr['puk'].seats}.")
opposition = [p for p in kr if p.key not in ("kdp", "puk")]
print(f"Everyone else together: {sum(p.seats for p in opposition)} seats.")
