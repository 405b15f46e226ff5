"""``coalitions``: seat, quota and coalition calculations for fragmented parliaments.

>>> import coalitions as co
>>> iraq = co.load_scenario("iraq-2025")
>>> iraq.size, iraq.quota("majority"), iraq.quota("two-thirds")
(329, 165, 220)
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from . import _hypothesis_hook, apportion, chart, limits, numbers, power, report, rules, whatif
from .apportion import Allocation, DistrictAllocation, allocate, allocate_districts
from .constraints import Constraints
from .errors import (
    AllocationError,
    ArgumentError,
    CoalitionsError,
    ConstraintError,
    LimitError,
    NumberError,
    OutputError,
    QuotaError,
    RenderError,
    ScenarioError,
    SimulationError,
    TieError,
    UnknownNameError,
    UnknownPartyError,
    UnknownScenarioError,
    ValidationError,
    WhatIfError,
)
from .model import Alternative, Bloc, Faction, Legislature, Party, Source
from .power import WeightedGame
from .rules import quota
from .scenarios import list_scenarios, load_scenario, read_scenario, write_scenario
from .search import (
    Coalition,
    CoalitionCheck,
    check_coalition,
    count_by_party,
    count_coalitions,
    find_coalitions,
)
from .simulate import Simulation, simulate

try:
    __version__ = _version("parliament-coalitions")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    from ._version import __version__

__all__ = [
    "Allocation",
    "AllocationError",
    "Alternative",
    "ArgumentError",
    "Bloc",
    "Coalition",
    "CoalitionCheck",
    "CoalitionsError",
    "ConstraintError",
    "Constraints",
    "DistrictAllocation",
    "Faction",
    "Legislature",
    "LimitError",
    "NumberError",
    "OutputError",
    "Party",
    "QuotaError",
    "RenderError",
    "ScenarioError",
    "Simulation",
    "SimulationError",
    "Source",
    "TieError",
    "UnknownNameError",
    "UnknownPartyError",
    "UnknownScenarioError",
    "ValidationError",
    "WeightedGame",
    "WhatIfError",
    "__version__",
    "allocate",
    "allocate_districts",
    "apportion",
    "chart",
    "check_coalition",
    "count_by_party",
    "count_coalitions",
    "find_coalitions",
    "limits",
    "list_scenarios",
    "load_scenario",
    "numbers",
    "power",
    "quota",
    "read_scenario",
    "report",
    "rules",
    "simulate",
    "whatif",
    "write_scenario",
]

# Hypothesis imported first: its entry point left the registration of the strategies to us.
_hypothesis_hook.register_if_loaded()
