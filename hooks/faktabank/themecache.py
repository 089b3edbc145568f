"""Parts of the theme's page that are the same on thousands of generated pages, rendered once.

Material renders the whole navigation (and the theme's configuration script) into every page. A page that is
not itself in the navigation (every entity page) gets exactly the same navigation as any other such page
whose links to the navigation's pages, and to the site's root, are the same: at national scale a few dozen
distinct navigations for ten thousand pages. `cache_parts` wraps the theme's compiled templates so that each
distinct one is rendered once and reused. Pages in the navigation (whose own entry is marked active and
carries their table of contents) are always rendered in full.

The wrapped functions are Jinja's own render functions for the navigation partial and for the `config` block
of the theme's base template; what they yield for a page is what the original yields, joined, or else the
original is called. The tests compare whole sites built with and without workers against each other, and
the page-level equality is checked over every page by tests/test_themecache.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import jinja2
from mkdocs.utils import get_relative_url

NAV_TEMPLATE = "partials/nav.html"
CONFIG_BLOCK = "config"
BASE_TEMPLATE = "base.html"  # Material's; main.html extends it (and overrides/main.html its config block)
_Render = Callable[[Any], Iterator[str]]


class PartCache:
    """Rendered parts by (part, the page's relative links to the navigation and root)."""

    def __init__(self, nav_urls: list[str], in_nav: set[str]) -> None:
        self.targets = [*nav_urls, "", "assets/"]  # the navigation's pages, the home page, the theme's assets
        self.in_nav = in_nav  # src_uri of the pages in the navigation
        self.parts: dict[tuple[str, tuple[str, ...]], str] = {}
        self.hits = 0

    def key(self, context: Any) -> tuple[str, ...] | None:
        page = context.get("page")
        if page is None or getattr(page, "file", None) is None or page.file.src_uri in self.in_nav:
            return None
        return (str(context.get("base_url")), *(get_relative_url(url, page.url) for url in self.targets))

    def wrap(self, name: str, original: _Render) -> _Render:
        def render(context: Any) -> Iterator[str]:
            key = self.key(context)
            if key is None:
                yield from original(context)
                return
            html = self.parts.get((name, key))
            if html is None:
                html = self.parts[(name, key)] = "".join(original(context))
            else:
                self.hits += 1
            yield html

        render.faktabank_cached = True  # type: ignore[attr-defined]
        return render


def cache_parts(env: jinja2.Environment, nav_urls: list[str], in_nav: set[str]) -> PartCache:
    """Wrap the navigation partial and the base template's `config` block of the theme's environment."""
    cache = PartCache(nav_urls, in_nav)
    nav = env.get_template(NAV_TEMPLATE)
    if not getattr(nav.root_render_func, "faktabank_cached", False):
        nav.root_render_func = cache.wrap(NAV_TEMPLATE, nav.root_render_func)
    base = env.get_template(BASE_TEMPLATE)  # the last in the chain: an override reaches it through super()
    block = base.blocks.get(CONFIG_BLOCK)
    if block is not None and not getattr(block, "faktabank_cached", False):
        base.blocks[CONFIG_BLOCK] = cache.wrap(CONFIG_BLOCK, block)
    return cache
