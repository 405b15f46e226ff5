"""Picture speed: the diagram of Iraq's chamber with a coalition (target under 50 ms),
and the coalition-builder page of each built-in chamber, with every quota, red line,
smallest coalition and power index it holds computed (target under 2 s each), and the
page's size (target under 300 KB).

Run: python benchmarks/bench_chart.py
"""

from __future__ import annotations

from _timing import best_of

import coalitions as co


def main() -> None:
    iraq = co.load_scenario("iraq-2025")
    t, svg = best_of(lambda: co.chart.hemicycle(iraq, coalition="rdc+taqaddum+kdp", blocs=True))
    print(f"iraq-2025 diagram            {t * 1000:7.1f} ms  {len(svg):>9,} chars  target < 50 ms")
    for name in co.list_scenarios():
        leg = co.load_scenario(name)
        t, html = best_of(lambda leg=leg: co.chart.page(leg), repeat=3)
        size = len(html.encode("utf-8"))
        print(
            f"{name:<15} page          {t * 1000:7.1f} ms  {size:>9,} bytes  target < 2 s, < 300 KB"
        )


if __name__ == "__main__":
    main()
