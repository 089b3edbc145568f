"""WCAG 2.1 AA in a real browser: axe-core (pinned, injected from the local file) on one page of every kind,
at desktop and phone width, and on the search results."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import pagetypes
from browser.browserkit import PHONE, axe, describe, search

pytestmark = pytest.mark.browser


def test_every_page_type_is_tested(built_site: Path) -> None:
    """The kinds the browser tests are parametrized with are exactly the kinds of page the built site has."""
    assert set(pagetypes.built_kinds(built_site)) == set(pagetypes.expected())
    assert not [k for k in pagetypes.expected() if k.startswith("okänd")], "a new kind of page: add it to pagetypes.TYPES"


@pytest.mark.parametrize("kind", pagetypes.expected())
def test_no_axe_violations(kind: str, built_site: Path, open_page) -> None:
    url = pagetypes.representative(built_site, kind)
    violations = axe(open_page(url))
    assert not violations, f"{kind} ({url}):\n{describe(violations)}"


@pytest.mark.parametrize("kind", ["rapport-år", "förbund"])
def test_no_axe_violations_on_a_phone(kind: str, built_site: Path, open_page) -> None:
    """At 375 px the wide tables scroll in their boxes: those must be named regions reachable by keyboard."""
    url = pagetypes.representative(built_site, kind)
    page = open_page(url, viewport=PHONE)
    assert page.locator("div.fb-table").evaluate_all("els => els.some(e => e.scrollWidth > e.clientWidth)"), url
    violations = axe(page)
    assert not violations, f"{kind} ({url}):\n{describe(violations)}"


def test_no_axe_violations_in_search_results(open_page) -> None:
    page = open_page("")
    assert search(page, "fontänhus")
    violations = axe(page)
    assert not violations, f"search results:\n{describe(violations)}"


def test_tables_are_named_focusable_regions(built_site: Path, open_page) -> None:
    page = open_page(pagetypes.representative(built_site, "rapport-år"))
    boxes = page.locator("div.fb-table").evaluate_all("""els => els.map(e => ({
        role: e.getAttribute('role'), tabindex: e.tabIndex,
        name: (document.getElementById(e.getAttribute('aria-labelledby')) || {}).textContent || ''}))""")
    assert len(boxes) > 20
    for box in boxes:
        assert box["role"] == "region" and box["tabindex"] == 0 and box["name"].strip(), box
