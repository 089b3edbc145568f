"""Captions for the tables that Markdown writes, applied to every page after its Markdown: a hand-written page's
tables, and those in a generated page's Markdown fields (text/markdownfields.py).

A Markdown table gets a caption: the paragraph right before it if that carries the class `fb-caption` (a line
`{ .fb-caption }` under the paragraph), otherwise the heading of its section (visually hidden, since the heading
is right above the table). The templates' own tables have captions, and their boxes are named regions, as the
templates write them (tables.html.j2's `table_box`, pages/regions.py).
"""

from __future__ import annotations

import bisect
import html as html_lib
import re

_HEADING = re.compile(r'<h(?P<level>[1-6])\b(?P<attrs>[^>]*)>(?P<text>.*?)</h(?P=level)>', re.S)
_MD_CAPTION = re.compile(r'<p\b[^>]*\bclass="fb-caption"[^>]*>(?P<text>.*?)</p>\s*<table(?P<attrs>[^>]*)>', re.S)
_PLAIN_TABLE = re.compile(r"<table>(?!\s*<caption)")
_TAGS = re.compile(r"<[^>]+>")


def text_of(markup: str) -> str:
    return " ".join(html_lib.unescape(_TAGS.sub(" ", markup)).split())


def _headings(html: str) -> tuple[list[int], list[re.Match]]:
    found = list(_HEADING.finditer(html))
    return [h.start() for h in found], found


def markdown_table_captions(html: str) -> str:
    """Captions for the tables Markdown writes (`<table>` without attributes)."""
    if 'class="fb-caption"' in html:
        html = _MD_CAPTION.sub(lambda m: f"<table{m.group('attrs')}>\n<caption>{m.group('text')}</caption>", html)
    if "<table>" not in html:
        return html  # (the generated pages' tables all have a class)
    starts, headings = _headings(html)

    def caption(match: re.Match) -> str:
        before = bisect.bisect_left(starts, match.start()) - 1
        if before < 0:
            return match.group(0)
        name = html_lib.escape(text_of(headings[before].group("text")), quote=False)
        return f'<table>\n<caption class="fb-sr-only">{name}</caption>'

    return _PLAIN_TABLE.sub(caption, html)


def improve(html: str) -> str:
    return markdown_table_captions(html)
