"""Generated pages' HTML blocks go straight into Python-Markdown's stash, without two HTML parses per page.

A generated page is mostly HTML (tables, lists) between Markdown headings. Python-Markdown finds each raw
HTML block with its HTMLParser-based `html_block` preprocessor, and MkDocs parses the whole page once more
to collect its anchors (`mkdocs_raw_html`); on a large page those two parses cost more than everything else.
Our templates write HTML blocks in one regular form: a block-level start tag at the start of a line, the
block closed at the end of a line. `Stash` (a preprocessor that runs before both) finds exactly those blocks
with a regular expression, stores each in the stash as `html_block` would — the same text, the same blank
lines around the placeholder — and records the blocks' `id`s, which the hook adds to the page's anchors.
Anything it is not sure of it leaves in place for `html_block`; the resulting page is byte for byte the same.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable
from functools import lru_cache

from markdown import Markdown, htmlparser
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# Blocks with a comment or an element whose content Python-Markdown's HTML parser reads as raw text (script
# and style; textarea and title too in the Python versions that treat them so) are left to html_block.
_PARSER = htmlparser.htmlparser.HTMLParser
_RAW_TEXT = ("<!--", *(f"<{name}" for name in (*_PARSER.CDATA_CONTENT_ELEMENTS,
                                                *getattr(_PARSER, "RCDATA_CONTENT_ELEMENTS", ()))))
_START = re.compile(r"[ ]{0,3}<([a-zA-Z][a-zA-Z0-9]*)[\s>]")
# The anchors MkDocs' own pass would collect: every id, and the name of an <a>.
_ID = re.compile(r"""<(?:[a-zA-Z][^>]*?\sid|a\s[^>]*?\bname)=(?:"([^"]*)"|'([^']*)')""")
_BLANK = re.compile(r"([ ]*\n){2}")


@lru_cache(maxsize=64)
def _same_tag(name: str) -> re.Pattern[str]:
    """Start and end tags of one element name; group 2 marks a self-closing start tag."""
    return re.compile(rf"<(/?){re.escape(name)}(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>", re.IGNORECASE)


class Stash(Preprocessor):
    """Stash the regular HTML blocks of a page before `mkdocs_raw_html` and `html_block` see it."""

    def __init__(self, md: Markdown, state: StashState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state.anchors = set()
        if not self.state.enabled:
            return lines
        text = "\n".join(lines)
        found = regular_blocks(text, self.md.is_block_level)
        if not found:
            return lines
        out: list[str] = []
        pos = 0
        for start, end, block in found:
            out.append(text[pos:start])
            out.append("\n" + self.md.htmlStash.store(block) + "\n\n")
            self.state.anchors.update(anchors(block))
            pos = end
        out.append(text[pos:])
        return "".join(out).split("\n")


def anchors(block: str) -> set[str]:
    """The anchors MkDocs would collect from an HTML block: every id, and the name of an <a>. Most blocks
    (table rows, lists) have neither, and every match of _ID holds 'id=' or 'name=': such a block is not
    scanned tag by tag."""
    if "id=" not in block and "name=" not in block:
        return set()
    return {html_lib.unescape(a or b) for a, b in _ID.findall(block)}


def regular_blocks(text: str, is_block_level: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """(start, end, the text to stash) of each HTML block in the templates' regular form, as html_block would
    stash it (with a newline when a blank line follows); none where a code fence could hide one."""
    if "```" in text or "~~~" in text:
        return []  # HTML inside a code block is text, not a block
    found = []
    for start, end in _blocks(text, is_block_level):
        block = text[start:end]
        if any(marker in block for marker in _RAW_TEXT):
            continue  # comments and raw-text elements hide tags from html.parser: html_block's business
        if _BLANK.match(text, end):
            block += "\n"
        elif end < len(text) and not text.startswith("\n", end):
            continue  # text after the closing tag on its line: html_block's business
        found.append((start, end, block))
    return found


def _blocks(text: str, is_block_level: Callable[[str], bool]) -> list[tuple[int, int]]:
    """(start, end) of each block: a block-level tag at a line start, to the end tag that empties the stack."""
    found = []
    line_start = 0
    length = len(text)
    while line_start < length:
        match = _START.match(text, line_start)
        if match and is_block_level(match.group(1).lower()):
            end = _close(text, match.start() + match.group(0).index("<"), match.group(1))
            if end is not None:
                found.append((match.start() + match.group(0).index("<"), end))
                nl = text.find("\n", end)
                line_start = length if nl < 0 else nl + 1
                continue
            return found  # an unclosed block: leave the rest of the page to html_block
        nl = text.find("\n", line_start)
        line_start = length if nl < 0 else nl + 1
    return found


def _close(text: str, start: int, name: str) -> int | None:
    """End of the end tag that closes the element starting at `start`.

    html_block ends a block when its stack of open tags is empty again; in well-formed HTML, and in HTML
    whose only unclosed tags sit inside the block (<br>), that is the end tag matching the first start
    tag, so counting that one tag name is enough and much cheaper than tokenising every tag.
    """
    depth = 0
    for tag in _same_tag(name).finditer(text, start):
        if tag.group(1):
            depth -= 1
            if depth == 0:
                return tag.end()
        elif not tag.group(2):
            depth += 1
    return None


class StashState:
    """Whether the page being converted is a generated one, and the anchors in its stashed blocks."""

    def __init__(self) -> None:
        self.enabled = False
        self.anchors: set[str] = set()


class StashExtension(Extension):
    def __init__(self, state: StashState) -> None:
        super().__init__()
        self.state = state

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.register(Stash(md, self.state), "faktabank_stash", 25)  # after normalize_whitespace (30)
