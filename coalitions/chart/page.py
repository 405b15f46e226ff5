"""A self-contained coalition-builder page: one HTML file, nothing fetched at view time.

:func:`page` writes the chamber's hemicycle and a table of its lists; a reader clicks
lists (or focuses them and presses Enter or Space) to build a coalition, and the page
says its seats, the quota, the surplus, which members are pivotal and whether it is
minimal. Toggles switch the quota (majority, two-thirds, blocking third) and red lines
by tag. Everything the page shows that needs the engine is computed here, exactly, by
the library itself: the seats each list counts under every combination of red lines
(:func:`~coalitions.constraints.compile_game`), the smallest coalitions that reach each
quota (:func:`~coalitions.find_coalitions`, fewest seats first) and the power indices
(:mod:`coalitions.power`). The page's script only adds up seats.

Every text from the chamber reaches the page either escaped
(:mod:`coalitions.escape`) or inside a JSON block that cannot close its ``<script>``,
and the script writes text with ``textContent`` only, never as markup.

>>> import coalitions as co
>>> html = page(co.load_scenario("kurdistan-2024"))
>>> html.startswith("<!DOCTYPE html>") and "<script src" not in html
True
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from .. import numbers, power
from ..constraints import Constraints, compile_game
from ..drawing import GREY, check_labels, colours, label_of, layout, seat_order
from ..errors import RenderError, unknown
from ..escape import attribute
from ..escape import text as escape_text
from ..model import chamber
from ..search import find_coalitions
from .page_assets import SCRIPT, STYLE

if TYPE_CHECKING:
    from ..model import Legislature

__all__ = ["QUOTAS", "RED_LINES", "page"]

#: The quotas a reader can switch between.
QUOTAS: Final = ("majority", "two-thirds", "blocking-third")

#: The tags offered as red lines by default, where the chamber has them (on a list or
#: on a faction), with what excluding them means.
RED_LINES: Final = {
    "militia-affiliated": "lists tied to armed groups",
    "declared-opposition": "lists that declared they stay in opposition",
}

#: At most this many red-line toggles (every combination is computed in advance).
MAX_RED_LINES: Final = 4

#: How the faction rule reads on the page (see :mod:`coalitions.constraints`).
FACTION_RULE: Final = (
    "A list carrying an excluded tag is left out. A list where only a faction carries it "
    "stays, without that faction's seats: the faction leaves, the rest of the list counts."
)


def page(
    leg: Legislature,
    *,
    red_lines: Sequence[str] | None = None,
    labels: str = "name",
    limit: int = 8,
    title: str | None = None,
) -> str:
    """The coalition-builder page of ``leg``, as the text of one HTML file.

    Parameters
    ----------
    leg
        The chamber.
    red_lines
        Tags offered as red-line toggles (at most :data:`MAX_RED_LINES`); default: those
        of :data:`RED_LINES` that some list or faction of ``leg`` carries.
    labels
        How lists are named in the table (``"key"``, ``"name"`` or ``"native"``); the
        native-script name is shown beside the name when recorded.
    limit
        How many of the smallest coalitions are listed for each quota and set of red
        lines (1 to 50).
    title
        The page's title; default the chamber's name.

    Raises
    ------
    RenderError
        For an unknown label style, a tag the chamber does not carry, too many red
        lines, or a bad ``limit``.
    """
    check_labels(labels)
    leg = chamber(leg)
    numbers.whole(limit, field="limit", low=1, high=50, error=RenderError)
    tags = _red_lines(leg, red_lines)
    data = _data(leg, tags, labels, limit)
    name = title or leg.name
    return _html(name, _svg(leg), data)


def _carried(leg: Legislature) -> set[str]:
    out: set[str] = set()
    for p in leg.parties:
        out |= leg.tags_of(p.key)
        for f in p.factions:
            out |= leg.faction_tags_of(p.key, f.key)
    return out


def _red_lines(leg: Legislature, red_lines: Sequence[str] | None) -> list[str]:
    carried = _carried(leg)
    if red_lines is None:
        return [t for t in RED_LINES if t in carried]
    if isinstance(red_lines, str):
        red_lines = [red_lines]
    tags = list(dict.fromkeys(red_lines))
    for t in tags:
        if t not in carried:
            raise RenderError(unknown("red-line tag", t, sorted(carried), where=leg.name))
    if len(tags) > MAX_RED_LINES:
        raise RenderError(
            f"'red_lines' names {len(tags)} tags; a page offers at most {MAX_RED_LINES}"
        )
    return tags


def _state(leg: Legislature, tags: Sequence[str], limit: int) -> dict[str, Any]:
    """What the page needs under one set of excluded tags: each list's counted seats
    and why it lost some, and for each quota the smallest coalitions and the power
    indices."""
    c = Constraints(exclude_tags=frozenset(tags))
    game = compile_game(leg, "majority", c)
    left_out = dict(game.left_out)
    weight = {p.key: (0 if p.key in left_out else game.party_weight.get(p.key, 0)) for p in leg}
    why: dict[str, str] = {k: f"left out: {r}" for k, r in left_out.items()}
    for key, seats, reason in game.reduced:
        if key not in left_out:
            why[key] = f"{seats} seats not counted: {reason}"
    by_quota: dict[str, Any] = {}
    for q in QUOTAS:
        smallest = [
            {"members": list(found.order), "seats": found.seats}
            for found in find_coalitions(leg, q, constraints=c, order_by="seats", limit=limit)
        ]
        banzhaf = power.banzhaf(leg, q, constraints=c)
        shapley = power.shapley_shubik(leg, q, constraints=c)
        by_quota[q] = {
            "smallest": smallest,
            "banzhaf": {k: float(v) for k, v in banzhaf.items()},
            "shapley": {k: float(v) for k, v in shapley.items()},
        }
    return {"weight": weight, "why": why, "quotas": by_quota}


def _data(leg: Legislature, tags: Sequence[str], labels: str, limit: int) -> dict[str, Any]:
    order = seat_order(leg.parties)
    colour = colours(leg.parties)
    parties = [
        {
            "key": k,
            "label": label_of(leg[k], labels),
            "native": leg[k].native_name or "",
            "seats": leg[k].seats,
            "colour": colour[k],
            "tags": sorted(leg.tags_of(k)),
        }
        for k in order
    ]
    states = {}
    for bits in itertools.product("01", repeat=len(tags)):
        on = [t for t, b in zip(tags, bits, strict=True) if b == "1"]
        states["".join(bits)] = _state(leg, on, limit)
    return {
        "name": leg.name,
        "size": leg.size,
        "grey": GREY,
        "quotas": {q: leg.quota(q) for q in QUOTAS},
        "redLines": [{"tag": t, "about": RED_LINES.get(t, f"lists tagged {t}")} for t in tags],
        "factionRule": FACTION_RULE,
        "parties": parties,
        "states": states,
    }


def _svg(leg: Legislature) -> str:
    """The empty hemicycle: seats the script colours, a quota line for each quota, the
    total in the centre."""
    lay = layout(leg.size)
    width = 640
    outer = 1 + lay.pitch * 0.6
    scale = (width / 2 - 8) / outer
    cx, cy = width / 2, 8 + scale * outer
    r = lay.seat_radius * scale
    out = [
        (
            f'<svg id="hemicycle" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} '
            f'{cy + r + 8:.0f}" role="img" aria-labelledby="hemicycle-title">'
            f'<title id="hemicycle-title">{escape_text(leg.name, "html")}: the seats</title>'
        )
    ]
    for i, s in enumerate(lay.seats):
        out.append(
            f'<circle class="seat" data-i="{i}" cx="{cx + s.x * scale:.2f}" '
            f'cy="{cy - s.y * scale:.2f}" r="{r:.2f}" fill="{GREY}"/>'
        )
    inner = 1 - (lay.rows - 1) * lay.pitch - lay.pitch * 0.6
    for q in QUOTAS:
        n = leg.quota(q)
        if not 0 < n < leg.size:
            continue
        a = (lay.seats[n - 1].angle + lay.seats[n].angle) / 2
        x1, y1 = cx + inner * scale * math.cos(a), cy - inner * scale * math.sin(a)
        x2, y2 = cx + outer * scale * math.cos(a), cy - outer * scale * math.sin(a)
        out.append(
            f'<line class="quota" data-quota="{attribute(q)}" x1="{x1:.2f}" y1="{y1:.2f}" '
            f'x2="{x2:.2f}" y2="{y2:.2f}" stroke="#000000" stroke-width="2"/>'
        )
    out.append(
        f'<text id="centre" x="{cx:.2f}" y="{cy - 3:.2f}" text-anchor="middle" '
        f'font-weight="bold" font-size="22">{leg.size}</text></svg>'
    )
    return "\n".join(out)


def script_json(value: object) -> str:
    """``value`` as JSON that is safe inside a ``<script>`` element: ``<``, ``>`` and
    ``&`` are written as ``\\u`` escapes, so no text can close the element.

    >>> script_json({"name": "</script><img src=x onerror=alert(1)>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cimg src=x onerror=alert(1)\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _html(name: str, svg: str, data: dict[str, Any]) -> str:
    title = escape_text(name, "html")
    quota_radios = "".join(
        f'<label><input type="radio" name="quota" value="{q}"'
        f"{' checked' if q == 'majority' else ''}> {q.replace('-', ' ')}</label>"
        for q in QUOTAS
    )
    red = "".join(
        f'<label><input type="checkbox" class="red-line" value="{attribute(r["tag"])}"> '
        f"exclude {escape_text(r['about'], 'html')} "
        f"(<code>{escape_text(r['tag'], 'html')}</code>)</label>"
        for r in data["redLines"]
    )
    rule = f'<p class="note">{escape_text(FACTION_RULE, "html")}</p>' if data["redLines"] else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{title}</title><style>{STYLE}</style></head>\n<body>\n"
        f'<header><h1 id="title">{title}</h1>'
        "<p>Click a list, or focus it and press Enter or Space, to add it to the coalition "
        "or take it out.</p></header>\n"
        '<main><section id="picture">'
        f"{svg}"
        '<div id="status"><p><span id="seats">0</span> seats of '
        f'{data["size"]} · quota <span id="quota">{data["quotas"]["majority"]}</span> · '
        '<span id="verdict"></span></p>'
        '<p>surplus <span id="surplus"></span> · <span id="minimal"></span></p>'
        '<p>pivotal: <span id="pivotal"></span></p>'
        '<p><button type="button" id="clear">clear</button></p>'
        '<p id="live" class="visually-hidden" aria-live="polite" role="status"></p></div>'
        "</section>\n"
        '<section id="controls"><fieldset><legend>Quota</legend>'
        f"{quota_radios}</fieldset>"
        + (f"<fieldset><legend>Red lines</legend>{red}{rule}</fieldset>" if red else "")
        + '</section>\n<section id="lists"><h2>Lists</h2>'
        '<div class="scroll"><table id="table"><thead><tr><th scope="col">list</th>'
        '<th scope="col">seats</th><th scope="col">Banzhaf</th>'
        '<th scope="col">Shapley-Shubik</th></tr></thead><tbody></tbody></table></div>'
        "</section>\n"
        '<section id="smallest-section"><h2>Smallest coalitions that reach the quota</h2>'
        '<p class="note">Fewest seats first, under the red lines chosen; computed by '
        'the coalitions library (exact).</p><ol id="smallest"></ol></section>'
        "</main>\n"
        f'<script type="application/json" id="data">{script_json(data)}</script>\n'
        f"<script>{SCRIPT}</script>\n</body></html>\n"
    )
