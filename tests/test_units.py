"""One unit per column (issue 17, item 6), on the real data.

Every table that compares förbund or years (the Jämförelser pages, the förbund pages' key figures, member
contributions and equity, the charts' data tables, the organisation pages' contributions) shows its amounts in
one unit, whole tkr, and says so in its caption. The figure as the report prints it stays one click away (each
amount links to its report's table), on hover (a title) where the cell is not a comparison value, and in the
open data (jamforelser.csv keeps the printed value and unit beside the kronor).
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

from faktabank.text.formatting import TKR_RULE, tkr, whole_tkr
from htmlpage import page

AMOUNT = re.compile(r"^(?:ca )?-?\d[\d ]*(?:,\d+)? (kr|tkr|kkr)\b")


def _comparison_pages(site: Path) -> list[str]:
    urls = [f"{p.parent.relative_to(site).as_posix()}/" for p in (site / "jamforelser").rglob("index.html")]
    urls += [f"forbund/{p.name}/" for p in (site / "forbund").iterdir() if p.is_dir()]
    urls += [f"organisationer/{p.name}/" for p in (site / "organisationer").iterdir() if p.is_dir()]
    return urls


def test_rounding() -> None:
    assert [whole_tkr(k) for k in (4_511_722, -58_818, 500, 499, -500, 0)] == [4512, -59, 1, 0, -1, 0]
    assert tkr(4_511_722, "kr", 4_511_722) == "4\u00a0512\u00a0tkr"
    assert tkr(93, "procent", None) == "93\u00a0%"


def test_every_comparing_table_has_one_unit_per_column_and_says_so(built_site: Path) -> None:
    checked = 0
    for url in _comparison_pages(built_site):
        for table in page(built_site, url).tables:
            if not table.rows or table.caption.startswith(("Uppgifter i korthet", "Roller", "Medlemmar och")):
                continue
            header, body = table.rows[0], table.rows[1:]
            units: dict[int, set[str]] = {}
            for row in body:
                for i, text in enumerate(row):
                    found = AMOUNT.match(text)
                    if found:
                        units.setdefault(i, set()).add(found.group(1))
            mixed = {header[i] if i < len(header) else i: u for i, u in units.items() if len(u) > 1}
            assert not mixed, f"{url} {table.caption[:60]!r}: columns with several units {mixed}"
            if any(u == {"tkr"} for u in units.values()):
                assert TKR_RULE in table.caption, f"{url} {table.caption[:60]!r} does not state the unit rule"
                checked += 1
    assert checked >= 10


def test_the_printed_figure_is_a_hover_and_a_click_away(built_site: Path) -> None:
    raw = html.unescape((built_site / "forbund" / "vasterbergslagen" / "index.html").read_text(encoding="utf-8"))
    key_figures = raw[raw.index('id="nyckeltal-per-ar"'):]
    key_figures = key_figures[:key_figures.index("</table>")]
    cells = re.findall(r'<a href="([^"]+)" title="([^"]+)">([^<]+)</a>', key_figures)
    assert cells
    for href, title, shown in cells:
        assert "rapporter/vasterbergslagen-" in href
        printed = title.split(": ", 1)[1]
        if shown.endswith("tkr") and printed.endswith(" kr"):  # a figure printed in kronor, shown rounded
            kronor = int(re.sub(r"\D", "", printed)) * (-1 if printed.startswith("\u2212") else 1)
            assert shown == tkr(kronor, "kr", kronor)


def test_open_data_keeps_the_printed_figure(built_site: Path) -> None:
    with (built_site / "data" / "jamforelser.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    printed_in_kr = [r for r in rows if r["enhet"] == "kr" and r["kronor"]]
    assert printed_in_kr, "no comparison value printed in kronor"
    assert all(r["varde"] == r["kronor"] for r in printed_in_kr)


@pytest.mark.parametrize("url", ["jamforelser/ar/2020/", "jamforelser/kostnader/"])
def test_comparison_amounts_link_to_their_source(built_site: Path, url: str) -> None:
    raw = (built_site / url / "index.html").read_text(encoding="utf-8")
    values = re.findall(r'<a class="fb-v" href="([^"]+)">([^<]+)</a>', raw)
    amounts = [(href, text) for href, text in values if text.endswith("tkr")]
    assert amounts and all("rapporter/" in href for href, _ in amounts)
