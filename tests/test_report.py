"""report, a leaf: tables from records, chambers read by their attributes, and notebook
views built from the small Viewable protocol; the same HTML as before the split."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from fractions import Fraction
from typing import Any

import attrs
import pytest

import coalitions as co
from coalitions import report

from .test_chart import TOY

# ---------------------------------------------------------- the same HTML as before

#: SHA-256 of each notebook view as ``report.to_html`` made it with its isinstance
#: dispatch, before rendering became a leaf (commit c803336); the chamber's and the
#: coalition's pictures recomputed when the diagrams changed (grey non-members, the
#: centre, the new legend).
BEFORE = {
    # the seat table's cells are escaped by coalitions.escape, then padded: the name
    # column is wider than before because "Gee & <Co>" is measured escaped
    "legislature": "abb7ae4df2174ed99cef426ffc2d605ba277b39abbbecd57d550f30658163266",
    "coalition": "fafbc0ee0057c2a796f5789a7cd67ef7315bb886dc06768db187df1c510d0bcb",
    "check": "ed04031de52206af46e7f9e45aae82bb5335f2f3d9a8aefe84eb2fe5dac1dfed",
    "allocation": "26a94bf391d9fbc5bc2d19b71bfe387df2844f2c566aec33b928f6fe59f51051",
    "districts": "402921da02de557da208569eda006e6de48b80a47e0b3b5533898b9fa41f6e7f",
    "power": "a2617fb9b6703fbe15ca806a7d8bef6337ed98dbc3cce0adaeedb27faeb61617",
    "simulation": "6c3d777bee6df0afdbc102f8f4fe2feabf41b5dac97cb4d87ac3c460360b14e5",
}

VALUES = {
    "legislature": lambda: TOY,
    "coalition": lambda: next(co.find_coalitions(TOY)),
    "check": lambda: co.check_coalition(TOY, "a+b+e", exclude_tags={"armed"}),
    "allocation": lambda: co.allocate({"a": 10, "b": 5, "c": 1}, 3),
    "districts": lambda: co.allocate_districts(
        {"d1": {"a": 10, "b": 5}, "d2": {"a": 3, "b": 9}}, {"d1": 3, "d2": 2}
    ),
    "power": lambda: co.power.indices(TOY, which=["banzhaf", "shapley"]),
    "simulation": lambda: co.simulate({"a": 1, "b": 1}, seats=4, draws=5, seed=3),
}


@pytest.mark.parametrize("name", sorted(VALUES))
def test_every_notebook_view_is_the_same_html_as_before(name: str) -> None:
    value = VALUES[name]()
    html = report.to_html(value)
    assert html == value._repr_html_()
    assert hashlib.sha256(html.encode("utf-8")).hexdigest() == BEFORE[name]


# ------------------------------------------------------------------ the protocol


@attrs.frozen
class Note:
    """A value of no type the library knows, offering the protocol itself."""

    parts: tuple[tuple[Any, ...], ...]
    rows: tuple[dict[str, Any], ...] = ()
    view_name = "note"

    def view_parts(self) -> tuple[tuple[Any, ...], ...]:
        return self.parts

    def records(self) -> list[dict[str, Any]]:
        return list(self.rows)


ROWS = ({"key": "a", "seats": 3, "share": Fraction(1, 2)}, {"key": "b", "seats": 3})


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((("heading", "A & B", "3 < 4"),), "<p><b>A &amp; B</b>: 3 &lt; 4</p>"),
        ((("heading", "", "plain"),), "<p>plain</p>"),
        ((("notes", ["one", "<two>"]),), "<ul><li>one</li><li>&lt;two&gt;</li></ul>"),
        ((("notes", []),), ""),
        ((("picture", "<svg/>"),), "<svg/>"),
        ((("picture", ""),), ""),
        ((("table", ("key",)),), report.render(list(ROWS), columns=("key",), fmt="html")),
        ((("table", None),), report.render(list(ROWS), fmt="html")),
        (
            (("table", "power", ["banzhaf"]),),
            report.render(list(ROWS), columns=report.power_columns(["banzhaf"]), fmt="html"),
        ),
        (
            (("heading", "t", "x"), ("picture", "<svg/>"), ("table", ("seats",))),
            "<p><b>t</b>: x</p><svg/>" + report.render(list(ROWS), columns=["seats"], fmt="html"),
        ),
    ],
)
def test_each_part_of_a_view(parts: tuple[tuple[Any, ...], ...], expected: str) -> None:
    html = report.html_view(Note(parts, ROWS))
    assert html == f'<div class="coalitions-note">{expected}</div>'


def test_a_table_of_a_kind_takes_its_columns_from_columns() -> None:
    html = report.html_view(Note((("table", "seats"),), ROWS))
    headers = re.findall(r"<th[^>]*>\s*(\w+)\s*</th>", html)
    assert tuple(headers) == report.COLUMNS["seats"]


def test_the_protocol_comes_before_a_registered_adapter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        report.views, "_ADAPTERS", dict(report.views._ADAPTERS)
    )  # registered for this test

    class Base:
        pass

    class Child(Base):
        pass

    @attrs.frozen
    class Adapter:
        value: Any
        view_name = "adapted"

        def view_parts(self) -> tuple[tuple[Any, ...], ...]:
            return (("heading", "", type(self.value).__name__),)

        def records(self) -> list[dict[str, Any]]:
            return []

    report.register_view(Base, Adapter)
    assert report.html_view(Child()) == '<div class="coalitions-adapted"><p>Child</p></div>'

    class Both(Base):
        view_name = "own"

        def view_parts(self) -> tuple[tuple[Any, ...], ...]:
            return (("heading", "", "mine"),)

    assert report.html_view(Both()) == '<div class="coalitions-own"><p>mine</p></div>'


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (42, "no notebook view for int"),
        (Note((("chart", "x"),)), "unknown part of a notebook view 'chart'"),
        (Note((("heading", "x"),)), "a 'heading' part is ('heading', 'title', 'text')"),
        (Note(("notes",)), "a part of a notebook view is a tuple"),  # type: ignore[arg-type]
        (Note((("table", "sets"),)), "unknown kind of record 'sets'; did you mean 'seats'?"),
    ],
)
def test_a_value_with_no_view_is_a_render_error(value: object, message: str) -> None:
    with pytest.raises(co.RenderError, match=re.escape(message)):
        report.html_view(value)


def test_to_html_is_html_view() -> None:
    assert report.to_html is report.html_view


# ---------------------------------------------------------- chambers, by attribute


@attrs.frozen
class Member:
    key: str
    name: str
    seats: int
    tags: frozenset[str] = frozenset()
    factions: tuple[Member, ...] = ()


@attrs.frozen
class Group:
    key: str
    name: str
    members: tuple[str, ...]


@attrs.frozen
class Hall:
    """A chamber that is not a Legislature: only what :class:`report.Chamber` names."""

    name: str
    size: int
    parties: tuple[Member, ...]
    blocs: tuple[Group, ...] = ()
    as_of: dt.date | None = None

    @property
    def seated(self) -> int:
        return sum(p.seats for p in self.parties)

    @property
    def vacant(self) -> int:
        return self.size - self.seated

    def quota(self, rule: str) -> int:
        return co.quota(self.size, rule)

    def seats_of(self, keys: Any) -> int:
        return sum(p.seats for p in self.parties if p.key in set(keys))


@pytest.mark.parametrize("fmt", [*report.FORMATS, "fancy_grid"])
def test_chamber_functions_read_any_chamber(iraq: co.Legislature, fmt: str) -> None:
    hall = Hall(
        name=iraq.name,
        size=iraq.size,
        # a chamber without tags_of shows each party's tags as they are: give it the
        # tags the Legislature derives (its own and those its links give)
        # and its factions with theirs
        parties=tuple(
            Member(
                p.key,
                p.name,
                p.seats,
                iraq.tags_of(p.key),
                tuple(
                    Member(f.key, f.name, f.seats, iraq.faction_tags_of(p.key, f.key))
                    for f in p.factions
                ),
            )
            for p in iraq.parties
        ),
        blocs=tuple(Group(b.key, b.name, b.members) for b in iraq.blocs),
        as_of=iraq.as_of,
    )
    assert report.show(hall, fmt) == report.show(iraq, fmt)
    assert report.summary(hall) == report.summary(iraq)
    assert report.bloc_records(hall) == report.bloc_records(iraq)


# --------------------------------------------------------------------- bad input


def test_an_unknown_format_is_a_render_error_that_lists_the_formats() -> None:
    with pytest.raises(co.RenderError) as caught:
        report.render([{"a": 1}], fmt="xls")
    message = str(caught.value)
    assert message.startswith("unknown format 'xls'; expected one of table, markdown, csv")
    assert "fancy_grid" in message
    with pytest.raises(co.RenderError, match="did you mean 'markdown'"):
        report.render([{"a": 1}], fmt="markdwn")
    with pytest.raises(co.RenderError, match="unknown format 3"):
        report.render([{"a": 1}], fmt=3)  # type: ignore[arg-type]


def test_a_record_that_is_not_a_mapping_is_a_render_error() -> None:
    with pytest.raises(co.RenderError, match=r"record 1 is not a mapping"):
        report.render([{"a": 1}, ("a", 1)])  # type: ignore[list-item]


def test_columns_of() -> None:
    assert report.columns_of("allocation", ["winner"])[-1] == "winner"
    assert report.columns_of("power", ["banzhaf"]) == report.power_columns(["banzhaf"])
    with pytest.raises(co.RenderError, match="unknown kind of record"):
        report.columns_of("nothing")
