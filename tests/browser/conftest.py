"""Browser fixtures: the built site served over HTTP on 127.0.0.1, Debian's Chromium driven by Playwright.

Chromium is Debian's package (`make test` installs it when missing); Playwright only drives it, it never
downloads a browser. Every page a test opens records the requests it makes: anything that leaves
127.0.0.1 is blocked and fails the test (the site makes no third-party requests).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from browser.browserkit import DESKTOP

# One place for how Chromium is started and how a site is served: scripts/pageweight.py (make bench uses it too).
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from pageweight import CHROMIUM, CHROMIUM_ARGS, served


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site over HTTP on a free port of 127.0.0.1, served from a thread."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} saknas: `make test` installerar Debians chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def open_page(browser: Browser, site_url: str) -> Iterator[Callable[..., Page]]:
    """open_page(url, viewport=DESKTOP) → a loaded page; fails the test if any request left the site."""
    contexts = []
    foreign: list[str] = []

    def block(route) -> None:
        foreign.append(route.request.url)
        route.abort()

    def opener(url: str, viewport: dict[str, int] | None = None) -> Page:
        context = browser.new_context(viewport=viewport or DESKTOP, locale="sv-SE")
        context.route(lambda u: not u.startswith(site_url), block)
        context.on("request", lambda r: foreign.append(r.url) if r.url.startswith(("http:", "https:"))
                   and not r.url.startswith(site_url) else None)
        contexts.append(context)
        page = context.new_page()
        response = page.goto(site_url + url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response.status if response else 'no response'}"
        return page

    yield opener
    for context in contexts:
        context.close()
    assert not foreign, f"requests to other hosts: {sorted(set(foreign))}"



def pytest_terminal_summary(terminalreporter) -> None:
    """Name the page kinds of the issue that the site does not have yet (they are tested once they exist)."""
    from browser import pagetypes

    try:
        present = pagetypes.expected()
    except Exception:
        return
    missing = [k for k in pagetypes.REQUIRED if k not in present]
    if missing:
        terminalreporter.write_line(f"Sidtyper som webbplatsen ännu saknar (testas när de finns): {', '.join(missing)}")
