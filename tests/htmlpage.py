"""Read rendered pages the way a reader does: tables as rows of cell texts, links with their targets."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


def norm(text: str) -> str:
    """Collapse white space (including no-break spaces) and use '-' for the minus sign."""
    text = html.unescape(text).replace("\u00a0", " ").replace("\u2212", "-")
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Table:
    id: str | None
    caption: str = ""
    rows: list[list[str]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[Table] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self._stack: list[Table] = []
        self._wrapper_id: str | None = None
        self._cell: list[str] | None = None
        self._caption: list[str] | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "div" and "fb-table" in (a.get("class") or ""):
            self._wrapper_id = a.get("id")
        if tag == "table":
            self._stack.append(Table(a.get("id") or self._wrapper_id))
            self._wrapper_id = None
        elif tag == "tr" and self._stack:
            self._stack[-1].rows.append([])
        elif tag in ("td", "th") and self._stack:
            self._cell = []
        elif tag == "caption":
            self._caption = []
        elif tag == "br":
            for buffer in (self._cell, self._caption):
                if buffer is not None:
                    buffer.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self._stack:
            self.tables.append(self._stack.pop())
        elif tag in ("td", "th") and self._cell is not None and self._stack:
            self._stack[-1].rows[-1].append(norm("".join(self._cell)))
            self._cell = None
        elif tag == "caption" and self._caption is not None and self._stack:
            self._stack[-1].caption = norm("".join(self._caption))
            self._caption = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._caption is not None:
            self._caption.append(data)


@dataclass
class PageView:
    path: Path
    tables: list[Table]
    links: list[str]
    ids: set[str]
    text: str

    def table(self, table_id: str) -> Table:
        for t in self.tables:
            if t.id == table_id:
                return t
        raise AssertionError(f"no table with id {table_id!r} on {self.path}; have {[t.id for t in self.tables]}")

    def row(self, table_id: str, label: str) -> list[str]:
        for row in self.table(table_id).rows:
            if any(cell == label for cell in row[:2]):
                return row
        raise AssertionError(f"no row {label!r} in table {table_id!r} on {self.path}")


def read_page(path: Path) -> PageView:
    raw = path.read_text(encoding="utf-8")
    start, end = raw.find("<article"), raw.find("</article>")
    parser = _Parser()
    parser.feed(raw)
    article = _Parser()
    article.feed(raw[start:end] if start >= 0 else raw)
    return PageView(path, article.tables, parser.links, parser.ids, norm(" ".join(article.text)))


def page(site: Path, url: str) -> PageView:
    """The page at a site URL such as 'rapporter/vasterbergslagen-2020/'."""
    return read_page(site / url / "index.html" if not url.endswith(".html") else site / url)
