"""Comparison cells (the macro cmp_cell, templates/cells.html.j2) on input that uses every branch: a missing value, a
stated value, an approximate one, a computed value whose inputs include another computed value, figures from
other reports, and an equity share over and at the recommended ceiling. (The build tests compare whole
sites; test_compare.py checks the comparison pages against the data.)"""

from __future__ import annotations

import pytest

from conftest import ROOT
from faktabank.derive.compare import EQUITY_CEILING, Ref, Value
from faktabank.load.loader import build
from faktabank.pages.comparecells import value_text
from faktabank.pages.render import make_env
from faktabank.text.links import Linker

_cells = make_env().get_template("cells.html.j2").module
cell, value = _cells.cmp_cell, _cells.value


@pytest.fixture(scope="module")
def link():
    model = build(ROOT)
    return Linker(model, "jamforelser/intakter.md")


def _href(link: Linker, report: str, anchor: str) -> str:
    return link.to("rapport", report, anchor)


def test_missing_value(link) -> None:
    assert value_text(None) == "uppgift saknas"
    assert cell(None, link) == '<td class="num"><span class="fb-missing">uppgift saknas</span></td>'


def test_stated_value_links_to_its_source(link) -> None:
    rid = next(iter(link.model.reports))
    v = Value(4511722, "kr", 4511722, (Ref(rid, "tabell-rr", "Resultaträkning"),))
    assert cell(v, link) == (f'<td class="num" data-sort="4511722"><a class="fb-v" href="{_href(link, rid, "tabell-rr")}">'
                             '4\u00a0511\u00a0722\u00a0kr</a></td>')
    approx = Value(57, "antal", None, (Ref(rid, "nyckeltal-1", "text"),), approx=True)
    assert value_text(approx) == "ca 57"


def test_computed_value_links_its_inputs_and_other_figures(link) -> None:
    rid = next(iter(link.model.reports))
    a = Value(30, "tkr", 30000, (Ref(rid, "a", "A"),))
    b = Value(10, "tkr", 10000, (Ref(rid, "b", "B"),))
    total = Value(40, "tkr", 40000, (Ref(rid, "a", "A"), Ref(rid, "b", "B")), computed=True, method="summa",
                  inputs=(a, b), op="+")
    other = Value(39, "tkr", 39000, (Ref(rid, "c", "C"),))
    share = Value(50.5, "procent", None, total.refs, computed=True, method="andel <av> intäkter", inputs=(total, a),
                  op="/", others=(other,))
    html = value(share, link)
    assert html == ('<span class="fb-v">50,5\u00a0%</span> <span class="fb-computed" title="Beräknat av faktabanken ur '
                    'uppgifter i rapporterna">beräknat</span><span class="fb-inputs">andel &lt;av&gt; intäkter: '
                    f'(<a href="{_href(link, rid, "a")}">30\u00a0tkr</a> + <a href="{_href(link, rid, "b")}">10\u00a0tkr'
                    f'</a>) / <a href="{_href(link, rid, "a")}">30\u00a0tkr</a></span><span class="fb-inputs">även '
                    f'<a href="{_href(link, rid, "c")}">39\u00a0tkr</a></span>')
    assert cell(share, link).startswith('<td class="num" data-sort="50.5"><span class="fb-v">')


def test_equity_share_over_the_ceiling_is_marked(link) -> None:
    rid = next(iter(link.model.reports))
    over = Value(EQUITY_CEILING + 0.5, "procent", None, (Ref(rid, "x", "X"),))
    at = Value(EQUITY_CEILING, "procent", None, (Ref(rid, "x", "X"),))
    mark = f' <span class="fb-inputs fb-over">över rekommenderad nivå ({EQUITY_CEILING} %)</span></td>'
    assert cell(over, link, "eget-kapital-andel").endswith(mark)
    assert not cell(at, link, "eget-kapital-andel").endswith(mark)
    assert not cell(over, link, "soliditet").endswith(mark)
