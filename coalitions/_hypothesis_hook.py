"""Registers the strategies with Hypothesis, once both are imported.

Hypothesis runs the ``hypothesis`` entry point of this distribution, the tiny top-level
module ``_coalitions_hypothesis``, whenever it is imported, in every project of the
environment. That module imports nothing of coalitions: when coalitions is already
imported it calls :func:`register`; otherwise ``coalitions/__init__.py`` calls
:func:`register_if_loaded` when coalitions is imported later, so that
``st.from_type(Legislature)`` works either way, and ``import hypothesis`` alone stays
light.

The strategies are resolved lazily, when ``from_type`` asks for them:
:mod:`coalitions.strategies` imports Hypothesis itself, and need not be imported for
coalitions to be usable.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any


def _lazy(function: str) -> Any:
    def resolve(_type: type) -> Any:
        return getattr(importlib.import_module("coalitions.strategies"), function)()

    return resolve


def register() -> None:
    """Register the chamber types' strategies with Hypothesis (already imported)."""
    from hypothesis import strategies as st

    from .model import Bloc, Faction, Legislature, Party

    for cls, function in (
        (Legislature, "legislatures"),
        (Party, "parties"),
        (Faction, "factions"),
        (Bloc, "blocs"),
    ):
        st.register_type_strategy(cls, _lazy(function))


def register_if_loaded() -> None:
    """Register when Hypothesis was imported first (its hook found no coalitions)."""
    if "hypothesis" in sys.modules:
        register()
