"""Hemicycle diagrams: geometry for every size, valid SVG, determinism, reprs, rendering;
the drawing leaf on its own; the figure of an analysed chamber; the same bytes as before
the split."""

from __future__ import annotations

import hashlib
import itertools
import math
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions import chart, drawing
from coalitions.chart.figure import caption_of, chamber_figure
from coalitions.strategies import legislatures

from .oracles.search import Oracle

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


# ------------------------------------------------------------- the same bytes as before

#: A small chamber with everything a picture shows: an own colour, native names in
#: Arabic and Kurdish, a faction that an exclusion takes away, a list with no seat, a
#: name to escape, blocs and vacant seats.
TOY = co.Legislature(
    name="Toy chamber",
    size=60,
    parties=[
        co.Party(
            key="a",
            name="Alpha",
            seats=18,
            tags={"x"},
            native_name="الحزب",
            factions=[co.Faction(key="a-f", name="F", seats=4, tags={"armed"})],
        ),
        co.Party(key="b", name="Beta", seats=12, colour="#123456", native_name="یەکێتی"),
        co.Party(key="c", name="Gamma", seats=10, tags={"y"}),
        co.Party(key="d", name="Delta", seats=9),
        co.Party(key="e", name="Epsilon", seats=6, tags={"armed"}),
        co.Party(key="f", name="Phi", seats=0),
        co.Party(key="g", name="Gee & <Co>", seats=2),
    ],
    blocs=[
        co.Bloc(key="front", name="Front", members=["c", "a"]),
        co.Bloc(key="pair", name="Pair", members=["d", "g"]),
    ],
)

#: SHA-256 of each drawing as the single-module chart.py made it before rendering became
#: a leaf (commit c803336): the split must not move a byte. After an intended change
#: to the drawing, recompute them.
BEFORE = {
    "plain": "9c9adaf55a72a74f95d15b8ccc57913af4d07d90674bcbf26590df8fb9b68131",
    "factions": "1c978f61fcf9b26b7cf465f8837dcc13c581be2823522a18508f800fc6b0bddb",
    "blocs": "de230e2583efa6332909385d29c9a986a0f18fbfa1b80c32960d2db7365cf5f7",
    "native": "85119ba88b803794e17fb1e5aaf8d03c13fb36b92c50499c28177a13552aed7a",
    "seats": "dbbf047f301a3cb582b63b38b44c227b662196ac34b11dfcc3e0d657969ef968",
    "whole": "9a24b917b457f0aec72788aec3404247d4d89229a1e65f0f899a5d7a2bd67ea0",
    "coalition": "25205e788c015d310ad015f62f6ecd3656efa852302d33b0ef41f84bf999f891",
}

DRAWINGS = {
    "plain": lambda: chart.hemicycle(TOY),
    "factions": lambda: chart.hemicycle(TOY, coalition="a+b", exclude_tags={"armed"}),
    "blocs": lambda: chart.hemicycle(
        TOY,
        coalition="front+e",
        blocs=True,
        labels="name",
        quota="two-thirds",
        exclude_tags={"armed"},
    ),
    "native": lambda: chart.hemicycle(
        TOY, coalition=["b", "g"], labels="native", quota="3/5", title="Title & co", width=500
    ),
    "seats": lambda: chart.hemicycle(TOY, quota=30, blocs=True),
    "whole": lambda: chart.hemicycle(TOY, coalition="d", whole_lists=True, exclude_tags={"armed"}),
    "coalition": lambda: next(co.find_coalitions(TOY))._repr_svg_(),
}


@pytest.mark.parametrize("name", sorted(DRAWINGS))
def test_the_same_bytes_as_before_the_split(name: str) -> None:
    svg = DRAWINGS[name]()
    assert hashlib.sha256(svg.encode("utf-8")).hexdigest() == BEFORE[name]


def test_the_toy_drawings_show_what_they_should() -> None:
    # the hashes above pin bytes; this says what those bytes hold
    root = parse(DRAWINGS["blocs"]())
    parties = [c.get("data-party") for c in root.iter(f"{SVG}circle")]
    assert parties.count("a") == 14 and parties.count("a:not-counted") == 4
    assert parties.count("e:not-counted") == 6 and "e" not in parties  # excluded: 0 counted
    assert parties.count("") == 3  # vacant
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "two-thirds 40 · coalition 34, 24 counted (-16)" in texts
    assert "Gee &amp; <Co>" not in DRAWINGS["blocs"]()  # escaped
    assert "Gee &amp; &lt;Co&gt; (2)" in DRAWINGS["blocs"]()


# ------------------------------------------------------------------ drawing, a leaf


def test_a_chamber_draws_its_own_picture_with_drawing_alone(iraq21: co.Legislature) -> None:
    chambers = [co.load_scenario(n) for n in co.list_scenarios()]
    chambers += [TOY, co.whatif.vacate(iraq21, ["sadrist"])]
    for leg in chambers:
        q = leg.quota("majority")
        own = drawing.svg_of_seats(
            drawing.seat_groups(leg.parties),
            leg.size,
            quota=q,
            title=leg.name,
            caption=f"majority {q} of {leg.size}",
        )
        assert own == chart.hemicycle(leg) == leg._repr_svg_(), leg.name


def test_colours_keep_a_party_colour_and_share_the_palette_in_order() -> None:
    parties = [co.Party(key=f"p{i}", name="P", seats=1) for i in range(20)]
    parties[1] = co.Party(key="p1", name="P", seats=1, colour="#010203")
    got = drawing.colours(parties)
    assert got["p1"] == "#010203"
    others = [got[p.key] for p in parties if p.key != "p1"]
    assert others == [drawing.PALETTE[i % len(drawing.PALETTE)] for i in range(19)]


def test_seat_order_and_groups() -> None:
    assert drawing.seat_order(TOY.parties) == ["a", "b", "c", "d", "e", "g", "f"]
    blocs = [b.members for b in TOY.blocs]
    assert drawing.seat_order(TOY.parties, blocs=blocs) == ["a", "c", "d", "g", "b", "e", "f"]
    groups = drawing.seat_groups(TOY.parties, first=["b", "a"], counted={"a": 14})
    assert [g[0] for g in groups] == ["b", "a", "a:not-counted", "c", "d", "e", "g", "f"]
    assert [g[2] for g in groups][:3] == [12, 14, 4]
    assert [g[4] for g in groups] == [True, True, False, False, False, False, False, False]
    assert all(g[4] for g in drawing.seat_groups(TOY.parties))  # nothing first: all plain
    assert drawing.seat_groups(TOY.parties, labels="native")[0][1] == "الحزب"
    assert drawing.seat_groups(TOY.parties, labels="native")[2][1] == "Gamma"  # no native


def test_svg_of_seats_fades_only_when_something_is_highlighted() -> None:
    plain = drawing.svg_of_seats([("a", "A", 2, "#000000", False)], 3)
    assert "fill-opacity" not in plain
    lit = drawing.svg_of_seats([("a", "A", 2, "#000000", True), ("b", "B", 1, "#111111", False)], 3)
    assert lit.count('fill-opacity="0.28"') == 2  # b's seat and b's legend entry


GROUP = ("a", "A", 2, "#000000", True)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: drawing.layout(0), "whole number of seats >= 1 (got 0)"),
        (lambda: drawing.layout(True), "(got True)"),
        (lambda: drawing.layout(2.0), "(got 2.0)"),
        (lambda: drawing.svg_of_seats([GROUP, GROUP], 3), "hold 4 seats, more than the 3"),
        (lambda: drawing.svg_of_seats([("a", "A", 2)], 3), "'groups[0]' must be (key, label"),
        (lambda: drawing.svg_of_seats([("a", "A", -1, "#0", True)], 3), "'groups[0] seats'"),
        (lambda: drawing.svg_of_seats([("a", "A", 1, None, True)], 3), "must be text"),
        (lambda: drawing.svg_of_seats([("a", "A", 1, "#000", 1)], 3), "True or False"),
        (
            lambda: drawing.svg_of_seats([("a", "A", 1, '#000" onload="alert(1)', True)], 3),
            "colour must be",
        ),
        (lambda: drawing.svg_of_seats("abc", 3), "'groups' must be a sequence"),
        (lambda: drawing.svg_of_seats([GROUP], 0), "whole number of seats >= 1"),
        (lambda: drawing.svg_of_seats([GROUP], 3, width=0), "'width' must be a whole number"),
        (lambda: drawing.svg_of_seats([GROUP], 3, quota=1.5), "'quota' must be a whole number"),
        (lambda: drawing.svg_of_seats([GROUP], 3, title=3), "'title' must be text"),
        (lambda: drawing.check_labels("nmae"), "did you mean 'name'"),
        (lambda: drawing.seat_groups(TOY.parties, first=["zz"]), "unknown party 'zz'"),
        (lambda: drawing.seat_groups(TOY.parties, first=["a", "a"]), "names a party twice"),
        (
            lambda: drawing.seat_groups(TOY.parties, first=["a"], counted={"a": 19}),
            "more than the party's 18 seats",
        ),
        (lambda: chart.hemicycle(TOY, labels="names"), "unknown 'labels' value"),
        (lambda: chamber_figure(TOY, ["a"], quota=31, labels="x"), "unknown 'labels' value"),
    ],
)
def test_bad_drawing_input_is_a_render_error(call, message: str) -> None:
    with pytest.raises(co.RenderError, match=re.escape(message)):
        call()


# ------------------------------------------------------- the figure of an analysis


def test_the_figure_draws_what_the_check_found(iraq: co.Legislature) -> None:
    red = {"exclude_tags": {"militia-affiliated"}}
    check = co.check_coalition(iraq, "kdp+rdc+taqaddum", **red)
    rdc_militia = sum(
        f.seats
        for f in iraq["rdc"].factions
        if "militia-affiliated" in iraq.faction_tags_of("rdc", f.key)
    )
    assert rdc_militia > 0
    assert dict(check.counted) == {
        "kdp": iraq["kdp"].seats,
        "rdc": iraq["rdc"].seats - rdc_militia,
        "taqaddum": iraq["taqaddum"].seats,
    }
    members = drawing.seat_order(iraq.parties, check.members)
    figure = chamber_figure(iraq, members, check.counted, quota=check.quota, rule_name="majority")
    assert figure == chart.hemicycle(iraq, coalition="kdp+rdc+taqaddum", **red)
    held = iraq.seats_of(check.members)
    assert f"coalition {held}, {held - rdc_militia} counted" in figure
    # drawn in the order given, not re-sorted
    shuffled = chamber_figure(iraq, ["taqaddum", "kdp"], quota=165)
    seats = [c.get("data-party") for c in parse(shuffled).iter(f"{SVG}circle")]
    assert seats[0] == "taqaddum" and seats[27] == "kdp"


def test_an_excluded_list_with_an_excluded_faction_is_drawn() -> None:
    # check_coalition used to raise KeyError here (its note on the faction's seats read
    # the weight of a list that the constraints had left out); hemicycle never did
    leg = co.Legislature(
        name="X",
        size=10,
        parties=[
            co.Party(
                key="a",
                name="A",
                seats=6,
                tags={"t"},
                factions=[co.Faction(key="a-f", name="F", seats=2, tags={"t"})],
            ),
            co.Party(key="b", name="B", seats=4),
        ],
    )
    check = co.check_coalition(leg, "a+b", exclude_tags={"t"})
    assert dict(check.counted) == {"a": 0, "b": 4} and check.notes == ()
    assert "a is left out: tagged t" in check.failures
    seats = [
        c.get("data-party")
        for c in parse(chart.hemicycle(leg, coalition="a+b", exclude_tags={"t"})).iter(
            f"{SVG}circle"
        )
    ]
    assert seats == ["a:not-counted"] * 6 + ["b"] * 4


def test_captions() -> None:
    assert caption_of("majority", 51, 100) == "majority 51 of 100"
    assert caption_of("majority", 51, 100, held=62) == "majority 51 · coalition 62 (+11)"
    assert caption_of("quota", 51, 100, held=50, counted=50) == "quota 51 · coalition 50 (-1)"


@settings(max_examples=60)
@given(
    legislatures(min_parties=1, max_parties=6, max_seats=15, max_size=80),
    st.data(),
)
def test_counted_is_what_the_oracle_counts_and_what_is_drawn(
    leg: co.Legislature, data: st.DataObject
) -> None:
    keys = list(leg.keys)
    members = data.draw(st.lists(st.sampled_from(keys), min_size=1, unique=True))
    tags = sorted(leg.tags | {t for p in leg.parties for f in p.factions for t in f.tags})
    c = co.Constraints(
        exclude_tags=frozenset(data.draw(st.lists(st.sampled_from(tags), unique=True)))
        if tags
        else frozenset(),
        whole_lists=data.draw(st.booleans()),
    )
    oracle = Oracle(leg, "majority", c)
    check = co.check_coalition(leg, members, constraints=c)
    expected = {k: 0 if k in oracle.excluded else oracle.weight[k] for k in members}
    assert dict(check.counted) == expected
    assert check.seats == sum(expected.values())
    drawn = [
        e.get("data-party")
        for e in parse(chart.hemicycle(leg, coalition=members, constraints=c)).iter(f"{SVG}circle")
    ]
    for k in members:
        assert drawn.count(k) == expected[k]
        assert drawn.count(f"{k}:not-counted") == leg[k].seats - expected[k]
