"""The Västerbergslagen report-year and insats pages show what the reports state, read from the reports themselves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import source_text
from htmlpage import page
from sourcetables import parse_number, row_signature, section, source_rows

VB2020 = "vasterbergslagen-arsredovisning-2020.txt"
VB2023 = "vasterbergslagen-arsredovisning-2023.txt"


def page_rows(site: Path, url: str) -> set[tuple[str, tuple[int, ...]]]:
    rows = set()
    for table in page(site, url).tables:
        for row in table.rows:
            sig = row_signature(row)
            if sig:
                rows.add(sig)
    return rows


# (source file, report page, first heading of the part with tables, heading that ends it)
STATEMENT_PARTS = [
    (VB2020, "rapporter/vasterbergslagen-2020/", "1.1. Översikt", "1.2. "),
    (VB2020, "rapporter/vasterbergslagen-2020/", "2. Driftsredovisning", "9 Styrelsens underskrift"),
    (VB2023, "rapporter/vasterbergslagen-2023/", "1.1. Översikt", "1.2. "),
    (VB2023, "rapporter/vasterbergslagen-2023/", "2. Resultaträkning", "8 Styrelsens underskrifter"),
]


@pytest.mark.parametrize(("source", "url", "start", "end"), STATEMENT_PARTS)
def test_every_statement_row_of_the_report_is_on_the_page(built_site: Path, source: str, url: str, start: str,
                                                           end: str) -> None:
    wanted = source_rows(section(source_text(source), start, end))
    assert len(wanted) >= 5
    shown = page_rows(built_site, url)
    missing = [row for row in wanted if row not in shown]
    assert not missing, f"{len(missing)} of {len(wanted)} rows of {source} {start!r} are not on {url}:\n" + "\n".join(
        map(str, missing))


def test_multi_year_overview_reaches_the_forbund_page(built_site: Path) -> None:
    """Key figures for 2016–2023, including years that only appear in the overviews."""
    view = page(built_site, "forbund/vasterbergslagen/")
    table = view.table("nyckeltal-per-ar")
    years = {row[0] for row in table.rows[1:]}
    assert {str(y) for y in range(2016, 2024)} <= years
    for source in (VB2020, VB2023):
        overview = source_rows(section(source_text(source), "1.1. Översikt", "1.2. "))
        header = next(line for line in source_text(source).splitlines()
                      if re.match(r"^\|?\s*\|?\s*20\d\d\s*\|?\s*20\d\d", line.replace("\t", "|").strip("| ")))
        years_in_source = [int(y) for y in re.findall(r"20\d\d", header)]
        income = next(nums for label, nums in overview if label == "Verksamhetens intäkter")
        for year, value in zip(years_in_source, income, strict=True):
            row = next(r for r in table.rows if r[0] == str(year))
            assert f"{value:,}".replace(",", " ") + " tkr" in row[1], (year, value, row)


def _granted_2020() -> dict[str, int]:
    text = source_text(VB2020)
    found = re.findall(r"\(proj ?nr; (\d+)\).*?Finansiering; Insatsen har erhållit (\d+) tkr", text, flags=re.S)
    return {nr: int(amount) for nr, amount in found}


@pytest.mark.parametrize("number", ["301", "302", "306", "423", "424", "431"])
def test_insats_page_shows_money_granted_in_2020(built_site: Path, number: str) -> None:
    amount = _granted_2020()[number]
    view = page(built_site, f"insatser/vasterbergslagen-{number}/")
    money = [t for t in view.tables if t.caption.startswith("Ekonomi 2020")]
    assert money, f"no 2020 money table on insats {number}"
    assert any(f"{amount:,}".replace(",", " ") + " tkr" in cell for t in money for row in t.rows for cell in row)


def test_insats_pages_show_participants_by_gender(built_site: Path) -> None:
    text = source_text(VB2020)
    team = re.search(r"(\d+) deltagare har medverkat i teamets insatser 2020.*?(\d+) kvinnor och (\d+) män", text, re.S)
    uma = re.search(r"(\d+) deltagare har medverkat i insatsen \(.*?\)\. Av dessa var det (\d+) kvinnor och (\d+) män", text)
    assert team and uma
    for number, match in (("301", team), ("302", uma)):
        view = page(built_site, f"insatser/vasterbergslagen-{number}/")
        tables = [t for t in view.tables if t.caption.startswith("Deltagare 2020")]
        assert tables, number
        rows = {r[0]: r[1] for r in tables[0].rows[1:]}
        assert rows["Deltagare totalt"] == match.group(1)
        assert rows["Kvinnor"] == match.group(2)
        assert rows["Män"] == match.group(3)


def test_budget_rows_link_to_insats_pages(built_site: Path) -> None:
    view = page(built_site, "insatser/vasterbergslagen-431/")
    rows = [r for t in view.tables if "Sammanställning" in t.caption for r in t.rows[1:]]
    source = source_rows(section(source_text(VB2020), "8 Sammanställning", "9 Styrelsens"))
    expected = next(nums for label, nums in source if nums[0] == 431)
    assert any(tuple(n for n in (parse_number(c) for c in r) if n is not None) == expected for r in rows)


def test_board_members_and_auditors_link_to_all_their_roles(built_site: Path) -> None:
    report = page(built_site, "rapporter/vasterbergslagen-2020/")
    board = report.table("styrelsens-sammansattning")
    assert any("Carin Runeson" in cell for row in board.rows for cell in row)
    for person, roles_years in (("anette-englund", {"2020", "2023"}), ("jenny-barksjo-forslund", {"2020", "2023"}),
                                ("hakan-frank", {"2020", "2023"})):
        assert any(link.endswith(f"personer/{person}/") for link in report.links + page(
            built_site, "rapporter/vasterbergslagen-2023/").links), person
        view = page(built_site, f"personer/{person}/")
        roles = view.table(None) if False else next(t for t in view.tables if t.caption.startswith("Roller"))
        years = {row[0] for row in roles.rows[1:]}
        assert roles_years <= years, (person, years)
        assert all("Västerbergslagen" in row[1] for row in roles.rows[1:])


def test_indicator_table_2020_has_every_measure(built_site: Path) -> None:
    text = source_text(VB2020)
    measures = [line for line in text.splitlines() if re.match(r"^\d+\t.*\?", line)]
    assert len(measures) == 17
    view = page(built_site, "rapporter/vasterbergslagen-2020/")
    rows = [r for t in view.tables if t.id and t.id.startswith("indikatorer-") for r in t.rows[1:]]
    assert len(rows) == 17
    for line, row in zip(measures, rows, strict=True):
        cells = line.split("\t")
        assert row[0] == f"Indikator {cells[0]}"
        for source_cell, page_cell in zip(cells[2:5], row[2:5], strict=True):
            word = source_cell.split()[0].lower()
            if word.startswith("ej"):
                assert "Ej mätbart" in page_cell
            else:
                assert page_cell.lower().startswith(word), (source_cell, page_cell)
            for arrow in "↑↓→":
                assert (arrow in source_cell) == (arrow in page_cell), (source_cell, page_cell)


def test_swedish_number_format(built_site: Path) -> None:
    raw = (built_site / "rapporter/vasterbergslagen-2020/index.html").read_text(encoding="utf-8")
    assert "4\u00a0511\u00a0722" in raw
    assert "\u221258\u00a0818" in raw
    assert "93\u00a0%" in raw
