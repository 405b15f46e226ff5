"""Sphinx configuration: MyST Markdown pages, API reference from docstrings, furo theme."""

from __future__ import annotations

from pathlib import Path

import coalitions

project = "coalitions"
author = "The coalitions developers"
copyright = "2026, The coalitions developers"
release = coalitions.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_generated"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
nitpicky = False

html_theme = "furo"
html_title = f"coalitions {release}"


# --- the gallery: diagrams drawn at every build, never committed as stale images ---

GENERATED = Path(__file__).parent / "_generated"
#: Files copied as they are to the root of the built site: the coalition pages.
EXTRA = GENERATED / "extra"
EXTRA.mkdir(parents=True, exist_ok=True)
html_extra_path = [str(EXTRA)]


def _draw_gallery(_app: object) -> None:
    import coalitions as co

    GENERATED.mkdir(exist_ok=True)
    iraq = co.load_scenario("iraq-2025")
    kr = co.load_scenario("kurdistan-2024")
    red = {
        "exclude_tags": {"militia-affiliated"},
        "require_tags": {"component:kurdish", "component:sunni"},
    }
    smallest = next(co.find_coalitions(iraq, "majority", order_by="parties", limit=1, **red))
    drawings = {
        "iraq-2025.svg": co.chart.hemicycle(iraq, blocs=True),
        "iraq-2021.svg": co.chart.hemicycle(co.load_scenario("iraq-2021")),
        "kurdistan-2024.svg": co.chart.hemicycle(kr, coalition="kdp+puk"),
        "iraq-2025-red-lines.svg": co.chart.hemicycle(
            iraq, coalition=smallest.members, title="A majority without armed-group lists", **red
        ),
        "iraq-2022-vacated.svg": co.chart.hemicycle(
            co.whatif.vacate(co.load_scenario("iraq-2021"), ["sadrist"]),
            title="Iraq, June 2022: the Sadrist seats vacated",
        ),
        "iraq-2025-arabic.svg": co.chart.hemicycle(
            iraq,
            coalition="rdc+taqaddum+kdp+state-of-law+nsf+azm+puk",
            labels="native",
            title="مجلس النواب العراقي ٢٠٢٥",
        ),
        "kurdistan-2024-kurdish.svg": co.chart.hemicycle(
            kr, coalition="kdp+puk", labels="native", title="پەرلەمانی کوردستان ٢٠٢٤"
        ),
    }
    for name, svg in drawings.items():
        (GENERATED / name).write_text(svg, encoding="utf-8")
    # one coalition-builder page for each built-in chamber, copied to the site's root
    (EXTRA / "pages").mkdir(parents=True, exist_ok=True)
    for name in co.list_scenarios():
        page = co.chart.page(co.load_scenario(name))
        (EXTRA / "pages" / f"{name}.html").write_text(page, encoding="utf-8")


# --- the command-line reference: every --help, written from the parser at every build ---


def _write_cli_reference(_app: object) -> None:
    from coalitions.cli import reference

    GENERATED.mkdir(exist_ok=True)
    (GENERATED / "cli-help.md").write_text(reference.markdown(), encoding="utf-8")


def setup(app: object) -> None:
    app.connect("builder-inited", _draw_gallery)  # type: ignore[attr-defined]
    app.connect("builder-inited", _write_cli_reference)  # type: ignore[attr-defined]
