"""Helpers for the browser tests: viewports and axe-core."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
from playwright.sync_api import Page

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")  # axe-core, pinned through requirements-test.txt
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def axe(page: Page, context: str | dict = "document") -> list[dict]:
    """axe-core's violations on the page as it is now (every rule axe runs by default: WCAG 2.x A and AA, best practice)."""
    # colours are measured as drawn: let Material's transitions (search panel, tooltips) finish first
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')", timeout=5000)
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate("async (ctx) => await axe.run(ctx === 'document' ? document : ctx, {resultTypes: ['violations']})",
                           context)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} – {len(v['nodes'])} element")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


def search(page: Page, query: str, everything: bool = True) -> list[str]:
    """Type a query into Material's search box and return the paths of the pages in the results: all of them (the
    list renders lazily, so it is scrolled to the end), or with everything=False the first ten."""
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")  # Material searches on keyup: one query for the whole value
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim() === 'Skriv sökord'")
    box.fill(query)
    box.press("End")
    meta.filter(has_text="sökresultat").wait_for()
    count = -1
    while True:
        links = page.locator(".md-search-result__item > a.md-search-result__link").evaluate_all(
            "els => els.map(e => new URL(e.href).pathname)")
        if len(links) == count or not everything:
            break
        count = len(links)
        # Material renders four more results each time the list is scrolled to its end (up, then down again)
        scroller = page.locator(".md-search__scrollwrap")
        scroller.evaluate("el => el.scrollTop = 0")
        page.wait_for_timeout(30)
        scroller.evaluate("el => el.scrollTop = el.scrollHeight")
        page.wait_for_timeout(120)
    return list(dict.fromkeys(links))


def result_count(page: Page) -> int:
    """The number of pages found, as the search box says it ("58 sökresultat", "Inga sökresultat")."""
    text = page.locator(".md-search-result__meta").inner_text()
    return 0 if text.startswith("Inga") else 1 if text.startswith("1 ") else int(text.split()[0])
