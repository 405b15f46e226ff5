"""The largest bloc (al-kutla al-akbar), whose nominee the President charges.

Under the Federal Supreme Court's 2010 interpretation of art. 76 (reaffirmed since),
the largest bloc is the one that is largest once its members are sworn in at the first
session, whether a single list or several lists merged after the election
(``"largest-bloc"``); the reading before it took the list that won most seats
(``"largest-list"``).

:func:`largest_bloc` lists every claim on the chamber's date: each registered bloc (its
default definition: the bloc's other named definitions are other sources' counts of it,
which a caller may weigh as ``claims``), each list in no bloc, and any further ``claims``
given. Claims of *different* blocs that
name the same lists are rival claims: they are reported (:attr:`LargestBloc.rivals`),
never silently resolved; the largest claim, and a tie for it, are reported as they are.

>>> import coalitions as co
>>> lb = largest_bloc(co.load_scenario("iraq-2021").at("2022-03-26"))
>>> lb.largest, lb.seats
(('save-the-homeland',), 158)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

import attrs

from .. import report
from ..errors import ConstraintError, _short
from ..model import Legislature, chamber

__all__ = ["Claim", "LargestBloc", "largest_bloc"]

#: The readings of "the largest bloc".
READINGS = ("largest-bloc", "largest-list")


@attrs.frozen
class Claim:
    """A claim to be the largest bloc: its key, member lists and their seats."""

    key: str
    members: tuple[str, ...]
    seats: int
    kind: str  # "bloc", "definition", "list", "claim"


@attrs.frozen
class LargestBloc(report.Shown):
    """Every claim, largest first; the largest (several when tied); rival claims."""

    claims: tuple[Claim, ...]
    largest: tuple[str, ...]
    seats: int
    rivals: tuple[tuple[str, str, tuple[str, ...]], ...]
    reading: str

    @property
    def tied(self) -> bool:
        """Whether several claims share the largest seat count."""
        return len({k.split("@")[0] for k in self.largest}) > 1

    view_name: ClassVar[str] = "largest-bloc"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        """The notebook view's parts (see :class:`coalitions.report.Viewable`)."""
        return (
            ("heading", "Largest bloc", f"{' = '.join(self.largest)} ({self.seats} seats)"),
            ("table", ("claim", "kind", "seats", "members")),
            ("notes", self.notes()),
        )

    def notes(self) -> list[str]:
        """Ties and rival claims, in words."""
        out = []
        if self.tied:
            out.append("tied for the largest: " + ", ".join(self.largest))
        out.extend(
            f"rival claims {a} and {b} both name {', '.join(shared)}"
            for a, b, shared in self.rivals
        )
        return out

    def records(self, *, exact: bool = False) -> list[dict[str, Any]]:
        """One record a claim, largest first (whole numbers: ``exact`` changes nothing)."""
        rows = [
            {"claim": c.key, "kind": c.kind, "seats": c.seats, "members": list(c.members)}
            for c in self.claims
        ]
        return report.records_of(rows, exact=exact)


def _seats(leg: Legislature, keys: Iterable[str]) -> int:
    return sum(leg[k].seats for k in set(keys))


def _bloc_claims(leg: Legislature) -> list[Claim]:
    """Each registered bloc, as its default definition: a bloc's other definitions are
    other sources' counts of it, not claims of their own (pass one as a claim to weigh
    it: ``claims={"cf-wide": "coordination-framework@wide"}``)."""
    return [Claim(b.key, b.members, _seats(leg, b.members), "bloc") for b in leg.blocs]


def largest_bloc(
    leg: Legislature,
    *,
    reading: str = "largest-bloc",
    claims: Mapping[str, str | Iterable[str]] | None = None,
) -> LargestBloc:
    """The largest bloc of ``leg`` on its date, every claim, and rival claims.

    ``reading``: ``"largest-bloc"`` (the 2010 interpretation: registered blocs and lists
    in no bloc) or ``"largest-list"`` (elected lists only). ``claims``: further claims,
    name -> member lists (a bloc announced at the first session, a rival count).
    """
    leg = chamber(leg)
    if reading not in READINGS:
        raise ConstraintError(
            f"'reading' must be one of {', '.join(READINGS)} (got {_short(reading)})"
        )
    if claims is not None and not isinstance(claims, Mapping):
        raise ConstraintError(f"'claims' must map claim names to lists (got {_short(claims)})")
    found: list[Claim] = []
    if reading == "largest-bloc":
        found.extend(_bloc_claims(leg))
        in_bloc = {m for b in leg.blocs for m in b.members}
    else:
        in_bloc = set()
    found.extend(
        Claim(p.key, (p.key,), p.seats, "list")
        for p in leg.parties
        if p.key not in in_bloc and p.seats > 0
    )
    for name, spec in (claims or {}).items():
        members = leg.members(spec, field=f"claims[{name!r}]")
        found.append(Claim(str(name), members, _seats(leg, members), "claim"))
    found.sort(key=lambda c: (-c.seats, c.key))
    top = found[0].seats if found else 0
    largest = tuple(c.key for c in found if c.seats == top)
    return LargestBloc(
        claims=tuple(found), largest=largest, seats=top, rivals=_rivals(found), reading=reading
    )


def _rivals(found: list[Claim]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    out = []
    groups = [c for c in found if c.kind != "list"]  # a list alone claims only itself
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            if a.key.split("@")[0] == b.key.split("@")[0]:
                continue  # two definitions of one bloc are alternatives, not rivals
            shared = tuple(m for m in a.members if m in set(b.members))
            if shared:
                out.append((a.key, b.key, shared))
    return tuple(out)


def holds_nomination(lb: LargestBloc, leg: Legislature, members: Iterable[str]) -> bool:
    """Whether a coalition of ``members`` holds the largest bloc's nomination: the
    largest claim (untied) lies inside it, or, under the 2010 reading, the coalition
    registered as one bloc would outweigh every claim that is not inside it. A list of
    a registered bloc stays with its bloc: the coalition counts a bloc's lists only when
    the whole bloc is in it."""
    inside = set(members)
    claims = {c.key: c for c in lb.claims}
    if not lb.tied and lb.largest and set(claims[lb.largest[0]].members) <= inside:
        return True
    if lb.reading != "largest-bloc":
        return False
    bound = {m: b.key for b in leg.blocs for m in b.members}
    whole = {b.key for b in leg.blocs if {m for m in b.members if leg[m].seats} <= inside}
    seats = _seats(leg, (m for m in inside if m not in bound or bound[m] in whole))
    rivals = [c.seats for c in lb.claims if not set(c.members) <= inside]
    return all(seats > r for r in rivals)
