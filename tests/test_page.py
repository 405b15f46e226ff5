"""The coalition-builder page without a browser: self-contained, small, escaped, and
holding exactly what the library computes (the browser tests drive it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import coalitions as co
from coalitions.chart.page import FACTION_RULE, script_json
from coalitions.constraints import Constraints, compile_game

HOSTILE = "<img src=x onerror=alert(1)>"


def data_of(html: str) -> dict:
    found = re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S)
    assert found
    return json.loads(found.group(1))


def test_one_small_self_contained_file(iraq: co.Legislature) -> None:
    html = co.chart.page(iraq)
    assert len(html.encode("utf-8")) < 300_000
    # nothing fetched: no external script, style, font, image or frame
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html and "@font-face" not in html
    assert "default-src 'none'" in html  # and the browser is told to fetch nothing
    assert html.count("<script") == 2  # the data and the inline script


def test_the_data_is_what_the_library_computes(iraq: co.Legislature) -> None:
    data = data_of(co.chart.page(iraq))
    assert [r["tag"] for r in data["redLines"]] == ["militia-affiliated"]
    assert data["quotas"] == {"majority": 165, "two-thirds": 220, "blocking-third": 110}
    for bits, tags in (("0", set()), ("1", {"militia-affiliated"})):
        state = data["states"][bits]
        game = compile_game(iraq, "majority", Constraints(exclude_tags=frozenset(tags)))
        left = dict(game.left_out)
        for p in iraq:
            assert state["weight"][p.key] == (0 if p.key in left else game.party_weight[p.key])
        for q in ("majority", "two-thirds", "blocking-third"):
            expected = [
                list(c.order)
                for c in co.find_coalitions(iraq, q, exclude_tags=tags, order_by="seats", limit=8)
            ]
            assert [c["members"] for c in state["quotas"][q]["smallest"]] == expected
            banzhaf = co.power.banzhaf(iraq, q, exclude_tags=tags)
            assert state["quotas"][q]["banzhaf"] == pytest.approx(
                {k: float(v) for k, v in banzhaf.items()}
            )
    assert (
        data["states"]["0"]["quotas"]["majority"]["smallest"]
        != (data["states"]["1"]["quotas"]["majority"]["smallest"])
    )
    # the faction rule is explained on the page
    assert FACTION_RULE.split(":")[0].replace("'", "&#x27;") in co.chart.page(iraq)


def test_names_from_files_cannot_become_markup() -> None:
    leg = co.Legislature(
        name=HOSTILE,
        size=10,
        parties=[
            co.Party(key="a", name=HOSTILE, seats=6, native_name="</script><script>alert(2)"),
            co.Party(key="b", name="B & co", seats=4),
        ],
    )
    html = co.chart.page(leg)
    assert "<img" not in html
    assert "</script><script>alert(2)" not in html
    assert data_of(html)["parties"][0]["label"] == HOSTILE  # as text, for textContent
    assert script_json("</script>") == '"\\u003c/script\\u003e"'


def test_bad_page_input_is_a_render_error(kurdistan: co.Legislature) -> None:
    with pytest.raises(co.RenderError, match="unknown red-line tag 'militia'"):
        co.chart.page(kurdistan, red_lines=["militia"])
    with pytest.raises(co.RenderError, match="'limit'"):
        co.chart.page(kurdistan, limit=0)
    with pytest.raises(co.RenderError, match="unknown 'labels' value"):
        co.chart.page(kurdistan, labels="names")


def test_the_page_command(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "iraq.html"
    result = run_cli("page", "iraq-2025", "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html == co.chart.page(co.load_scenario("iraq-2025"))
    bad = run_cli("page", "kurdistan-2024", "--red-line", "nope")
    assert bad.returncode == 2 and "unknown red-line tag 'nope'" in bad.stderr
    assert "Traceback" not in bad.stderr
