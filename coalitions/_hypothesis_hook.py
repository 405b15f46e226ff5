"""Registers the strategies with Hypothesis when Hypothesis is imported.

Hypothesis calls :func:`_hypothesis_setup_hook` through the ``hypothesis`` entry point
of this distribution, so that ``st.from_type(Legislature)`` works without importing
:mod:`coalitions.strategies` first.
"""


def _hypothesis_setup_hook() -> None:
    from .strategies import register_strategies

    register_strategies()
