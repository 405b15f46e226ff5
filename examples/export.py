"""Results out of the library: records with floats or exact numbers, CSV and JSON text,
and the list of coalitions as a value. (``to_frame()`` gives the same as a pandas data
frame: see the how-to "Take results to a spreadsheet, pandas or R".)

Run: python examples/export.py
"""

import coalitions as co
from coalitions import report

iraq = co.load_scenario("iraq-2025")
table = co.power.indices(iraq, which=["banzhaf", "shapley-shubik"])

print("records (floats, six places):")
for row in table.records()[:3]:
    print(" ", row)
print("the same, exact:")
for row in table.records(exact=True)[:3]:
    print(" ", row["key"], row["share"], row["banzhaf"])

print()
print("CSV (decimals by default):")
print(report.render(table.rows()[:3], columns=report.power_columns(table.indices), fmt="csv"))
print()
print("CSV (--exact):")
columns = report.power_columns(table.indices)
print(report.render(table.rows()[:3], columns=columns, fmt="csv", exact=True))

found = co.search.Coalitions(co.find_coalitions(iraq, order_by="seats", limit=3))
print()
print(repr(found[0]))
print(report.to_json(found.records()[0]))
