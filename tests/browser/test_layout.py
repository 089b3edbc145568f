"""Readable on a phone and on paper: at 375 and 320 px nothing but a wide table's own box scrolls sideways, and a
printed report-year page has no navigation chrome. A report-year and a comparison page are photographed at phone
and desktop width, every page kind when $FAKTABANK_SCREENSHOTS names a folder (for a person to look at)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser import pagetypes
from browser.browserkit import DESKTOP, PHONE

pytestmark = pytest.mark.browser

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const e of document.querySelectorAll('article *')) {
    if (e.closest('.fb-table, .md-typeset__scrollwrap')) continue;   // inside a box that scrolls by itself
    const r = e.getBoundingClientRect();
    if (r.width && (r.right > width + 1 || r.left < -1))
      out.push(`${e.tagName.toLowerCase()}.${e.className} ${Math.round(r.left)}–${Math.round(r.right)}`);
  }
  return {page: document.documentElement.scrollWidth, width, out: out.slice(0, 10)};
}"""
SCREENSHOT_ALWAYS = ("rapport-år", "jämförelse")
BOXES = """() => [...document.querySelectorAll('article div.fb-table')].map(e => ({
  id: e.id, left: e.getBoundingClientRect().left, right: e.getBoundingClientRect().right,
  scrolls: e.scrollWidth > e.clientWidth, overflow: getComputedStyle(e).overflowX}))"""


def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wanted = os.environ.get("FAKTABANK_SCREENSHOTS")
    folder = Path(wanted) if wanted else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return screenshot_dir(tmp_path_factory)


@pytest.mark.parametrize("kind", pagetypes.expected())
def test_nothing_overflows_a_phone(kind: str, built_site: Path, open_page, shots: Path) -> None:
    url = pagetypes.representative(built_site, kind)
    page = open_page(url, viewport=PHONE)
    name = kind.replace(" ", "-").replace("/", "")
    photograph = kind in SCREENSHOT_ALWAYS or "FAKTABANK_SCREENSHOTS" in os.environ
    if photograph:
        page.screenshot(path=shots / f"{name}-375.png")
    found = page.evaluate(OVERFLOW)
    assert found["page"] <= found["width"] and not found["out"], f"{url} at 375 px: {found}"
    for box in page.evaluate(BOXES):
        assert box["left"] >= -1 and box["right"] <= found["width"] + 1, box
        assert not box["scrolls"] or box["overflow"] in ("auto", "scroll"), box
    if photograph:
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=shots / f"{name}-1280.png")


@pytest.mark.parametrize("kind", ["rapport-år", "jämförelse"])
def test_wide_tables_scroll_in_their_box_at_320_px(kind: str, built_site: Path, open_page) -> None:
    """WCAG 1.4.10 (reflow, 320 CSS px): the page does not scroll sideways; the wide tables do, each in its box."""
    if kind not in pagetypes.expected():
        pytest.fail(f"no {kind} page in the site")
    url = pagetypes.representative(built_site, kind)
    page = open_page(url, viewport={"width": 320, "height": 640})
    found = page.evaluate(OVERFLOW)
    assert found["page"] <= found["width"] and not found["out"], f"{url} at 320 px: {found}"
    assert any(box["scrolls"] for box in page.evaluate(BOXES)), "no table is wider than its box at 320 px"


def test_a_report_prints_without_navigation(built_site: Path, open_page, shots: Path) -> None:
    url = pagetypes.representative(built_site, "rapport-år")
    page = open_page(url, viewport={"width": 720, "height": 1000})  # about an A4 page's printable width
    page.emulate_media(media="print")
    chrome = page.evaluate("""() => ['.md-header', '.md-tabs', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer', '.md-search', '.md-top', '.md-skip'].map(sel => [...document.querySelectorAll(sel)]
        .filter(e => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0).map(() => sel)).flat()""")
    assert not chrome, f"printed with navigation: {chrome}"
    article = page.locator("article")
    assert article.is_visible() and "Ekonomi" in article.inner_text()
    cut = page.evaluate("""() => { const w = document.querySelector('article').getBoundingClientRect().right;
        return [...document.querySelectorAll('article table')].filter(t => t.getBoundingClientRect().right > w + 1)
        .map(t => (t.querySelector('caption') || {}).textContent || '').slice(0, 5); }""")
    assert not cut, f"tables wider than the paper: {cut}"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    (shots / "rapport-år-print.pdf").write_bytes(pdf)
