"""Keyboard only: a reader who tabs through a report-year page reaches every kind of control, sees where the
focus is, can scroll a wide table with the arrow keys and can follow a link in a table with Enter."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import pagetypes
from browser.browserkit import PHONE

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {tag: e.tagName.toLowerCase(), cls: String(e.className), text: (e.textContent || '').trim().slice(0, 60),
          href: e.href || null, region: e.matches('div.fb-table[role=region]'),
          in_table: !!e.closest('table.fb td, table.fb th'), in_article: !!e.closest('article'),
          visible: r.width > 0 && r.height > 0,
          indicator: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'};
}"""


def test_tabbing_through_a_report_reaches_the_tables_and_their_links(built_site: Path, open_page) -> None:
    url = pagetypes.representative(built_site, "rapport-år")
    page = open_page(url)
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    assert "md-skip" in first["cls"].split(), f"the first Tab should reach the skip link, not {first}"
    page.keyboard.press("Enter")  # the skip link: focus continues in the article
    trail = []
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        trail.append(focused)
        if focused["in_table"] and focused["tag"] == "a":
            break
    assert trail[0]["in_article"], f"after the skip link the focus should be in the article, not {trail[0]}"
    assert trail[-1]["in_table"] and trail[-1]["tag"] == "a", f"no link in a table reached in {len(trail)} tabs"
    assert any(f["region"] for f in trail), "the table boxes are not in the tab order"
    hidden = [f for f in trail if not (f["visible"] and f["indicator"])]
    assert not hidden, f"focus without a visible element or focus indicator: {hidden[:5]}"
    target = trail[-1]["href"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target


def test_a_wide_table_scrolls_with_the_arrow_keys(built_site: Path, open_page) -> None:
    page = open_page(pagetypes.representative(built_site, "rapport-år"), viewport=PHONE)
    for _ in range(400):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('div.fb-table') && "
                         "document.activeElement.scrollWidth > document.activeElement.clientWidth"):
            break
    else:
        pytest.fail("no scrolling table box reached with Tab")
    assert page.evaluate("() => document.activeElement.scrollLeft") == 0
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=3000)
