"""Every public function, fed a bad value in any one argument, either works or raises a
CoalitionsError: no bare builtin exception escapes, and nothing hangs.

Each function has a valid call; a property test replaces one argument by a hostile value
(wrong types, huge and negative numbers, NaN, lone surrogates, nested lists, objects).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coalitions as co

KR = co.load_scenario("kurdistan-2024")
IRAQ = co.load_scenario("iraq-2025")
GAME = co.WeightedGame(weights={"a": 4, "b": 3, "c": 2}, quota=5)


def _list(f: Callable[..., Any]) -> Callable[..., Any]:
    def listed(**kw: Any) -> list[Any]:
        return list(f(**kw))

    return listed


#: name -> (function, valid keyword arguments)
CALLS: dict[str, tuple[Callable[..., Any], dict[str, Any]]] = {
    "quota": (co.quota, {"size": 329, "rule": "majority", "present": 200}),
    "rules.quorum": (co.rules.quorum, {"size": 329, "rule": "simple-majority"}),
    "load_scenario": (co.load_scenario, {"name": "iraq-2025"}),
    "find_coalitions": (
        _list(co.find_coalitions),
        {
            "leg": KR,
            "quota": "majority",
            "minimal": True,
            "exclude": ("gorran",),
            "exclude_tags": (),
            "require": ("kdp",),
            "require_tags": ("component:kurdish",),
            "forbid": ("kdp+new-generation",),
            "max_parties": 3,
            "order_by": "seats",
            "limit": 3,
        },
    ),
    "count_coalitions": (
        co.count_coalitions,
        {"leg": IRAQ, "quota": "two-thirds", "exclude_tags": ("militia-affiliated",)},
    ),
    "count_by_party": (co.count_by_party, {"leg": KR, "quota": "majority", "max_parties": 2}),
    "check_coalition": (
        co.check_coalition,
        {"leg": KR, "coalition": "kdp+puk", "quota": "majority", "report_quotas": ("two-thirds",)},
    ),
    "allocate": (
        co.allocate,
        {"votes": {"a": 100, "b": 60}, "seats": 5, "method": "dhondt", "threshold": 0},
    ),
    "allocate_districts": (
        co.allocate_districts,
        {
            "votes_by_district": {"x": {"a": 100, "b": 60}},
            "seats_by_district": {"x": 5},
            "method": "sainte-lague",
        },
    ),
    "simulate": (
        co.simulate,
        {"shares": {"a": "60%", "b": "40%"}, "seats": 10, "draws": 20, "seed": 1},
    ),
    "WeightedGame": (co.WeightedGame, {"weights": {"a": 4, "b": 3}, "quota": 4}),
    "power.banzhaf": (co.power.banzhaf, {"game": GAME}),
    "power.shapley_shubik": (co.power.shapley_shubik, {"game": GAME}),
    "power.indices": (co.power.indices, {"game": KR}),
    "whatif.move_seats": (
        co.whatif.move_seats,
        {"leg": KR, "source": "kdp", "target": "puk", "seats": 3},
    ),
    "whatif.vacate": (co.whatif.vacate, {"leg": KR, "keys": ["gorran"]}),
    "whatif.fragility": (co.whatif.fragility, {"leg": KR, "coalition": "kdp+puk"}),
    "chart.hemicycle": (
        co.chart.hemicycle,
        {"leg": KR, "coalition": "kdp+puk", "quota": "majority", "labels": "name", "width": 400},
    ),
    "report.render": (
        co.report.render,
        {"records": [{"a": 1, "b": "x"}], "columns": ("a", "b"), "fmt": "markdown"},
    ),
    "report.show": (co.report.show, {"leg": KR, "fmt": "html"}),
    "Legislature": (
        co.Legislature,
        {"name": "X", "size": 10, "parties": [co.Party(key="a", name="A", seats=4)]},
    ),
    "Party": (co.Party, {"key": "a", "name": "A", "seats": 4, "tags": {"x"}}),
    "Legislature.at": (KR.at, {"date": "2025-01-01"}),
    "Legislature.members": (KR.members, {"spec": "kdp+puk"}),
    "numbers.exact": (co.numbers.exact, {"value": "3/5"}),
}

HOSTILE: list[Any] = [
    None,
    True,
    1.5,
    math.nan,
    -1,
    0,
    10**100,
    "",
    "zz",
    "\ud800",
    "x" * 100_000,
    b"bytes",
    [],
    [[1]],
    {},
    {"a": object()},
    {"a": -5},
    object(),
    Fraction(-1, 3),
    dt.date(1900, 1, 1),
    Path("/nonexistent"),
]


def _signature_of(name: str) -> list[str]:
    return list(CALLS[name][1])


def test_every_valid_call_works() -> None:
    for function, kwargs in CALLS.values():
        function(**kwargs)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(CALLS)), st.data())
def test_one_bad_argument_gives_a_coalitions_error(name: str, data: st.DataObject) -> None:
    function, kwargs = CALLS[name]
    field = data.draw(st.sampled_from(_signature_of(name)), label="argument")
    bad = data.draw(st.sampled_from(HOSTILE), label="value")
    message = "ok"
    try:
        function(**{**kwargs, field: bad})
    except co.CoalitionsError as err:
        message = str(err)
    except Exception as err:
        pytest.fail(f"{name}({field}={bad!r:.60}) raised {type(err).__name__}: {err!s:.200}")
    assert message.strip()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_argument_with_every_hostile_value(name: str) -> None:
    """The exhaustive sweep: each argument of each function, each hostile value."""
    function, kwargs = CALLS[name]
    escaped = []
    for field in kwargs:
        for bad in HOSTILE:
            try:
                function(**{**kwargs, field: bad})
            except co.CoalitionsError:
                pass
            except Exception as err:
                escaped.append(f"{field}={bad!r:.40}: {type(err).__name__}: {err!s:.120}")
    assert not escaped, "\n".join(escaped)
