"""Government formation: procedures (ordered steps with dated rules), walking a
coalition through them, blocking coalitions, attendance, the largest bloc, and posts."""

from .attendance import PassChance, SimulatedPass, pass_probability, simulate_pass
from .blocking import (
    blocking_power,
    blocking_quota_of,
    check_blocking,
    count_blocking,
    find_blocking,
)
from .largest import Claim, LargestBloc, largest_bloc
from .posts import Post, PostAward, Posts, PostTable, allocate_posts, post_table
from .procedure import (
    Procedure,
    ProcedureSource,
    Step,
    Variant,
    get_procedure,
    list_procedures,
    loads_procedure,
    procedure_from_dict,
    read_procedure,
)
from .sitting import HOW
from .walk import FORMATION_COLUMNS, Formation, StepVerdict, formation

__all__ = [
    "FORMATION_COLUMNS",
    "HOW",
    "Claim",
    "Formation",
    "LargestBloc",
    "PassChance",
    "Post",
    "PostAward",
    "PostTable",
    "Posts",
    "Procedure",
    "ProcedureSource",
    "SimulatedPass",
    "Step",
    "StepVerdict",
    "Variant",
    "allocate_posts",
    "blocking_power",
    "blocking_quota_of",
    "check_blocking",
    "count_blocking",
    "find_blocking",
    "formation",
    "get_procedure",
    "largest_bloc",
    "list_procedures",
    "loads_procedure",
    "pass_probability",
    "post_table",
    "procedure_from_dict",
    "read_procedure",
    "simulate_pass",
]
