"""Timing shared by the benchmark scripts."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any


def best_of(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs of ``fn``, in seconds, and its last result."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def calibration() -> float:
    """Nanoseconds per ``random.Random.random()`` call here: about 20-30 on an idle
    recent x86 core, so a loaded or slower machine shows in it."""
    rng = random.Random(0)
    t = time.perf_counter()
    for _ in range(1_000_000):
        rng.random()
    return (time.perf_counter() - t) * 1000
