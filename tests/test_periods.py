"""A half-year is never shown as a year (issue 17, item 5), on the real data.

Västra Mälardalen 2019 is a delårsrapport (January–June). Its figures and the roles it names appear on the
förbund page, the organisation and person pages and in the open data; each place says "januari–juni 2019",
never a bare "2019" that reads as the whole year. Members the report does not list say that they are inferred.
The comparisons and their charts take annual reports only: no cell links to the delårsrapport.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from faktabank.text.formatting import period
from htmlpage import norm, page

DELAR = "vastra-malardalen-2019-delar"
HALF = "januari–juni 2019"
LINK = re.compile(r'<a [^>]*href="[^"]*rapporter/' + DELAR + r'/[^"]*"[^>]*>(.*?)</a>', re.S)


def test_period_names() -> None:
    assert period("2019-01-01", "2019-06-30") == HALF
    assert period("2019-01-01", "2019-12-31") == "2019"
    assert period("2020-02-01", "2020-02-29") == "februari 2020"
    assert period("2019-01-15", "2019-06-30") == "2019-01-15 – 2019-06-30"
    assert period("2018-07-01", "2019-06-30") == "2018-07-01 – 2019-06-30"


def test_no_link_to_the_delarsrapport_reads_as_the_year(built_site: Path) -> None:
    """Every link to the report, on every page, names its period (or the report's title)."""
    texts = {}
    for path in built_site.rglob("*.html"):
        for text in LINK.findall(path.read_text(encoding="utf-8")):
            texts.setdefault(norm(re.sub(r"<[^>]+>", "", text)), path)
    assert texts, "no page links to the delårsrapport"
    assert "Västra Mälardalen 2019" not in texts
    for text, path in texts.items():
        assert re.search(r"(?<![\d-])2019(?![\d-])", text) is None or HALF in text or "Delårsrapport" in text, (text, path)
    assert f"Västra Mälardalen {HALF}" in texts


def test_forbund_page_puts_half_a_year_in_its_own_column(built_site: Path) -> None:
    view = page(built_site, "forbund/vastra-malardalen/")
    table = view.table("medlemsbidrag")
    assert table.rows[0][2:] == [HALF]  # the only period: no column reads "2019"
    assert "delårsrapport" in table.caption and "egen kolumn" in table.caption
    assert view.row("medlemsbidrag", "Kommunala medel")[2] == "375 tkr"  # printed 375 000 kr, one click away
    assert "härlett av faktabanken" in view.text


def test_organisation_page_gives_the_period_of_a_contribution_and_inferred_membership(built_site: Path) -> None:
    view = page(built_site, "organisationer/kopings-kommun/")
    contribution = view.table("medlemsbidrag-tabell")
    assert contribution.rows[0][0] == "År eller period"
    assert [r[0] for r in contribution.rows[1:]] == [HALF]
    roles = next(t for t in view.tables if t.caption.startswith("Roller"))
    member = next(r for r in roles.rows if r[2].startswith("Medlem"))
    assert member[2] == "Medlem (härlett)" and "härlett av faktabanken" in member[3]
    assert member[-1] == f"Västra Mälardalen {HALF}"
    # a member the annual reports list is not marked
    af = page(built_site, "organisationer/arbetsformedlingen/")
    roles = next(t for t in af.tables if t.caption.startswith("Roller"))
    plain = [r for r in roles.rows if r[2] == "Medlem"]
    assert plain and all("härlett" not in r[3] for r in plain)


def test_insatser_name_the_period_they_appear_in(built_site: Path) -> None:
    """An insats that only a delårsrapport describes appears in "januari–juni 2019", not in 2019."""
    assert page(built_site, "forbund/vastra-malardalen/").row("insatser-tabell", "Boskola")[3] == HALF
    facts = page(built_site, "insatser/vastra-malardalen-boskola/").tables[0]
    assert ["År i faktabanken", HALF] in facts.rows
    assert page(built_site, "forbund/vasterbergslagen/").row("insatser-tabell", "Rehabkonsulentteamet")[3] == "2020, 2023"


def test_report_page_says_its_members_are_inferred(built_site: Path) -> None:
    assert "Härlett av faktabanken: delårsrapporten räknar inte upp medlemmarna" in page(
        built_site, f"rapporter/{DELAR}/").text


def test_comparisons_and_charts_take_no_half_year(built_site: Path) -> None:
    pages = [*(built_site / "jamforelser").rglob("index.html"), built_site / "forbund/vastra-malardalen/index.html"]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if path.parent.name == "vastra-malardalen":  # only the comparison parts of the förbund page
            html = html[html.find('id="eget-kapital"'):] if 'id="eget-kapital"' in html else ""
            html = html[:html.find('id="rapporter"')]
        assert f"rapporter/{DELAR}/" not in html, path


def _rows(site: Path, name: str) -> list[dict[str, str]]:
    with (site / "data" / f"{name}.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_open_data_gives_the_period(built_site: Path) -> None:
    for name in ("roller", "insatsar", "nyckeltal"):
        rows = _rows(built_site, name)
        column = "rapportperiod" if name == "nyckeltal" else "period"
        half = [r for r in rows if r["rapport"] == DELAR]
        assert half and {r[column] for r in half} == {HALF}, name
        whole = [r for r in rows if r["rapport"] == "vasteras-2021"]
        assert whole and {r[column] for r in whole} == {"2021"}, name
    cells = [r for r in _rows(built_site, "tabellvarden") if r["rapport"] == DELAR]
    by_kind = {r["kolumnslag"]: r["period"] for r in cells}
    assert by_kind["utfall"] == HALF  # the outcome so far
    assert by_kind["budget"] == by_kind["prognos"] == "2019"  # the budget and the forecast are for the whole year


def test_insats_pages_give_the_half_year_in_their_captions(built_site: Path) -> None:
    """An insats's money, participants and exits from the delårsrapport are captioned with its period."""
    pages = [p for p in (built_site / "insatser").glob("vastra-malardalen-*/index.html")]
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8")
        for caption in ("Ekonomi", "Deltagare", "Avslutade deltagare"):
            assert f"<caption>{caption} 2019" not in text, (path, caption)
    assert any("Ekonomi januari–juni 2019:" in p.read_text(encoding="utf-8") for p in pages)


def test_money_that_is_not_the_forbunds_own_is_labelled_on_the_insats_page(built_site: Path) -> None:
    text = (built_site / "insatser" / "vasterbergslagen-larande-och-utveckling-finansiell-samordning" /
            "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="fb-inputs fb-not-own"><a href="[^"]*europeiska-socialfonden/">Europeiska socialfonden</a>: '
                     r"medel till hela det gemensamma projektet", text)


def test_the_catalogue_names_a_half_year_by_its_period(built_site: Path) -> None:
    """An insats that only the delårsrapport describes is listed with "januari–juni 2019", never as the year."""
    text = (built_site / "insatskatalog" / "index.html").read_text(encoding="utf-8")
    rows = [row for row in re.findall(r"<tr [^>]*data-forbund=\"vastra-malardalen\".*?</tr>", text, re.S)]
    assert rows
    for row in rows:
        assert re.search(r"<td data-sort=\"2019\">januari–juni 2019</td>", row), row[:200]
