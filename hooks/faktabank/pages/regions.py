"""Table regions: the names a page's table boxes get, unique on the page.

A table box (`div.fb-table`, which scrolls sideways when its table is wider than the page) is a named,
keyboard-focusable region, so that a keyboard user can scroll it and a screen reader says which table it holds
(WCAG 2.1.1, 4.1.2). The templates write that markup themselves (tables.html.j2's `table_box`); this module only
keeps the count a page needs: an id for each caption, and a number for a caption that repeats one earlier on
the page, so that no two regions have the same name (the first keeps its caption as it is, the second is
"… (tabell 2)" to a screen reader, and so on).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Region:
    caption_id: str  # the caption's id, which the box's aria-labelledby names
    number: int | None  # where the caption repeats an earlier one on the page: which table of that name it is


class Regions:
    """One per rendered page (or per section of a hand-written page, each with its own prefix)."""

    def __init__(self, prefix: str = "fb-rubrik-") -> None:
        self.prefix = prefix
        self.count = 0
        self.used: set[str] = set()  # the names given so far, numbered ones included
        self.times: Counter[str] = Counter()  # how often each caption has come

    def box(self, caption: str) -> Region:
        """The next box on the page, captioned `caption` (HTML when it is Markup, else text)."""
        name = text_of(caption) if isinstance(caption, Markup) else " ".join(str(caption).split())
        self.count += 1
        self.times[name] += 1
        number = None
        if name in self.used:
            number = max(self.times[name], 2)
            while f"{name} (tabell {number})" in self.used:  # a caption that reads like a numbered one
                number += 1
            name = f"{name} (tabell {number})"
        self.used.add(name)
        return Region(f"{self.prefix}{self.count}", number)


def text_of(caption: Markup) -> str:
    """The caption's text, as Markup.striptags gives it (tags dropped, entities read, spaces collapsed), for four
    times less: captions hold no comments, and most no entity."""
    text = _TAG.sub("", caption)
    return " ".join((html.unescape(text) if "&" in text else text).split())
