"""Hemicycle diagrams: geometry for every size, valid SVG, determinism, reprs, rendering."""

from __future__ import annotations

import itertools
import math
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

import coalitions as co
from coalitions import chart, drawing

SVG = "{http://www.w3.org/2000/svg}"


def check_layout(n: int) -> chart.Layout:
    lay = chart.layout(n)
    assert len(lay.seats) == n
    two_r = 2 * lay.seat_radius
    # rows are at least one pitch apart, so seats in different rows never touch
    radii = sorted({s.radius for s in lay.seats}, reverse=True)
    assert all(a - b >= lay.pitch - 1e-12 for a, b in itertools.pairwise(radii))
    assert lay.pitch > two_r
    # within a row, the nearest seats are neighbours in angle
    for row in {s.row for s in lay.seats}:
        in_row = sorted((s for s in lay.seats if s.row == row), key=lambda s: s.angle)
        for a, b in itertools.pairwise(in_row):
            assert math.dist((a.x, a.y), (b.x, b.y)) >= two_r - 1e-12
    # left to right
    angles = [s.angle for s in lay.seats]
    assert angles == sorted(angles, reverse=True)
    assert all(0 < a < math.pi for a in angles)
    return lay


def test_every_size_from_1_to_800() -> None:
    rows = []
    for n in range(1, 801):
        rows.append(check_layout(n).rows)
    assert rows == sorted(rows)  # more seats never need fewer rows
    assert rows[0] == 1


@pytest.mark.parametrize("n", [1, 2, 3, 7, 20, 51, 100, 329])
def test_no_overlap_by_brute_force(n: int) -> None:
    lay = chart.layout(n)
    two_r = 2 * lay.seat_radius
    for i, a in enumerate(lay.seats):
        for b in lay.seats[i + 1 :]:
            assert math.dist((a.x, a.y), (b.x, b.y)) >= two_r - 1e-12


def test_fewest_rows() -> None:
    for n in (10, 100, 329, 800):
        lay = chart.layout(n)
        if lay.rows > 1:
            _pitch, caps = drawing._capacities(lay.rows - 1)
            assert sum(caps) < n  # one row fewer would not hold them


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted data
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") and root.get("width") and root.get("height")
    assert root.find(f"{SVG}title") is not None
    return root


def test_svg_structure_and_coalition_first(kurdistan: co.Legislature) -> None:
    svg = chart.hemicycle(kurdistan, coalition="puk+kdp", title="Erbil")
    root = parse(svg)
    seats = root.findall(f".//{SVG}circle[@class='seat']")
    assert len(seats) == 100
    parties = [c.get("data-party") for c in seats]
    assert parties[:39] == ["kdp"] * 39 and parties[39:62] == ["puk"] * 23
    assert all(c.get("fill-opacity") is None for c in seats[:62])
    assert all(c.get("fill-opacity") == "0.28" for c in seats[62:] if c.get("data-party"))
    entries = root.findall(f".//{SVG}g[@class='entry']")
    assert len(entries) == sum(1 for p in kurdistan if p.seats)
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "majority 51 · coalition 62 (+11)" in texts and "Erbil" in texts


def test_quota_line_sits_between_the_quota_seats(iraq: co.Legislature) -> None:
    root = parse(chart.hemicycle(iraq, quota="two-thirds"))
    line = root.find(f".//{SVG}line[@class='quota']")
    assert line is not None and line.get("data-seats") == "220"
    lay = chart.layout(329)
    x1, y1, x2, y2 = (float(line.get(a)) for a in ("x1", "y1", "x2", "y2"))
    angle = math.atan2(-(y2 - y1), x2 - x1)
    assert lay.seats[219].angle > angle > lay.seats[220].angle


def test_deterministic_bytes(iraq: co.Legislature) -> None:
    a = chart.hemicycle(iraq, coalition="rdc+kdp+taqaddum", blocs=True)
    b = chart.hemicycle(co.load_scenario("iraq-2025"), coalition="rdc+kdp+taqaddum", blocs=True)
    assert a == b


def test_vacancies_and_blocs(iraq21: co.Legislature) -> None:
    after = co.whatif.vacate(iraq21, ["sadrist"])
    root = parse(chart.hemicycle(after))
    vacant = [c for c in root.iter(f"{SVG}circle") if c.get("data-party") == ""]
    assert len(vacant) == 73
    blocs = parse(chart.hemicycle(co.load_scenario("iraq-2025"), blocs=True))
    assert {p.get("data-bloc") for p in blocs.iter(f"{SVG}path")} == {
        "coordination-framework",
        "national-political-council",
    }


def test_right_to_left_names() -> None:
    leg = co.Legislature(
        name="برلمان",
        size=10,
        parties=[
            co.Party(key="a", name="A", native_name="الحزب الديمقراطي الكردستاني", seats=6),
            co.Party(key="b", name="B", native_name="یەکێتی", seats=4),
        ],
    )
    svg = chart.hemicycle(leg, labels="native")
    root = parse(svg)
    rtl = [t for t in root.iter(f"{SVG}text") if t.get("direction") == "rtl"]
    assert len(rtl) >= 3  # the title and both names
    langs = {t.text: t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in rtl}
    assert langs["یەکێتی (4)"] == "ckb"  # Kurdish (Sorani)
    assert langs["الحزب الديمقراطي الكردستاني (6)"] == "ar"


class _Balanced(HTMLParser):
    VOID = frozenset({"br", "hr", "img", "input", "meta", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def well_formed(html: str) -> bool:
    p = _Balanced()
    p.feed(html)
    p.close()
    return not p.stack


def test_notebook_reprs_are_well_formed(kurdistan: co.Legislature) -> None:
    c = next(iter(co.find_coalitions(kurdistan)))
    values = [
        kurdistan,
        c,
        co.check_coalition(kurdistan, "kdp+puk"),
        co.allocate({"a": 10, "b": 5}, 3),
        co.power.indices(kurdistan, which=["banzhaf"]),
        co.simulate({"a": 1, "b": 1}, seats=4, draws=5),
    ]
    for v in values:
        html = v._repr_html_()
        assert well_formed(html), type(v).__name__
    assert parse(kurdistan._repr_svg_()) is not None
    assert parse(c._repr_svg_()) is not None


def test_report_tables_in_any_format(kurdistan: co.Legislature) -> None:
    assert co.report.seat_table(kurdistan, tablefmt="mediawiki").startswith('{| class="wikitable"')
    assert "\\begin{tabular}" in co.report.seat_table(kurdistan, tablefmt="latex")
    assert co.report.seat_table(kurdistan, tablefmt="html").startswith("<table>")


def test_rendered_png_is_not_blank(tmp_path: Path, kurdistan: co.Legislature) -> None:
    tool = shutil.which("rsvg-convert")
    if tool is None:
        pytest.skip("rsvg-convert is not installed (apt-get install librsvg2-bin)")
    svg = tmp_path / "kr.svg"
    png = tmp_path / "kr.png"
    svg.write_text(chart.hemicycle(kurdistan, coalition="kdp+puk"), encoding="utf-8")
    subprocess.run([tool, "-b", "white", str(svg), "-o", str(png)], check=True)
    data = png.read_bytes()
    assert len(data) > 1000 and data[:8] == b"\x89PNG\r\n\x1a\n"
    # decode the IDAT stream: a blank image compresses to almost nothing and has one colour
    idat = b"".join(
        data[i + 8 : i + 8 + int.from_bytes(data[i : i + 4], "big")] for i in _chunks(data, b"IDAT")
    )
    raw = zlib.decompress(idat)
    assert len(set(raw)) > 10


def _chunks(data: bytes, kind: bytes) -> list[int]:
    out, i = [], 8
    while i < len(data):
        length = int.from_bytes(data[i : i + 4], "big")
        if data[i + 4 : i + 8] == kind:
            out.append(i)
        i += 12 + length
    return out
