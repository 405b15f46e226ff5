"""Names from user files are escaped by construction in every output: hostile names (a
list of payloads, and Hypothesis text) through every format and every notebook view; no
payload survives unescaped."""

from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions import escape, report

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    '=HYPERLINK("http://evil","x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd",
    "-2+3",
    "\x1b[31mred\x1b[0m\x1b]0;title\x07",
    "left\u202eright",
    "| cell | break |",
    "[link](javascript:alert(1))",
    "{{template}} [[Page]] ''bold''",
    "\\end{tabular}\\input{/etc/passwd}",
    "*emph* `code` _under_",
]


def chamber(names: list[str]) -> co.Legislature:
    parties = [
        co.Party(key=f"p{i}", name=name, seats=3, notes=name, leader=name)
        for i, name in enumerate(names)
    ]
    return co.Legislature(name=names[0], size=3 * len(names) + 1, parties=parties)


def assert_safe(text: str, fmt: str) -> None:
    """No raw payload of the dangerous kind for ``fmt`` is left in ``text``."""
    if fmt in ("html", "svg"):
        assert "<img" not in text and "<script" not in text
        assert "onerror=" not in text.replace("onerror=alert", "")  # only as escaped text
    if fmt == "csv":
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(escape.FORMULA_PREFIXES) or (
                    cell[:1] == "-" and cell[1:].replace(".", "").replace("%", "").isdigit()
                ), cell
    if fmt == "markdown":
        assert not re.search(r"(?<!\\)\]\(javascript", text) and "<img" not in text
    if fmt == "mediawiki":
        assert "{{" not in text.split("\n", 1)[1] and "[[" not in text and "''" not in text
    if fmt == "latex":
        assert "\\end{tabular}\\input" not in text and "\\input{" not in text
    if fmt in ("table", "rst", "plain"):
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text


FORMATS = ["table", "markdown", "csv", "html", "latex", "mediawiki", "rst", "json"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_table_format_escapes_every_payload(fmt: str) -> None:
    leg = chamber(PAYLOADS)
    out = report.show(leg, fmt)
    assert_safe(out, fmt)
    if fmt == "json":
        assert "\\u001b" in out or "\\u001B" in out  # JSON escapes control characters


def test_every_picture_and_notebook_view_escapes_every_payload() -> None:
    leg = chamber(PAYLOADS)
    svg = co.chart.hemicycle(leg, coalition="p0+p1", labels="name", title=PAYLOADS[1])
    assert_safe(svg, "svg")
    views = [
        leg._repr_html_(),
        leg._repr_svg_(),
        co.check_coalition(leg, "p0+p1")._repr_html_(),
        next(co.find_coalitions(leg))._repr_html_(),
        co.power.indices(leg, which=["banzhaf"])._repr_html_(),
    ]
    for html in views:
        assert_safe(html, "html")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=4), st.sampled_from(FORMATS))
def test_any_text_is_escaped(names: list[str], fmt: str) -> None:
    try:
        leg = chamber(names)
    except co.CoalitionsError:
        return  # text that is not a valid name (empty after stripping, lone surrogates)
    out = report.show(leg, fmt)
    assert_safe(out, fmt)
    if fmt == "html":
        for name in names:
            if "<" in name:
                assert name not in out  # present only escaped


def test_the_cli_escapes_district_names(tmp_path: pytest.TempPathFactory) -> None:
    from coalitions.cli import main

    votes = tmp_path / "v.csv"  # type: ignore[operator]
    votes.write_text(
        "district,list,votes\n<img src=x onerror=alert(1)>,a,100\n"
        "<img src=x onerror=alert(1)>,b,60\nok,a,10\nok,b,30\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    code = main(
        ["allocate", str(votes), "--seats", "5", "--format", "html", "--by-district"], stdout=out
    )
    assert code == 0
    assert "<img" not in out.getvalue()


def test_rst_output_holds_no_directive() -> None:
    docutils = pytest.importorskip("docutils.core")
    leg = co.Legislature(
        name="T",
        size=10,
        parties=[
            co.Party(key="a", name=".. include:: /etc/hostname", seats=6),
            co.Party(key="b", name="B\n\n.. raw:: html\n\n   <script>alert(1)</script>", seats=4),
        ],
    )
    html = docutils.publish_string(
        report.show(leg, "rst"), writer="html", settings_overrides={"report_level": 5}
    ).decode()
    assert "<script>" not in html
    assert "include::" in html  # shown as text, not run


def test_headers_are_escaped_too() -> None:
    assert "<img" not in report.render([{"<img src=x onerror=alert(1)>": 1}], fmt="html")
    assert report.render([{"=cmd|calc": 1}], fmt="csv").startswith("'=cmd|calc")
