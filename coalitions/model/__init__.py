"""The data model: the values every other part of ``coalitions`` works on.

- :mod:`.parts`: :class:`Party`, :class:`Faction`, :class:`Bloc`, :class:`BlocDefinition`,
  :class:`Source`, :class:`Alternative` (frozen attrs classes);
- :mod:`.legislature`: :class:`Legislature`, a chamber of those parts;
- :mod:`.checks`: their invariants, as functions of fields (shared with the file reader);
- :mod:`.layout`: their dict form, the layout scenario files are written in.
"""

from .checks import is_key, legislature_problems
from .layout import LAYOUT_VERSION
from .legislature import Legislature, chamber
from .parts import Alternative, Bloc, BlocDefinition, Faction, Party, Source

__all__ = [
    "LAYOUT_VERSION",
    "Alternative",
    "Bloc",
    "BlocDefinition",
    "Faction",
    "Legislature",
    "Party",
    "Source",
    "chamber",
    "is_key",
    "legislature_problems",
]
