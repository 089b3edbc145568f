"""How heavy a built site's pages are for a phone: bytes of HTML and elements of every page, and the load time of
the heaviest in Chromium at 375 px with the CPU slowed down, served from 127.0.0.1.

Used by scripts/bench.py (the national build) and tests/browser/test_page_weight.py (a national slice).

Elements are counted in the HTML as start tags (every element the page's markup opens, inline SVG included;
the browser adds no more than <tbody> and the like); the load is measured for the heaviest pages with
Chromium's own count of the document's elements beside it. A load is timed from navigation to the end of the
`load` event (the page, its styles, scripts and fonts), each page in a fresh browser context: nothing cached,
as for a reader who arrives from a search engine. Each page is loaded three times; the fastest load is the
page's own cost, since other processes on a shared machine can only add to it (the median is kept beside it).
On the two shared cores where this was written, loads of pages of the same weight ranged from 1,9 to 3,1 s
within minutes, and the fastest of three was steady.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

KB = 1024
START_TAG = re.compile(rb"<[a-zA-Z]")
SCRIPT = re.compile(rb"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)
PHONE = {"width": 375, "height": 812}
CPU_SLOWDOWN = 4
CHROMIUM = Path(os.environ.get("FAKTABANK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

# The limits every page is held to (issue 19): HTML size, elements, and the load of the heaviest pages.
MAX_PAGE_KB = 400
MAX_ELEMENTS = 15_000
MAX_LOAD_S = 3.0


@dataclass(frozen=True)
class Weight:
    url: str  # relative to the site root, as a reader types it: "organisationer/arbetsformedlingen/"
    kb: float
    elements: int


@dataclass(frozen=True)
class Load:
    url: str
    seconds: float  # the fastest of the loads
    elements: int  # the document's elements as Chromium counts them once loaded
    median_s: float = 0.0


def url_of(site: Path, file: Path) -> str:
    rel = file.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def elements(html: bytes) -> int:
    """Start tags outside scripts: the page's elements."""
    return len(START_TAG.findall(SCRIPT.sub(b"", html)))


def weights(site: Path) -> list[Weight]:
    """Every HTML page of the site (404.html aside), heaviest first."""
    out = []
    for file in site.rglob("*.html"):
        if file.name == "404.html" and file.parent == site:
            continue
        html = file.read_bytes()
        out.append(Weight(url_of(site, file), round(len(html) / KB, 1), elements(html)))
    return sorted(out, key=lambda w: (-w.kb, w.url))


def heaviest(found: list[Weight], count: int = 5) -> list[Weight]:
    """The `count` largest pages, and the one with most elements if it is not among them."""
    chosen = found[:count]
    most = max(found, key=lambda w: w.elements)
    return chosen if most in chosen else [*chosen, most]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site over HTTP on a free port of 127.0.0.1 (a thread), as its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, name="pageweight-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def load_times(browser, base: str, urls: list[str], slowdown: int = CPU_SLOWDOWN, repeat: int = 3) -> list[Load]:
    """Each page's fastest load of `repeat` (and their median), each in a fresh context at 375 px with the CPU slowed `slowdown`
    times (Chrome DevTools Protocol, Emulation.setCPUThrottlingRate); requests to any other host are refused."""
    out = []
    for url in urls:
        loads = [_load(browser, base, url, slowdown) for _ in range(repeat)]
        times = [x.seconds for x in loads]
        out.append(Load(url, min(times), loads[0].elements, round(statistics.median(times), 2)))
    return out


def _load(browser, base: str, url: str, slowdown: int) -> Load:
    context = browser.new_context(viewport=PHONE, locale="sv-SE", is_mobile=True, has_touch=True)
    try:
        context.route(lambda u: not u.startswith(base), lambda route: route.abort())
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
        response = page.goto(base + url, wait_until="load", timeout=120_000)
        if response is None or not response.ok:
            raise RuntimeError(f"{url}: {response.status if response else 'inget svar'}")
        seconds = page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                                " return (n.loadEventEnd - n.startTime) / 1000; }")
        count = page.evaluate("() => document.getElementsByTagName('*').length")
        return Load(url, round(seconds, 2), count)
    finally:
        context.close()


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} saknas: `make test-tools` installerar Debians chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def measure(site: Path, count: int = 5, slowdown: int = CPU_SLOWDOWN) -> dict[str, object]:
    """The figures bench-results.json keeps: the largest page, the most elements, the slowest of the heaviest
    pages to load, with the pages they were measured on."""
    found = weights(site)
    largest = found[0]
    most = max(found, key=lambda w: w.elements)
    chosen = heaviest(found, count)
    with served(site) as base, chromium() as browser:
        loads = load_times(browser, base, [w.url for w in chosen], slowdown)
    slowest = max(loads, key=lambda x: x.seconds)
    return {
        "largest_page_kb": largest.kb, "largest_page": largest.url,
        "max_elements": most.elements, "max_elements_page": most.url,
        "slowest_load_s": slowest.seconds, "slowest_load_page": slowest.url,
        "page_loads": [{"page": x.url, "kb": next(w.kb for w in chosen if w.url == x.url),
                        "elements_html": next(w.elements for w in chosen if w.url == x.url),
                        "elements_dom": x.elements, "load_s": x.seconds, "load_median_s": x.median_s} for x in loads],
        "load_conditions": f"Chromium, 375 px, CPU {slowdown}× långsammare, från 127.0.0.1, tom cache; "
                           "den snabbaste av tre laddningar",
    }
