"""Glossary tooltips: wrap glossary terms in page HTML in <abbr title="…">.

Only text between tags is touched, never attributes; text inside links, headings,
code, existing abbreviations, scripts and styles is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from faktabank.model import Term


def _trie(forms: Iterable[str]) -> str:
    """A regular expression matching any of the forms, as a tree of their characters: where several forms
    match at one place the longest is tried first (one is a prefix of the other), as with the forms listed
    longest first, but the engine reads each character once instead of trying every form in turn."""
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}  # a form ends here

    def pattern(node: dict[str, dict]) -> str:
        longer = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not longer:
            return ""
        body = longer[0] if len(longer) == 1 else "(?:" + "|".join(longer) + ")"
        if "" not in node:
            return body
        return f"{body}?" if len(longer) == 1 and len(body) == 1 else f"(?:{body})?"

    return pattern(root)


_SKIP = ("a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label",
         "textarea", "select", "option", "title", "svg")
# Comments, and the start and end tags of the elements whose text is left alone: nothing else moves the stack.
_SKIP_TAG = re.compile(r"<!--.*?-->|<(/?)\s*(" + _trie(_SKIP) + r")(?![a-zA-Z0-9])[^>]*>", re.S | re.I)

_BEFORE = re.compile(r"[\w/-]")


class Annotator:
    """Compiled once per build; `annotate` is called for every page."""

    def __init__(self, terms: Iterable[Term]) -> None:
        titles: dict[str, str] = {}
        for term in terms:
            if not term.tips:
                continue
            title = f"{term.utlast}: {term.forklaring}" if term.utlast else term.forklaring
            for form in (term.term, *term.former):
                titles.setdefault(form, title)
        self.titles = titles
        # A term in text, not inside a tag (an attribute value) or a comment: the next '<' or '>' is not a '>'.
        # Not preceded by a letter, digit, '/' or '-' either; that is checked for each match (_BEFORE), since a
        # look-behind at the start of the pattern keeps the regex engine from skipping ahead to a term's first letter.
        self.pattern = re.compile(r"(" + _trie(titles) + r")(?![\w-])(?![^<>]*>)") if titles else None

    def _wrap(self, match: re.Match) -> str:
        word = match.group(1)
        return f'<abbr title="{escape(self.titles[word], quote=True)}">{word}</abbr>'

    def annotate(self, html: str) -> str:
        """Wrap each glossary term in text that is not inside a link, heading, code, abbreviation and so on.

        The terms are found in one pass over the page; only a page with terms is then walked, and only over
        comments and the start and end tags of the elements in _SKIP, to see which terms lie inside one.
        """
        if self.pattern is None:
            return html
        found: list[re.Match] = []
        at = 0
        while (term := self.pattern.search(html, at)) is not None:
            if term.start() and _BEFORE.match(html, term.start() - 1):
                at = term.start() + 1  # as the look-behind would: try again from the next character
                continue
            found.append(term)
            at = term.end()
        if not found:
            return html
        out: list[str] = []
        pos = 0
        tags = _SKIP_TAG.finditer(html)
        tag = next(tags, None)
        skipping: list[str] = []
        for term in found:
            while tag is not None and tag.start() < term.start():
                name = tag.group(2)
                if name is not None and not tag.group(0).endswith("/>"):
                    name = name.lower()
                    if tag.group(1):
                        if name in skipping:
                            while skipping and skipping.pop() != name:
                                pass
                    else:
                        skipping.append(name)
                tag = next(tags, None)
            if skipping:
                continue
            out += [html[pos:term.start()], self._wrap(term)]
            pos = term.end()
        out.append(html[pos:])
        return "".join(out)
