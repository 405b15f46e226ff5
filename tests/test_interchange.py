"""What leaves the library for other tools: decimals in CSV and JSON (exact on request),
``records(exact=...)`` and ``to_frame()`` on every result type, short reprs and notebook
views."""

from __future__ import annotations

import concurrent.futures
import csv
import importlib
import io
import json
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest

import coalitions as co
from coalitions import report
from coalitions.errors import RenderError

KR = co.load_scenario("kurdistan-2024")
TOY = co.WeightedGame(weights={"a": 2, "b": 1, "c": 1}, quota=3)

#: Every result type, built small.
RESULTS: dict[str, Callable[[], Any]] = {
    "legislature": lambda: KR,
    "coalition": lambda: next(co.find_coalitions(KR)),
    "check": lambda: co.check_coalition(KR, "kdp+puk"),
    "coalitions": lambda: co.search.Coalitions(co.find_coalitions(KR, limit=5)),
    "power": lambda: co.power.indices(KR, which=["banzhaf", "shapley"]),
    "allocation": lambda: co.allocate({"a": 10, "b": 5, "c": 1}, 3),
    "districts": lambda: co.allocate_districts(
        {"d1": {"a": 10, "b": 5}, "d2": {"a": 3, "b": 9}}, {"d1": 3, "d2": 2}
    ),
    "simulation": lambda: co.simulate({"a": 2, "b": 1, "c": 1}, seats=7, draws=5, seed=3),
    "comparison": lambda: co.whatif.compare(KR, co.whatif.move_seats(KR, "kdp", "puk", 5)),
    "fragility": lambda: co.whatif.fragility(KR, "kdp+puk"),
    "seats_needed": lambda: co.whatif.seats_needed(KR, "puk"),
    "robustness": lambda: co.whatif.robust(
        KR, lambda leg: co.check_coalition(leg, "kdp+puk").viable, max_seats_moved=1
    ),
}


def _numbers(records: list[dict[str, Any]]) -> list[Any]:
    return [v for r in records for v in r.values() if isinstance(v, int | float | Fraction)]


# ------------------------------------------------------------------ CSV and JSON


def test_csv_and_json_write_decimals_by_default(run_cli) -> None:
    rows = list(csv.DictReader(io.StringIO(run_cli("power", "kurdistan-2024", "-f", "csv").stdout)))
    kdp = next(r for r in rows if r["key"] == "kdp")
    assert kdp["share"] == "0.39"
    assert kdp["banzhaf"] == "0.451305"  # 899/1992
    assert "/" not in "".join(v for r in rows for v in r.values())
    found = json.loads(run_cli("show", "kurdistan-2024", "-f", "json").stdout)
    assert found["parties"][0]["share"] == 0.39
    assert found["blocs"] == [] or isinstance(found["blocs"][0]["share"], float)


def test_exact_writes_fractions(run_cli) -> None:
    out = run_cli("power", "kurdistan-2024", "-f", "csv", "--exact").stdout
    kdp = next(r for r in csv.DictReader(io.StringIO(out)) if r["key"] == "kdp")
    assert Fraction(kdp["banzhaf"]) == Fraction(899, 1992)
    data = json.loads(run_cli("find", "kurdistan-2024", "-f", "json", "--exact").stdout)
    assert data[0]["seats"] == 62


def test_decimals_recover_every_displayed_figure(kurdistan: co.Legislature) -> None:
    """Six places are enough: the two-place percentage shown is the percentage of the
    decimal written, for every share and index of the power table."""
    table = co.power.indices(kurdistan)
    for row in table.rows():
        for column, value in row.items():
            if isinstance(value, Fraction):
                assert report.percent(Fraction(report.decimal(value))) == report.percent(value)
                assert abs(report.decimal(value) - value) <= Fraction(1, 2 * 10**6), column


def test_json_stays_exact_for_whole_numbers() -> None:
    assert json.loads(report.to_json({"seats": 3, "count": 10**13})) == {
        "seats": 3,
        "count": 10**13,
    }


# -------------------------------------------------- records() and to_frame()


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_records_are_floats_unless_exact(name: str) -> None:
    value = RESULTS[name]()
    floats, exact = value.records(), value.records(exact=True)
    assert len(floats) == len(exact)
    assert not any(isinstance(v, Fraction) for v in _numbers(floats))
    for f, e in zip(floats, exact, strict=True):
        assert f.keys() == e.keys()
        for k in e:
            if isinstance(e[k], Fraction):
                assert f[k] == report.decimal(e[k])
            else:
                assert f[k] == e[k]


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_to_frame_has_float_columns_or_exact_ones(name: str) -> None:
    pandas = pytest.importorskip("pandas")
    value = RESULTS[name]()
    frame = value.to_frame()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == len(value.records())
    exact = value.to_frame(exact=True)
    for column in frame.columns:
        cells = [v for v in exact[column] if isinstance(v, Fraction)]
        if cells:  # an exact column in the exact frame is a float column by default
            assert frame[column].dtype == "float64", column


def test_a_power_table_plots(kurdistan: co.Legislature) -> None:
    pytest.importorskip("pandas")
    frame = co.power.indices(kurdistan).to_frame().set_index("key")
    assert frame["banzhaf"].dtype == "float64"
    assert frame.loc["kdp", "banzhaf"] == pytest.approx(899 / 1992, abs=1e-6)


def test_to_frame_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def missing(name: str, *args: Any) -> Any:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, *args)

    monkeypatch.setattr(report.tables.importlib, "import_module", missing)
    with pytest.raises(RenderError, match=r"parliament-coalitions\[pandas\]"):
        KR.to_frame()


# ---------------------------------------------------------- reprs and views


def test_a_coalition_has_a_short_repr(kurdistan: co.Legislature) -> None:
    c = next(co.find_coalitions(kurdistan))
    assert repr(c) == "Coalition('kdp+puk', seats=62, quota=51)"
    check = co.check_coalition(kurdistan, "kdp+puk")
    assert repr(check) == "CoalitionCheck('kdp+puk', seats=62, quota=51, viable=True)"


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_every_result_has_a_short_repr_and_a_notebook_view(name: str) -> None:
    value = RESULTS[name]()
    if name != "legislature":  # the chamber's repr is the attrs one, its own concern
        assert len(repr(value)) < 400, repr(value)
        assert "Fraction(" not in repr(value)
    html = value._repr_html_()
    assert html.startswith('<div class="coalitions-')
    assert "<table>" in html or "<li>" in html
    assert "Fraction(" not in html


def test_the_simulation_shows_mean_seats_not_a_percentage() -> None:
    sim = RESULTS["simulation"]()
    html = sim._repr_html_()
    assert "%" not in html
    mean = sim.seat_intervals()["a"].mean
    assert f">   {float(mean):g}<" in html.replace("</td>", "<")


def test_a_comparison_view_lists_power_shifts() -> None:
    html = RESULTS["comparison"]()._repr_html_()
    assert "power_before" in html and "gained: " in html


# ------------------------------------------------ an executor that gives futures


class _FuturesClient:
    """Like a Dask ``Client``: ``map`` submits every call and returns the futures."""

    def __init__(self) -> None:
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
        self.calls = 0

    def map(self, fn: Any, *iterables: Any) -> list[concurrent.futures.Future[Any]]:
        self.calls += 1
        return [self.pool.submit(fn, *args) for args in zip(*iterables, strict=True)]


def test_an_executor_giving_futures_gives_the_same_draws() -> None:
    client = _FuturesClient()
    shares = {"a": 5, "b": 3, "c": 2}
    here = co.simulate(shares, seats=9, draws=40, seed=5, batch_size=7)
    there = co.simulate(shares, seats=9, draws=40, seed=5, batch_size=7, executor=client)  # type: ignore[arg-type]
    client.pool.shutdown()
    assert client.calls == 1
    assert there.draws == here.draws
