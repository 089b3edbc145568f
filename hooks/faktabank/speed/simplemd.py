"""A fast path for the simple Markdown of generated pages: the same HTML, table of contents, title and anchors
that MkDocs' `Page.render` (Python-Markdown with this site's extensions) gives, for pages made only of

- HTML blocks in the templates' regular form (rawhtml.regular_blocks), which Python-Markdown passes through;
- ATX headings (`## Text { #id }`, or without an id: then the toc extension's slug) of plain text;
- paragraphs of plain text, which may hold (and begin with) inline HTML tags and character references.

Anything else (lists, emphasis, links, code, tables, admonitions, an HTML block in another form, a character
Markdown could read as syntax) makes `convert` return None, and the page goes through `Page.render` as before.
At national scale Python-Markdown costs about as much as rendering the templates; most pages need none of it.
tests/test_simplemd.py checks that every generated page converted here comes out exactly as from `Page.render`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markdown.inlinepatterns import ENTITY_RE
from markdown.util import ETX, HTML_PLACEHOLDER, STX
from mkdocs.structure.toc import TableOfContents, get_toc

from faktabank.speed.rawhtml import anchors, regular_blocks

_HEADING = re.compile(r"(#{1,6})[ ]+(?P<text>[^#{}]*?)(?:[ ]+\{[ ]*#(?P<id>[A-Za-z0-9_-]+)[ ]*\})?[ ]*")
# Inline HTML as Python-Markdown passes it through (a tag, an end tag), and character references.
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'))?)*\s*/?>")
_REFERENCE = re.compile(ENTITY_RE)
# What is left of a line once tags and references are taken out: no character that could be Markdown syntax.
_PLAIN = re.compile(r"[^\\`*_\[\]<>&!{}|~#=+]*")
_HEADING_TEXT = re.compile(r"[^\\`*_\[\]<>&!{}|~#=+]*")
_BLANK_LINE = re.compile(r"(?<=\n) +\n")  # a line of spaces only
_INLINE_START = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")


@dataclass(frozen=True)
class Converted:
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]


def _plain_line(line: str) -> bool:
    rest = _REFERENCE.sub("", _TAG.sub("", line))
    return _PLAIN.fullmatch(rest) is not None


def convert(source: str, is_block_level: Callable[[str], bool]) -> Converted | None:
    """The page's HTML and the rest, or None when the page holds anything but the simple forms above."""
    # Python-Markdown's whitespace normalisation (NormalizeWhitespace), which runs before the HTML blocks are found
    if STX in source or ETX in source or "\r" in source or "\t" in source:
        return None
    text = source + "\n\n"
    if " \n" in text:  # (the search for the pattern itself tries every position)
        text = _BLANK_LINE.sub("\n", text)
    if not text.strip():
        return None
    blocks = regular_blocks(text, is_block_level)
    found: set[str] = set()
    stored: list[str] = []
    pieces: list[str] = []
    pos = 0
    for start, end, block in blocks:
        pieces += [text[pos:start], "\n" + HTML_PLACEHOLDER % len(stored) + "\n\n"]
        stored.append(block)
        found |= anchors(block)
        pos = end
    pieces.append(text[pos:])
    rest = "".join(pieces)

    out: list[str] = []
    headings: list[tuple[int, str, str | None, int]] = []  # level, text, explicit id, index in out
    paragraph: list[str] = []

    def end_paragraph() -> bool:
        if paragraph:
            if paragraph[0].startswith(" ") or paragraph[-1].endswith(" "):
                return False
            out.append("<p>" + "\n".join(paragraph) + "</p>")
            paragraph.clear()
        return True

    placeholders = iter(range(len(stored)))
    for line in rest.split("\n"):
        if not line:
            if not end_paragraph():
                return None
            continue
        if line.startswith(STX):
            number = next(placeholders, None)
            if number is None or line != HTML_PLACEHOLDER % number or paragraph:
                return None
            out.append(stored[number])
            continue
        if line.startswith("#"):
            heading = _HEADING.fullmatch(line)
            if heading is None or not end_paragraph():
                return None
            words = heading.group("text")
            if not words or _HEADING_TEXT.fullmatch(words) is None:
                return None
            headings.append((len(heading.group(1)), words, heading.group("id"), len(out)))
            out.append("")  # filled in once the ids are known
            continue
        first = line.lstrip()[:1]
        if first == "<":  # an inline element, as part of a paragraph; a block-level one is an HTML block
            tag = _INLINE_START.match(line)
            if line[0] != "<" or tag is None or is_block_level(tag.group(1).lower()):
                return None
        elif first in "-*+>|=0123456789":
            return None
        if line.startswith("    ") or line.endswith("  ") or not _plain_line(line):
            return None
        paragraph.append(line)
        found |= anchors(line)  # MkDocs collects the ids of inline HTML too
    if not end_paragraph():
        return None

    # Ids as attr_list and the toc extension give them: explicit ones first, then a unique slug for the rest.
    used = {explicit for _, _, explicit, _ in headings if explicit}
    counters: dict[str, int] = {}
    tokens = []
    for level, words, explicit, index in headings:
        ident = explicit or unique(slugify(html.unescape(words), "-"), used, counters)
        out[index] = f'<h{level} id="{ident}">{words}</h{level}>'
        found.add(ident)
        tokens.append({"level": level, "id": ident, "name": words, "html": words, "data-toc-label": "",
                       "children": []})
    title = headings[0][1] if headings and headings[0][3] == 0 and headings[0][0] == 1 else None
    return Converted("\n".join(out).strip(), get_toc(nest_toc_tokens(tokens)), title, found)
