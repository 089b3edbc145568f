"""The kinds of page the site has, so that each kind is checked in the browser.

A page's kind follows from its URL. `expected()` lists the kinds before anything is built (from docs/ and
the pages the faktabank renders), which is what the browser tests are parametrized with;
`test_accessibility.py::test_every_page_type_is_tested` then checks that the built site has exactly these
kinds, so a new kind of page (a comparison, öppna data, …) cannot go untested: add it to TYPES.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from faktabank.load.loader import build
from faktabank.pages.render import Renderer
from faktabank.text.links import page_url

ROOT = Path(__file__).resolve().parents[2]

# kind → URL pattern (relative to the site root). Index pages before entity pages.
TYPES: dict[str, str] = {
    "start": r"",
    "förbund-index": r"forbund/",
    "förbund": r"forbund/[^/]+/",
    "rapporter-index": r"rapporter/",
    "rapport-år": r"rapporter/[^/]+/",
    "insatser-index": r"insatser/",
    "insats": r"insatser/[^/]+/",
    "organisationer-index": r"organisationer/",
    "organisation": r"organisationer/[^/]+/",
    "personer-index": r"personer/",
    "person": r"personer/[^/]+/",
    "indikatorer-index": r"indikatorer/",
    "indikator": r"indikatorer/[^/]+/",
    "jämförelser-index": r"jamforelser/",
    "jämförelse": r"jamforelser/[^/]+/",
    "jämförelse-år": r"jamforelser/ar/\d{4}/",
    "datakvalitet": r"datakvalitet/(?:.+/)?",
    "öppna-data": r"oppna-data/(?:.+/)?",
    "ordlista": r"ordlista/",
    "om": r"om/",
    "tillgänglighet": r"tillganglighet/",
    "redaktörer": r"redaktorer/",
    "404": r"404\.html",
}
# The page types the issue names; those not built yet are reported by test_every_page_type_is_tested.
REQUIRED = ("start", "förbund-index", "förbund", "rapport-år", "insats", "organisation", "person", "indikator",
            "jämförelse", "datakvalitet", "öppna-data", "ordlista", "om", "tillgänglighet")


def kind(url: str) -> str | None:
    """The page's kind; another page at the top level (a hand-written page) is a kind of its own."""
    for name, pattern in TYPES.items():
        if re.fullmatch(pattern, url):
            return name
    return f"sida {url}" if re.fullmatch(r"[^/]+/", url) else None


@functools.cache
def expected() -> tuple[str, ...]:
    """Page kinds of the site as the sources define it: hand-written pages in docs/ and rendered pages."""
    sources = [p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")]
    sources += [page.src_uri for page in Renderer(build(ROOT)).pages() if page.src_uri.endswith(".md")]
    kinds = {kind(page_url(src)) or f"okänd sida {page_url(src)}" for src in sources} | {"404"}
    return tuple(sorted(kinds, key=lambda k: list(TYPES).index(k) if k in TYPES else len(TYPES)))


def site_urls(site: Path) -> list[str]:
    """Every page of a built site as a URL relative to the site root."""
    urls = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        urls.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return urls


def built_kinds(site: Path) -> dict[str, list[str]]:
    """Kind → URLs of that kind in a built site (an unknown page is its own kind)."""
    kinds: dict[str, list[str]] = {}
    for url in site_urls(site):
        kinds.setdefault(kind(url) or f"okänd sida {url}", []).append(url)
    return kinds


def representative(site: Path, name: str) -> str:
    """The page of a kind with the most content (the largest file): the hardest case for every check."""
    urls = built_kinds(site)[name]
    return max(urls, key=lambda url: ((site / url / "index.html") if not url.endswith(".html") else site / url).stat().st_size)
