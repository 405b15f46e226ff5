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
    UnknownSeatsError,
    ValidationError,
    WhatIfError,
)
from .formation import (
    Formation,
    Procedure,
    count_blocking,
    find_blocking,
    formation,  # the function: co.formation(leg, coalition, procedure)
    get_procedure,
    largest_bloc,
    pass_probability,
    read_procedure,
)
from .model import Alternative, Bloc, Faction, Legislature, Party, Source
from .power import WeightedGame
from .rules import quota
from .scenarios import list_scenarios, load_scenario, read_scenario, write_scenario
from .search import (
    Coalition,
    CoalitionCheck,
    CountRange,
    check_coalition,
    count_by_party,
    count_coalitions,
    count_range,
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
    "CountRange",
    "DistrictAllocation",
    "Faction",
    "Formation",
    "Legislature",
    "LimitError",
    "NumberError",
    "OutputError",
    "Party",
    "Procedure",
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
    "UnknownSeatsError",
    "ValidationError",
    "WeightedGame",
    "WhatIfError",
    "__version__",
    "allocate",
    "allocate_districts",
    "apportion",
    "chart",
    "check_coalition",
    "count_blocking",
    "count_by_party",
    "count_coalitions",
    "count_range",
    "find_blocking",
    "find_coalitions",
    "formation",
    "get_procedure",
    "largest_bloc",
    "limits",
    "list_scenarios",
    "load_scenario",
    "numbers",
    "pass_probability",
    "power",
    "quota",
    "read_procedure",
    "read_scenario",
    "report",
    "rules",
    "simulate",
    "whatif",
    "write_scenario",
]

# Hypothesis imported first: its entry point left the registration of the strategies to us.
_hypothesis_hook.register_if_loaded()
