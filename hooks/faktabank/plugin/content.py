"""The HTML content of generated pages, made when MkDocs builds each page, not all at once beforehand.

At national scale the generated pages' Markdown and HTML are hundreds of megabytes each. MkDocs converts
every page to HTML before it writes the first one and keeps all of it until the end. The hook therefore
gives MkDocs an empty source for a generated page, and `make` makes the real content just before
the page is written (`on_page_context`): the template is rendered, MkDocs' own Markdown conversion runs
(`Page.render`, so headings, table of contents, anchors and link checks are exactly MkDocs'), then the
faktabank's content passes (glossary tooltips, accessible table regions). After the page is written the
content is dropped again (the hook's `on_post_page`).

With workers (`FAKTABANK_WORKERS`, by default one per processor core but one), forked processes make most of
the pages in parallel while MkDocs writes pages in the main process, which makes the rest (see workers.py).
A worker also renders the whole page around the content with the theme's template (`render`, as MkDocs' own
build step does), so that the theme's share of the work is spread too; the main process then only indexes
the page for search, runs the plugins' post-page checks and writes it. A page the workers cannot deliver is
made in the main process instead.

Most generated pages hold only headings, plain paragraphs and HTML blocks; for those simplemd gives exactly
what `Page.render` would, at a fraction of the cost, and the rest go through `Page.render`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

import jinja2
import markdown
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkPage
from mkdocs.structure.toc import TableOfContents, get_toc

from faktabank.pages import searchtext
from faktabank.speed import rawhtml, simplemd

THEME_TEMPLATE = "main.html"  # the theme's page template, which MkDocs would use for a generated page


@dataclass
class Made:
    """What `Page.render` and the content passes produced for one page, in a form that crosses processes."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    warnings: list[tuple[str, int, str]]  # (logger, level, message) logged while the page was made
    summary: str = ""  # what the search index gets (searchtext.summary)
    output: str | None = None  # the whole page as the theme renders it, once `render` has run (in a worker)


_BLOCK_LEVEL = markdown.Markdown().is_block_level


def make_simple(source: str, improve: Callable[[str], str]) -> Made | None:
    """A generated page's content by simplemd's fast path and the content passes, or None where the fast path
    does not apply. Needs nothing of MkDocs: it can be made before MkDocs has the page."""
    simple = simplemd.convert(source, _BLOCK_LEVEL)
    if simple is None:
        return None
    html = improve(simple.content)
    return Made(html, simple.toc, simple.title, simple.anchors, {}, [], searchtext.summary(html))


def make(page: MkPage, source: str, config: MkDocsConfig, files: Files, stash: rawhtml.StashState,
         improve: Callable[[str], str]) -> Made:
    """Convert one generated page (simplemd's fast path where it applies, else MkDocs' own `Page.render`) and
    apply the content passes."""
    simple = make_simple(source, improve)
    if simple is not None:
        return simple
    stash.enabled = True
    page.markdown = source
    try:
        MkPage.render(page, config, files)  # MkDocs' own, not what `defer` put on the page
    finally:
        stash.enabled = False
        page.markdown = ""
    anchors = set(page.present_anchor_ids or ()) | stash.anchors
    links = None
    if page.links_to_anchors is not None:
        links = {file.src_uri: dict(targets) for file, targets in page.links_to_anchors.items()}
    html = improve(page.content or "")
    page.content = None
    return Made(html, page.toc, page._title_from_render, anchors, links, [], searchtext.summary(html))


def defer(page: MkPage) -> None:
    """A generated page's source stays empty until `make`. MkDocs converts every page's source when it reads it
    (a new Markdown instance with every extension, per page): for this page that conversion is replaced by what
    it gives for an empty source."""
    page.render = partial(_render_empty, page)  # type: ignore[method-assign]


def _render_empty(page: MkPage, config: MkDocsConfig, files: Files) -> None:
    """What `Page.render` sets for an empty source."""
    page.content = ""
    page.toc = get_toc([])
    page._title_from_render = None
    page.present_anchor_ids = set()
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {}


def apply(made: Made, page: MkPage, files: Files) -> None:
    """Put a made page's content, table of contents, title and anchors on MkDocs' page."""
    page.content = made.content
    page.toc = made.toc
    page._title_from_render = made.title
    page.present_anchor_ids = made.anchors
    if made.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): targets for uri, targets in made.links_to_anchors.items()}


@dataclass(frozen=True)
class Theme:
    """What MkDocs renders a page with, final once the theme's environment exists (`on_env`)."""

    config: MkDocsConfig
    files: Files
    pages: Sequence[File]  # the documentation pages, as MkDocs passes them to the template
    nav: Navigation
    env: jinja2.Environment


def render(made: Made, page: MkPage, theme: Theme) -> str:
    """The whole page, as MkDocs' own build step renders it with the theme's template: the same context
    (`get_context`), the page marked active while it renders. Plugins' page-context events do not run here;
    the hook runs them in the main process, where they index the page for search (see the hook's _finish)."""
    apply(made, page, theme.files)
    page.meta.pop("template", None)  # the hook's PAGE_TEMPLATE, which MkDocs reads before this is rendered
    page.active = True
    theme.config._current_page = page
    try:
        context = get_context(theme.nav, theme.pages, theme.config, page)
        return theme.env.get_template(THEME_TEMPLATE).render(context)
    finally:
        page.active = False
        theme.config._current_page = None
        # the worker needs none of it again: the main process gets them with the page (Made)
        page.content, page.toc, page.present_anchor_ids, page.links_to_anchors = None, [], None, None


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

