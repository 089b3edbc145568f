"""Glossary tooltips: wrap glossary terms in page HTML in <abbr title="…">.

Only text between tags is touched, never attributes; text inside links, headings,
code, existing abbreviations, scripts and styles is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

from .model import Term

_TAG = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_SKIP = {"a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label",
         "textarea", "select", "option", "title", "svg"}
_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


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
        forms = sorted(titles, key=len, reverse=True)
        self.pattern = (re.compile(r"(?<![\w/-])(" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
                        if forms else None)

    def _wrap(self, match: re.Match) -> str:
        word = match.group(1)
        return f'<abbr title="{escape(self.titles[word], quote=True)}">{word}</abbr>'

    def annotate(self, html: str) -> str:
        if self.pattern is None:
            return html
        out = []
        skipping: list[str] = []
        for part in _TAG.split(html):
            if not part:
                continue
            if part.startswith("<"):
                out.append(part)
                if part.startswith("<!--"):
                    continue
                m = _NAME.match(part)
                if not m:
                    continue
                name = m.group(1).lower()
                if name in _SKIP and not part.endswith("/>"):
                    if part.startswith("</"):
                        if name in skipping:
                            while skipping and skipping.pop() != name:
                                pass
                    else:
                        skipping.append(name)
                continue
            out.append(part if skipping else self.pattern.sub(self._wrap, part))
        return "".join(out)
