"""The one rule that keeps every page light as the faktabank grows: a page lists at most a fixed number of rows.

A page whose table would list more is split. The page keeps its address and becomes a summary that links to its
parts; each part is a page of its own with at most the limit of rows:

- lists of entities (the indexes of persons, insatser, reports and organisations) in pages of consecutive rows;
- what is about förbund (comparisons, the insatskatalog, an organisation's roles) by län, and a län that is still
  too long by förbund within it; an organisation's roles by förbund.

Below the limits nothing is split, so a small faktabank (the real data today) looks as it always has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

# Rows per page at most, by kind of table. Chosen so that a page stays well under 400 KB of HTML and 15 000
# elements (a comparison row with its cells, charts and sources weighs about 3 KB, an index row 0.2–0.4 KB).
MAX_ROWS = {
    "index": 300,  # persons, insatser, reports, organisations
    "roles": 250,  # an organisation's roles in all förbund and years
    "catalogue": 120,  # insatser in the insatskatalog
    "comparison": 40,  # förbund-years in a comparison table
    "results": 250,  # an indicator's results
    "latest": 20,  # the latest reports on the start page
    "links": 40,  # links in one table cell (beyond that, a count that links to where they are)
}
NO_LAN = "Län saknas"


@dataclass(frozen=True)
class Part:
    """One page of a split list: its slug (the last part of its address), its label and what it lists."""

    slug: str
    label: str
    items: tuple


def slug(text: str) -> str:
    """A readable, ASCII path segment: 'Västmanlands län' → 'vastmanlands-lan'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "x"


def pages_of(items: Sequence[T], limit: int, label: Callable[[T], str]) -> list[Part]:
    """Consecutive rows in pages of at most `limit`: 'del-1', 'del-2', … labelled by their first and last row.
    One part (the whole list) when it fits."""
    if len(items) <= limit:
        return [Part("", "", tuple(items))]
    parts = []
    for n, start in enumerate(range(0, len(items), limit), start=1):
        chunk = tuple(items[start:start + limit])
        first, last = label(chunk[0]), label(chunk[-1])
        parts.append(Part(f"del-{n}", first if first == last else f"{first} – {last}", chunk))
    return parts


def grouped(items: Iterable[T], group: Callable[[T], str], weight: Callable[[T], int], limit: int) -> list[Part]:
    """Items by group (a län), one part per group in the groups' alphabetical order; a group heavier than
    `limit` is split into parts of whole items ('Län, del 1 av 2'). `weight`: the rows an item brings."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(group(item), []).append(item)
    parts: list[Part] = []
    for name in sorted(groups, key=str.casefold):
        chunks: list[list[T]] = [[]]
        load = 0
        for item in groups[name]:
            w = weight(item)
            if chunks[-1] and load + w > limit:
                chunks.append([])
                load = 0
            chunks[-1].append(item)
            load += w
        for n, chunk in enumerate(chunks, start=1):
            if len(chunks) == 1:
                parts.append(Part(slug(name), name, tuple(chunk)))
            else:
                parts.append(Part(f"{slug(name)}-{n}", f"{name}, del {n} av {len(chunks)}", tuple(chunk)))
    return parts


def part_src(base_src: str, part: Part) -> str:
    """The docs path of a part of the page at `base_src`: 'personer/index.md' → 'personer/del-2.md',
    'jamforelser/intakter.md' → 'jamforelser/intakter/vastmanlands-lan.md'."""
    stem = base_src[: -len(".md")]
    folder = stem[: -len("index")] if stem.endswith("index") else stem + "/"
    return f"{folder}{part.slug}.md"


def lan_of(data: dict) -> str:
    return str(data.get("lan") or NO_LAN)
