"""A comparison value in a table cell, as HTML written in Python.

The Jämförelser pages, the förbund pages' equity tables and the charts' data tables show tens of thousands
of values at national scale. A stated value links to where the report gives it; a computed value says
"beräknat" and links its inputs; a missing value reads "uppgift saknas", never 0. As template macros the
cells were most of those pages' rendering time. The output is the HTML the former macros in
jamforelser_macros.html.j2 gave, character for character (the build tests compare whole sites;
tests/test_comparecells.py covers the branches).
"""

from __future__ import annotations

from markupsafe import Markup

from faktabank.derive.compare import EQUITY_CEILING, Value
from faktabank.text import formatting
from faktabank.text.escaping import escape, markup
from faktabank.text.links import Linker

EQUITY_SHARE = "eget-kapital-andel"  # the metric whose values above EQUITY_CEILING are marked


def value_text(v: Value | None) -> str:
    """A comparison value as text: '4 512 tkr', '14,6 %', '57', '35 621 kr'."""
    if v is None:
        return "uppgift saknas"
    text = formatting.amount(v.number, v.unit) if v.unit != "antal" else formatting.number(v.number)
    return f"ca {text}" if v.approx else text


def _stated(v: Value, link: Linker, attrs: str = "") -> str:
    return f'<a{attrs} href="{escape(link.to("rapport", v.report, v.refs[0].anchor))}">{escape(value_text(v))}</a>'


def inputs(v: Value, link: Linker) -> str:
    """A computed value's inputs, each linked to where its report gives it, joined by the operation."""
    parts = [f"({inputs(i, link)})" if i.computed else _stated(i, link) for i in v.inputs]
    return f" {escape(v.op)} ".join(parts)


def value(v: Value | None, link: Linker) -> str:
    """The value, linked to its source (or its inputs when computed), and other reports' figures for it."""
    if v is None:
        return '<span class="fb-missing">uppgift saknas</span>'
    if v.computed:
        out = (f'<span class="fb-v">{escape(value_text(v))}</span> <span class="fb-computed" title="Beräknat av '
               f'faktabanken ur uppgifter i rapporterna">beräknat</span><span class="fb-inputs">{escape(v.method)}: '
               f"{inputs(v, link)}</span>")
    else:
        out = _stated(v, link, ' class="fb-v"')
    return out + "".join(f'<span class="fb-inputs">även {_stated(o, link)}</span>' for o in v.others)


def cell(v: Value | None, link: Linker, metric: str | None = None) -> Markup:
    """A numeric table cell that sorts by the value in kronor (or the number), marking a too high equity share."""
    sort = f' data-sort="{escape(v.sort_key)}"' if v is not None else ""
    over = ""
    if metric == EQUITY_SHARE and v is not None and v.number > EQUITY_CEILING:
        over = f' <span class="fb-inputs fb-over">över rekommenderad nivå ({EQUITY_CEILING} %)</span>'
    return markup(f'<td class="num"{sort}>{value(v, link)}{over}</td>')
