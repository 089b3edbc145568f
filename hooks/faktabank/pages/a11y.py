"""Accessibility of rendered page content, applied to every page (generated and hand-written) after Markdown.

- A table box (`div.fb-table`, which scrolls sideways when its table is wider than the page) becomes a named,
  keyboard-focusable region: `role="region" tabindex="0" aria-labelledby=<its caption>`, so a keyboard user
  can scroll it and a screen reader says which table it holds (WCAG 2.1.1, 4.1.2). Region names are unique
  on a page: where two tables have the same caption, the section heading above each joins its name, and
  where that is not enough, a number only a screen reader hears.
- A hand-written Markdown table gets a caption: the paragraph right before it if that carries the class
  `fb-caption` (a line `{ .fb-caption }` under the paragraph), otherwise the heading of its section
  (visually hidden, since the heading is right above the table).
"""

from __future__ import annotations

import bisect
import html as html_lib
import re
from collections import Counter
from dataclasses import dataclass

_BOX = re.compile(r'<div\b(?P<attrs>[^>]*\bclass="(?:[^"]*\s)?fb-table(?:\s[^"]*)?"[^>]*)>')
_CAPTION = re.compile(r"<caption\b(?P<attrs>[^>]*)>")
_ID = re.compile(r'\bid="(?P<id>[^"]+)"')
_HEADING = re.compile(r'<h(?P<level>[1-6])\b(?P<attrs>[^>]*)>(?P<text>.*?)</h(?P=level)>', re.S)
_MD_CAPTION = re.compile(r'<p\b[^>]*\bclass="fb-caption"[^>]*>(?P<text>.*?)</p>\s*<table(?P<attrs>[^>]*)>', re.S)
_PLAIN_TABLE = re.compile(r"<table>(?!\s*<caption)")
_TAGS = re.compile(r"<[^>]+>")
PREFIX = "fb-rubrik-"


def text_of(markup: str) -> str:
    return " ".join(html_lib.unescape(_TAGS.sub(" ", markup)).split())


@dataclass
class _Box:
    start: int
    end: int
    attrs: str
    caption_start: int
    caption_end: int  # end of the opening <caption ...> tag
    caption_attrs: str
    name: str
    heading_id: str | None


def _headings(html: str) -> tuple[list[int], list[re.Match]]:
    found = list(_HEADING.finditer(html))
    return [h.start() for h in found], found


def _boxes(html: str) -> list[_Box]:
    starts, headings = _headings(html)
    # the id of the nearest heading with an id, at or before each heading
    nearest: list[str | None] = []
    for h in headings:
        found = _ID.search(h.group("attrs"))
        nearest.append(found.group("id") if found else (nearest[-1] if nearest else None))
    boxes: list[_Box] = []
    for box in _BOX.finditer(html):
        attrs = box.group("attrs")
        if "role=" in attrs or "tabindex=" in attrs or (boxes and box.start() < boxes[-1].end):
            continue
        table_end = html.find("</table>", box.end())
        caption = _CAPTION.search(html, box.end(), table_end if table_end >= 0 else len(html))
        if caption is None:
            continue
        name = text_of(html[caption.end():html.find("</caption>", caption.end())])
        before = bisect.bisect_left(starts, box.start()) - 1
        heading_id = nearest[before] if before >= 0 else None
        boxes.append(_Box(box.start(), box.end(), attrs, caption.start(), caption.end(), caption.group("attrs"),
                          name, heading_id))
    return boxes


def table_regions(html: str) -> str:
    """Give every table box with a captioned table the attributes of a named, focusable region."""
    if "fb-table" not in html:
        return html
    boxes = _boxes(html)
    names = Counter(b.name for b in boxes)
    labels: list[tuple[str, ...]] = []
    for b in boxes:
        labels.append((b.name, b.heading_id or "") if names[b.name] > 1 else (b.name,))
    repeated = Counter(labels)
    seen: Counter = Counter()
    out: list[str] = []
    pos = 0
    count = 0
    for b, label in zip(boxes, labels, strict=True):
        existing = _ID.search(b.caption_attrs)
        if existing:
            caption_id, caption_tag = existing.group("id"), html[b.caption_start:b.caption_end]
        else:
            count += 1
            caption_id = f"{PREFIX}{count}"
            caption_tag = f'<caption id="{caption_id}"{b.caption_attrs}>'
        labelledby = caption_id if len(label) == 1 or not label[1] else f"{caption_id} {label[1]}"
        if repeated[label] > 1:  # same caption under the same heading: a number tells them apart
            seen[label] += 1
            close = html.find("</caption>", b.caption_end)
            caption_tag += html[b.caption_end:close] + f'<span class="fb-sr-only"> (tabell {seen[label]})</span>'
            out += [html[pos:b.start], f'<div{b.attrs} role="region" tabindex="0" aria-labelledby="{labelledby}">',
                    html[b.end:b.caption_start], caption_tag]
            pos = close
            continue
        out += [html[pos:b.start], f'<div{b.attrs} role="region" tabindex="0" aria-labelledby="{labelledby}">',
                html[b.end:b.caption_start], caption_tag]
        pos = b.caption_end
    out.append(html[pos:])
    return "".join(out)


def markdown_table_captions(html: str) -> str:
    """Captions for hand-written Markdown tables (`<table>` without attributes)."""
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
    return table_regions(markdown_table_captions(html))
