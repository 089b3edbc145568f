"""The data's own-words Markdown fields (descriptions, comments, details) as HTML, with markdown-it-py.

Raw HTML in the data is not let through. A field that shows on many pages (a role's details on every year's
row) is converted once.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


@lru_cache(maxsize=16384)
def markdown_html(text: str) -> Markup:
    """A Markdown field as block HTML (paragraphs, lists, tables)."""
    return Markup(_md.render(text).strip())


@lru_cache(maxsize=16384)
def markdown_inline(text: str) -> Markup:
    """A one-line Markdown field as inline HTML."""
    return Markup(_md.renderInline(text))
