"""What a rendered page holds for navigation: its headings (for the table of contents and the title) and
every id (the anchors other pages may link to). Read from the page's HTML with html.parser; nothing is
changed in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


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


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.outline = Outline()
        self.level = 0  # inside a heading of this level, 0 outside
        self.id: str | None = None
        self.text: list[str] = []
        self.skip = 0  # inside a heading's permalink (a.headerlink)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            value = values.get(name)
            if value and (name == "id" or tag == "a"):
                self.outline.ids.add(value)
        if tag in _HEADINGS and not self.level:
            self.level, self.id, self.text = _HEADINGS[tag], values.get("id"), []
        elif self.level and tag == "a" and "headerlink" in (values.get("class") or "").split():
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self.level and tag == "a" and self.skip:
            self.skip -= 1
        elif self.level and _HEADINGS.get(tag) == self.level:
            text = " ".join("".join(self.text).split())
            self.outline.headings.append(Heading(self.level, self.id, text))
            self.level = 0

    def handle_data(self, data: str) -> None:
        if self.level and not self.skip:
            self.text.append(data)


def outline(html: str) -> Outline:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.outline
