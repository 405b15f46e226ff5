"""Sphinx configuration: MyST Markdown pages, API reference from docstrings, furo theme."""

from __future__ import annotations

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
