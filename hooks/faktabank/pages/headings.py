"""What a rendered page holds for navigation: its headings (for the table of contents and the title) and
every id (the anchors other pages may link to). Read from the page's HTML, which the templates write (well-formed,
every attribute value quoted with "); nothing is changed in it.

Regular expressions, not html.parser: at national scale html.parser over every page cost more than the pages'
templates. tests/test_headings.py checks the reader against html.parser on every generated page of the real data.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

# An id attribute: `id="` after whitespace (not data-id=). Text never holds a bare `"` (every value is escaped), so
# outside a tag it cannot occur; searched as a plain string, which is ten times faster than matching each tag.
_ID = re.compile(r'id="([^"]*)"')
_SPACE = frozenset(" \t\n\r\f")
_NAME = re.compile(r'<a\s[^>]*?\bname="([^"]*)"')
_HEADING = re.compile(r'<h([1-6])(\s[^>]*)?>(.*?)</h\1>', re.S)
_HEADING_ID = re.compile(r'\sid="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str | None
    text: str  # the heading's text, without the permalink that may follow it


@dataclass
class Outline:
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)

    @property
    def title(self) -> str | None:
        """The text of the first h1, as MkDocs takes a page's title from its first h1."""
        return next((h.text for h in self.headings if h.level == 1), None)


@lru_cache(maxsize=8)
def _permalink(permalink_class: str) -> re.Pattern[str]:
    return re.compile(r'<a\s[^>]*class="' + re.escape(html.escape(permalink_class)) + r'"[^>]*>.*?</a>', re.S)


def outline(page: str, permalink_class: str = "headerlink") -> Outline:
    """The page's headings and ids; a heading's text without its permalink (`toc: permalink_class:`)."""
    permalink = _permalink(permalink_class)
    found = Outline()
    found.ids = {html.unescape(m.group(1)) for m in _ID.finditer(page) if m.start() and page[m.start() - 1] in _SPACE}
    if 'name="' in page:
        found.ids |= {html.unescape(m) for m in _NAME.findall(page)}
    for level, attrs, inner in _HEADING.findall(page):
        hid = _HEADING_ID.search(attrs or "")
        text = " ".join(html.unescape(_TAG.sub("", permalink.sub("", inner))).split())
        found.headings.append(Heading(int(level), html.unescape(hid.group(1)) if hid else None, text))
    return found
