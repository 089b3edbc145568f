"""A generated page's content as MkDocs needs it: the HTML its template renders, its table of contents, title
and anchors, and the short summary Material's search indexes.

Generated pages are not Markdown: their templates render HTML (Jinja, autoescape on), which the content passes
(glossary tooltips, captions for tables in Markdown fields) finish. MkDocs gets that HTML in place of a converted
source, with a table of contents read from the page's own headings (pages.headings) as mkdocs.yml's `toc`
settings ask (toc_settings).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

import jinja2
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import TableOfContents, get_toc

from faktabank.pages import searchtext
from faktabank.pages.headings import outline
from faktabank.pages.render import HeadingStyle

THEME_TEMPLATE = "main.html"  # the theme's page template, which MkDocs uses for a generated page


@dataclass
class Made:
    """A generated page's content and what MkDocs reads with it, in a form that crosses processes."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    summary: str  # what the search index gets (searchtext.summary)
    warnings: list[tuple[str, int, str]]  # (logger, level, message) logged while the page was made (in a worker)
    output: str | None = None  # the whole page as the theme renders it, where a worker rendered it


@dataclass(frozen=True)
class Toc:
    """mkdocs.yml's `toc` settings as they apply to a generated page (toc_settings)."""

    style: HeadingStyle = field(default_factory=HeadingStyle)  # how the templates write headings
    levels: tuple[int, int] = (1, 6)  # the heading levels the table of contents lists (`toc_depth`)


def toc_settings(config: MkDocsConfig) -> Toc:
    """The `toc` settings of mkdocs.yml, for a generated page what Python-Markdown's toc extension does with them
    on a hand-written page: the permalink and anchor link of each heading, and the levels the table of contents
    lists. The settings that only concern Markdown (`marker`, `title`, `toc_class`, `slugify`, `separator`: a
    generated page has no [TOC] marker and its ids are fixed) have nothing to do; `baselevel` would move the
    headings of every generated page and is refused, with a message, rather than ignored."""
    toc = dict(config.mdx_configs.get("toc", {})) if "toc" in config.markdown_extensions else {}
    if str(toc.get("baselevel", 1)) != "1":
        raise ValueError("toc: baselevel stöds inte av de genererade sidorna (deras rubriker har fasta nivåer); "
                         "ta bort inställningen ur mkdocs.yml")
    permalink = toc.get("permalink", False)
    style = HeadingStyle(
        permalink=None if permalink in (False, None) else "¶" if permalink is True else str(permalink),
        permalink_class=str(toc.get("permalink_class", "headerlink")),
        permalink_title=str(toc.get("permalink_title", "Permanent link")),
        permalink_leading=bool(toc.get("permalink_leading", False)),
        anchorlink=bool(toc.get("anchorlink", False)),
        anchorlink_class=str(toc.get("anchorlink_class", "toclink")))
    depth = toc.get("toc_depth", 6)
    try:
        if isinstance(depth, str) and "-" in depth:
            top, bottom = (int(x) for x in depth.split("-"))
        else:
            top, bottom = 1, int(depth)
    except ValueError:
        raise ValueError(f"toc: toc_depth ska vara ett tal eller ett intervall som '2-4', fick {depth!r}") from None
    return Toc(style, (top, bottom))


def make(source: str, improve: Callable[[str], str], toc: Toc = Toc()) -> Made:
    """A generated page from its template's HTML: the content passes, then what is read from it."""
    html = improve(source)
    found = outline(html, toc.style.permalink_class)
    top, bottom = toc.levels
    # The theme writes a token's name into the page as HTML, as Python-Markdown gives it: escaped text.
    tokens = [{"level": h.level, "id": h.id or "", "name": escape(h.text, quote=False),
               "html": escape(h.text, quote=False), "data-toc-label": "", "children": []} for h in found.headings
              if top <= h.level <= bottom]
    return Made(html, get_toc(nest_toc_tokens(tokens)), found.title, found.ids, searchtext.summary(html), [])


def apply(made: Made, page: MkPage) -> None:
    """Put a made page's content, table of contents, title and anchors on MkDocs' page."""
    page.content = made.content
    page.toc = made.toc
    if made.title is not None and not page.is_homepage:  # the theme titles the home page with the site's name
        # As MkDocs takes a title from a page's h1: HTML text, escaped (the theme's header writes it as it is)
        page.meta["title"] = escape(made.title, quote=False)
    page.present_anchor_ids = made.anchors


@dataclass(frozen=True)
class Theme:
    """What MkDocs renders a page with, final once the theme's environment exists (`on_env`)."""

    config: MkDocsConfig
    files: Files
    pages: Sequence[File]  # the documentation pages, as MkDocs passes them to the template
    nav: Navigation
    env: jinja2.Environment


def render(made: Made, page: MkPage, theme: Theme, template: str = THEME_TEMPLATE) -> str:
    """The whole page, as MkDocs' own build step renders it with the theme's template: the same context
    (`get_context`), the page marked active while it renders. Plugins' page-context events do not run here
    (a worker process renders it); the adapter runs them in the main process."""
    apply(made, page)
    page.active = True
    theme.config._current_page = page
    try:
        context = get_context(theme.nav, theme.pages, theme.config, page)
        return theme.env.get_template(template).render(context)
    finally:
        page.active = False
        theme.config._current_page = None
        page.content, page.toc, page.present_anchor_ids = None, get_toc([]), None


def worker_count() -> int:
    """FAKTABANK_WORKERS, or one per processor core this process may use besides its own: MkDocs keeps one
    core busy. 0 makes every page in the main process."""
    wanted = os.environ.get("FAKTABANK_WORKERS", "").strip()
    if wanted:
        try:
            return max(0, int(wanted))
        except ValueError:
            raise ValueError(f"FAKTABANK_WORKERS ska vara ett heltal, fick {wanted!r}") from None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores - 1
