"""Government formation: procedures (ordered steps with dated rules), walking a
coalition through them, blocking coalitions, attendance, the largest bloc, and posts."""

from .largest import Claim, LargestBloc, largest_bloc
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
from .walk import Formation, StepVerdict, formation

__all__ = [
    "Claim",
    "Formation",
    "LargestBloc",
    "Procedure",
    "ProcedureSource",
    "Step",
    "StepVerdict",
    "Variant",
    "formation",
    "get_procedure",
    "largest_bloc",
    "list_procedures",
    "loads_procedure",
    "procedure_from_dict",
    "read_procedure",
]
