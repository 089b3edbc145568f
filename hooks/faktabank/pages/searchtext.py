"""What the search index gets from a generated page: its title and a short summary, not every table cell.

Material's search plugin indexes a page's whole HTML, one entry per heading. For ten thousand generated
pages full of tables that makes an index of tens of megabytes, which a browser downloads and holds in memory
before the first search. A generated page is therefore indexed as one entry: its h1 and the text that
introduces it (the facts table, the summary, up to the first h2), cut at a word near LIMIT characters. Names
of förbund, reports, insatser, organisations and people stay findable; the figures are found through the pages.
Hand-written pages are indexed in full.
"""

from __future__ import annotations

import html as html_lib
import re

LIMIT = 240
_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>", re.S)
_H2 = re.compile(r"<h2\b")
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def summary(html: str, limit: int = LIMIT) -> str:
    """The page's h1 and a paragraph with the beginning of its introduction, as HTML for the search plugin."""
    h1 = _H1.search(html)
    if h1 is None:
        return html
    end = _H2.search(html, h1.end())
    intro = html[h1.end(): end.start() if end else len(html)]
    text = _SPACE.sub(" ", html_lib.unescape(_TAGS.sub(" ", intro))).strip()
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > 0 else limit] + " …"
    return f"{h1.group(0)}\n<p>{html_lib.escape(text, quote=False)}</p>" if text else h1.group(0)
