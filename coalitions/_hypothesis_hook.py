"""Registers the strategies with Hypothesis when Hypothesis is imported.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point
of this distribution, so that ``st.from_type(Legislature)`` works without importing
:mod:`coalitions.strategies` first. The strategies are resolved lazily, when
``from_type`` asks for them: :mod:`coalitions.strategies` itself imports Hypothesis,
so importing it here, while Hypothesis initialises, would be circular.
"""

from __future__ import annotations

import importlib
from typing import Any


def _lazy(function: str) -> Any:
    def resolve(_type: type) -> Any:
        return getattr(importlib.import_module("coalitions.strategies"), function)()

    return resolve


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from .model import Bloc, Faction, Legislature, Party

    for cls, function in (
        (Legislature, "legislatures"),
        (Party, "parties"),
        (Faction, "factions"),
        (Bloc, "blocs"),
    ):
        st.register_type_strategy(cls, _lazy(function))
