"""Parliament diagrams of the two chambers, written as SVG files.

Writes iraq-2025.svg (a red-line majority placed first, blocs outlined),
kurdistan-2024.svg (KDP and PUK, with the lists' Sorani names) and iraq-2025.html (the
self-contained coalition-builder page) in the current folder, and prints each file's
size and SHA-256, so that any change to the drawing shows.

Run: python examples/diagrams.py
"""

import hashlib
from pathlib import Path

import coalitions as co

iraq = co.load_scenario("iraq-2025")
red_lines = {
    "exclude_tags": {"militia-affiliated"},
    "require_tags": {"component:kurdish", "component:sunni"},
}
smallest = next(co.find_coalitions(iraq, "majority", order_by="parties", limit=1, **red_lines))
kr = co.load_scenario("kurdistan-2024")

drawings = {
    "iraq-2025.svg": co.chart.hemicycle(
        iraq,
        coalition=smallest.members,
        blocs=True,
        title="Iraq 2025: a majority without armed-group lists",
        **red_lines,
    ),
    "kurdistan-2024.svg": co.chart.hemicycle(
        kr, coalition="kdp+puk", labels="native", title="Kurdistan Region 2024: KDP and PUK"
    ),
    "iraq-2025.html": co.chart.page(iraq),
}
for name, svg in drawings.items():
    Path(name).write_text(svg, encoding="utf-8")
    digest = hashlib.sha256(svg.encode("utf-8")).hexdigest()
    seats = svg.count('class="seat"')
    print(f"{name}: {len(svg):,} characters, {seats} seats, sha256 {digest}")
print(f"the page is {len(drawings['iraq-2025.html'].encode('utf-8')):,} bytes, one file")
print(f"Iraq's coalition: {smallest} ({smallest.seats} seats counted under the red lines)")
