"""An immutable, hashable mapping, for frozen result values keyed by party."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

__all__ = ["FrozenMap", "frozen_map"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class FrozenMap(Mapping[_K, _V], Generic[_K, _V]):
    """A read-only dict that keeps the order given, compares by value and hashes.

    >>> m = FrozenMap({"kdp": 39, "puk": 23})
    >>> m["kdp"], list(m), m == {"kdp": 39, "puk": 23}
    (39, ['kdp', 'puk'], True)
    """

    __slots__ = ("_items", "_map")

    def __init__(self, items: Mapping[_K, _V] | Any = ()) -> None:
        pairs = list(items.items()) if isinstance(items, Mapping) else list(items)
        self._map: dict[_K, _V] = dict(pairs)
        self._items = tuple(self._map.items())

    def __getitem__(self, key: _K) -> _V:
        return self._map[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._map)

    def __len__(self) -> int:
        return len(self._map)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._map == other._map
        return isinstance(other, Mapping) and self._map == dict(other)

    def __repr__(self) -> str:
        return repr(self._map)


def frozen_map(value: Any) -> Any:
    """An attrs converter: a mapping becomes a :class:`FrozenMap`; anything else is left
    for the validator to report."""
    if isinstance(value, FrozenMap):
        return value
    if isinstance(value, Mapping):
        return FrozenMap(value)
    return value
