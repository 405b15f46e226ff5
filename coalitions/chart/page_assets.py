"""The style and the script of the coalition-builder page (:mod:`coalitions.chart.page`),
inlined in every page so that it needs nothing from the network.

The script reads the page's data from its JSON block, writes every text with
``textContent`` (never as markup), and only adds up seats: every answer that needs the
engine (the seats each list counts under the red lines, the smallest coalitions, the
power indices) is in the data, computed by the library.
"""

from __future__ import annotations

from typing import Final

__all__ = ["SCRIPT", "STYLE"]

STYLE: Final = """
*{box-sizing:border-box}
body{font-family:"DejaVu Sans","Noto Sans","Noto Naskh Arabic",Arial,sans-serif;margin:0 auto;
max-width:1000px;padding:8px 12px;line-height:1.4;color:#111;background:#fff}
h1{font-size:1.4rem;margin:.3rem 0}h2{font-size:1.1rem;margin:.8rem 0 .3rem}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:12px;
grid-template-areas:"picture controls" "lists lists" "smallest smallest"}
#picture{grid-area:picture}#controls{grid-area:controls}#lists{grid-area:lists}
#smallest-section{grid-area:smallest}
#hemicycle{width:100%;height:auto;display:block}
#hemicycle .seat{cursor:pointer}
#status p{margin:.2rem 0}#seats{font-weight:bold;font-size:1.3rem}
#verdict{font-weight:bold}
fieldset{border:1px solid #bbb;margin:0 0 8px;padding:6px 8px}
fieldset label{display:block;padding:2px 0}
.note{font-size:.85rem;color:#444;margin:.3rem 0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{padding:3px 6px;border-bottom:1px solid #ddd;text-align:start;vertical-align:top}
td.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
button.list{display:flex;align-items:center;gap:6px;width:100%;text-align:start;
font:inherit;background:none;border:1px solid transparent;border-radius:4px;padding:3px 4px;
cursor:pointer;color:inherit}
button.list[aria-pressed="true"]{background:#fff6cc;border-color:#b38f00;font-weight:bold}
button.list[aria-disabled="true"]{color:#777;text-decoration:line-through}
button:focus-visible,input:focus-visible{outline:3px solid #1a5fb4;outline-offset:1px}
.swatch{display:inline-block;flex:none;width:12px;height:12px;border:1px solid #666}
.names{display:flex;flex-wrap:wrap;gap:0 8px;min-width:0;overflow-wrap:break-word}
.native{color:#444;font-weight:normal}
.why{display:block;font-size:.8rem;color:#8a1c1c}
#smallest li{margin:.2rem 0}
#smallest button{font:inherit;text-align:start;background:#f3f3f3;border:1px solid #bbb;
border-radius:4px;padding:2px 6px;cursor:pointer;overflow-wrap:break-word;max-width:100%}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);
white-space:nowrap}
@media (max-width:700px){main{grid-template-columns:minmax(0,1fr);
grid-template-areas:"picture" "controls" "lists" "smallest"}
table{font-size:.8rem}th,td{padding:2px 3px}body{padding:6px}}
"""

SCRIPT: Final = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var parties = data.parties;
  var byKey = {};
  parties.forEach(function (p) { byKey[p.key] = p; });
  var chosen = [];
  var quota = "majority";
  var names = {"majority": "majority", "two-thirds": "two-thirds",
               "blocking-third": "blocking third"};
  var $ = function (id) { return document.getElementById(id); };

  function bits() {
    var out = "";
    document.querySelectorAll("input.red-line").forEach(function (box) {
      out += box.checked ? "1" : "0";
    });
    return out;
  }
  function state() { return data.states[bits()]; }
  function pct(v) { return v === undefined ? "–" : (100 * v).toFixed(1) + "%"; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function isChosen(key) { return chosen.indexOf(key) >= 0; }
  function toggle(key) {
    var i = chosen.indexOf(key);
    if (i >= 0) { chosen.splice(i, 1); } else { chosen.push(key); }
    update();
  }

  function buildTable() {
    var body = document.querySelector("#table tbody");
    parties.forEach(function (p) {
      if (p.seats === 0) { return; }
      var tr = el("tr");
      tr.dataset.key = p.key;
      var td = el("td");
      var b = el("button", "list");
      b.type = "button";
      b.dataset.key = p.key;
      b.setAttribute("aria-pressed", "false");
      var sw = el("span", "swatch");
      sw.style.background = p.colour;
      sw.setAttribute("aria-hidden", "true");
      var nm = el("span", "names");
      var label = el("span", "label", p.label);
      label.dir = "auto";
      nm.appendChild(label);
      if (p.native && p.native !== p.label) {
        var nat = el("span", "native", p.native);
        nat.dir = "auto";
        nat.lang = /[\u06d5\u06b5\u06c6\u0695\u06a4\u06af\u0686\u0698\u067e\u06ce]/.test(p.native)
          ? "ckb" : "ar";
        nm.appendChild(nat);
      }
      b.appendChild(sw);
      b.appendChild(nm);
      b.addEventListener("click", function () { toggle(p.key); });
      td.appendChild(b);
      td.appendChild(el("span", "why"));
      tr.appendChild(td);
      tr.appendChild(el("td", "num seats"));
      tr.appendChild(el("td", "num banzhaf"));
      tr.appendChild(el("td", "num shapley"));
      body.appendChild(tr);
    });
  }

  function paintSeats(st, members) {
    var circles = document.querySelectorAll("#hemicycle circle.seat");
    var seq = [];
    members.forEach(function (p) {
      var w = st.weight[p.key];
      for (var i = 0; i < p.seats; i++) {
        seq.push({key: p.key, fill: i < w ? p.colour : data.grey, ring: i < w ? "" : p.colour});
      }
    });
    parties.forEach(function (p) {
      if (isChosen(p.key)) { return; }
      for (var i = 0; i < p.seats; i++) {
        seq.push({key: p.key, fill: members.length ? data.grey : p.colour, ring: ""});
      }
    });
    circles.forEach(function (c, i) {
      var s = seq[i];
      c.setAttribute("fill", s ? s.fill : "#ffffff");
      c.setAttribute("data-party", s ? s.key : "");
      if (s && s.ring) {
        c.setAttribute("stroke", s.ring); c.setAttribute("stroke-width", "1.5");
      } else if (s) {
        c.removeAttribute("stroke");
      } else {
        c.setAttribute("stroke", "#888888"); c.setAttribute("stroke-width", "0.6");
      }
    });
  }

  function update() {
    var st = state();
    var q = data.quotas[quota];
    var members = parties.filter(function (p) { return isChosen(p.key); });
    var total = 0;
    members.forEach(function (p) { total += st.weight[p.key]; });
    var wins = total >= q;
    var pivotal = members.filter(function (p) {
      return st.weight[p.key] > 0 && total - st.weight[p.key] < q;
    });
    var minimal = wins && pivotal.length === members.length;
    $("seats").textContent = String(total);
    $("quota").textContent = String(q);
    var verdict = wins ? names[quota] : (q - total) + " short of " + names[quota];
    $("verdict").textContent = verdict;
    $("surplus").textContent = (total >= q ? "+" : "") + (total - q);
    $("minimal").textContent = !members.length ? "no list chosen"
      : (minimal ? "minimal" : (wins ? "not minimal" : "not enough"));
    $("pivotal").textContent = pivotal.length
      ? pivotal.map(function (p) { return p.label; }).join(", ") : "none";
    $("live").textContent = total + " seats: " + verdict;
    $("centre").textContent = String(members.length ? total : data.size);
    document.querySelectorAll("#hemicycle line.quota").forEach(function (line) {
      line.setAttribute("visibility", line.dataset.quota === quota ? "visible" : "hidden");
    });
    paintSeats(st, members);
    var power = st.quotas[quota];
    document.querySelectorAll("#table tbody tr").forEach(function (tr) {
      var key = tr.dataset.key;
      var p = byKey[key];
      var b = tr.querySelector("button.list");
      b.setAttribute("aria-pressed", isChosen(key) ? "true" : "false");
      var w = st.weight[key];
      b.setAttribute("aria-disabled", w === 0 ? "true" : "false");
      tr.querySelector(".seats").textContent = w === p.seats ? String(w) : w + " of " + p.seats;
      tr.querySelector(".why").textContent = st.why[key] || "";
      tr.querySelector(".banzhaf").textContent = pct(power.banzhaf[key]);
      tr.querySelector(".shapley").textContent = pct(power.shapley[key]);
    });
    var list = $("smallest");
    while (list.firstChild) { list.removeChild(list.firstChild); }
    power.smallest.forEach(function (c) {
      var li = el("li");
      li.dataset.members = c.members.join("+");
      var b = el("button", "", c.members.map(function (k) { return byKey[k].label; }).join(" + ")
        + " (" + c.seats + ")");
      b.type = "button";
      b.addEventListener("click", function () { chosen = c.members.slice(); update(); });
      li.appendChild(b);
      list.appendChild(li);
    });
    if (!power.smallest.length) { list.appendChild(el("li", "", "none under these red lines")); }
  }

  buildTable();
  document.querySelectorAll("input[name=quota]").forEach(function (r) {
    r.addEventListener("change", function () { quota = r.value; update(); });
  });
  document.querySelectorAll("input.red-line").forEach(function (box) {
    box.addEventListener("change", update);
  });
  $("clear").addEventListener("click", function () { chosen = []; update(); });
  document.querySelectorAll("#hemicycle circle.seat").forEach(function (c) {
    c.addEventListener("click", function () {
      var key = c.getAttribute("data-party");
      if (key) { toggle(key); }
    });
  });
  update();
}());
"""
