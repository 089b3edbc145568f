"""Parts of the theme's page that are the same on thousands of generated pages, rendered once.

Material renders the whole navigation, the search dialog, the colour palette switch, the footer, the links
to style sheets and scripts and the theme's configuration script into every page. For a page that is not
itself in the navigation (every entity page) these parts depend only on the page's relative links to the
navigation's pages, the home page, the theme's assets and the site's own style sheets and scripts: at
national scale a few dozen distinct versions for ten thousand pages. `cache_parts` wraps the theme's compiled
templates so that each distinct version is rendered once and reused. The header also names the page's
title: it is kept as the part before and after the title, once checked on two pages (`wrap_titled`). The
translations module the base template imports for every page is made once (`cache_language`). What is left
of the page template outside the page's own blocks is kept as a frame per key and filled with each page's
blocks, once checked on two pages (`Frames`); the table of contents is kept as a frame per shape, learned with
stand-in entries and checked on a real page, that each page's entries are written into (`TocFrames`). Pages in
the navigation (whose own entry is marked active and
carries their table of contents) are always rendered in full.

What a wrapped part yields for a page is what Jinja's own render function yields for it, joined.
tests/test_themecache.py renders pages in several folders and depths with and without the cache and compares
them; the build tests compare whole sites.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import jinja2
from markupsafe import Markup, escape
from mkdocs.utils import get_relative_url, normalize_url

NAV_TEMPLATE = "partials/nav.html"
# The partials cached: the navigation, and the parts of the header and footer that do not name the page
PARTIALS = (NAV_TEMPLATE, "partials/search.html", "partials/palette.html", "partials/footer.html")
# The base template's blocks cached: the style sheets, libraries, fonts, analytics, scripts and the configuration
# script, none of which names the page
BLOCKS = ("styles", "libs", "fonts", "analytics", "scripts", "config")
# Partials that name the page only by its title: cached as the part before and after the title
TITLED = ("partials/header.html",)
LANGUAGE_TEMPLATE = "partials/language.html"
OFF = object()  # a titled part whose split does not hold for a key
BASE_TEMPLATE = "base.html"  # Material's; main.html extends it (and overrides/main.html its config block)
_Render = Callable[[Any], Iterator[str]]


class PartCache:
    """Rendered parts by (part, the page's relative links to the navigation and root)."""

    def __init__(self, nav_urls: list[str], in_nav: set[str], assets: list[str] = ()) -> None:
        # the navigation's pages, the home page, the theme's assets and the site's own style sheets and scripts
        self.targets = [*nav_urls, "", "assets/", *assets]
        self.in_nav = in_nav  # src_uri of the pages in the navigation
        self.parts: dict[tuple[str, tuple[str, ...]], str] = {}
        # TITLED parts: (checked, before the title, after it), or OFF where the split does not hold
        self.splits: dict[tuple[str, tuple[str, ...]], tuple[bool, str, str] | object] = {}
        self.hits = 0
        self._last: tuple[str, str, tuple[str, ...]] | None = None  # (base_url, page url, key): a page's parts in a row
        self.frames: Frames | None = None  # the page template's frames (cache_parts)
        self.toc: TocFrames | None = None  # the table of contents' frames (cache_parts)

    def key(self, context: Any) -> tuple[str, ...] | None:
        page = context.get("page")
        if page is None or getattr(page, "file", None) is None or page.file.src_uri in self.in_nav:
            return None
        base_url, url = str(context.get("base_url")), page.url
        last = self._last
        if last is not None and last[0] == base_url and last[1] == url:  # the page's other parts: the same key
            return last[2]
        key = (base_url, *(get_relative_url(target, url) for target in self.targets))
        self._last = (base_url, url, key)
        return key

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

    def wrap_titled(self, name: str, original: _Render) -> _Render:
        """A part that names the page only by its title (the header): rendered as Jinja renders it until, for
        a key, one page's part holds its title exactly once (split around it) and a second page's part is
        that split around its own title; from then on the part is the split around the page's title. A
        part that fails the check is always rendered in full."""
        def render(context: Any) -> Iterator[str]:
            key = self.key(context)
            split = self.splits.get((name, key)) if key is not None else OFF
            if split is OFF:
                yield from original(context)
                return
            title = _title(context["page"])
            if split is not None and split[0]:  # checked
                self.hits += 1
                yield split[1] + title + split[2]
                return
            html = "".join(original(context))
            if split is not None:  # the second page: the split must give its part too
                self.splits[(name, key)] = (True, split[1], split[2]) if html == split[1] + title + split[2] else OFF
            elif title and html.count(title) == 1:
                before, after = html.split(title)
                self.splits[(name, key)] = (False, before, after)
            yield html

        render.faktabank_cached = True  # type: ignore[attr-defined]
        return render


def _title(page: Any) -> str:
    """The page title the theme's header shows: the title in the page's metadata, or its title."""
    meta = page.meta
    return str(meta["title"] if meta and meta.get("title") else page.title)


def cache_language(env: jinja2.Environment) -> None:
    """The theme's translations (partials/language.html, imported `with context` by the base template for
    every page) made once per configuration: they read only the configured language."""
    template = env.get_template(LANGUAGE_TEMPLATE)
    if getattr(template.make_module, "faktabank_cached", False):
        return
    original = template.make_module
    modules: dict[tuple, Any] = {}

    def make_module(vars: dict | None = None, shared: bool = False, locals: dict | None = None) -> Any:
        config = (vars or {}).get("config")
        if config is None or not shared:
            return original(vars, shared, locals)
        # The importing template's locals: those it has set so far. Its `self` (a reference to the page's own
        # render, new for every page) is left out: the translations never use it, and keyed on it the
        # module would be made, and kept, once per page.
        key = (id(config), tuple((k, id(v)) for k, v in sorted((locals or {}).items())
                                 if k != "self" and v is not jinja2.utils.missing))
        module = modules.get(key)
        if module is None:
            module = modules[key] = original(vars, shared, locals)
        return module

    make_module.faktabank_cached = True  # type: ignore[attr-defined]
    make_module.faktabank_modules = modules  # type: ignore[attr-defined]
    template.make_module = make_module  # type: ignore[method-assign]


# The page template's blocks that name the page (its metadata, title, header, table of contents, content) or
# that a page in the navigation changes (the footer's previous and next): rendered for every page
HOLES = ("site_meta", "htmltitle", "header", "site_nav", "container", "footer")
PAGE_TEMPLATE = "main.html"  # the theme's page template (content.THEME_TEMPLATE)
_MARK = "\ue000{}\ue001"  # a hole in a page rendered to learn its frame (private-use characters)
_SKIP = "#" + _MARK.format("skip")  # the skip link's target: the first entry of the page's table of contents
_HOLE = re.compile("(#?" + _MARK.format("(\\w+)") + ")")


class _SkipTarget:
    """The first entry of a table of contents, as the skip link reads it, while a frame is learned."""

    url = _SKIP


class Frames:
    """The theme's page for pages that share a key (PartCache.key) and whether they have a table of contents:
    the text between the page's own blocks (HOLES) and the skip link's target, learned from one page and
    checked on a second with another title, after which a page's HTML is that text with its own blocks
    rendered in between. A frame that does not give the second page exactly as Jinja renders it is never
    used."""

    def __init__(self, cache: PartCache, template: jinja2.Template, base: jinja2.Template) -> None:
        self.cache, self.template, self.base = cache, template, base
        # key: (checked, text and hole names in turn, the variables set before the blocks, the learned page's title)
        self.frames: dict[tuple, tuple[bool, list[str], dict[str, Any], str] | object] = {}
        self.marking = False
        self.hits = 0

    def wrap_hole(self, name: str, block: _Render) -> _Render:
        def render(context: Any) -> Iterator[str]:
            if self.marking:
                yield _MARK.format(name)
            else:
                yield from block(context)

        render.faktabank_hole = True  # type: ignore[attr-defined]
        return render

    def wrap_page(self, original: _Render) -> _Render:
        def render(context: Any) -> Iterator[str]:
            key = self.cache.key(context)
            if key is None or self.marking:
                yield from original(context)
                return
            page = context["page"]
            key = (key, bool(page.toc))
            frame = self.frames.get(key)
            if frame is OFF:
                yield from original(context)
            elif frame is not None and frame[0]:  # checked
                self.hits += 1
                yield self._fill(frame, context)
            else:
                html = "".join(original(context))
                if frame is None:
                    self.frames[key] = self._learn(context)
                elif _title(page) != frame[3]:  # a second page, named otherwise: the frame must give it too
                    self.frames[key] = (True, *frame[1:]) if self._fill(frame, context) == html else OFF
                yield html

        render.faktabank_cached = True  # type: ignore[attr-defined]
        return render

    def _learn(self, context: Any) -> tuple[bool, list[str], dict[str, Any], str] | object:
        """The page rendered again with a mark for each hole: the text between the marks, and the variables
        the page template sets before its blocks run (the page's own skip target left out)."""
        page = context["page"]
        toc, marked = page.toc, self.template.new_context(context.parent)
        self.marking = True
        if toc:
            page.toc = [_SkipTarget()]
        try:
            html = "".join(self.template.root_render_func(marked))
        finally:
            self.marking = False
            page.toc = toc
        pieces = _HOLE.split(html)
        holes = pieces[2::3]
        expected = [*(["skip"] if toc else []), *HOLES]
        if sorted(holes) != sorted(expected) or len(set(holes)) != len(holes):
            return OFF
        frame = [piece for i, piece in enumerate(pieces) if i % 3 != 1]  # text, hole name, text, …
        variables = {k: v for k, v in marked.vars.items() if k != "skip"}
        return (False, frame, variables, _title(page))

    def _fill(self, frame: Any, context: Any) -> str:
        _, pieces, variables, _ = frame
        context.vars.update(variables)
        if self.template is not self.base:
            for name, block in self.base.blocks.items():  # what the page template's `extends` does
                context.blocks.setdefault(name, []).append(block)
        out: list[str] = []
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                out.append(piece)
            elif piece == "skip":
                out.append(_url(context, next(iter(context["page"].toc)).url))
            else:
                out.extend(context.blocks[piece][0](context))
        return "".join(out)


TOC_TEMPLATE = "partials/toc.html"
# While a table of contents' frame is learned, entry n has this title and URL. The title's `<b>&` shows how the
# template wrote it: as it is (raw), or through `striptags | e` (the label of a nested list: `&amp;`).
_TOC_TITLE, _TOC_URL = "\ue000T{}<b>&\ue001", "\ue000U{}\ue001"
_TOC_VALUE = re.compile("\ue000(?:(T)(\\d+)(<b>&|&amp;)|(U)(\\d+))\ue001")
_RAW, _LABEL, _LINK = "raw", "label", "link"


class _Entry:
    """An entry of a table of contents while its frame is learned: the real entry's level and nesting."""

    def __init__(self, number: int, level: Any, children: list[_Entry]) -> None:
        self.title, self.url = _TOC_TITLE.format(number), _TOC_URL.format(number)
        self.level, self.children = level, children


def _toc_shape(items: Any) -> tuple | None:
    """The nesting and levels of a table of contents; None where an entry has more than a title, URL, level
    and children for the template to read (Material's `typeset`)."""
    shape = []
    for item in items:
        if getattr(item, "typeset", None) is not None:
            return None
        children = _toc_shape(item.children)
        if children is None:
            return None
        shape.append((item.level, children))
    return tuple(shape)


def _toc_entries(items: Any, flat: list[Any]) -> list[_Entry]:
    """Stand-ins for the entries, numbered in document order (their real entries appended to `flat`)."""
    out = []
    for item in items:
        number = len(flat)
        flat.append(item)
        out.append(_Entry(number, item.level, _toc_entries(item.children, flat)))
    return out


def _flat(items: Any, flat: list[Any]) -> list[Any]:
    for item in items:
        flat.append(item)
        _flat(item.children, flat)
    return flat


class TocFrames:
    """The table of contents (Material's partials/toc.html and toc-item.html, a Jinja include per entry) for
    pages outside the navigation: rendered once per shape (the entries' nesting and levels) with stand-in
    titles and URLs, which shows where the template writes each entry's URL, its title, and its title as a
    label (`striptags | e`). A page's table of contents is that text with its own entries written in, once
    the frame has given one real page exactly as Jinja renders it; a frame that does not is never used."""

    def __init__(self, cache: PartCache) -> None:
        self.cache = cache
        self.frames: dict[tuple, tuple[bool, list[Any]] | object] = {}
        self.hits = 0

    def wrap(self, original: _Render) -> _Render:
        def render(context: Any) -> Iterator[str]:
            page = context.get("page")
            toc = getattr(page, "toc", None)
            shape = _toc_shape(toc) if toc is not None and self.cache.key(context) is not None else None
            frame = self.frames.get(shape) if shape is not None else OFF
            if frame is OFF:
                yield from original(context)
            elif frame is not None and frame[0]:  # checked
                self.hits += 1
                yield self._fill(frame[1], _flat(toc, []))
            else:
                html = "".join(original(context))
                learned = self._learn(original, context, page, toc)
                checked = learned is not OFF and self._fill(learned, _flat(toc, [])) == html
                self.frames[shape] = (True, learned) if checked else OFF
                yield html

        render.faktabank_cached = True  # type: ignore[attr-defined]
        return render

    @staticmethod
    def _learn(original: _Render, context: Any, page: Any, toc: Any) -> list[Any] | object:
        """The template's text around each entry's title, label and URL (text, (kind, entry), text, …)."""
        page.toc = _toc_entries(toc, [])
        try:
            html = "".join(original(context))
        finally:
            page.toc = toc
        pieces: list[Any] = []
        at = 0
        for value in _TOC_VALUE.finditer(html):
            pieces.append(html[at:value.start()])
            if value.group(1):
                pieces.append((_RAW if value.group(3) == "<b>&" else _LABEL, int(value.group(2))))
            else:
                pieces.append((_LINK, int(value.group(5))))
            at = value.end()
        pieces.append(html[at:])
        if any("\ue000" in piece or "\ue001" in piece for piece in pieces[::2]):
            return OFF  # an entry written some other way
        return pieces

    @staticmethod
    def _fill(pieces: list[Any], entries: list[Any]) -> str:
        out = []
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                out.append(piece)
            else:
                kind, number = piece
                entry = entries[number]
                if kind == _RAW:
                    out.append(str(entry.title))
                elif kind == _LABEL:  # Jinja's `striptags | e`
                    out.append(str(escape(Markup(str(entry.title)).striptags())))
                else:
                    out.append(str(entry.url))
        return "".join(out)


def _url(context: Any, value: str) -> str:
    """The theme's `url` filter (MkDocs'), as the skip link applies it."""
    return normalize_url(str(value), page=context["page"], base=context["base_url"])


def cache_parts(env: jinja2.Environment, nav_urls: list[str], in_nav: set[str], assets: list[str] = ()) -> PartCache:
    """Wrap the partials (PARTIALS, and TITLED around the title) and the base template's blocks (BLOCKS) in the
    theme's environment, and make its translations once. `assets`: the paths of the site's own style sheets and
    scripts (mkdocs.yml: extra_css, extra_javascript)."""
    cache = PartCache(nav_urls, in_nav, list(assets))
    for name in (*PARTIALS, *TITLED):
        template = env.get_template(name)
        if not getattr(template.root_render_func, "faktabank_cached", False):
            wrap = cache.wrap_titled if name in TITLED else cache.wrap
            template.root_render_func = wrap(name, template.root_render_func)
    cache_language(env)
    base = env.get_template(BASE_TEMPLATE)  # the last in the chain: an override reaches it through super()
    for name in BLOCKS:
        block = base.blocks.get(name)
        if block is not None and not getattr(block, "faktabank_cached", False):
            base.blocks[name] = cache.wrap(name, block)
    try:
        toc = env.get_template(TOC_TEMPLATE)
    except jinja2.TemplateNotFound:  # a theme without Material's table of contents
        toc = None
    if toc is not None and not getattr(toc.root_render_func, "faktabank_cached", False):
        cache.toc = TocFrames(cache)
        toc.root_render_func = cache.toc.wrap(toc.root_render_func)
    page = env.get_template(PAGE_TEMPLATE)
    if not getattr(page.root_render_func, "faktabank_cached", False):
        frames = Frames(cache, page, base)
        for template in {page.name: page, base.name: base}.values():
            for name in HOLES:
                block = template.blocks.get(name)
                if block is not None and not getattr(block, "faktabank_hole", False):
                    template.blocks[name] = frames.wrap_hole(name, block)
        page.root_render_func = frames.wrap_page(page.root_render_func)
        cache.frames = frames
    return cache
