"""Overview tables complete (issue 17, item 8), on the real data.

A report page's overview of insatser shows granted money, budget and outcome. Where the insats's own section
leaves budget or outcome out but the same report's tables give them (a driftredovisning or budget follow-up
row that names the insats), the overview shows that figure, marked "ur tabell" and linked to the table. Money
that is not the förbund's own (ESF's grant to the joint project in Västerbergslagen 2023) says whose it is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from faktabank.load.loader import build
from htmlpage import page

KINDS = {"Budget": ("budget",), "Utfall": ("utfall", "kostnad")}
MONEY_TABLES = ("driftredovisning", "budgetuppfoljning", "not")


@pytest.fixture(scope="module")
def model():
    return build(ROOT)


def _kronor(text: str) -> int:
    number = int(re.sub(r"\D", "", text.split(" kr")[0].split(" tkr")[0]))
    return number * 1000 if " tkr" in text else number


def _table_figures(report, insats: str, kinds: tuple[str, ...]) -> set[int]:
    """What the report's money tables give for the insats in its year, in kronor without sign."""
    return {abs(cell.kronor) for t in report.tables if t.typ in MONEY_TABLES for row in t.rows if row.insats == insats
            for col, cell in zip(t.columns, row.cells, strict=False)
            if col.slag in kinds and col.ar == report.year and cell.kronor is not None}


def test_no_overview_cell_is_empty_when_the_tables_give_the_figure(built_site: Path, model) -> None:
    filled = 0
    for report in model.reports.values():
        entries = report.data.get("insatser", ())
        if not entries:
            continue
        table = page(built_site, f"rapporter/{report.id}/").table("insatser-oversikt")
        header = table.rows[0]
        for entry, row in zip(entries, table.rows[1:], strict=True):
            for label, kinds in KINDS.items():
                column = next(i for i, h in enumerate(header) if h.startswith(label))
                figures = _table_figures(report, entry["insats"], kinds)
                shown = row[column]
                if len(figures) == 1 and entry.get("ekonomi", {}).get(label.lower()) is None:
                    assert shown.endswith("ur tabell"), (report.id, entry["insats"], label, shown, figures)
                    assert _kronor(shown) == figures.pop()
                    filled += 1
                if shown.endswith("ur tabell"):
                    assert entry.get("ekonomi", {}).get(label.lower()) is None  # never over a stated figure
    assert filled >= 10


def test_a_filled_figure_links_to_its_table(built_site: Path) -> None:
    raw = (built_site / "rapporter/vasterbergslagen-2023/index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="#(tabell-[^"]+)" title="Ur tabellen ([^"]+)">([^<]+)</a> <span class="fb-computed">ur tabell',
                       raw)
    assert links
    view = page(built_site, "rapporter/vasterbergslagen-2023/")
    for anchor, _title, shown in links:
        assert anchor in view.ids
        target = view.table(anchor)
        assert any(_kronor(shown.replace("\u00a0", " ")) == _kronor(c.replace("-", "") + (" tkr" if "tkr" in target.caption
                                                                                           else " kr"))
                   for r in target.rows[1:] for c in r[1:] if re.fullmatch(r"-?[\d ]+", c)), (anchor, shown)


def test_money_that_is_not_the_forbunds_own_says_whose_it_is(built_site: Path) -> None:
    view = page(built_site, "rapporter/vasterbergslagen-2023/")
    row = next(r for r in view.table("insatser-oversikt").rows if r[1].startswith("ESF-projekt"))
    assert row[3].startswith("23 495 648 kr") and "inte förbundets egna" in row[3] and "Europeiska socialfonden" in row[3]
    esf = next(t for t in page(built_site, "organisationer/europeiska-socialfonden/").tables
               if t.caption.startswith("Roller"))
    assert any(r[2].startswith("Finansierar insats") for r in esf.rows[1:])


def test_a_half_year_report_names_the_period_of_its_outcome(built_site: Path) -> None:
    header = page(built_site, "rapporter/vastra-malardalen-2019-delar/").table("insatser-oversikt").rows[0]
    assert "Utfall t.o.m. 2019-06-30" in header
