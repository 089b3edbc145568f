"""The data's own-words Markdown fields (descriptions, comments, details) as HTML, with markdown-it-py.

Raw HTML in the data is not let through. Links may go to http(s), mailto or a page of the site (a relative
address); any other link (javascript:, data:, vbscript:, file:, …) stays text. Images may only be the site's own
(a relative address): an image from another host would be a request to a third party, and stays text as well.
A field that shows on many pages (a role's details on every year's row) is converted once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from markupsafe import Markup

LINK_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
# What browsers drop from an address before they read its scheme: "java\tscript:" is "javascript:"
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")


def allowed_link(url: str) -> bool:
    """A link to http(s), mailto, or a relative address on the site (not //host, which is another host); judged
    both as written and with its %-escapes decoded (markdown-it escapes what it normalises)."""
    return all(_allowed(form) for form in (url, unquote(url)))


def _allowed(url: str) -> bool:
    cleaned = _IGNORED.sub("", url)
    scheme = _SCHEME.match(cleaned)
    if scheme:
        return scheme.group(1).lower() in LINK_SCHEMES
    return not cleaned.startswith(("//", "\\\\", "/\\", "\\/"))


def local_address(url: str) -> bool:
    """A relative address on the site: no scheme, no host (as written and with its %-escapes decoded)."""
    for form in (url, unquote(url)):
        cleaned = _IGNORED.sub("", form)
        if _SCHEME.match(cleaned) is not None or cleaned.startswith(("//", "\\", "/\\")):
            return False
    return True


def _images_as_text(state: StateCore) -> None:
    """An image from another host becomes the text that was written for it."""
    for block in state.tokens:
        for i, token in enumerate(block.children or ()):
            if token.type == "image" and not local_address(token.attrGet("src") or ""):
                text = Token("text", "", 0)
                alt = "".join(child.content for child in token.children or ())
                text.content = f"![{alt}]({token.attrGet('src')})"
                block.children[i] = text


_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_md.validateLink = allowed_link  # type: ignore[method-assign]
_md.core.ruler.push("faktabank_images", _images_as_text)


@lru_cache(maxsize=16384)
def markdown_html(text: str) -> Markup:
    """A Markdown field as block HTML (paragraphs, lists, tables)."""
    return Markup(_md.render(text).strip())


@lru_cache(maxsize=16384)
def markdown_inline(text: str) -> Markup:
    """A one-line Markdown field as inline HTML."""
    return Markup(_md.renderInline(text))
