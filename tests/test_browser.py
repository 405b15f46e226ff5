"""The coalition page and the diagrams in a real browser: headless Chromium, driven over
the DevTools protocol (``tests/browser.py``, standard library only). ``.ci/run`` installs
Chromium from the distribution's packages; without one, these tests skip and say why."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import coalitions as co
from coalitions import drawing

from .browser import Browser, find_chromium
from .test_chart import MIXED as CHART_MIXED

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on this machine (apt-get install chromium): the browser tests skip",
)

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert CHROMIUM is not None
    b = Browser(CHROMIUM)
    try:
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    out = {}
    for name in ("kurdistan-2024", "iraq-2025"):
        path = folder / f"{name}.html"
        path.write_text(co.chart.page(co.load_scenario(name)), encoding="utf-8")
        out[name] = path
    return out


def text(b: Browser, element_id: str) -> str:
    return str(b.eval(f"document.getElementById({json.dumps(element_id)}).textContent"))


def listed(b: Browser) -> list[str]:
    return list(
        b.eval(
            "Array.from(document.querySelectorAll('#smallest li')).map(li => li.dataset.members)"
        )
    )


def test_clicking_kdp_and_puk_makes_a_majority(browser: Browser, pages: dict[str, Path]) -> None:
    browser.open(pages["kurdistan-2024"])
    assert text(browser, "seats") == "0"
    browser.click('button.list[data-key="kdp"]')
    browser.click('button.list[data-key="puk"]')
    assert text(browser, "seats") == "62"
    assert text(browser, "verdict") == "majority"
    assert text(browser, "surplus") == "+11"
    assert text(browser, "minimal") == "minimal"
    assert text(browser, "live") == "62 seats: majority"  # the live region says it
    assert browser.eval("document.getElementById('live').getAttribute('aria-live')") == "polite"
    assert text(browser, "pivotal") == "Kurdistan Democratic Party, Patriotic Union of Kurdistan"
    # the seats: KDP's colour first, then PUK's, then grey
    fills = browser.eval(
        "Array.from(document.querySelectorAll('#hemicycle circle.seat'))"
        ".map(c => c.getAttribute('fill'))"
    )
    kr = co.load_scenario("kurdistan-2024")
    assert fills[:39] == [kr["kdp"].colour] * 39 and fills[39:62] == [kr["puk"].colour] * 23
    assert set(fills[62:]) == {drawing.GREY}
    # the same seats as the library's check
    check = co.check_coalition(kr, "kdp+puk")
    assert check.seats == 62 and set(check.pivotal) == {"kdp", "puk"}
    # two-thirds: not reached
    browser.click('input[name="quota"][value="two-thirds"]')
    assert text(browser, "verdict") == "5 short of two-thirds"
    browser.click('input[name="quota"][value="majority"]')
    browser.click('button.list[data-key="kiu"]')
    assert text(browser, "seats") == "69" and text(browser, "minimal") == "not minimal"
    assert text(browser, "pivotal") == "Kurdistan Democratic Party, Patriotic Union of Kurdistan"
    assert co.check_coalition(kr, "kdp+puk+kiu").pivotal == ("kdp", "puk")


def test_the_keyboard_builds_a_coalition(browser: Browser, pages: dict[str, Path]) -> None:
    browser.open(pages["kurdistan-2024"])
    tabbable = browser.eval(
        "Array.from(document.querySelectorAll('button.list')).every(b => b.tabIndex >= 0)"
    )
    assert tabbable
    browser.press('button.list[data-key="kdp"]', "Enter")
    browser.press('button.list[data-key="puk"]', " ")
    assert text(browser, "seats") == "62" and text(browser, "verdict") == "majority"
    assert (
        browser.eval(
            "document.querySelector('button.list[data-key=\"puk\"]').getAttribute('aria-pressed')"
        )
        == "true"
    )
    browser.press('button.list[data-key="puk"]', "Enter")
    assert text(browser, "seats") == "39"


@pytest.mark.parametrize(
    ("name", "tag"),
    [("iraq-2025", "militia-affiliated"), ("kurdistan-2024", "declared-opposition")],
)
def test_the_red_line_toggle_lists_what_find_coalitions_finds(
    browser: Browser, pages: dict[str, Path], name: str, tag: str
) -> None:
    leg = co.load_scenario(name)
    browser.open(pages[name])

    def expected(tags: set[str]) -> list[str]:
        found = co.find_coalitions(leg, "majority", exclude_tags=tags, order_by="seats", limit=8)
        return [str(c) for c in found]

    before = listed(browser)
    assert before == expected(set())
    browser.click(f'input.red-line[value="{tag}"]')
    after = listed(browser)
    assert after == expected({tag})
    assert after != before
    browser.click(f'input.red-line[value="{tag}"]')
    assert listed(browser) == before


def test_a_hostile_name_is_text(browser: Browser, tmp_path: Path) -> None:
    leg = co.Legislature(
        name=HOSTILE,
        size=10,
        parties=[
            co.Party(key="a", name=HOSTILE, seats=6, native_name="</script><b>bold</b>"),
            co.Party(key="b", name="B", seats=4),
        ],
    )
    path = tmp_path / "hostile.html"
    path.write_text(co.chart.page(leg), encoding="utf-8")
    browser.open(path)
    browser.click('button.list[data-key="a"]')
    assert browser.eval("document.querySelectorAll('img, b').length") == 0
    assert browser.eval("window.__alerts") == 0
    assert text(browser, "title") == HOSTILE
    label = browser.eval("document.querySelector('button.list[data-key=\"a\"] .label').textContent")
    assert label == HOSTILE
    assert HOSTILE in text(browser, "pivotal")


Box = tuple[float, float, float, float]


def boxes(b: Browser, selector: str) -> list[tuple[str, Box]]:
    return [
        (name, tuple(box))
        for name, box in b.eval(
            f"Array.from(document.querySelectorAll({json.dumps(selector)})).map(e => {{"
            " var r = e.getBoundingClientRect();"
            " return [e.id || e.tagName + ':' + (e.textContent || '').slice(0, 30),"
            " [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY]]; })"
        )
    ]


def apart(a: Box, b: Box) -> bool:
    return a[2] <= b[0] + 0.5 or b[2] <= a[0] + 0.5 or a[3] <= b[1] + 0.5 or b[3] <= a[1] + 0.5


@pytest.mark.parametrize("width", [360, 1024])
def test_nothing_overlaps_on_a_phone_or_a_desktop(
    browser: Browser, pages: dict[str, Path], width: int
) -> None:
    browser.open(pages["iraq-2025"], width=width, height=800)
    browser.click('button.list[data-key="rdc"]')
    # nothing wider than the screen: no sideways scrolling of the page
    assert browser.eval("document.documentElement.scrollWidth") <= width
    regions = boxes(browser, "h1, header p, #hemicycle, #status > p, fieldset, #table, #smallest")
    for (a, box_a), (b, box_b) in itertools.combinations(regions, 2):
        assert apart(box_a, box_b), (width, a, b)
    for name, box in regions:
        assert box[0] >= 0 and box[2] <= width + 0.5, (width, name)
    rows = boxes(browser, "#table tbody tr")
    for (a, box_a), (b, box_b) in itertools.pairwise(rows):
        assert box_a[3] <= box_b[1] + 0.5, (width, a, b)
    cells = boxes(browser, "#table tbody tr:first-child > td")
    for (a, box_a), (b, box_b) in itertools.combinations(cells, 2):
        assert apart(box_a, box_b), (width, a, b)
    # the list buttons are large enough to hit
    heights = browser.eval(
        "Array.from(document.querySelectorAll('button.list'))"
        ".map(b => b.getBoundingClientRect().height)"
    )
    assert min(heights) >= 20


# ------------------------------------------------------------ the diagrams, rendered

# The mixed-direction chamber of test_chart, under a right-to-left title.
MIXED = attrs.evolve(CHART_MIXED, name="برلمان Mixed")

DIAGRAMS = {
    "mixed": lambda: co.chart.hemicycle(MIXED, coalition="kdp+puk", labels="native"),
    "kurdistan": lambda: co.chart.hemicycle(
        co.load_scenario("kurdistan-2024"), coalition="kdp+puk", labels="native"
    ),
    "iraq-names": lambda: co.chart.hemicycle(
        co.load_scenario("iraq-2025"), blocs=True, labels="name"
    ),
    "iraq-native": lambda: co.chart.hemicycle(co.load_scenario("iraq-2021"), labels="native"),
}


@pytest.mark.parametrize("name", sorted(DIAGRAMS))
def test_diagram_labels_sit_after_their_swatch_in_chromium(
    browser: Browser, tmp_path: Path, name: str
) -> None:
    path = tmp_path / f"{name}.svg"
    svg = DIAGRAMS[name]()
    path.write_text(svg, encoding="utf-8")
    browser.open(path, width=700, height=900)
    entries = browser.eval(
        "Array.from(document.querySelectorAll('g.entry, g.bloc-name')).map(g => {"
        " var s = g.querySelector('rect').getBoundingClientRect();"
        " var t = g.querySelector('text').getBoundingClientRect();"
        " return [g.querySelector('text').textContent, [s.left, s.top, s.right, s.bottom],"
        " [t.left, t.top, t.right, t.bottom]]; })"
    )
    width = browser.eval("document.documentElement.getBoundingClientRect().width")
    assert entries
    for label, swatch, box in entries:
        assert box[0] >= swatch[2], (label, swatch, box)  # begins after its swatch
        assert box[2] <= width + 0.5, (label, box)  # and stays on the canvas
    for (a, _s, box_a), (b, _t, box_b) in itertools.combinations(entries, 2):
        assert apart(box_a, box_b), (a, b)
    # the width every layout decision uses is never less than what Chromium draws
    measured = browser.eval(
        "Array.from(document.querySelectorAll('text')).map(t => [t.textContent,"
        " parseFloat(t.getAttribute('font-size')), t.getAttribute('font-weight') === 'bold',"
        " t.getComputedTextLength()])"
    )
    for content, size, bold, actual in measured:
        assert drawing.text_width(content, size, bold=bold) >= actual - 0.5, (content, actual)
