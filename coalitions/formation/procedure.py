"""Procedures: the ordered steps of a government formation, with their dated rules.

A :class:`Procedure` is an ordered tuple of :class:`Step`\\ s. Each step has a key, a
name, who nominates (``"largest-bloc"``, ``"speaker"``, ``"candidates"``...), a
constitutional deadline (days, counted from an earlier step or from ``"results"``), its
sources, and one or more :class:`Variant`\\ s: the rules in force from ``since`` until
``until`` (exclusive). A variant's rule is a :class:`~coalitions.rules.Vote` (a
threshold of the members or of those present, once a quorum is there), with an optional
run-off; a step with no vote (a nomination) has ``vote=None``.

:meth:`Step.variant` picks the rules in force on a date, so a chamber's date picks the
rules: Iraq's presidential session needs the two-thirds quorum only from the Federal
Supreme Court's ruling of 3 Feb 2022.

Procedures are data: the built-ins (``"iraq"``, ``"kurdistan"``) are TOML files in
``coalitions/formation/data/``, and :func:`read_procedure` reads a user's own in the
same layout, bounded (:mod:`coalitions.inputs`) and validated with every problem named
by its field path.

>>> iraq = get_procedure("iraq")
>>> [s.key for s in iraq.steps]
['speaker', 'president', 'pm-designate', 'cabinet']
>>> iraq.step("president").variant("2021-12-01").vote.quorum
'majority'
>>> iraq.step("president").variant("2022-06-01").vote.quorum
'two-thirds'
"""

from __future__ import annotations

import datetime as _dt
import functools
import os
from collections.abc import Iterable, Mapping
from fractions import Fraction
from importlib import resources
from typing import Any, Final

import attrs

from .. import inputs, numbers, rules
from ..errors import (
    NumberError,
    Problem,
    QuotaError,
    ScenarioError,
    UnknownNameError,
    ValidationError,
    _short,
    unknown,
)
from ..model import is_key
from ..model.ties import to_date

__all__ = [
    "Procedure",
    "ProcedureSource",
    "Step",
    "Variant",
    "get_procedure",
    "list_procedures",
    "loads_procedure",
    "procedure_from_dict",
    "read_procedure",
]

#: What a deadline may be counted from, besides an earlier step's key.
ORIGINS: Final = ("results", "first-session")
#: The most steps a procedure may have.
MAX_STEPS: Final = 50


def _tup(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class ProcedureSource:
    """A source a procedure cites: its key, title and address."""

    key: str
    title: str
    url: str | None = None


@attrs.frozen
class Variant:
    """The rules of a step in force from ``since`` until ``until`` (exclusive; ``None``:
    open). ``vote`` is ``None`` for a step that is a nomination, not a vote; ``runoff``
    the second round when nobody wins the first; ``nominator`` overrides the step's;
    ``verify`` says what is still to verify in the sources (``None``: sourced)."""

    vote: rules.Vote | None
    runoff: rules.Vote | None = None
    since: _dt.date | None = None
    until: _dt.date | None = None
    nominator: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tup)
    note: str | None = None
    verify: str | None = None

    def in_force(self, day: _dt.date | None) -> bool:
        """Whether the variant is in force on ``day`` (``None``: today's rules, those
        without an end)."""
        if day is None:
            return self.until is None
        return (self.since is None or self.since <= day) and (
            self.until is None or day < self.until
        )

    @property
    def rounds(self) -> tuple[rules.Vote, ...]:
        """The votes of the step, in order (none for a nomination)."""
        return tuple(v for v in (self.vote, self.runoff) if v is not None)

    def label(self) -> str:
        """The rule in words."""
        if self.vote is None:
            return "no vote (a nomination)"
        text = self.vote.label()
        return f"{text}; run-off: {self.runoff.label()}" if self.runoff else text


@attrs.frozen
class Step:
    """One step of a procedure; see the module's documentation."""

    key: str
    name: str
    variants: tuple[Variant, ...] = attrs.field(converter=_tup)
    nominator: str | None = None
    deadline_days: int | None = None
    deadline_from: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tup)
    note: str | None = None

    def variant(self, date: _dt.date | str | None = None) -> Variant:
        """The rules in force on ``date`` (``None``: the rules in force today).

        Raises :class:`~coalitions.errors.ValidationError` when no rule of the step is in
        force on that date."""
        day = _day(date)
        for v in self.variants:
            if v.in_force(day):
                return v
        raise ValidationError(
            [(f"steps.{self.key}", f"has no rule in force on {day} (rules: {_spans(self)})")]
        )

    def nominator_on(self, date: _dt.date | str | None = None) -> str | None:
        """Who nominates on ``date``."""
        return self.variant(date).nominator or self.nominator

    def deadline(self) -> str:
        """The deadline in words (``""`` when there is none)."""
        if self.deadline_days is None:
            return ""
        origin = self.deadline_from or "the previous step"
        return f"{self.deadline_days} days from {origin}"


@attrs.frozen
class Procedure:
    """An ordered sequence of steps, with the sources they cite."""

    key: str
    name: str
    steps: tuple[Step, ...] = attrs.field(converter=_tup)
    description: str | None = None
    sources: tuple[ProcedureSource, ...] = attrs.field(default=(), converter=_tup)

    def step(self, key: str) -> Step:
        """The step with this key (:class:`~coalitions.errors.UnknownNameError` if none)."""
        text = key.strip().lower() if isinstance(key, str) else key
        for s in self.steps:
            if s.key == text:
                return s
        raise UnknownNameError(
            unknown("step", key, [s.key for s in self.steps], where=f"procedure {self.key!r}")
        )

    def records(self, date: _dt.date | str | None = None) -> list[dict[str, Any]]:
        """One record a step: its rule in force on ``date``, nominator and deadline."""
        out = []
        for s in self.steps:
            v = s.variant(date)
            out.append(
                {
                    "step": s.key,
                    "name": s.name,
                    "rule": v.label(),
                    "nominator": s.nominator_on(date) or "",
                    "deadline": s.deadline(),
                    "sources": list(dict.fromkeys([*s.sources, *v.sources])),
                    "verify": v.verify or "",
                }
            )
        return out


def _day(date: _dt.date | str | None) -> _dt.date | None:
    if date is None:
        return None
    day = to_date(date)
    if not isinstance(day, _dt.date):
        raise ValidationError([("date", f"must be a date such as 2022-02-03 (got {_short(date)})")])
    return day


def _spans(step: Step) -> str:
    return ", ".join(f"{v.since or '...'} to {v.until or '...'}" for v in step.variants)


# ------------------------------------------------------------------ the dict layout


def _vote(raw: object, where: str, problems: list[Problem]) -> rules.Vote | None:
    """A :class:`~coalitions.rules.Vote` from ``{threshold, base, quorum}``."""
    if not isinstance(raw, Mapping):
        problems.append((where, f"must be a table with 'threshold' (got {_short(raw)})"))
        return None
    before = len(problems)
    strange = sorted(set(raw) - {"threshold", "base", "quorum", "name"})
    for key in strange:
        problems.append((f"{where}.{key}", "is not a field of a vote (threshold, base, quorum)"))
    values: dict[str, Any] = {}
    for field in ("threshold", "quorum"):
        if field not in raw:
            if field == "threshold":
                problems.append((f"{where}.threshold", "is missing"))
            continue
        value = _threshold(raw[field], f"{where}.{field}", problems)
        if value is not None:
            values[field] = value
    base = raw.get("base", "members")
    if base not in ("members", "present"):
        problems.append((f"{where}.base", f"must be 'members' or 'present' (got {_short(base)})"))
        return None
    if "threshold" not in values or len(problems) > before:
        return None
    name = raw.get("name")
    return rules.Vote(values["threshold"], base=base, quorum=values.get("quorum"), name=name)


def _threshold(raw: object, where: str, problems: list[Problem]) -> rules.Threshold | None:
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        problems.append(
            (
                where,
                f"must be a rule name, a share such as '3/5', or a seat count (got {_short(raw)})",
            )
        )
        return None
    if isinstance(raw, int):
        if raw < 1:
            problems.append((where, f"must be a seat count >= 1 (got {raw})"))
            return None
        return raw
    try:
        value = rules.parse_rule(raw)
    except (QuotaError, NumberError) as err:
        problems.append((where, str(err)))
        return None
    if isinstance(value, str) and value not in ("majority", "two-thirds", "unanimity"):
        problems.append(
            (
                where,
                f"must be majority, two-thirds, unanimity, a share or a seat count (got {raw!r})",
            )
        )
        return None
    if isinstance(value, Fraction) and not 0 < value <= 1:
        problems.append((where, f"must be a share > 0 and <= 1 (got {raw!r})"))
        return None
    return value


def _date(raw: Mapping[str, Any], field: str, where: str, problems: list[Problem]) -> Any:
    if field not in raw:
        return None
    day = to_date(raw[field])
    if not isinstance(day, _dt.date):
        problems.append(
            (f"{where}.{field}", f"must be a date such as 2022-02-03 (got {_short(raw[field])})")
        )
        return None
    return day


def _text(
    raw: Mapping[str, Any],
    field: str,
    where: str,
    problems: list[Problem],
    *,
    required: bool = False,
) -> str | None:
    if field not in raw:
        if required:
            problems.append((f"{where}.{field}", "is missing"))
        return None
    value = raw[field]
    if not isinstance(value, str) or not value.strip():
        problems.append((f"{where}.{field}", f"must be non-empty text (got {_short(value)})"))
        return None
    return value


def _keys(
    raw: Mapping[str, Any], field: str, where: str, known: set[str], problems: list[Problem]
) -> tuple[str, ...]:
    value = raw.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(
            (f"{where}.{field}", f"must be a list of source keys (got {_short(value)})")
        )
        return ()
    for i, v in enumerate(value):
        if v not in known:
            problems.append((f"{where}.{field}[{i}]", unknown("source", v, known)))
    return tuple(value)


_VARIANT_FIELDS: Final = {
    "threshold",
    "base",
    "quorum",
    "run-off",
    "since",
    "until",
    "nominator",
    "sources",
    "note",
    "verify",
    "vote",
}
_STEP_FIELDS: Final = {"key", "name", "nominator", "deadline", "sources", "note", "rules"}


def _variant(raw: object, where: str, known: set[str], problems: list[Problem]) -> Variant | None:
    if not isinstance(raw, Mapping):
        problems.append((where, f"must be a table (got {_short(raw)})"))
        return None
    before = len(problems)
    for key in sorted(set(raw) - _VARIANT_FIELDS):
        problems.append(
            (f"{where}.{key}", unknown("field of a rule", key, sorted(_VARIANT_FIELDS)))
        )
    vote = None
    if raw.get("vote", True) is False:
        if "threshold" in raw:
            problems.append((f"{where}.threshold", "is given for a step with vote = false"))
    elif raw.get("vote", True) is not True:
        problems.append((f"{where}.vote", f"must be true or false (got {_short(raw['vote'])})"))
    else:
        vote = _vote(
            {k: raw[k] for k in ("threshold", "base", "quorum") if k in raw}, where, problems
        )
    runoff = None
    if "run-off" in raw:
        runoff = _vote(raw["run-off"], f"{where}.run-off", problems)
    since, until = _date(raw, "since", where, problems), _date(raw, "until", where, problems)
    if since and until and until <= since:
        problems.append((f"{where}.until", f"is {until}, not after since {since}"))
    nominator = _text(raw, "nominator", where, problems)
    note, verify = _text(raw, "note", where, problems), _text(raw, "verify", where, problems)
    sources = _keys(raw, "sources", where, known, problems)
    if len(problems) > before:
        return None
    return Variant(
        vote=vote,
        runoff=runoff,
        since=since,
        until=until,
        nominator=nominator,
        sources=sources,
        note=note,
        verify=verify,
    )


def _step(
    raw: object, where: str, known: set[str], earlier: set[str], problems: list[Problem]
) -> Step | None:
    if not isinstance(raw, Mapping):
        problems.append((where, f"must be a table (got {_short(raw)})"))
        return None
    before = len(problems)
    for key in sorted(set(raw) - _STEP_FIELDS):
        problems.append((f"{where}.{key}", unknown("field of a step", key, sorted(_STEP_FIELDS))))
    key = _text(raw, "key", where, problems, required=True)
    if key is not None and not is_key(key):
        problems.append(
            (f"{where}.key", f"must be a lowercase key such as 'pm-designate' (got {key!r})")
        )
    if key in earlier:
        problems.append((f"{where}.key", f"{key!r} is the key of an earlier step"))
    name = _text(raw, "name", where, problems, required=True)
    days, origin = _deadline(raw.get("deadline"), f"{where}.deadline", earlier, problems)
    raw_rules = raw.get("rules")
    variants: list[Variant] = []
    if not isinstance(raw_rules, list) or not raw_rules:
        problems.append(
            (f"{where}.rules", f"must be a list of one or more rules (got {_short(raw_rules)})")
        )
    else:
        for i, r in enumerate(raw_rules):
            v = _variant(r, f"{where}.rules[{i}]", known, problems)
            if v is not None:
                variants.append(v)
        _overlaps(variants, f"{where}.rules", problems)
    nominator = _text(raw, "nominator", where, problems)
    sources = _keys(raw, "sources", where, known, problems)
    note = _text(raw, "note", where, problems)
    if len(problems) > before or key is None or name is None:
        return None
    return Step(
        key=key,
        name=name,
        variants=variants,
        nominator=nominator,
        deadline_days=days,
        deadline_from=origin,
        sources=sources,
        note=note,
    )


def _deadline(
    raw: object, where: str, earlier: set[str], problems: list[Problem]
) -> tuple[int | None, str | None]:
    if raw is None:
        return None, None
    if not isinstance(raw, Mapping) or set(raw) - {"days", "from"} or "days" not in raw:
        problems.append((where, f"must be a table {{days = N, from = STEP}} (got {_short(raw)})"))
        return None, None
    problem = numbers.whole_problem(raw["days"], low=0)
    if problem:
        problems.append((f"{where}.days", problem))
        return None, None
    origin = raw.get("from")
    if origin is not None and origin not in earlier and origin not in ORIGINS:
        problems.append(
            (f"{where}.from", unknown("step or origin", origin, [*sorted(earlier), *ORIGINS]))
        )
        return None, None
    return int(raw["days"]), origin


def _overlaps(variants: list[Variant], where: str, problems: list[Problem]) -> None:
    low = _dt.date.min
    for a in variants:
        for b in variants:
            if a is b or variants.index(a) > variants.index(b):
                continue
            a0, a1 = a.since or low, a.until or _dt.date.max
            b0, b1 = b.since or low, b.until or _dt.date.max
            if a0 < b1 and b0 < a1:
                problems.append(
                    (
                        where,
                        (
                            f"rules overlap: {a0 if a.since else '...'} to "
                            f"{a.until or '...'} and {b0 if b.since else '...'} to "
                            f"{b.until or '...'}"
                        ),
                    )
                )


def procedure_from_dict(data: Mapping[str, Any], *, where: str = "<procedure>") -> Procedure:
    """A :class:`Procedure` from the file layout (``[procedure]``, ``[[sources]]``,
    ``[[steps]]`` with ``[[steps.rules]]``), reporting every problem at once as a
    :class:`~coalitions.errors.ScenarioError` naming each field path."""
    problems: list[Problem] = []
    if not isinstance(data, Mapping):
        raise ScenarioError(where, [("", f"must hold a table (got {type(data).__name__})")])
    for table in sorted(set(data) - {"procedure", "sources", "steps"}):
        problems.append((table, unknown("table", table, ["procedure", "sources", "steps"])))
    head = data.get("procedure")
    if not isinstance(head, Mapping):
        problems.append(("procedure", f"must be a table with key and name (got {_short(head)})"))
        head = {}
    key = _text(head, "key", "procedure", problems, required=True)
    if key is not None and not is_key(key):
        problems.append(("procedure.key", f"must be a lowercase key (got {key!r})"))
    name = _text(head, "name", "procedure", problems, required=True)
    description = _text(head, "description", "procedure", problems)
    sources = _sources(data.get("sources", []), problems)
    known = {s.key for s in sources}
    raw_steps = data.get("steps")
    steps: list[Step] = []
    if not isinstance(raw_steps, list) or not raw_steps:
        problems.append(("steps", f"must be a list of one or more steps (got {_short(raw_steps)})"))
    elif len(raw_steps) > MAX_STEPS:
        problems.append(("steps", f"has {len(raw_steps)} steps, over the limit of {MAX_STEPS}"))
    else:
        earlier: set[str] = set()
        for i, raw in enumerate(raw_steps):
            step = _step(raw, f"steps[{i}]", known, earlier, problems)
            if step is not None:
                steps.append(step)
                earlier.add(step.key)
            elif isinstance(raw, Mapping) and isinstance(raw.get("key"), str):
                earlier.add(raw["key"])
    if problems:
        raise ScenarioError(where, problems)
    assert key is not None
    assert name is not None
    return Procedure(key=key, name=name, steps=steps, description=description, sources=sources)


def _sources(raw: object, problems: list[Problem]) -> list[ProcedureSource]:
    if not isinstance(raw, list):
        problems.append(("sources", f"must be a list of tables (got {_short(raw)})"))
        return []
    out = []
    for i, s in enumerate(raw):
        where = f"sources[{i}]"
        if not isinstance(s, Mapping):
            problems.append((where, f"must be a table (got {_short(s)})"))
            continue
        key = _text(s, "key", where, problems, required=True)
        title = _text(s, "title", where, problems, required=True)
        url = _text(s, "url", where, problems)
        if key and title:
            out.append(ProcedureSource(key=key, title=title, url=url))
    return out


def loads_procedure(text: str, *, source: str = "<string>") -> Procedure:
    """A procedure from TOML text."""
    if not isinstance(text, str):
        raise ScenarioError(source, [("", f"must be text (got {type(text).__name__})")])
    return procedure_from_dict(inputs.parse(text, source), where=source)


def read_procedure(path: str | os.PathLike[str]) -> Procedure:
    """A procedure file (TOML, or JSON by its suffix), read bounded and validated."""
    data, where = inputs.load(path)
    return procedure_from_dict(data, where=where)


def list_procedures() -> tuple[str, ...]:
    """The names of the built-in procedures."""
    folder = resources.files(__package__).joinpath("data")
    return tuple(
        sorted(
            p.name[: -len(".toml")]
            for p in folder.iterdir()
            if p.name.endswith(".toml") and not p.name.startswith("posts")
        )
    )


@functools.cache
def _built_in(name: str) -> Procedure:
    text = resources.files(__package__).joinpath("data", f"{name}.toml").read_text("utf-8")
    return loads_procedure(text, source=f"built-in procedure {name!r}")


def get_procedure(procedure: str | Procedure) -> Procedure:
    """A built-in procedure by name, a procedure file by path (``.toml``/``.json``), or
    a :class:`Procedure` as given."""
    if isinstance(procedure, Procedure):
        return procedure
    if not isinstance(procedure, str):
        raise UnknownNameError(
            f"'procedure' must be a name or a Procedure (got {_short(procedure)})"
        )
    name = procedure.strip().lower()
    if name in list_procedures():
        return _built_in(name)
    if name.endswith((".toml", ".json")):
        return read_procedure(procedure)
    raise UnknownNameError(
        unknown("procedure", procedure, list_procedures(), also="a .toml procedure file")
    )
