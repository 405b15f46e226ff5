"""Versions of the scenario file format.

The layout itself (what ``[chamber]``, ``[[parties]]`` ... hold) is the dict form of the
model's values, owned by :mod:`coalitions.model.layout`; a file says which version of it
it was written in (``format`` in ``[chamber]``, :data:`FORMAT_VERSION` when absent).

- version 1 (release 0.1): chamber, sources, parties with factions and alternatives, blocs;
- version 2: adds party ``aliases`` and ``links``, faction ``links``, bloc
  ``definitions``, ``[[groups]]``, ``[[affiliations]]``, ``[[events]]`` and the chamber's
  ``election`` date. A version-1 file is a valid version-2 file and reads unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from coalitions.model import LAYOUT_VERSION, Legislature

__all__ = ["FORMAT_VERSION", "legislature_from_dict", "legislature_to_dict"]

#: The version of the layout written by :func:`legislature_to_dict`.
FORMAT_VERSION: Final = LAYOUT_VERSION


def legislature_to_dict(leg: Legislature) -> dict[str, Any]:
    """The legislature in the current file layout, with only JSON types."""
    return leg.to_dict()


def legislature_from_dict(data: Mapping[str, Any]) -> Legislature:
    """Build a :class:`Legislature` from a file's data in any known version of the layout;
    every problem at once (:class:`~coalitions.errors.ValidationError`)."""
    return Legislature.from_dict(data)
