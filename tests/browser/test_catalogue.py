"""The insatskatalog's filters and the sortable tables, in a real browser: choices narrow the list, the
controls have labels and work from the keyboard, numbers sort as numbers, and without JavaScript every
insats is still listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from faktabank.derive import catalog
from faktabank.load.loader import build

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model():
    return build(ROOT)


def visible_ids(page: Page) -> list[str]:
    return page.locator("#katalog-tabell tbody tr:not([hidden]) th a").evaluate_all(
        "links => links.map(a => a.getAttribute('href').split('/').filter(Boolean).pop())")


def test_filters_narrow_the_catalogue(open_page, model) -> None:
    page = open_page("insatskatalog/")
    assert page.locator("#katalog-filter").is_visible()
    status = page.locator("#katalog-antal")
    assert status.text_content() == f"Visar alla {len(model.insatser)} insatser."
    assert len(visible_ids(page)) == len(model.insatser)

    page.get_by_label("Tema", exact=True).select_option("psykisk-halsa")
    psykisk = {i.id for i in model.insatser.values() if "psykisk-halsa" in i.teman}
    assert set(visible_ids(page)) == psykisk
    assert "vasterbergslagen-424" in psykisk and 0 < len(psykisk) < len(model.insatser)
    assert status.text_content() == f"Visar {len(psykisk)} av {len(model.insatser)} insatser (Psykisk hälsa)."
    assert "tema=psykisk-halsa" in page.url

    page.get_by_label("Förbund", exact=True).select_option("vasterbergslagen")
    both = {i for i in psykisk if model.insatser[i].forbund == "vasterbergslagen"}
    assert set(visible_ids(page)) == both and len(both) < len(psykisk)

    page.get_by_label("Typ", exact=True).select_option("individinriktad")
    assert set(visible_ids(page)) == {i for i in both if model.insatser[i].typ == "individinriktad"}

    page.get_by_role("button", name="Visa alla").click()
    page.wait_for_function("document.querySelectorAll('#katalog-tabell tbody tr[hidden]').length === 0")
    assert status.text_content() == f"Visar alla {len(model.insatser)} insatser."


def test_owner_and_year_filters(open_page, model) -> None:
    page = open_page("insatskatalog/")
    page.get_by_label("År", exact=True).select_option("2014")
    in_2014 = {e.insats for e in catalog.entries(model) if 2014 in e.years}
    assert in_2014 and set(visible_ids(page)) == in_2014
    assert all(model.insatser[i].forbund == "norra-vastmanland" for i in in_2014)  # the only report of 2014
    page.get_by_label("År", exact=True).select_option("")
    page.get_by_label("Ägare", exact=True).select_option("ludvika-kommun-ami")
    owned = {s["insats"] for r in model.reports.values() for s in r.data.get("insatser", ())
             if "ludvika-kommun-ami" in s.get("agare", ())}
    assert set(visible_ids(page)) == owned and owned


def test_filters_work_from_the_keyboard_and_from_the_address(open_page, model) -> None:
    page = open_page("insatskatalog/?tema=fontanhus")
    fontanhus = {i.id for i in model.insatser.values() if "fontanhus" in i.teman}
    assert set(visible_ids(page)) == fontanhus
    page.get_by_label("Tema", exact=True).focus()
    page.keyboard.press("Home")  # the first option: all themes
    page.wait_for_function("document.querySelectorAll('#katalog-tabell tbody tr[hidden]').length === 0")
    assert len(visible_ids(page)) == len(model.insatser)


def test_without_javascript_the_whole_catalogue_shows(browser: Browser, site_url: str, model) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "insatskatalog/")
        assert not page.locator("#katalog-filter").is_visible()
        assert page.locator("#katalog-tabell tbody tr").count() == len(model.insatser)
        assert page.locator("#tema-psykisk-halsa").is_visible()
    finally:
        context.close()


def test_tables_sort_swedish_numbers_numerically(open_page) -> None:
    page = open_page("jamforelser/kostnader/")
    parse = "t => window.faktabankSwedishNumber(t)"
    assert page.evaluate(parse, "\u22121\u00a0865 tkr") == -1865
    assert page.evaluate(parse, "14,6\u00a0%") == 14.6
    assert page.evaluate(parse, "13 781 931 kr") == 13781931
    assert page.evaluate(parse, "uppgift saknas") is None

    header = page.locator("#jamforelse-kostnader thead th", has_text="Verksamhetens kostnader")
    button = header.get_by_role("button")
    button.focus()
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "ascending"
    column = page.locator("#jamforelse-kostnader thead th").evaluate_all(
        "ths => ths.findIndex(th => th.textContent.includes('Verksamhetens kostnader'))")
    values = page.locator(f"#jamforelse-kostnader tbody tr td:nth-child({column + 1})").evaluate_all(
        "tds => tds.map(td => td.getAttribute('data-sort'))")
    numbers = [float(v) for v in values if v is not None]
    assert numbers == sorted(numbers) and len(numbers) > 5
    # 4 336 tkr (Västerbergslagen) sorts before 13 781 931 kr (Västerås): by amount, not by text
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    values = page.locator(f"#jamforelse-kostnader tbody tr td:nth-child({column + 1})").evaluate_all(
        "tds => tds.map(td => td.getAttribute('data-sort'))")
    present = [float(v) for v in values if v is not None]
    assert present == sorted(present, reverse=True)

    share = page.locator("#jamforelse-kostnader thead th", has_text="Administrationens andel").get_by_role("button")
    share.click()
    share.click()
    shares = page.locator("#jamforelse-kostnader tbody tr td:nth-child(5)").evaluate_all(
        "tds => tds.map(td => td.getAttribute('data-sort'))")
    known = [float(v) for v in shares if v is not None]
    assert known == sorted(known, reverse=True) and None in shares
    assert shares[:len(known)] == [v for v in shares if v is not None]  # "uppgift saknas" sorts last
    first = page.locator("#jamforelse-kostnader tbody tr").first
    assert first.locator("th").text_content().strip() == "Västerbergslagen"
    assert "20" in first.locator("td").nth(3).text_content()
